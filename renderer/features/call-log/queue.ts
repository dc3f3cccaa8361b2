import { callLogFromRun } from '../../../shared/call-log/build';
import type { CallLogRecord } from '../../../shared/call-log/schema';
import type { CallLogSettings } from '../../../shared/ipc/settings';
import type { CallLogRow, DeskbookDb, RunRow } from '../../db/db';
import { newOutboxEntry, putEntry, withdrawEntries } from '../../outbox/store';

// The one writer of `callLogs` outside the outbox's results transaction (where the call-log
// kind, kind.ts, records a landing or a refusal): a run's log is queued here with its outbox
// entry, in one transaction, keyed by the run id.

/** What logging needs besides the run: main's effective policy and who took the call. */
export interface CallLogContext {
  policy: CallLogSettings;
  analyst: { id: string; name: string };
}

/**
 * What `logFinishedCall` did: `off` (policy), `nothing` (not finished, or nothing to log),
 * `queued`, `kept` (already queued or sent: left as it is), `updated` (still unsent, and the run
 * now ends differently), `withdrawn` (still unsent, and the run now ends in an escalation).
 */
export type CallLogChange = 'off' | 'nothing' | 'queued' | 'kept' | 'updated' | 'withdrawn';

/**
 * Keeps a finished run's call log in step with how it ended, with never more than one per run:
 * the log and its outbox entry share the run's id (also the request id), so a second click, a
 * reload, or going back and finishing again finds the first and queues nothing new. While no
 * attempt can have reached the server (pending, never maybe-delivered) the record follows the
 * run: a changed ending updates it, an escalation withdraws it. Once an attempt may have landed
 * it stays as it is. The policy is the renderer's view of main's; main checks again.
 */
export async function logFinishedCall(db: DeskbookDb, run: RunRow, context: CallLogContext, now: number): Promise<CallLogChange> {
  if (!context.policy.enabled) return 'off';
  if (run.status !== 'finished') return 'nothing';
  const record = callLogFromRun({
    runId: run.id,
    packId: run.packId,
    doc: run.doc,
    state: run.state,
    analyst: context.analyst,
    includeStudentData: context.policy.includeStudentData,
  });
  return db.transaction('rw', db.callLogs, db.outbox, async (): Promise<CallLogChange> => {
    const [existing, entry] = await Promise.all([db.callLogs.get(run.id), db.outbox.get(run.id)]);
    const unsent = existing?.status === 'queued' && entry?.state === 'pending' && !entry.maybeDelivered;
    if (!record) {
      if (!existing || !unsent) return 'nothing';
      await Promise.all([db.callLogs.delete(run.id), withdrawEntries(db, [run.id])]);
      return 'withdrawn';
    }
    if (!existing) {
      await Promise.all([db.callLogs.put(queuedRow(record, now)), putEntry(db, newOutboxEntry(run.id, run.id, now, 'call-log'))]);
      return 'queued';
    }
    if (!unsent || sameRecord(existing.record, record)) return 'kept';
    await db.callLogs.update(run.id, { record });
    return 'updated';
  });
}

function queuedRow(record: CallLogRecord, now: number): CallLogRow {
  return { runId: record.runId, record, status: 'queued', remoteId: null, remoteUrl: null, message: null, queuedAt: now, sentAt: null };
}

/** Records are plain JSON built by one function, so their serialisations compare. */
function sameRecord(a: CallLogRecord, b: CallLogRecord): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
