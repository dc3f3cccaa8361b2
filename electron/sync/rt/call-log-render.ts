import type { CallLogRecord } from '../../../shared/call-log/schema';

/**
 * A logged call as a ticket: the subject names the procedure and how the call ended, never a
 * person (subjects show in every ticket list and mail client); the body says the rest. Built
 * only from the record, which main has already checked against the student-data policy.
 */
export function callLogSubject(record: CallLogRecord): string {
  const ended = record.outcome.type === 'resolved' ? 'resolved on the call' : 'referred';
  return `Call log · ${record.sop.title} · ${ended}`.slice(0, 200);
}

export function renderCallLogBody(record: CallLogRecord, requestId: string): string {
  const o = record.outcome;
  const lines: string[] = [
    `Call logged by Deskbook: ${o.type === 'resolved' ? 'resolved on the call' : `referred to ${o.to}`}`,
    '',
    ...section('Outcome', [
      `${o.title}`,
      ...(o.type === 'resolved' ? [`Resolved: ${o.summary}`] : [`Referred to ${o.to}: ${o.how}`, ...(o.summary ? [`Summary: ${o.summary}`] : [])]),
    ]),
    ...section('Procedure (SOP)', [
      `SOP: ${record.sop.title} (${record.sop.id}, version ${record.sop.version}, pack ${record.sop.packId})`,
      ...(record.path.length > 0 ? record.path.map((step, i) => `${i + 1}. ${step.title} [${step.nodeId}]`) : ['(ended at the first step)']),
      `${record.path.length + 1}. ${o.title} [${o.nodeId}]`,
    ]),
    ...section('Call', [
      `Started: ${record.startedAt}`,
      `Finished: ${record.finishedAt}`,
      `Duration: ${durationText(record.durationSeconds)}`,
      `Analyst: ${record.analyst.name} (${record.analyst.id})`,
      ...(record.student ? [`Student: ${studentLine(record.student)}`] : []),
    ]),
    ...section('Deskbook', [`Request ID: ${requestId}`, `Run ID: ${record.runId}`]),
  ];
  return lines.join('\n').trimEnd() + '\n';
}

/** The "SOP Path" custom field, as escalations write it: `id@version: node > node`. */
export function callLogSopPath(record: CallLogRecord): string {
  return `${record.sop.id}@${record.sop.version}: ${[...record.path.map((p) => p.nodeId), record.outcome.nodeId].join(' > ')}`;
}

/** "4 min 12 s", "1 h 3 min", "45 s". */
export function durationText(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (h > 0) return `${h} h ${m} min`;
  if (m > 0) return `${m} min ${s} s`;
  return `${s} s`;
}

function studentLine(student: NonNullable<CallLogRecord['student']>): string {
  if (student.name && student.number) return `${student.name} (#${student.number})`;
  return student.name ?? `#${student.number ?? ''}`;
}

function section(title: string, body: readonly string[]): string[] {
  return [title, '-'.repeat(title.length), ...body, ''];
}
