import type { DecisionResult } from '../../shared/ipc/sync';
import type { DeskbookDb, OutboxKind, OutboxRow } from '../db/db';
import { NEVER, applyOutcome } from './apply-outcome';
import type { AttemptResult } from './apply-outcome';
import { deliveryKind, kindTables } from './kinds';
import type { Conflicted, DeliveryKind, Failed, Landed, Send } from './kinds';

// The outbox table's one writer. Features queue and re-queue through these functions inside
// their own transactions (an entry and what it delivers commit together); everything else here
// runs its own short transaction, never one held across IPC or the network.

export { NEVER } from './apply-outcome';
export type { AttemptResult } from './apply-outcome';

/** A fresh outbox entry, due now. `kind` defaults to a new escalation. */
export function newOutboxEntry(id: string, refId: string, now: number, kind?: OutboxKind, remoteId?: string): OutboxRow {
  return {
    id,
    ...(kind ? { kind } : {}),
    escalationId: refId,
    ...(remoteId ? { remoteId } : {}),
    state: 'pending',
    attemptId: null,
    attempts: 0,
    maybeDelivered: false,
    nextAttemptAt: now,
    lastError: null,
    lastOutcome: null,
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * An entry put back in line after what it delivers was edited: the same id (the request id), so
 * a server that got an earlier attempt still cannot end up with two. `mayHaveLanded`: an earlier
 * attempt (a "failed" one included: a custom field that did not stick, a refused note) may have
 * created it, so the next attempt looks the request id up before creating.
 */
export function requeuedEntry(existing: OutboxRow | undefined, id: string, refId: string, now: number, mayHaveLanded: boolean): OutboxRow {
  return {
    id,
    escalationId: refId,
    state: mayHaveLanded ? 'needs_reconcile' : 'pending',
    attemptId: null,
    attempts: existing?.attempts ?? 0,
    failures: 0,
    maybeDelivered: mayHaveLanded,
    nextAttemptAt: now,
    lastError: null,
    lastOutcome: existing?.lastOutcome ?? null,
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
  };
}

/** Queues (or replaces) an entry. Call it inside the transaction that writes what it delivers. */
export async function putEntry(db: DeskbookDb, entry: OutboxRow): Promise<void> {
  await db.outbox.put(entry);
}

/** Withdraws entries a newer one replaces (an explicit user action). Call it inside the caller's transaction. */
export async function withdrawEntries(db: DeskbookDb, ids: readonly string[]): Promise<void> {
  if (ids.length > 0) await db.outbox.bulkDelete([...ids]);
}

/**
 * At start-up (or when this tab takes the lock over from a dead one) every entry still `sending`
 * may have reached the server: it becomes `needs_reconcile`, due now.
 */
export async function recoverInterrupted(db: DeskbookDb, now: number): Promise<number> {
  return db.transaction('rw', db.outbox, async () =>
    db.outbox
      .where('state')
      .equals('sending')
      .modify({ state: 'needs_reconcile', attemptId: null, maybeDelivered: true, nextAttemptAt: now, updatedAt: now }),
  );
}

/**
 * Claims up to `limit` due entries in one short transaction: `pending|needs_reconcile →
 * sending(attemptId)`. Entries not eligible (sending, failed, paused) park at NEVER, so the
 * index range holds only due ones.
 */
export async function claimBatch(db: DeskbookDb, now: number, limit: number, newId: () => string): Promise<OutboxRow[]> {
  return db.transaction('rw', db.outbox, async () => {
    const due = await db.outbox.where('nextAttemptAt').belowOrEqual(now).limit(limit).toArray();
    const claimed = due
      .filter((row) => row.state === 'pending' || row.state === 'needs_reconcile')
      .map(
        (row): OutboxRow => ({
          ...row,
          state: 'sending',
          attemptId: newId(),
          attempts: row.attempts + 1,
          maybeDelivered: row.maybeDelivered || row.state === 'needs_reconcile',
          nextAttemptAt: NEVER,
          updatedAt: now,
        }),
      );
    if (claimed.length > 0) await db.outbox.bulkPut(claimed);
    return claimed;
  });
}

/** Claims the next due entry (one-entry form of claimBatch). */
export async function claimNext(db: DeskbookDb, now: number, attemptId: string): Promise<OutboxRow | null> {
  const [row] = await claimBatch(db, now, 1, () => attemptId);
  return row ?? null;
}

/** A claimed entry and its attempt, ready to send. */
export interface Claimed {
  row: OutboxRow;
  send: Send;
}

const unregistered =
  (row: OutboxRow): Send =>
  async () => ({ ok: true, value: { kind: 'failed', message: `This version of Deskbook cannot deliver entries of kind "${row.kind ?? 'escalation'}".` } });

/**
 * Claims a batch (durably: before anything is sent) and reads, in the same transaction (one
 * commit, not two), what each entry's kind needs to send it.
 */
export async function claimDue(db: DeskbookDb, now: number, limit: number, newId: () => string): Promise<Claimed[]> {
  return db.transaction('rw', ['outbox', ...kindTables('reads')], async () => {
    const rows = await claimBatch(db, now, limit, newId);
    const sends = new Map<OutboxRow, Send>();
    for (const [kind, group] of byKind(rows)) {
      const prepared = kind ? await kind.prepare(db, group) : group.map(unregistered);
      group.forEach((row, i) => sends.set(row, prepared[i] ?? unregistered(row)));
    }
    return rows.map((row) => ({ row, send: sends.get(row) ?? unregistered(row) }));
  });
}

function byKind(rows: readonly OutboxRow[]): Map<DeliveryKind | undefined, OutboxRow[]> {
  const groups = new Map<DeliveryKind | undefined, OutboxRow[]>();
  for (const row of rows) {
    const kind = deliveryKind(row);
    const group = groups.get(kind);
    if (group) group.push(row);
    else groups.set(kind, [row]);
  }
  return groups;
}

/** What one results batch hands to each kind. */
interface KindEvents {
  landed: Landed[];
  failed: Failed[];
  conflicted: Conflicted[];
}

/**
 * Records several attempts' results in ONE transaction (group commit: results that arrive while
 * a write is on disk go in the next one), reading and writing each table in bulk so a batch costs
 * a few round trips to the database, not a few per result. Results of attempts that are no longer
 * current (the entry was recovered, retried or edited since) are ignored. Each entry's kind
 * writes its own tables (where it landed, why it failed) in the same transaction.
 */
export async function recordResults(
  db: DeskbookDb,
  results: readonly AttemptResult[],
  now: number,
  random: () => number,
): Promise<('recorded' | 'stale')[]> {
  return db.transaction('rw', ['outbox', ...kindTables('writes')], async () => {
    const ids = [...new Set(results.map((r) => r.id))];
    const rows = await db.outbox.bulkGet(ids);
    // Outbox rows as they stand after the results so far (undefined: deleted).
    const outbox = new Map(ids.map((id, i) => [id, rows[i]]));
    const before = new Map(outbox);
    const events = new Map<DeliveryKind, KindEvents>();
    const outcomes = results.map((result): 'recorded' | 'stale' => {
      const row = outbox.get(result.id);
      const kind = row ? deliveryKind(row) : undefined;
      const changes = applyOutcome(row, { attemptId: result.attemptId, outcome: asRecorded(result.outcome, kind) }, now, random);
      if (changes.stale || !row) return 'stale';
      outbox.set(result.id, changes.row);
      if (kind && changes.event) {
        const forKind = events.get(kind) ?? { landed: [], failed: [], conflicted: [] };
        events.set(kind, forKind);
        const { event } = changes;
        if (event.type === 'landed') forKind.landed.push({ row, remoteId: event.remoteId, url: event.url });
        else if (event.type === 'failed') forKind.failed.push({ row, message: event.message });
        else forKind.conflicted.push({ row, message: event.message, current: event.current });
      }
      return 'recorded';
    });
    const deleted: string[] = [];
    const changed: OutboxRow[] = [];
    for (const [id, row] of outbox) {
      if (row === before.get(id)) continue;
      if (row) changed.push(row);
      else deleted.push(id);
    }
    await Promise.all([
      deleted.length > 0 ? db.outbox.bulkDelete(deleted) : undefined,
      changed.length > 0 ? db.outbox.bulkPut(changed) : undefined,
      writeKindEvents(db, events, now),
    ]);
    return outcomes;
  });
}

/** A conflict for a kind that cannot take one is kept as a failure, never dropped. */
function asRecorded(outcome: DecisionResult, kind: DeliveryKind | undefined): DecisionResult {
  return outcome.kind === 'conflict' && !kind?.conflicted ? { kind: 'failed', message: outcome.message } : outcome;
}

/** One kind after another (two kinds may write the same table), each handler once per batch. */
async function writeKindEvents(db: DeskbookDb, events: Map<DeliveryKind, KindEvents>, now: number): Promise<void> {
  for (const [kind, { landed, failed, conflicted }] of events) {
    if (landed.length > 0) await kind.landed?.(db, landed, now);
    if (failed.length > 0) await kind.failed?.(db, failed, now);
    if (conflicted.length > 0) await kind.conflicted?.(db, conflicted, now);
  }
}

/** Records one attempt's result (one-result form of recordResults). */
export async function recordResult(
  db: DeskbookDb,
  id: string,
  attemptId: string,
  outcome: DecisionResult,
  now: number,
  random: () => number,
): Promise<'recorded' | 'stale'> {
  const [status] = await recordResults(db, [{ id, attemptId, outcome }], now, random);
  return status ?? 'stale';
}

/** Claimed but not started (the loop stopped: offline, paused, stopped): back in line, due now. */
export async function releaseClaims(db: DeskbookDb, rows: readonly OutboxRow[], now: number): Promise<void> {
  if (rows.length === 0) return;
  await db.transaction('rw', db.outbox, async () => {
    for (const row of rows) {
      const current = await db.outbox.get(row.id);
      if (current?.state !== 'sending' || current.attemptId !== row.attemptId) continue;
      await db.outbox.update(row.id, {
        state: current.maybeDelivered ? 'needs_reconcile' : 'pending',
        attemptId: null,
        attempts: Math.max(0, current.attempts - 1),
        nextAttemptAt: now,
        updatedAt: now,
      });
    }
  });
}

/** Puts paused entries (after a sign-in) back in line, due now. */
export async function resumePaused(db: DeskbookDb, now: number): Promise<number> {
  return db.outbox.where('state').equals('paused').modify({ state: 'pending', nextAttemptAt: now, updatedAt: now });
}

/**
 * "Retry now": makes a waiting entry due immediately and first in line, ahead of entries that
 * were already due (a queue held by the server's rate limit sends one at a time, and the one the
 * analyst asked for should be that one). Not a failed entry: that needs an edit.
 */
export async function retryNow(db: DeskbookDb, id: string, now: number): Promise<boolean> {
  return db.transaction('rw', db.outbox, async () => {
    const row = await db.outbox.get(id);
    if (!row || (row.state !== 'pending' && row.state !== 'needs_reconcile' && row.state !== 'paused')) return false;
    const first = (await db.outbox.orderBy('nextAttemptAt').first())?.nextAttemptAt ?? now;
    const nextAttemptAt = Math.min(now, first - 1);
    await db.outbox.update(id, { nextAttemptAt, state: row.state === 'paused' ? 'pending' : row.state, updatedAt: now });
    return true;
  });
}

/** When the earliest waiting entry is due (NEVER or undefined: nothing is). */
export async function nextDue(db: DeskbookDb): Promise<number | undefined> {
  return (await db.outbox.orderBy('nextAttemptAt').first())?.nextAttemptAt;
}
