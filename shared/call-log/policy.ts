import type { OutgoingText } from '../escalation/outgoing-texts';
import type { CallLogSettings } from '../ipc/settings';
import type { CallLogRecord } from './schema';
import { scrubStudent } from './student';

/** What main may send of a call log under the district's policy. */
export type AllowedCallLog =
  | { allowed: false; message: string }
  | {
      allowed: true;
      record: CallLogRecord;
      /** Student data arrived that the policy does not allow, and was taken out. */
      stripped: boolean;
    };

/**
 * Main's own decision on a call log, from its resolved settings, whatever the renderer decided:
 * refused while LogResolvedCalls is off; without LogCallStudentData, `student` is removed and
 * every mention of that student's name or number in the texts becomes `(student)`. Pure.
 */
export function allowedCallLog(record: CallLogRecord, policy: CallLogSettings): AllowedCallLog {
  if (!policy.enabled) {
    return {
      allowed: false,
      message: 'Logging resolved calls is turned off for this computer (policy LogResolvedCalls): this call log was not sent.',
    };
  }
  if (policy.includeStudentData || record.student === undefined) return { allowed: true, record, stripped: false };
  const { student, ...rest } = record;
  const scrub = (text: string) => scrubStudent(text, student);
  const outcome = record.outcome;
  return {
    allowed: true,
    stripped: true,
    record: {
      ...rest,
      path: record.path.map((step) => ({ ...step, title: scrub(step.title) })),
      outcome:
        outcome.type === 'resolved'
          ? { ...outcome, title: scrub(outcome.title), summary: scrub(outcome.summary) }
          : {
              ...outcome,
              title: scrub(outcome.title),
              to: scrub(outcome.to),
              how: scrub(outcome.how),
              ...(outcome.summary === undefined ? {} : { summary: scrub(outcome.summary) }),
            },
    },
  };
}

/** Every free text of a call log, for the credential guard in main (what leaves this computer). */
export function callLogTexts(record: CallLogRecord): OutgoingText[] {
  const o = record.outcome;
  const texts: OutgoingText[] = [
    { path: 'record.sop.title', label: 'Procedure', text: record.sop.title },
    { path: 'record.path', label: 'Path taken', text: record.path.map((p) => p.title).join('\n') },
    { path: 'record.outcome.title', label: 'Outcome', text: o.title },
  ];
  if (o.type === 'resolved') texts.push({ path: 'record.outcome.summary', label: 'What fixed it', text: o.summary });
  else {
    texts.push({ path: 'record.outcome.to', label: 'Referred to', text: o.to }, { path: 'record.outcome.how', label: 'How to reach them', text: o.how });
    if (o.summary !== undefined) texts.push({ path: 'record.outcome.summary', label: 'Summary', text: o.summary });
  }
  texts.push({ path: 'record.analyst.name', label: 'Analyst', text: record.analyst.name });
  if (record.student?.name) texts.push({ path: 'record.student.name', label: 'Student name', text: record.student.name });
  return texts;
}
