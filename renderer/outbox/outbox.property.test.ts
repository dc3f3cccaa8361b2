import { fc, test } from '@fast-check/vitest';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DeliverRequest, DeliveryResult } from '../../shared/ipc/sync';
import { mulberry32 } from '../../shared/random';
import { err, ok } from '../../shared/result';
import type { Result } from '../../shared/result';
import { openDeskbookDb } from '../db/db';
import type { DeskbookDb } from '../db/db';
import { enqueueEscalation, escalationKind, requeueEdited } from '../features/escalation/delivery';
import { BACKOFF_BASE_MS, BACKOFF_CAP_MS } from './backoff';
import { registerDeliveryKinds } from './kinds';
import type { OutboxIpc } from './kinds';
import { createOutboxPump } from './pump';
import type { OutboxPump } from './pump';
import { testEscalation } from './pump.testkit';
import { resumePaused, retryNow, withdrawEntries } from './store';

/**
 * The outbox's promises over random sequences of queueing, deliveries that meet every answer
 * main can give (sent, retry with and without Retry-After, throttled, "may have landed", refused,
 * sign-in, IPC errors, a call that threw, a crash mid-request), crashes, reloads and the user's
 * "Retry now", edit-and-re-queue and discard. The real pump, store and escalation kind run over
 * fake-indexeddb on a fake clock; a simulated ticketing system (standing in for main and the
 * server) records every create by request id and does what main's reconcile does: it looks the
 * request id up only when the attempt says it may have landed. After every step: no entry lost,
 * no ticket created twice, no resend without a lookup once an attempt may have landed, `sent`
 * terminal, every failure shown with a reason, backoff within its bounds, nothing left `sending`
 * once the pump is idle. At the end everything not discarded is delivered exactly once.
 */

const DAY_MS = 24 * 3_600_000;

/** What the simulated ticketing system (and main in front of it) does with one request. */
const FAULTS = [
  'ok',
  'drop-before', // refused before a byte was sent
  'drop-after', // created, then the connection dropped before the answer
  'error-500', // may or may not have committed
  'retry-after', // 503 with Retry-After
  'throttled', // 429
  'auth', // 401 from the server
  'rejected', // 422 before anything was created
  'rejected-after-create', // created, then a custom field did not stick
  'ipc-unavailable', // main's answer was lost
  'ipc-forbidden', // main refused this user
  'ipc-sign-in', // main has no token
  'ipc-threw', // the IPC call itself threw
  'crash', // the app dies while the request is out
] as const;
type Fault = (typeof FAULTS)[number];

/** The request ids whose outcome is ambiguous: the ticket may exist afterwards. */
const MAY_LAND: ReadonlySet<Fault> = new Set(['ok', 'drop-after', 'error-500', 'rejected-after-create', 'ipc-unavailable', 'ipc-threw', 'crash']);
/** Those that reach the server and create (or find) the ticket. */
const CREATES: ReadonlySet<Fault> = new Set(['ok', 'drop-after', 'rejected-after-create', 'ipc-unavailable', 'ipc-threw', 'crash']);

/** The ticketing system as the test sees it: tickets by request id, and what went wrong. */
class TicketServer {
  readonly tickets = new Map<string, string>();
  readonly creates = new Map<string, number>();
  readonly lookups = new Map<string, number>();
  /** Request ids an attempt may have created: every later attempt must look them up. */
  readonly mayHaveLanded = new Set<string>();
  /** Request ids the outbox recorded as sent: never asked for again. */
  readonly recordedSent = new Set<string>();
  readonly violations: string[] = [];
  /** Every request as it arrived: request id and whether it asked for a lookup first. */
  readonly requests: [string, boolean][] = [];

