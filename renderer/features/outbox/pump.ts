import type { DecisionResult } from '../../../shared/ipc/contract';
import type { DeliverRequest, DeliveryResult } from '../../../shared/ipc/sync';
import type { DecisionRequest, ResubmitRequest } from '../../../shared/review/schema';
import type { Result } from '../../../shared/result';
import type { DeskbookDb, EscalationRow, OutboxRow } from '../../db/db';
import { backoffDelay } from './backoff';

/** Entries not eligible for a claim (sending, failed, paused) park their due time here. */
export const NEVER = Number.MAX_SAFE_INTEGER;

/** How soon results whose write failed are written again. */
export const RESULT_WRITE_RETRY_MS = 5_000;

export interface PumpDeps {
  db: DeskbookDb;
  /**
   * Where results are written; may be a relaxed-durability connection to the same database.
   * That is safe because every claim is durable first: a result lost in a crash leaves its entry
   * `sending`, which start-up turns into `needs_reconcile`, which looks the request id up before
   * sending again. Defaults to `db`.
   */
  resultsDb?: DeskbookDb;
  /** Entries claimed per claim transaction (default 4 × concurrency). */
  claimAhead?: number;
  /** `sync:deliver` over IPC. */
  deliver: (request: DeliverRequest) => Promise<Result<DeliveryResult>>;
  /** `review:decide` over IPC (supervisors' decisions). */
  decide?: (request: DecisionRequest) => Promise<Result<DecisionResult>>;
  /** `sync:resubmit` over IPC (an analyst's fix of a returned escalation). */
  resubmit?: (request: ResubmitRequest) => Promise<Result<DeliveryResult>>;
  now: () => number;
  random: () => number;
  newId: () => string;
  /** Main's reachability probe says the ticketing system answers. */
  isOnline: () => boolean;
  /** Runs `fn` while holding the app-wide pump lock (a Web Lock in the app). */
  withLock: (fn: () => Promise<void>) => Promise<void>;
  concurrency?: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  /** Called after each recorded result, for progress displays. */
  onProgress?: () => void;
}

