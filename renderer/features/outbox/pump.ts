import type { DeliverRequest, DeliveryResult } from '../../../shared/ipc/sync';
import type { Result } from '../../../shared/result';
import type { DeskbookDb, OutboxRow } from '../../db/db';
import { backoffDelay } from './backoff';

/** Entries not eligible for a claim (sending, failed, paused) park their due time here. */
export const NEVER = Number.MAX_SAFE_INTEGER;

export interface PumpDeps {
  db: DeskbookDb;
  /** `sync:deliver` over IPC. */
  deliver: (request: DeliverRequest) => Promise<Result<DeliveryResult>>;
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

/** Claims the next due entry in one short transaction: `pending|needs_reconcile → sending`. */
export async function claimNext(db: DeskbookDb, now: number, attemptId: string): Promise<OutboxRow | null> {
  return db.transaction('rw', db.outbox, async () => {
    const row = await db.outbox.where('nextAttemptAt').belowOrEqual(now).first();
    if (!row || (row.state !== 'pending' && row.state !== 'needs_reconcile')) return null;
    const claimed: OutboxRow = {
      ...row,
      state: 'sending',
      attemptId,
      attempts: row.attempts + 1,
      maybeDelivered: row.maybeDelivered || row.state === 'needs_reconcile',
      nextAttemptAt: NEVER,
      updatedAt: now,
    };
    await db.outbox.put(claimed);
    return claimed;
  });
}

/** Turns an IPC failure (main unreachable, refused) into a delivery result. */
function fromIpcError(result: Extract<Result<DeliveryResult>, { ok: false }>): DeliveryResult {
  const { code, message } = result.error;
  if (code === 'FORBIDDEN') return { kind: 'auth', status: 403, message };
  if (code === 'BAD_INPUT') return { kind: 'failed', message };
  if (code === 'VAULT_UNAVAILABLE' || code === 'SIGNED_OUT') return { kind: 'auth', status: 401, message };
  // Main may have sent the request before the answer was lost: reconcile before resending.
  return { kind: 'retry', reason: message, maybeDelivered: true };
}

/**
 * Records an attempt's result in one short transaction. A result for an attempt that is no
 * longer current (the entry was recovered, retried or edited since) is ignored.
 */
export async function recordResult(
  db: DeskbookDb,
  id: string,
  attemptId: string,
  outcome: DeliveryResult,
  now: number,
  random: () => number,
): Promise<'recorded' | 'stale'> {
  return db.transaction('rw', db.outbox, db.escalations, async () => {
    const row = await db.outbox.get(id);
    if (!row || row.state !== 'sending' || row.attemptId !== attemptId) return 'stale';
    const base = { attemptId: null, updatedAt: now, lastOutcome: outcome.kind };
    switch (outcome.kind) {
      case 'sent':
        await db.outbox.delete(id);
        await db.escalations.update(row.escalationId, { status: 'sent', remoteId: outcome.remoteId, remoteUrl: outcome.url, sentAt: now });
        break;
      case 'retry':
        await db.outbox.update(id, {
          ...base,
          state: 'pending',
          maybeDelivered: row.maybeDelivered || outcome.maybeDelivered,
          nextAttemptAt: now + backoffDelay(row.attempts, random, outcome.retryAfterMs),
          lastError: outcome.reason,
        });
        break;
      case 'failed':
        await db.outbox.update(id, { ...base, state: 'failed', nextAttemptAt: NEVER, lastError: outcome.message });
        await db.escalations.update(row.escalationId, { status: 'failed' });
        break;
      case 'auth':
        await db.outbox.update(id, {
          ...base,
          state: 'paused',
          nextAttemptAt: NEVER,
          lastError: `The ticketing system refused Deskbook's sign-in (${outcome.status}): ${outcome.message}. Sign in again in Settings.`,
        });
        break;
    }
    return 'recorded';
  });
}

/** Puts paused entries (after a sign-in) back in line, due now. */
export async function resumePaused(db: DeskbookDb, now: number): Promise<number> {
  return db.outbox.where('state').equals('paused').modify({ state: 'pending', nextAttemptAt: now, updatedAt: now });
}

/**
 * The outbox pump: one per app (Web Lock), claim and result in separate short transactions,
 * never a transaction held across IPC or the network. It sleeps until the earliest due entry.
 */
export function createOutboxPump(deps: PumpDeps): OutboxPump {
  const setTimer = deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = deps.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  const concurrency = deps.concurrency ?? 4;
  let holding = false;
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;
  let timer: unknown = null;
  let release: (() => void) | null = null;

  const deliverOne = async (row: OutboxRow): Promise<void> => {
    const attemptId = row.attemptId!;
    const escalation = await deps.db.escalations.get(row.escalationId);
    let outcome: DeliveryResult;
    if (!escalation) {
      outcome = { kind: 'failed', message: 'The escalation for this entry is missing from the local database.' };
    } else {
      const result = await deps.deliver({ requestId: row.id, attemptId, escalation: escalation.escalation, maybeDelivered: row.maybeDelivered });
      outcome = result.ok ? result.value : fromIpcError(result);
    }
    if (stopped) return;
    await recordResult(deps.db, row.id, attemptId, outcome, deps.now(), deps.random);
    deps.onProgress?.();
    if (outcome.kind === 'auth') paused = true;
  };

  let paused = false;
  const worker = async () => {
    while (!stopped && !paused && deps.isOnline()) {
      const row = await claimNext(deps.db, deps.now(), deps.newId());
      if (!row) return;
      await deliverOne(row);
    }
  };

  const scheduleWake = async () => {
    if (stopped || !holding) return;
    if (timer !== null) clearTimer(timer);
    timer = null;
    const next = await deps.db.outbox.orderBy('nextAttemptAt').first();
    if (!next || next.nextAttemptAt === NEVER) return;
    const ms = Math.max(50, next.nextAttemptAt - deps.now());
    timer = setTimer(() => {
      timer = null;
      kick();
    }, Math.min(ms, 2 ** 31 - 1));
  };

  const runOnce = async () => {
    do {
      again = false;
      await Promise.all(Array.from({ length: concurrency }, worker));
    } while (again && !stopped);
    await scheduleWake();
  };

  const kick = () => {
    if (stopped || !holding) return;
    if (running) {
      again = true;
      return;
    }
    paused = false;
    running = runOnce().finally(() => {
      running = null;
    });
  };

  return {
    start() {
      stopped = false;
      return new Promise<void>((acquired) => {
        void deps.withLock(async () => {
          holding = true;
          await recoverInterrupted(deps.db, deps.now());
          acquired();
          kick();
          await new Promise<void>((resolve) => {
            release = resolve;
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
