import type { DeskbookDb } from '../db/db';
import { createAlarm } from './alarm';
import type { ClearTimer, SetTimer } from './alarm';
import { NEVER } from './apply-outcome';
import type { AttemptResult } from './apply-outcome';
import { createGroupCommit } from './group-commit';
import { attempt } from './kinds';
import type { OutboxIpc } from './kinds';
import { claimDue, nextDue, recordResults, recoverInterrupted, releaseClaims } from './store';
import type { Claimed } from './store';
import { UNTHROTTLED, allowedConcurrency, holdEndsAt, isHeld, isThrottle, onAnswer, onRetryNow, onSend, onThrottle, sendableAt } from './throttle';
import type { Throttle } from './throttle';

/** How soon results whose write failed are written again. */
export const RESULT_WRITE_RETRY_MS = 5_000;

/**
 * The app's spacing of results writes: at most ~7 a second while a queue drains, so the queue
 * screen's live queries finish between them. A crash loses at most this much of results; those
 * entries are still `sending` and are looked up at start-up, never sent twice.
 */
export const RESULTS_LINGER_MS = 150;

/** The most one claim takes: what a crash leaves to be looked up at start-up. */
export const MAX_CLAIM = 256;

/**
 * How many entries the next claim takes: enough for the deliveries expected while the claim after
 * it is on disk (twice the recent rate × the last claim's time), within [min, MAX_CLAIM]. A pump
 * on a slow server (RT: ~10 a second, ~20 ms claims) claims the minimum; one whose answers come
 * at once doubles its claims until the disk flushes no longer hold the deliveries up.
 */
export function claimSize(min: number, deliveriesPerMs: number, claimMs: number): number {
  const wanted = Math.ceil(2 * deliveriesPerMs * claimMs);
  return Number.isFinite(wanted) ? Math.min(MAX_CLAIM, Math.max(min, wanted)) : min;
}

export interface PumpDeps {
  db: DeskbookDb;
  /**
   * Where results are written; may be a relaxed-durability connection to the same database.
   * That is safe because every claim is durable first: a result lost in a crash leaves its entry
   * `sending`, which start-up turns into `needs_reconcile`, which looks the request id up before
   * sending again. Defaults to `db`.
   */
  resultsDb?: DeskbookDb;
  /**
   * Entries claimed per claim transaction, at least (default 4 × concurrency). A pump whose
   * deliveries outrun its claims' disk flushes claims more at a time (see `claimSize`).
   */
  claimAhead?: number;
  /**
   * Spacing of the results writes, ms (default none). The app spaces them (RESULTS_LINGER_MS)
   * so the queue screen's live queries are not restarted by every result; see group-commit.ts.
   */
  resultsLingerMs?: number;
  /** Main's typed client (or the part of it the registered kinds call). */
  ipc: OutboxIpc;
  now: () => number;
  random: () => number;
  newId: () => string;
  /** Main's reachability probe says the ticketing system answers. */
  isOnline: () => boolean;
  /** Runs `fn` while holding the app-wide pump lock (a Web Lock in the app). */
  withLock: (fn: () => Promise<void>) => Promise<void>;
  concurrency?: number;
  setTimer?: SetTimer;
  clearTimer?: ClearTimer;
  /**
   * Called after each results write with how many entries it recorded as delivered (of every
   * kind: escalations, call logs, decisions), for progress displays.
   */
  onProgress?: (delivered: number) => void;
  /**
   * Called when the server's rate limit starts or ends a hold on the whole queue: when the hold
   * ends (ms), or null. The queue screen shows it as every waiting entry's next try.
   */
  onHold?: (until: number | null) => void;
}

export interface OutboxPump {
  /** Takes the pump lock and runs until `stop()`; resolves once the lock is held. */
  start(): Promise<void>;
  stop(): void;
  /** A trigger: enqueue, `online`, a reconnect push. */
  kick(): void;
  /** "Retry now": a kick that also sends one request through a rate-limit hold (see throttle.ts). */
  retryNow(): void;
  /** When the rate-limit hold on the whole queue ends (ms), or null when there is none. */
  holdEndsAt(): number | null;
  /** Delivers everything due now; resolves when nothing due is left (tests, benchmarks). */
  drain(): Promise<void>;
}

/**
 * The outbox pump, a scheduler only: one per app (Web Lock). Claims and results go in separate
 * short transactions, never one held across IPC or the network; claims are taken in batches and
 * results group-committed, so the disk flushes do not serialise the deliveries. It sleeps until
 * the earliest due entry. What an entry is and what its delivery writes is its kind's business.
 */