  /** main's reconcile-then-create, as the request's `maybeDelivered` asks. */
  apply(r: DeliverRequest): string {
    const key = r.requestId;
    if (r.maybeDelivered) {
      this.lookups.set(key, (this.lookups.get(key) ?? 0) + 1);
      const found = this.tickets.get(key);
      if (found) return found;
    }
    this.creates.set(key, (this.creates.get(key) ?? 0) + 1);
    const remoteId = String(this.tickets.size + 1);
    this.tickets.set(key, remoteId);
    return remoteId;
  }

  /** Checks a request against what the server knows before answering it. */
  arrive(r: DeliverRequest, fault: Fault): void {
    this.requests.push([r.requestId, r.maybeDelivered]);
    if (this.recordedSent.has(r.requestId)) this.violations.push(`${r.requestId} sent again after it was recorded as sent`);
    if (this.mayHaveLanded.has(r.requestId) && !r.maybeDelivered) this.violations.push(`${r.requestId} resent without a lookup after it may have landed`);
    if (MAY_LAND.has(fault)) this.mayHaveLanded.add(r.requestId);
  }
}

/** The app as one machine runs it: IndexedDB (kept across crashes) and the in-memory pump (not). */
class World {
  readonly name = `outbox-property-${Math.random()}`;
  readonly server = new TicketServer();
  readonly keys: string[] = [];
  readonly discarded = new Set<string>();
  /** The last answer main gave per request id, when it was an answer (for the backoff bound). */
  readonly lastAnswer = new Map<string, DeliveryResult>();
  faults: Fault[] = [];
  clock = 1_000_000;
  db!: DeskbookDb;
  private relaxed!: DeskbookDb;
  private pump: OutboxPump | null = null;
  /** Each start of the app is a generation; a dead one's requests are never answered. */
  private generation = 0;
  private crashed: () => void = () => undefined;
  private crash = new Promise<'crash'>(() => undefined);
  private attempt = 0;
  private edits = 0;

  constructor(private readonly random: () => number) {}

  /** Main and the server for one generation of the app. */
  private ipc(generation: number): OutboxIpc {
    return { sync: { deliver: (r) => this.deliver(generation, r) } };
  }

  private async deliver(generation: number, r: DeliverRequest): Promise<Result<DeliveryResult>> {
    if (generation !== this.generation) return new Promise<never>(() => undefined);
    const fault = this.faults.shift() ?? 'ok';
    this.server.arrive(r, fault);
    this.lastAnswer.delete(r.requestId);
    const remoteId = CREATES.has(fault) ? this.server.apply(r) : '';
    const answer = (outcome: DeliveryResult) => {
      this.lastAnswer.set(r.requestId, outcome);
      return ok(outcome);
    };
    switch (fault) {
      case 'ok':
        return answer({ kind: 'sent', remoteId, url: `https://rt.example/Ticket/${remoteId}` });
      case 'drop-before':
        return answer({ kind: 'retry', reason: 'connect ECONNREFUSED', maybeDelivered: false });
      case 'drop-after':
        return answer({ kind: 'retry', reason: 'socket hang up', maybeDelivered: true });
      case 'error-500':
        return answer({ kind: 'retry', reason: 'HTTP 500', maybeDelivered: true });
      case 'retry-after':
        return answer({ kind: 'retry', reason: 'HTTP 503', retryAfterMs: 30_000, maybeDelivered: false });
      case 'throttled':
        return answer({ kind: 'retry', reason: 'HTTP 429', retryAfterMs: 1_000, throttled: true, maybeDelivered: false });
      case 'auth':
        return answer({ kind: 'auth', status: 401, message: 'token expired' });
      case 'rejected':
        return answer({ kind: 'failed', status: 422, message: 'Queue not found' });
      case 'rejected-after-create':
        return answer({ kind: 'failed', status: 400, message: 'Custom field SLA did not stick' });
      case 'ipc-unavailable':
        return err('UNAVAILABLE', 'main did not answer');
      case 'ipc-forbidden':
        return err('FORBIDDEN', 'analysts may not send to this queue');
      case 'ipc-sign-in':
        return err('SIGNED_OUT', 'no token stored');
      case 'ipc-threw':
        throw new Error('the bridge went away');
      case 'crash':
        this.crashed();
        return new Promise<never>(() => undefined);
    }
  }

