import { outcomeOf, pathTaken } from '../sop/run-views';
import type { RunState } from '../sop/run-state';
import type { SopDocument } from '../sop/schema';
import { CALL_LOG_VERSION, callLogRecordSchema } from './schema';
import type { CallLogOutcome, CallLogRecord } from './schema';
import { maskStudentVariables, scrubStudent, studentOf } from './student';

export interface CallLogSource {
  runId: string;
  packId: string;
  /** The document the run followed (its own version). */
  doc: SopDocument;
  state: RunState;
  analyst: { id: string; name: string };
  /** LogCallStudentData: whether the log may name the student. */
  includeStudentData: boolean;
}

/**
 * The call log of a finished run, or null when there is nothing to log: the run is not finished,
 * or it ended in an escalation (the escalation ticket is the record of that call). Pure.
 *
 * Without `includeStudentData` every text is written from the run's variables with each student
 * variable replaced by `(student)`, then any remaining mention of the student's name or number
 * (a description another variable carried) is replaced as well, and `student` is left out.
 * Answers and typed values are never copied: the path holds node ids and titles only.
 */
export function callLogFromRun(source: CallLogSource): CallLogRecord | null {
  const { doc, state } = source;
  if (state.status !== 'finished' || state.finishedAt === undefined) return null;
  const student = studentOf(doc, state.variables);
  const allowed = source.includeStudentData;
  const view: RunState = allowed ? state : { ...state, variables: maskStudentVariables(doc, state.variables) };
  const scrub = (text: string) => (allowed ? text : scrubStudent(text, student)).replace(/\s+/g, ' ').trim();

  const reached = outcomeOf(doc, view);
  if (!reached) return null;
  const o = reached.outcome;
  let outcome: CallLogOutcome;
  if (o.type === 'resolved') outcome = { type: 'resolved', nodeId: reached.nodeId, title: scrub(reached.title), summary: scrub(o.summary) };
  else if (o.type === 'referred') {
    outcome = { type: 'referred', nodeId: reached.nodeId, title: scrub(reached.title), to: scrub(o.to), how: scrub(o.how) };
    if (o.summary !== undefined) outcome.summary = scrub(o.summary);
  } else return null;

  const startedAt = new Date(state.startedAt);
  const finishedAt = new Date(state.finishedAt);
  const record: CallLogRecord = {
    version: CALL_LOG_VERSION,
    runId: source.runId,
    sop: { id: doc.id, version: doc.version, title: doc.title, packId: source.packId },
    path: pathTaken(doc, view).map((step) => ({ nodeId: step.nodeId, title: scrub(step.title) || step.nodeId })),
    outcome,
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    durationSeconds: Math.max(0, Math.round((finishedAt.getTime() - startedAt.getTime()) / 1000)),
    analyst: { id: source.analyst.id, name: source.analyst.name },
    ...(allowed && student ? { student } : {}),
  };
  // The schema's limits hold for what is sent (a title past 500 characters is an authoring bug).
  return callLogRecordSchema.parse(record);
}