export function createOutboxPump(deps: PumpDeps): OutboxPump {
  const alarm = createAlarm(deps.setTimer, deps.clearTimer);
  const concurrency = deps.concurrency ?? 4;
  const claimAhead = deps.claimAhead ?? concurrency * 4;
  let holding = false;
  let stopped = false;
  let paused = false;
  let running: Promise<void> | null = null;
  let again = false;
  let release: (() => void) | null = null;
  // The server's rate limit, for the whole queue: a 429 holds every entry, not just its own.
  let throttle = UNTHROTTLED;
  let shownHold: number | null = null;
  const setThrottle = (next: Throttle) => {
    throttle = next;
    const hold = holdEndsAt(throttle, deps.now());
    if (hold !== shownHold) {
      shownHold = hold;
      deps.onHold?.(hold);
    }
  };

  // While a results write fails (a full disk, a broken database) nothing new is claimed, so a
  // broken local database does not send the whole queue with no way to record it. A crash
  // meanwhile leaves the entries `sending`, reconciled at start-up.
  const lingerMs = deps.resultsLingerMs ?? 0;
  const results = createGroupCommit<AttemptResult>(
    async (batch) => {
      if (stopped) return;
      const recorded = await recordResults(deps.resultsDb ?? deps.db, batch, deps.now(), deps.random);
      deps.onProgress?.(batch.filter((result, i) => recorded[i] === 'recorded' && result.outcome.kind === 'sent').length);
    },
    lingerMs > 0 ? { ms: lingerMs, now: () => performance.now(), wait: (ms) => new Promise((r) => setTimeout(r, ms)) } : undefined,
  );
  // The claims' pace, for claimSize: requests answered (whatever the answer), and the last claim's time on disk.
  let answered = 0;
  let lastClaim = { at: 0, answered: 0, ms: 0 };

  const deliverOne = async ({ row, send }: Claimed): Promise<'answered'> => {
    const outcome = await attempt(send, deps.ipc);
    answered++;
    if (stopped) return 'answered';
    if (outcome.kind === 'auth') paused = true;
    setThrottle(isThrottle(outcome) ? onThrottle(throttle, deps.now(), outcome.retryAfterMs, deps.random) : onAnswer(throttle));
    // The slot is free as soon as the answer is in: the result joins the next group commit, so
    // the next request does not wait for this one's write (drainDue awaits the writes at its end).
    void results.add({ id: row.id, attemptId: row.attemptId!, outcome }).catch(() => undefined);
    return 'answered';
  };

  /** Claims the next batch, sized by the pace so far (see claimSize); one entry while throttled. */
  const claimNextBatch = async (throttled: boolean): Promise<Claimed[]> => {
    const started = performance.now();
    const perMs = (answered - lastClaim.answered) / (started - lastClaim.at);
    const limit = throttled ? 1 : claimSize(claimAhead, perMs, lastClaim.ms);
    const rows = await claimDue(deps.db, deps.now(), limit, deps.newId);
    lastClaim = { at: started, answered, ms: performance.now() - started };
    return rows;
  };

  /**
   * Keeps `concurrency` deliveries in flight. Claims are taken a batch at a time (one durable
   * transaction per batch), the next one while the last entries of this one are out, and results
   * are group-committed, so disk flushes do not serialise the deliveries. A crash with claimed
   * entries not yet sent costs a lookup each, never a duplicate.
   */
  const drainDue = async () => {
    const inflight = new Set<Promise<'answered'>>();
    const claimed: Claimed[] = [];
    let claiming: Promise<'claimed'> | null = null;
    let exhausted = false;
    // Results left over from a failed write go first: until they are written, nothing new is claimed.
    if (results.size > 0) await results.flush().catch(() => undefined);
    try {
      while (!stopped && !paused && !results.failed && deps.isOnline()) {
        while (claimed.length > 0 && inflight.size < allowedConcurrency(throttle, concurrency) && !isHeld(throttle, deps.now())) {
          setThrottle(onSend(throttle, deps.now(), deps.random));
          const job = deliverOne(claimed.shift()!).finally(() => inflight.delete(job));
          inflight.add(job);
        }
        const allowed = allowedConcurrency(throttle, concurrency);
        const throttled = allowed < concurrency;
        // Unthrottled, the next claim starts while the last `concurrency` of this one go out, so
        // its flush overlaps them; throttled, one entry is claimed when the last one is answered.
        const low = throttled ? claimed.length === 0 && inflight.size === 0 : claimed.length < concurrency;
        if (!claiming && !exhausted && low && !isHeld(throttle, deps.now())) {
          const claim = claimNextBatch(throttled).then(
            (rows) => {
              claiming = null;
              claimed.push(...rows);
              exhausted = rows.length === 0;
              return 'claimed' as const;
            },
            (error: unknown) => {
              claiming = null;
              throw error;
            },
          );
          claiming = claim;
          // A failed claim is seen where `claiming` is raced or awaited below, not as unhandled.
          claim.catch(() => undefined);
        }
        if (inflight.size === 0 && !claiming) break;
        const woke = await Promise.race(claiming ? [...inflight, claiming] : inflight);
        // An answer may have made something due again (a retry due at once): claim once more.
        if (woke === 'answered' && exhausted && claimed.length === 0) exhausted = false;
      }
    } finally {
      // Even when a claim failed: nothing in flight is abandoned, nothing claimed stays parked.
      await Promise.allSettled(claiming ? [...inflight, claiming] : inflight);
      const unsent = claimed.map((c) => c.row);
      await releaseClaims(deps.db, unsent, deps.now()).catch(() => undefined);
      // Nothing is in flight: the last results are written now, not after the linger.
      await results.flush().catch(() => undefined);
      // Results whose write failed get one more try now; if that fails too, scheduleWake retries
      // them shortly (and a crash meanwhile leaves the entries `sending`, reconciled at start-up).
      if (results.size > 0) await results.flush().catch(() => undefined);
    }
  };

  const scheduleWake = async () => {
    if (stopped || !holding) return;
    alarm.clear();
    // Results could not be written: nothing is claimed until they are, so wake only to retry them.
    const due = results.failed ? deps.now() + RESULT_WRITE_RETRY_MS : await nextDue(deps.db);
    // Held by the server's rate limit: not before the hold (or the pacing) ends.
    if (due !== undefined && due !== NEVER) alarm.set(Math.max(due, sendableAt(throttle)) - deps.now(), kick);
    // A hold that ran out while nothing was due is no longer shown.
    setThrottle(throttle);
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
      alarm.clear();
      release?.();
    },
    kick,
    retryNow() {
      setThrottle(onRetryNow(throttle, deps.now()));
      kick();
    },
    holdEndsAt: () => holdEndsAt(throttle, deps.now()),
    async drain() {
      kick();
      while (running) await running;
    },
  };
}