  /** Runs pump work until it is done or the app crashed mid-request; a crash is followed by a start. */
  private async settle(work: () => Promise<void>): Promise<void> {
    if ((await Promise.race([work().then(() => 'done' as const), this.crash])) === 'crash') {
      this.die();
      await this.start();
    }
  }

  /** The process dies: the pump and its connections are gone; IndexedDB keeps what was committed. */
  private die(): void {
    this.generation += 1;
    this.pump = null;
    this.db.close();
    this.relaxed.close();
  }

  /** App start-up as runtime.ts `startOutbox` does it: resume sign-in pauses, then start the pump. */
  async start(): Promise<void> {
    this.db = openDeskbookDb(this.name);
    this.relaxed = openDeskbookDb(this.name, 'relaxed');
    this.crash = new Promise((resolve) => (this.crashed = () => resolve('crash')));
    await resumePaused(this.db, this.clock);
    const pump = createOutboxPump({
      db: this.db,
      resultsDb: this.relaxed,
      ipc: this.ipc(this.generation),
      now: () => this.clock,
      random: this.random,
      newId: () => `attempt-${++this.attempt}`,
      isOnline: () => true,
      withLock: (fn) => fn(),
      setTimer: () => null,
      clearTimer: () => undefined,
    });
    this.pump = pump;
    await this.settle(async () => {
      await pump.start();
      await pump.drain();
    });
  }

  /** Delivers what is due (an alarm, a kick, "online"), after `ms` pass. */
  async deliverDue(ms = 0): Promise<void> {
    this.clock += ms;
    const pump = this.pump!;
    await this.settle(() => pump.drain());
  }

  async enqueue(): Promise<void> {
    const n = this.keys.length + 1;
    const entry = await enqueueEscalation(this.db, testEscalation(n), this.clock, null);
    this.keys.push(entry.id);
    await this.deliverDue();
  }

  async crashNow(): Promise<void> {
    this.die();
    await this.start();
  }

  /** A reload: the page's cleanup stops the pump, the database is opened again, the app starts. */
  async reload(): Promise<void> {
    this.pump?.stop();
    this.die();
    await this.start();
  }

  key(i: number): string {
    return this.keys[i % this.keys.length]!;
  }

  async retryNow(i: number): Promise<void> {
    const key = this.key(i);
    const before = await this.db.outbox.get(key);
    const retried = await retryNow(this.db, key, this.clock);
    expect(retried).toBe(before !== undefined && ['pending', 'needs_reconcile', 'paused'].includes(before.state));
    await this.deliverDue();
  }

  /** The analyst edits the escalation and queues it again (same request id). */
  async editAndRequeue(i: number): Promise<void> {
    const key = this.key(i);
    const n = this.keys.indexOf(key) + 1;
    const [entry, row] = await Promise.all([this.db.outbox.get(key), this.db.escalations.get(key)]);
    const refused = entry?.state === 'sending' || (!entry && (row?.status === 'sent' || !!row?.remoteId));
    const edited = requeueEdited(this.db, testEscalation(n, `Ticket ${n}, edit ${++this.edits}`), this.clock, null);
    if (refused) {
      await expect(edited).rejects.toThrow();
    } else {
      await edited;
      this.discarded.delete(key);
    }
    await this.deliverDue();
  }

  /** The user withdraws a waiting or failed entry (the outbox's one way out besides delivery). */
  async discard(i: number): Promise<void> {
    const key = this.key(i);
    const entry = await this.db.outbox.get(key);
    if (!entry || entry.state === 'sending') return;
    await this.db.transaction('rw', this.db.outbox, () => withdrawEntries(this.db, [key]));
    this.discarded.add(key);
  }

  /** After signing in again (runtime.ts `resumeOutbox`). */
  async signIn(): Promise<void> {
    await resumePaused(this.db, this.clock);
    await this.deliverDue();
  }