export interface OutboxPump {
  /** Takes the pump lock and runs until `stop()`; resolves once the lock is held. */
  start(): Promise<void>;
  stop(): void;
  /** A trigger: enqueue, `online`, a reconnect push, "Retry now". */
  kick(): void;
  /** Delivers everything due now; resolves when nothing due is left (tests, benchmarks). */
  drain(): Promise<void>;
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

/** Turns an IPC failure (main unreachable, refused) into a delivery result. */
function fromIpcError(result: { ok: false; error: { code: string; message: string } }): DeliveryResult {
  const { code, message } = result.error;
  // Main refused this user (a role, an Authorized-Contact rule): signing in again cannot help.
  if (code === 'FORBIDDEN') return { kind: 'failed', message };
  if (code === 'BAD_INPUT') return { kind: 'failed', message };
  if (code === 'VAULT_UNAVAILABLE' || code === 'SIGNED_OUT') return { kind: 'auth', status: 401, message };
  // Main may have sent the request before the answer was lost: reconcile before resending.
  return { kind: 'retry', reason: message, maybeDelivered: true };
}

const DECIDED_STATE = { approve: 'approved', return: 'returned', forward: 'forwarded' } as const;

/** One attempt's result, waiting to be recorded. */
export interface AttemptResult {
  id: string;
  attemptId: string;
  outcome: DecisionResult;
}

/** Writes a batch of results will make, collected so each table is written once per batch. */
interface ResultWrites {
  /** Outbox rows as they stand after the results so far (undefined: deleted). */
  outbox: Map<string, OutboxRow | undefined>;
  escalations: Map<string, Partial<EscalationRow>>;
}

/**
 * Applies one result to the batch's pending writes; a stale attempt changes nothing. Decisions
 * (a supervisor's handful) are written at once; outbox and escalation rows are written in bulk
 * by recordResults.
 */
async function applyResult(db: DeskbookDb, writes: ResultWrites, result: AttemptResult, now: number, random: () => number): Promise<'recorded' | 'stale'> {
  const { id, attemptId, outcome } = result;
  const row = writes.outbox.get(id);
  if (!row || row.state !== 'sending' || row.attemptId !== attemptId) return 'stale';
  const kind = row.kind ?? 'escalation';
  const base = { attemptId: null, updatedAt: now, lastOutcome: outcome.kind === 'conflict' ? ('failed' as const) : outcome.kind };
  const update = (changes: Partial<OutboxRow>) => writes.outbox.set(id, { ...row, ...changes });
  const updateEscalation = (changes: Partial<EscalationRow>) =>
    writes.escalations.set(row.escalationId, { ...writes.escalations.get(row.escalationId), ...changes });
  switch (outcome.kind) {
    case 'sent':
      writes.outbox.set(id, undefined);
      if (kind === 'decision') {
        await db.decisions.update(row.escalationId, { state: 'applied', message: null });
        // Show the decision in the supervisor's cached list at once, before the next pull.
        const decision = await db.decisions.get(row.escalationId);
        if (decision) {
          const reviewState = DECIDED_STATE[decision.decision.kind];
          await db.reviews.update(decision.remoteId, { reviewState, 'item.reviewState': reviewState });
        }
      }
      else if (kind === 'resubmit') updateEscalation({ status: 'sent', reviewState: 'awaiting-review', reviewComment: null, sentAt: now });
      else updateEscalation({ status: 'sent', remoteId: outcome.remoteId, remoteUrl: outcome.url, sentAt: now });
      break;
    case 'conflict':
      // Not an error to retry: the supervisor must look at both versions and decide again.
      writes.outbox.set(id, undefined);
      await db.decisions.update(row.escalationId, { state: 'conflict', current: outcome.current, message: outcome.message });
      break;
    case 'retry': {
      const failures = (row.failures ?? 0) + 1;
      update({
        ...base,
        state: 'pending',
        failures,
        maybeDelivered: row.maybeDelivered || outcome.maybeDelivered,
        nextAttemptAt: now + backoffDelay(failures, random, outcome.retryAfterMs),
        lastError: outcome.reason,
      });
      break;
    }
    case 'failed':
      update({ ...base, state: 'failed', nextAttemptAt: NEVER, lastError: outcome.message });
      if (kind === 'decision') await db.decisions.update(row.escalationId, { state: 'failed', message: outcome.message });
      else if (kind === 'escalation') updateEscalation({ status: 'failed' });
      break;
    case 'auth':
      update({
        ...base,
        state: 'paused',
        nextAttemptAt: NEVER,
        lastError: `${outcome.status === 403 ? "The ticketing system refused Deskbook's account" : 'Deskbook is not signed in to the ticketing system'} (${outcome.status}): ${outcome.message.replace(/\.$/, '')}. Sign in again in Settings.`,
      });
      break;
  }
  return 'recorded';
}

/**
 * Records several attempts' results in ONE transaction (group commit: results that arrive while
 * a write is on disk go in the next one), reading and writing each table in bulk so a batch costs
 * a few round trips to the database, not a few per result. Results of attempts that are no longer
 * current (the entry was recovered, retried or edited since) are ignored.
 */
export async function recordResults(
  db: DeskbookDb,
  results: readonly AttemptResult[],
  now: number,
  random: () => number,
): Promise<('recorded' | 'stale')[]> {
  return db.transaction('rw', [db.outbox, db.escalations, db.decisions, db.reviews], async () => {
    const ids = [...new Set(results.map((r) => r.id))];
    const rows = await db.outbox.bulkGet(ids);
    const writes: ResultWrites = { outbox: new Map(ids.map((id, i) => [id, rows[i]])), escalations: new Map() };
    const before = new Map(writes.outbox);
    const outcomes: ('recorded' | 'stale')[] = [];
    for (const result of results) outcomes.push(await applyResult(db, writes, result, now, random));
    const deleted: string[] = [];
    const changed: OutboxRow[] = [];
    for (const [id, row] of writes.outbox) {
      if (row === before.get(id)) continue;
      if (row) changed.push(row);
      else deleted.push(id);
    }
    await Promise.all([
      deleted.length > 0 ? db.outbox.bulkDelete(deleted) : undefined,
      changed.length > 0 ? db.outbox.bulkPut(changed) : undefined,
      writes.escalations.size > 0 ? db.escalations.bulkUpdate([...writes.escalations].map(([key, changes]) => ({ key, changes }))) : undefined,
    ]);
    return outcomes;
  });
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

/** Puts paused entries (after a sign-in) back in line, due now. */
export async function resumePaused(db: DeskbookDb, now: number): Promise<number> {
  return db.outbox.where('state').equals('paused').modify({ state: 'pending', nextAttemptAt: now, updatedAt: now });
}

/**
 * The outbox pump: one per app (Web Lock). Claims and results go in separate short
 * transactions, never one held across IPC or the network; claims are taken in batches and
 * results group-committed, so the disk flushes do not serialise the deliveries. It sleeps until
 * the earliest due entry.
 */
export function createOutboxPump(deps: PumpDeps): OutboxPump {
  const setTimer = deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = deps.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  const concurrency = deps.concurrency ?? 4;
  const claimAhead = deps.claimAhead ?? concurrency * 4;
  let holding = false;
  let stopped = false;
  let paused = false;
  let running: Promise<void> | null = null;
  let again = false;
  let timer: unknown = null;
  let release: (() => void) | null = null;

  // Group commit of results: one flush at a time; whatever arrives meanwhile goes in the next.
  let pending: AttemptResult[] = [];
  let flushQueued = false;
  let flushChain: Promise<void> = Promise.resolve();
  // The last results write failed (a full disk, a broken database): no new claims until one works,
  // so a broken local database does not send the whole queue with no way to record it.
  let writeFailed = false;
  const writePending = async () => {
    const batch = pending;
    pending = [];
    if (stopped || batch.length === 0) return;
    try {
      await recordResults(deps.resultsDb ?? deps.db, batch, deps.now(), deps.random);
      writeFailed = false;
    } catch (error) {
      // Kept for the next write; a crash meanwhile leaves the entries `sending`, reconciled at start-up.
      pending = [...batch, ...pending];
      writeFailed = true;
      throw error;
    }
    deps.onProgress?.();
  };
  const flush = (): Promise<void> => {
    if (!flushQueued) {
      flushQueued = true;
      // A failed write must not jam the chain: the next flush starts after it either way.
      flushChain = flushChain
        .catch(() => undefined)
        .then(() => {
          flushQueued = false;
          return writePending();
        });
    }
    return flushChain;
  };
  const record = (result: AttemptResult): Promise<void> => {
    pending.push(result);
    return flush();
  };

  const attempt = async (row: OutboxRow, escalation: EscalationRow | undefined): Promise<DecisionResult> => {
    const attemptId = row.attemptId!;
    const missing = (what: string): DecisionResult => ({ kind: 'failed', message: `The ${what} for this entry is missing from the local database.` });
    const unwrapResult = <T extends DecisionResult>(result: Result<T>): DecisionResult => (result.ok ? result.value : fromIpcError(result));
    switch (row.kind ?? 'escalation') {
      case 'escalation':
        if (!escalation) return missing('escalation');
        return unwrapResult(await deps.deliver({ requestId: row.id, attemptId, escalation: escalation.escalation, maybeDelivered: row.maybeDelivered }));
      case 'resubmit':
        if (!escalation || !row.remoteId || !deps.resubmit) return missing('corrected escalation');
        return unwrapResult(
          await deps.resubmit({ resubmitId: row.id, attemptId, remoteId: row.remoteId, escalation: escalation.escalation, maybeDelivered: row.maybeDelivered }),
        );
      case 'decision': {
        const decision = await deps.db.decisions.get(row.escalationId);
        if (!decision || !deps.decide) return missing('decision');
        return unwrapResult(
          await deps.decide({
            decisionId: decision.id,
            attemptId,
            remoteId: decision.remoteId,
            requestId: decision.requestId,
            decision: decision.decision,
            expectedEtag: decision.expectedEtag,
            decidedAt: decision.decidedAt,
            maybeDelivered: row.maybeDelivered,
          }),
        );
      }
    }
  };

  const deliverOne = async (row: OutboxRow, escalation: EscalationRow | undefined): Promise<void> => {
    let outcome: DecisionResult;
    try {
      outcome = await attempt(row, escalation);
    } catch (error) {
      // The IPC call itself threw: the request may have reached main, so look it up before resending.
      outcome = { kind: 'retry', reason: `Deskbook could not hear back from its own sync process (${String(error)}).`, maybeDelivered: true };
    }
    if (stopped) return;
    if (outcome.kind === 'auth') paused = true;
    // The slot is free as soon as the answer is in: the result joins the next group commit, so
    // the next request does not wait for this one's write (drainDue awaits the writes at its end).
    void record({ id: row.id, attemptId: row.attemptId!, outcome }).catch(() => undefined);
  };

  /**
   * Keeps `concurrency` deliveries in flight. Claims are taken a batch at a time (one durable
   * transaction per batch), results are group-committed, so disk flushes do not serialise the
   * deliveries. A crash with claimed entries not yet sent costs a lookup each, never a duplicate.
   */
  const drainDue = async () => {
    const inflight = new Set<Promise<void>>();
    let claimed: { row: OutboxRow; escalation: EscalationRow | undefined }[] = [];
    let exhausted = false;
    // Results left over from a failed write go first: until they are written, nothing new is claimed.
    if (pending.length > 0) await flush().catch(() => undefined);
    else writeFailed = false;
    try {
      while (!stopped && !paused && !writeFailed && deps.isOnline()) {
        if (claimed.length === 0 && !exhausted && inflight.size < concurrency) {
          // The claim and the read of what it claimed share one transaction: one commit, not two.
          const { db } = deps;
          claimed = await db.transaction('rw', [db.outbox, db.escalations], async () => {
            const rows = await claimBatch(db, deps.now(), claimAhead, deps.newId);
            const escalations = rows.length > 0 ? await db.escalations.bulkGet(rows.map((r) => r.escalationId)) : [];
            return rows.map((row, i) => ({ row, escalation: escalations[i] }));
          });
          exhausted = claimed.length === 0;
        }
        while (claimed.length > 0 && inflight.size < concurrency) {
          const next = claimed.shift()!;
          const job: Promise<void> = deliverOne(next.row, next.escalation).finally(() => inflight.delete(job));
          inflight.add(job);
        }
        if (inflight.size === 0) break;
        await Promise.race(inflight);
        if (exhausted && claimed.length === 0) exhausted = false;
      }
    } finally {
      // Even when a claim failed: nothing in flight is abandoned, nothing claimed stays parked.
      await Promise.allSettled(inflight);
      await releaseClaims(claimed.map((c) => c.row)).catch(() => undefined);
      await flushChain.catch(() => undefined);
      // Results whose write failed get one more try now; if that fails too, scheduleWake retries
      // them shortly (and a crash meanwhile leaves the entries `sending`, reconciled at start-up).
      if (pending.length > 0) await flush().catch(() => undefined);
    }
  };

  /** Claimed but not started (the loop stopped: offline, paused, stopped): back in line, due now. */
  const releaseClaims = async (rows: readonly OutboxRow[]) => {
    if (rows.length === 0) return;
    const now = deps.now();
    await deps.db.transaction('rw', deps.db.outbox, async () => {
      for (const row of rows) {
        const current = await deps.db.outbox.get(row.id);
        if (current?.state !== 'sending' || current.attemptId !== row.attemptId) continue;
        await deps.db.outbox.update(row.id, {
          state: current.maybeDelivered ? 'needs_reconcile' : 'pending',
          attemptId: null,
          attempts: Math.max(0, current.attempts - 1),
          nextAttemptAt: now,
          updatedAt: now,
        });
      }
    });
  };

  const scheduleWake = async () => {
    if (stopped || !holding) return;
    if (timer !== null) clearTimer(timer);
    timer = null;
    // Results could not be written: nothing is claimed until they are, so wake only to retry them.
    const due = writeFailed ? deps.now() + RESULT_WRITE_RETRY_MS : (await deps.db.outbox.orderBy('nextAttemptAt').first())?.nextAttemptAt;
    if (due === undefined || due === NEVER) return;
    const ms = Math.max(50, due - deps.now());
    timer = setTimer(() => {
      timer = null;
      kick();
    }, Math.min(ms, 2 ** 31 - 1));
  };

  const runOnce = async () => {
    try {
      do {
        again = false;
        await drainDue();
      } while (again && !stopped && !paused);
    } finally {
      await scheduleWake().catch(() => undefined);
    }
  };

  const kick = () => {
    if (stopped || !holding) return;
    if (running) {
      again = true;
      return;
    }
    paused = false;
    running = runOnce()
      .catch(() => undefined)
      .finally(() => {
        running = null;
        // A kick that arrived while the last wake-up was being scheduled is not lost.
        if (again && !stopped && !paused) {
          again = false;
          kick();
        }
      });
  };

  return {
    start() {
      stopped = false;
      return new Promise<void>((acquired) => {
        void deps.withLock(async () => {
          // stop() may have come first (a React effect cleaned up before the lock was granted).
          if (stopped) return acquired();
          holding = true;
          await recoverInterrupted(deps.db, deps.now());
          acquired();
          kick();
          await new Promise<void>((resolve) => {
            release = resolve;
            if (stopped) resolve();
          });
          holding = false;
        });
      });
    },
    stop() {
      stopped = true;
      if (timer !== null) clearTimer(timer);
      timer = null;
      release?.();
    },
    kick,
    async drain() {
      kick();
      while (running) await running;
    },
  };
}
