import { Dexie } from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../db/db';
import type { CallLogRow, EscalationRow, OutboxRow, OutboxState } from '../../db/db';


export type OutboxCounts = Record<OutboxState, number> & { sent: number };

/** The counts before they are read (the same object, so a screen can tell "not read yet" from "nothing"). */
export const EMPTY_COUNTS: OutboxCounts = { pending: 0, sending: 0, needs_reconcile: 0, failed: 0, paused: 0, sent: 0 };
const EMPTY = EMPTY_COUNTS;

/** The start of today on this computer's clock: "delivered today" counts from here. */
export function startOfToday(now = Date.now()): number {
  const d = new Date(now);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

/**
 * Counts by state; `sent` counts escalations delivered today. IndexedDB counts by walking the
 * range (10,000 pending entries take ~50 ms by the state index in Chromium), and this re-runs
 * on every result a drain records, so the big count is the store's (~3x cheaper) minus the
 * small states, and delivered history is counted from today, not from the first day.
 */
export function useOutboxCounts(ready = true): OutboxCounts {
  return useLiveQuery(
    async () => {
      // Not before `ready`: the screen's rows go to IndexedDB first and paint without waiting.
      if (!ready) return EMPTY;
      // One transaction, not one per count: while a drain writes, every reader waits its turn
      // behind the pump's writes, and six readers each time cost six waits.
      return db().transaction('r', ['outbox', 'escalations'], async () => {
        const outbox = db().outbox;
        const [all, sending, needs, failed, paused, sent] = await Promise.all([
          outbox.count(),
          outbox.where('state').equals('sending').count(),
          outbox.where('state').equals('needs_reconcile').count(),
          outbox.where('state').equals('failed').count(),
          outbox.where('state').equals('paused').count(),
          db().escalations.where('[status+sentAt]').between(['sent', startOfToday()], ['sent', Dexie.maxKey]).count(),
        ]);
        return { pending: all - sending - needs - failed - paused, sending, needs_reconcile: needs, failed, paused, sent };
      });
    },
    [ready],
    EMPTY,
  );
}

export interface OutboxItem {
  entry: OutboxRow;
  escalation: EscalationRow | undefined;
  /** For a logged call (kind `call-log`): its record. */
  callLog?: CallLogRow | undefined;
}

/**
 * Waiting entries with their escalations: failed and paused first (they need a person), then
 * in delivery order. At most `limit` rows are read and shown, so a queue of thousands stays cheap while
 * it drains; the counts above the list say how many there are in all.
 */
export function useOutboxItems(limit = 25): OutboxItem[] | undefined {
  return useLiveQuery(
    () =>
      // One transaction for the page and what it shows (see useOutboxCounts), and one snapshot.
      db().transaction('r', ['outbox', 'escalations', 'callLogs'], async () => {
        const [failed, paused, sending, due] = await Promise.all([
          db().outbox.where('state').equals('failed').limit(limit).toArray(),
          db().outbox.where('state').equals('paused').limit(limit).toArray(),
          db().outbox.where('state').equals('sending').limit(limit).toArray(),
          db().outbox.where('nextAttemptAt').below(Number.MAX_SAFE_INTEGER).limit(limit).toArray(),
        ]);
        const entries = [...failed, ...paused, ...sending, ...due].slice(0, limit);
        const [escalations, callLogs] = await Promise.all([
          db().escalations.bulkGet(entries.map((e) => e.escalationId)),
          db().callLogs.bulkGet(entries.map((e) => (e.kind === 'call-log' ? e.escalationId : ''))),
        ]);
        return entries.map((entry, i) => ({ entry, escalation: escalations[i], callLog: callLogs[i] }));
      }),
    [limit],
  );
}

/** The most recently delivered escalations, with links to their tickets. */
export function useRecentlySent(limit = 50): EscalationRow[] {
  // By index: re-run on every result a drain records, so it must not read every delivered row.
  return useLiveQuery(
    () => db().escalations.where('[status+sentAt]').between(['sent', Dexie.minKey], ['sent', Dexie.maxKey]).reverse().limit(limit).toArray(),
    [limit],
    [],
  );
}