  /** Every promise, checked with the pump idle. */
  async checkInvariants(): Promise<void> {
    const [entries, escalations] = await Promise.all([this.db.outbox.toArray(), this.db.escalations.toArray()]);
    const outbox = new Map(entries.map((e) => [e.id, e]));
    const status = new Map(escalations.map((e) => [e.id, e]));
    expect(this.server.violations).toEqual([]);
    for (const [key, count] of this.server.creates) expect(count, `tickets created for ${key}`).toBe(1);
    for (const key of this.keys) {
      const escalation = status.get(key);
      expect(escalation, `escalation ${key}`).toBeDefined();
      if (escalation?.status === 'sent') {
        // Sent is terminal: out of the outbox, where the server put it, never asked for again.
        expect(outbox.has(key)).toBe(false);
        expect(escalation.remoteId).toBe(this.server.tickets.get(key));
        this.server.recordedSent.add(key);
      } else if (!this.discarded.has(key)) {
        expect(outbox.has(key), `${key} (${escalation?.status}) is neither in the outbox, delivered nor discarded`).toBe(true);
      }
      if (this.server.recordedSent.has(key)) expect(escalation?.status).toBe('sent');
    }
    for (const entry of entries) {
      expect(entry.state, 'nothing stays sending once the pump is idle').not.toBe('sending');
      // What the queue screen shows as a problem: a refusal, a sign-in pause, or retries so far.
      const showsFailure = entry.state === 'failed' || entry.state === 'paused' || (entry.failures ?? 0) > 0;
      if (showsFailure) expect(entry.lastError?.trim(), `reason shown for ${entry.id} (${entry.state})`).toBeTruthy();
      if (entry.state === 'failed') expect(status.get(entry.id)?.status).toBe('failed');
      if (entry.state === 'pending' && entry.lastOutcome === 'retry' && entry.nextAttemptAt !== entry.updatedAt) {
        const wait = entry.nextAttemptAt - entry.updatedAt;
        const answer = this.lastAnswer.get(entry.id);
        const retryAfter = answer?.kind === 'retry' ? answer.retryAfterMs : undefined;
        if (retryAfter !== undefined) expect(wait).toBe(Math.min(retryAfter, DAY_MS));
        else {
          expect(wait).toBeGreaterThanOrEqual(0);
          expect(wait).toBeLessThan(Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** ((entry.failures ?? 1) - 1)));
        }
      }
    }
  }

  /** The faults stop, the analyst signs in, fixes what failed and waits: everything not discarded lands once. */
  async heal(): Promise<void> {
    this.faults = [];
    // Throttled, the pump sends one request per wake-up: enough rounds for every entry.
    for (let round = 0; round < 2 * this.keys.length + 5 && (await this.db.outbox.count()) > 0; round++) {
      for (const entry of await this.db.outbox.where('state').equals('failed').toArray()) {
        await requeueEdited(this.db, (await this.db.escalations.get(entry.id))!.escalation, this.clock, null);
      }
      await resumePaused(this.db, this.clock);
      await this.deliverDue(DAY_MS + BACKOFF_CAP_MS);
    }
    expect(await this.db.outbox.toArray()).toEqual([]);
    for (const key of this.keys) {
      if (this.discarded.has(key)) continue;
      expect((await this.db.escalations.get(key))?.status).toBe('sent');
      expect(this.server.creates.get(key)).toBe(1);
    }
  }

  async dispose(): Promise<void> {
    this.pump?.stop();
    this.db.close();
    this.relaxed.close();
    await openDeskbookDb(this.name).delete();
  }
}

interface Model {
  queued: number;
}
type OutboxCommand = fc.AsyncCommand<Model, World>;

/** One step: what it does to the world, then every invariant. */
function step(label: string, ready: (m: Readonly<Model>) => boolean, act: (w: World, m: Model) => Promise<void>): OutboxCommand {
  return {
    check: ready,
    async run(m, w) {
      await act(w, m);
      await w.checkInvariants();
    },
    toString: () => label,
  };
}

