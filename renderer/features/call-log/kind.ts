import type { CallLogRow, DeskbookDb } from '../../db/db';
import { defineDeliveryKind, missing } from '../../outbox/kinds';
import type { Failed, Landed } from '../../outbox/kinds';

/** One bulk write of the call logs a batch of results touched. */
async function update(db: DeskbookDb, entries: readonly (Landed | Failed)[], changes: (i: number) => Partial<CallLogRow>): Promise<void> {
  await db.callLogs.bulkUpdate(entries.map((entry, i) => ({ key: entry.row.escalationId, changes: changes(i) })));
}

/**
 * A logged call: `sync:logCall` creates the closed ticket (once: the run id is the request id);
 * landing records where, for the note on the outcome screen; a refusal (policy turned off, the
 * guard) is kept with its words.
 */
export const callLogKind = defineDeliveryKind<CallLogRow>({
  name: 'call-log',
  reads: ['callLogs'],
  load: (db, rows) => db.callLogs.bulkGet(rows.map((r) => r.escalationId)),
  async send(row, log, ipc) {
    const logCall = ipc.sync?.logCall;
    if (!log || !logCall) return missing('call log');
    return logCall({ requestId: row.id, attemptId: row.attemptId!, record: log.record, maybeDelivered: row.maybeDelivered });
  },
  writes: ['callLogs'],
  landed: (db, entries, now) =>
    update(db, entries, (i) => ({ status: 'sent', remoteId: entries[i]!.remoteId, remoteUrl: entries[i]!.url, sentAt: now, message: null })),
  failed: (db, entries) => update(db, entries, (i) => ({ status: 'failed', message: entries[i]!.message })),
});