const anyQueued = (m: Readonly<Model>) => m.queued > 0;
const faults = fc.array(fc.constantFrom(...FAULTS), { maxLength: 6 });
const commands = fc.commands(
  [
    faults.map((f) =>
      step(`enqueue [${f.join(',')}]`, () => true, async (w, m) => {
        w.faults.push(...f);
        await w.enqueue();
        m.queued += 1;
      }),
    ),
    fc
      .tuple(fc.constantFrom(0, 1_000, 30_000, BACKOFF_CAP_MS, DAY_MS), faults)
      .map(([ms, f]) =>
        step(`deliver after ${ms} ms [${f.join(',')}]`, anyQueued, async (w) => {
          w.faults.push(...f);
          await w.deliverDue(ms);
        }),
      ),
    fc.nat().map((i) => step(`retry now ${i}`, anyQueued, (w) => w.retryNow(i))),
    fc.nat().map((i) => step(`edit and re-queue ${i}`, anyQueued, (w) => w.editAndRequeue(i))),
    fc.nat().map((i) => step(`discard ${i}`, anyQueued, (w) => w.discard(i))),
    fc.constant(step('sign in', anyQueued, (w) => w.signIn())),
    fc.constant(step('crash and start again', () => true, (w) => w.crashNow())),
    fc.constant(step('reload', () => true, (w) => w.reload())),
  ],
  { maxCommands: 20 },
);

beforeAll(() => {
  registerDeliveryKinds(escalationKind);
});

describe('the outbox under random queueing, answers, crashes and user actions', () => {
  test.prop([fc.integer(), commands], { numRuns: 20 })(
    'loses no entry, creates no ticket twice, looks up before resending, keeps sent terminal, shows reasons, bounds backoff',
    async (seed, cmds) => {
      const world = new World(mulberry32(seed));
      try {
        await world.start();
        await fc.asyncModelRun(() => ({ model: { queued: 0 }, real: world }), cmds);
        await world.heal();
      } finally {
        await world.dispose();
      }
    },
    // Room for shrinking a failure on a loaded machine; a passing run takes a second or two.
    60_000,
  );
});

describe('start-up after a crash', () => {
  it('turns an entry left sending into one that looks its request id up, and delivers it once', async () => {
    const world = new World(() => 0.5);
    try {
      await world.start();
      world.faults.push('crash');
      await world.enqueue();
      // The app died with the request out, after the server created the ticket. Start-up turned
      // the entry left `sending` into one that looks its request id up, found it, and recorded it.
      const key = world.keys[0]!;
      expect(await world.db.outbox.toArray()).toEqual([]);
      expect(await world.db.escalations.get(key)).toMatchObject({ status: 'sent', remoteId: world.server.tickets.get(key) });
      expect(world.server.creates.get(key)).toBe(1);
      expect(world.server.lookups.get(key)).toBe(1);
      await world.checkInvariants();
    } finally {
      await world.dispose();
    }
  });

  it('keeps "may have landed" after a later attempt that surely did not reach the server', async () => {
    const world = new World(() => 0.5);
    try {
      await world.start();
      world.faults.push('drop-after', 'drop-before');
      await world.enqueue();
      await world.deliverDue(BACKOFF_CAP_MS);
      await world.deliverDue(BACKOFF_CAP_MS);
      const key = world.keys[0]!;
      // Created and lost, then refused before a byte was sent: the third attempt still looks it up.
      expect(world.server.requests).toEqual([
        [key, false],
        [key, true],
        [key, true],
      ]);
      expect(world.server.violations).toEqual([]);
      expect(world.server.lookups.get(key)).toBe(1);
      expect(world.server.creates.get(key)).toBe(1);
      expect(await world.db.escalations.get(key)).toMatchObject({ status: 'sent' });
    } finally {
      await world.dispose();
    }
  });
});
