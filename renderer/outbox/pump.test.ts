import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Escalation } from '../../shared/escalation/schema';
import type { DeskbookApi } from '../../shared/ipc/api';
import type { DeliverRequest, DeliveryResult } from '../../shared/ipc/sync';
import { ok } from '../../shared/result';
import type { Result } from '../../shared/result';
import { openDeskbookDb } from '../db/db';
import type { DeskbookDb } from '../db/db';
import { enqueueEscalation, escalationKind, resubmitKind } from '../features/escalation/delivery';
import { decisionKind } from '../features/review/decisions';
import { backoffDelay } from './backoff';
import { registerDeliveryKinds } from './kinds';
import type { PumpDeps } from './pump';
import { testEscalation } from './pump.testkit';
import { MAX_CLAIM, RESULT_WRITE_RETRY_MS, claimSize, createOutboxPump } from './pump';
import { THROTTLE_POLICY } from './throttle';
import { NEVER, claimBatch, claimNext, recordResult, recordResults, recoverInterrupted, retryNow } from './store';

let db: DeskbookDb;
let counter = 0;
let clock = 1_000_000;

const escalation = (n: number): Escalation => testEscalation(n);

/** The IPC calls of the other kinds, passed next to the pump's own deps. */
type MoreIpc = { decide?: DeskbookApi['review']['decide']; resubmit?: DeskbookApi['sync']['resubmit'] };

function pumpWith(deliver: (r: DeliverRequest) => Promise<Result<DeliveryResult>>, more: Partial<PumpDeps> & MoreIpc = {}) {
  const { decide, resubmit, ...rest } = more;
  return createOutboxPump({
    db,
    ipc: { sync: { deliver, resubmit }, review: { decide } },
    now: () => clock,
    random: () => 0.5,
    newId: () => `attempt-${++counter}`,
    isOnline: () => true,
    withLock: (fn) => fn(),
    setTimer: () => null,
    clearTimer: () => {},
    ...rest,
  });
}

/** Runs `before` ahead of every write to the outbox store through `connection` (a DBCore middleware). */
function withOutboxWrites(connection: DeskbookDb, before: () => Promise<void>): DeskbookDb {
  connection.use({
    stack: 'dbcore',
    name: 'before-outbox-writes',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return name === 'outbox' ? { ...table, mutate: async (req) => (await before(), table.mutate(req)) } : table;
      },
    }),
  });
  return connection;
}

beforeAll(() => {
  // As the shell does when it starts the outbox.
  registerDeliveryKinds(escalationKind, resubmitKind, decisionKind);
});
beforeEach(() => {
  db = openDeskbookDb(`test-${Math.random()}`);
  clock = 1_000_000;
});
afterEach(async () => {
  await db.delete();
});

describe('the outbox pump', () => {
  it('delivers every queued escalation once and empties the outbox', async () => {
    for (let i = 0; i < 10; i++) await enqueueEscalation(db, escalation(i), clock, null);
    const seen: string[] = [];
    const pump = pumpWith(async (r) => {
      seen.push(r.requestId);
      return ok({ kind: 'sent', remoteId: r.requestId.slice(-3), url: `https://rt/${r.requestId}` });
    });
    await pump.start();
    await pump.drain();
    expect(new Set(seen).size).toBe(10);
    expect(seen).toHaveLength(10);
    expect(await db.outbox.count()).toBe(0);
    expect((await db.escalations.toArray()).every((e) => e.status === 'sent' && e.remoteUrl)).toBe(true);
    pump.stop();
  });

  it('reports how many entries each results write recorded as delivered, for the progress line', async () => {
    for (let i = 1; i <= 4; i++) await enqueueEscalation(db, escalation(i), clock, null);
    const reported: number[] = [];
    const pump = pumpWith(
      async (r) => {
        const subject = r.escalation.draft.subject;
        if (subject === 'Ticket 1') return ok({ kind: 'failed', status: 422, message: 'Queue not found' });
        if (subject === 'Ticket 2') return ok({ kind: 'retry', reason: 'busy', maybeDelivered: false });
        return ok({ kind: 'sent', remoteId: subject.slice(-1), url: `https://rt/${subject.slice(-1)}` });
      },
      { onProgress: (n) => reported.push(n) },
    );
    await pump.start();
    await pump.drain();
    pump.stop();
    // Two delivered; the refusal and the retry are not.
    expect(reported.reduce((a, b) => a + b, 0)).toBe(2);
  });

  it('keeps a failed entry, shows its error, and does not let it block the rest', async () => {
    await enqueueEscalation(db, escalation(1), clock, null);
    await enqueueEscalation(db, escalation(2), clock, null);
    const pump = pumpWith(async (r) =>
      r.escalation.draft.subject === 'Ticket 1'
        ? ok({ kind: 'failed', status: 422, message: 'Queue not found' })
        : ok({ kind: 'sent', remoteId: '7', url: 'https://rt/7' }),
    );
    await pump.start();
    await pump.drain();
    const rows = await db.outbox.toArray();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ state: 'failed', lastError: 'Queue not found', nextAttemptAt: NEVER });
    pump.stop();
  });

  it('retries with backoff, honours Retry-After, and carries "maybe delivered" to the next attempt', async () => {
    await enqueueEscalation(db, escalation(1), clock, null);
    const requests: DeliverRequest[] = [];
    const answers: DeliveryResult[] = [
      { kind: 'retry', reason: 'connection reset', maybeDelivered: true },
      { kind: 'retry', reason: 'HTTP 429', retryAfterMs: 30_000, maybeDelivered: false },
      { kind: 'sent', remoteId: '9', url: 'https://rt/9' },
    ];
    const pump = pumpWith(async (r) => {
      requests.push(r);
      return ok(answers.shift()!);
    });
    await pump.start();
    await pump.drain();
    let row = (await db.outbox.toArray())[0]!;
    expect(row.state).toBe('pending');
    expect(row.nextAttemptAt).toBe(clock + backoffDelay(1, () => 0.5));
    clock = row.nextAttemptAt;
    await pump.drain();
    row = (await db.outbox.toArray())[0]!;
    expect(row.nextAttemptAt).toBe(clock + 30_000);
    clock += 30_000;
    await pump.drain();
    expect(requests.map((r) => r.maybeDelivered)).toEqual([false, true, true]);
    expect(await db.outbox.count()).toBe(0);
    pump.stop();
  });

  it('ignores the result of a stale attempt after a restart recovered the entry', async () => {
    await enqueueEscalation(db, escalation(1), clock, null);
    const claimed = await claimNext(db, clock, 'old-attempt');
    expect(claimed?.state).toBe('sending');
    expect(await recoverInterrupted(db, clock)).toBe(1);
    const stale = await recordResult(db, claimed!.id, 'old-attempt', { kind: 'failed', message: 'late' }, clock, Math.random);
    expect(stale).toBe('stale');
    expect((await db.outbox.get(claimed!.id))?.state).toBe('needs_reconcile');
    const next = await claimNext(db, clock, 'new-attempt');
    expect(next).toMatchObject({ attemptId: 'new-attempt', maybeDelivered: true, attempts: 2 });
  });

  it('pauses on an auth failure and stops claiming until resumed', async () => {
    for (let i = 0; i < 3; i++) await enqueueEscalation(db, escalation(i), clock, null);
    let calls = 0;
    const pump = pumpWith(
      async () => {
        calls += 1;
        return ok({ kind: 'auth', status: 401, message: 'bad token' });
      },
      { concurrency: 1 },
    );
    await pump.start();
    await pump.drain();
    expect(calls).toBe(1);
    const paused = await db.outbox.where('state').equals('paused').toArray();
    expect(paused).toHaveLength(1);
    expect(paused[0]!.lastError).toBe('Deskbook is not signed in to the ticketing system (401): bad token. Sign in again in Settings.');
    pump.stop();
  });

  it('treats a lost IPC answer as "maybe delivered"', async () => {
    await enqueueEscalation(db, escalation(1), clock, null);
    const pump = pumpWith(async () => ({ ok: false, error: { code: 'UNAVAILABLE', message: 'main did not answer' } }));
    await pump.start();
    await pump.drain();
    const row = (await db.outbox.toArray())[0]!;
    expect(row).toMatchObject({ state: 'pending', maybeDelivered: true, lastError: 'main did not answer' });
    pump.stop();
  });
});

describe('backoffDelay', () => {
  it('doubles from 1 s with full jitter up to a 5-minute cap', () => {
    expect(backoffDelay(1, () => 0.999)).toBe(999);
    expect(backoffDelay(3, () => 0.5)).toBe(2_000);
    expect(backoffDelay(30, () => 0.999)).toBe(299_700);
    expect(backoffDelay(5, () => 0)).toBe(0);
  });
  it('lets Retry-After win', () => {
    expect(backoffDelay(1, () => 0.1, 120_000)).toBe(120_000);
  });
});

describe('decisions and resubmissions in the outbox', () => {
  it('delivers a queued decision once and marks it applied', async () => {
    const { enqueueDecision } = await import('../features/review/decisions');
    const e = escalation(7);
    await enqueueDecision(
      db,
      {
        id: '00000000-0000-4000-8000-0000000000d7',
        remoteId: '42',
        requestId: e.id,
        decision: { kind: 'approve', note: '' },
        expectedEtag: null,
        decidedAt: '2026-11-23T15:00:00.000Z',
        seen: { remoteId: '42', url: '', requestId: e.id, subject: 's', rtStatus: 'new', reviewState: 'awaiting-review', createdAt: e.createdAt, lastUpdated: e.createdAt, escalation: e, hasSealedNote: false, etag: null },
        state: 'queued',
        current: null,
        message: null,
      },
      clock,
    );
    const calls: string[] = [];
    const pump = pumpWith(async () => ok({ kind: 'failed', message: 'not an escalation' }), {
      decide: async (r) => {
        calls.push(`${r.remoteId}:${r.decision.kind}`);
        return ok({ kind: 'sent', remoteId: r.remoteId, url: 'u' });
      },
    });
    await pump.start();
    await pump.drain();
    expect(calls).toEqual(['42:approve']);
    expect(await db.outbox.count()).toBe(0);
    expect((await db.decisions.toArray()).map((d) => d.state)).toEqual(['applied']);
    pump.stop();
  });
});

describe('backoff and interruptions', () => {
  it('grows the backoff with failures, not with attempts a reload interrupted', async () => {
    await enqueueEscalation(db, escalation(9), clock, null);
    for (let i = 0; i < 6; i++) {
      await claimNext(db, clock, `interrupted-${i}`);
      await recoverInterrupted(db, clock);
    }
    const claimed = await claimNext(db, clock, 'last');
    expect(claimed?.attempts).toBe(7);
    await recordResult(db, claimed!.id, 'last', { kind: 'retry', reason: 'HTTP 500', maybeDelivered: true }, clock, () => 0.999);
    const row = await db.outbox.get(claimed!.id);
    expect(row?.failures).toBe(1);
    expect(row!.nextAttemptAt - clock).toBe(backoffDelay(1, () => 0.999));
  });
});

describe('the pump when things stop mid-way', () => {
  it('puts claimed-but-unsent entries back in line when the network drops mid-drain', async () => {
    for (let i = 0; i < 10; i++) await enqueueEscalation(db, escalation(100 + i), clock, null);
    let online = true;
    const pump = pumpWith(
      async () => {
        online = false;
        return ok({ kind: 'retry', reason: 'connection reset', maybeDelivered: true });
      },
      { isOnline: () => online, concurrency: 2 },
    );
    await pump.start();
    await pump.drain();
    const states = (await db.outbox.toArray()).map((r) => r.state);
    expect(states).toHaveLength(10);
    expect(states.filter((s) => s === 'sending')).toEqual([]);
    pump.stop();
  });

  it('releases the Web Lock when stopped before the lock was granted', async () => {
    let released = false;
    const pump = pumpWith(async () => ok({ kind: 'sent', remoteId: '1', url: 'u' }), {
      withLock: (fn) =>
        new Promise<void>((resolve) => {
          setTimeout(() => void fn().then(() => ((released = true), resolve())), 5);
        }),
    });
    const started = pump.start();
    pump.stop();
    await started;
    await new Promise((r) => setTimeout(r, 20));
    expect(released).toBe(true);
  });
});

describe('recording results in batches', () => {
  it('applies a batch in order: a stale and a current result for one entry, and mixed outcomes', async () => {
    for (let i = 0; i < 3; i++) await enqueueEscalation(db, escalation(i), clock, null);
    const claimed = await claimBatch(db, clock, 3, () => `attempt-${++counter}`);
    expect(claimed).toHaveLength(3);
    const [a, b, c] = claimed as [(typeof claimed)[0], (typeof claimed)[0], (typeof claimed)[0]];
    const outcomes = await recordResults(
      db,
      [
        { id: a.id, attemptId: 'an-older-attempt', outcome: { kind: 'sent', remoteId: 'X', url: 'https://rt/X' } },
        { id: a.id, attemptId: a.attemptId!, outcome: { kind: 'sent', remoteId: '7', url: 'https://rt/7' } },
        // A second answer for the same attempt (a duplicate IPC reply) finds the entry gone.
        { id: a.id, attemptId: a.attemptId!, outcome: { kind: 'failed', message: 'late' } },
        { id: b.id, attemptId: b.attemptId!, outcome: { kind: 'retry', reason: 'HTTP 503', maybeDelivered: true } },
        { id: c.id, attemptId: c.attemptId!, outcome: { kind: 'failed', message: 'Queue does not exist' } },
      ],
      clock,
      () => 0.5,
    );
    expect(outcomes).toEqual(['stale', 'recorded', 'stale', 'recorded', 'recorded']);
    expect(await db.outbox.get(a.id)).toBeUndefined();
    expect(await db.escalations.get(a.escalationId)).toMatchObject({ status: 'sent', remoteId: '7', remoteUrl: 'https://rt/7' });
    expect(await db.outbox.get(b.id)).toMatchObject({ state: 'pending', failures: 1, maybeDelivered: true, lastError: 'HTTP 503', attemptId: null });
    expect((await db.outbox.get(b.id))!.nextAttemptAt).toBe(clock + backoffDelay(1, () => 0.5));
    expect(await db.escalations.get(b.escalationId)).toMatchObject({ status: 'queued' });
    expect(await db.outbox.get(c.id)).toMatchObject({ state: 'failed', nextAttemptAt: NEVER, lastError: 'Queue does not exist' });
    expect(await db.escalations.get(c.escalationId)).toMatchObject({ status: 'failed' });
  });

  it('claims the next batch while the last entries of this one are still out', async () => {
    for (let i = 0; i < 6; i++) await enqueueEscalation(db, escalation(200 + i), clock, null);
    // Two slots, two entries a claim: the first two requests are held unanswered. A pump that
    // claimed only once its batch was used up would have two entries `sending` at that point.
    const answers: (() => void)[] = [];
    const pump = pumpWith(
      (r) =>
        new Promise((resolve) => answers.push(() => resolve(ok({ kind: 'sent', remoteId: r.requestId.slice(-3), url: `https://rt/${r.requestId}` })))),
      { concurrency: 2, claimAhead: 2 },
    );
    await pump.start();
    const drained = pump.drain();
    await vi.waitFor(async () => expect(await db.outbox.where('state').equals('sending').count()).toBe(4));
    expect(answers).toHaveLength(2);
    // Answered, the claimed-ahead pair goes out at once, and so on to the end.
    while ((await db.outbox.count()) > 0) {
      answers.splice(0).forEach((answer) => answer());
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    await drained;
    pump.stop();
    expect((await db.escalations.toArray()).every((e) => e.status === 'sent')).toBe(true);
  });

  it('sizes a claim to the deliveries expected while the next one is on disk, within its bounds', () => {
    // RT: ten answers a second and a 20 ms claim need no more than the minimum.
    expect(claimSize(16, 10 / 1000, 20)).toBe(16);
    // Answers at once (three a ms) and a 20 ms claim: twice what comes in meanwhile.
    expect(claimSize(16, 3, 20)).toBe(120);
    expect(claimSize(16, 50, 20)).toBe(MAX_CLAIM);
    // No pace yet (the first claim, or a clock that does not move): the minimum.
    expect(claimSize(16, Number.NaN, 0)).toBe(16);
    expect(claimSize(16, Number.POSITIVE_INFINITY, 5)).toBe(16);
  });

  it('starts the next request while an earlier result is still being written', async () => {
    for (let i = 0; i < 3; i++) await enqueueEscalation(db, escalation(i), clock, null);
    // One slot; the first results write waits until the second request has started. A pump that
    // held the slot until its result was written would wait here forever (the test then fails on
    // vitest's timeout).
    const events: string[] = [];
    let releaseWrite!: () => void;
    const writeGate = new Promise<void>((resolve) => (releaseWrite = resolve));
    let firstWrite = true;
    const stalled = withOutboxWrites(openDeskbookDb(db.name), async () => {
      if (!firstWrite) return;
      firstWrite = false;
      events.push('write 1 waits');
      await writeGate;
      events.push('write 1 goes on');
    });
    const pump = pumpWith(
      async (r) => {
        events.push(`request ${r.requestId.slice(-1)}`);
        if (r.requestId.endsWith('1')) releaseWrite();
        // An answer from the network comes in a later task, as a real one does.
        await new Promise((resolve) => setTimeout(resolve, 0));
        return ok({ kind: 'sent', remoteId: r.requestId.slice(-3), url: `https://rt/${r.requestId}` });
      },
      { resultsDb: stalled, concurrency: 1 },
    );
    await pump.start();
    await pump.drain();
    pump.stop();
    stalled.close();
    // The second request went out before the first result was written.
    expect(events.indexOf('request 1')).toBeLessThan(events.indexOf('write 1 goes on'));
    expect(events).toContain('write 1 waits');
    expect(events.filter((e) => e.startsWith('request'))).toHaveLength(3);
    expect(await db.outbox.count()).toBe(0);
    expect((await db.escalations.toArray()).every((e) => e.status === 'sent')).toBe(true);
  });

  it('stops claiming while results cannot be written, and writes them once the database recovers', async () => {
    const COUNT = 30;
    for (let i = 0; i < COUNT; i++) await enqueueEscalation(db, escalation(i), clock, null);
    let broken = true;
    const results = withOutboxWrites(openDeskbookDb(db.name), async () => {
      if (broken) throw new Error('QuotaExceededError: the disk is full');
    });
    const timers: { fn: () => void; ms: number }[] = [];
    const sent: string[] = [];
    const pump = pumpWith(
      async (r) => {
        sent.push(r.requestId);
        await new Promise((resolve) => setTimeout(resolve, 1)); // the network takes a moment
        return ok({ kind: 'sent', remoteId: r.requestId.slice(-3), url: `https://rt/${r.requestId}` });
      },
      { resultsDb: results, concurrency: 1, claimAhead: 1, setTimer: (fn, ms) => timers.push({ fn, ms }) },
    );
    await pump.start();
    await pump.drain();
    // Once a write failed, the pump stopped sending: what went out waits, `sending`, to be recorded.
    const stuck = sent.length;
    expect(stuck).toBeLessThan(COUNT);
    expect(await db.outbox.where('state').equals('sending').count()).toBe(stuck);
    expect(await db.outbox.where('state').equals('pending').count()).toBe(COUNT - stuck);
    expect(timers.at(-1)?.ms).toBe(RESULT_WRITE_RETRY_MS);

    broken = false;
    timers.at(-1)!.fn();
    await pump.drain();
    pump.stop();
    results.close();
    expect(sent).toHaveLength(COUNT);
    expect(new Set(sent).size).toBe(COUNT);
    expect(await db.outbox.count()).toBe(0);
  });

  it('turns a call that threw (not an answer) into a retry that looks the request up first', async () => {
    await enqueueEscalation(db, escalation(1), clock, null);
    const pump = pumpWith(async () => {
      throw new Error('the bridge went away');
    });
    await pump.start();
    await pump.drain();
    pump.stop();
    const [entry] = await db.outbox.toArray();
    expect(entry).toMatchObject({ state: 'pending', maybeDelivered: true, failures: 1 });
    expect(entry!.lastError).toContain('the bridge went away');
  });
});

describe('when the ticketing system says "too many requests"', () => {
  it('holds the whole queue, not just the refused entry, then sends one at a time at the paced rate', async () => {
    for (let i = 0; i < 5; i++) await enqueueEscalation(db, escalation(i), clock, null);
    const timers: { ms: number; fn: () => void }[] = [];
    const sentAt: number[] = [];
    let inflight = 0;
    let maxInflight = 0;
    let refused = false;
    const pump = pumpWith(
      async (r) => {
        inflight++;
        maxInflight = Math.max(maxInflight, inflight);
        await Promise.resolve();
        inflight--;
        if (!refused) {
          refused = true;
          return ok({ kind: 'retry', reason: 'HTTP 429', retryAfterMs: 1_000, throttled: true, maybeDelivered: false });
        }
        sentAt.push(clock);
        return ok({ kind: 'sent', remoteId: r.requestId, url: `https://rt/${r.requestId}` });
      },
      { concurrency: 1, setTimer: (fn, ms) => (timers.push({ ms, fn }), null) },
    );
    await pump.start();
    await pump.drain();
    // One refusal: the four entries never tried wait too, until Retry-After plus the spread.
    expect(sentAt).toEqual([]);
    expect(await db.outbox.count()).toBe(5);
    const hold = timers.at(-1)!.ms;
    expect(hold).toBe(1_000 + 0.5 * THROTTLE_POLICY.baseMs);

    clock += hold;
    await pump.drain();
    // Throttled, the pump sends one request and waits about a second before the next.
    expect(sentAt).toEqual([clock]);
    expect(timers.at(-1)!.ms).toBe(THROTTLE_POLICY.paceMs);
    for (let i = 0; i < 4; i++) {
      clock += THROTTLE_POLICY.paceMs;
      await pump.drain();
    }
    pump.stop();
    expect(sentAt).toHaveLength(5);
    expect(new Set(sentAt).size).toBe(5);
    expect(maxInflight).toBe(1);
    expect(await db.outbox.count()).toBe(0);
  });

  it('says when the hold ends, and "Retry now" sends the entry asked for through it first', async () => {
    for (let i = 0; i < 4; i++) await enqueueEscalation(db, escalation(i), clock, null);
    const holds: (number | null)[] = [];
    const sent: string[] = [];
    let refuse = true;
    const pump = pumpWith(
      async (r) => {
        if (refuse) {
          refuse = false;
          return ok({ kind: 'retry', reason: 'HTTP 429', retryAfterMs: 1_000, throttled: true, maybeDelivered: false });
        }
        sent.push(r.requestId);
        return ok({ kind: 'sent', remoteId: r.requestId, url: `https://rt/${r.requestId}` });
      },
      { concurrency: 1, onHold: (until) => holds.push(until) },
    );
    await pump.start();
    await pump.drain();
    const until = clock + 1_000 + 0.5 * THROTTLE_POLICY.baseMs;
    expect(holds).toEqual([until]);
    expect(pump.holdEndsAt()).toBe(until);
    expect(sent).toEqual([]);

    // The analyst asks for the third entry while the other three are due and held.
    clock += 5_000;
    const asked = escalation(2).id;
    expect(await retryNow(db, asked, clock)).toBe(true);
    pump.retryNow();
    await pump.drain();
    expect(sent).toEqual([asked]);
    // Accepted: the hold is over; the rest follow one at a time at the paced rate.
    expect(holds).toEqual([until, null]);
    expect(pump.holdEndsAt()).toBeNull();
    for (let i = 0; i < 3; i++) {
      clock += THROTTLE_POLICY.paceMs;
      await pump.drain();
    }
    pump.stop();
    expect(sent).toHaveLength(4);
    expect(new Set(sent).size).toBe(4);
  });

  it('holds longer when the request sent through the hold is refused as well', async () => {
    for (let i = 0; i < 2; i++) await enqueueEscalation(db, escalation(i), clock, null);
    const holds: (number | null)[] = [];
    const pump = pumpWith(async () => ok({ kind: 'retry', reason: 'HTTP 429', retryAfterMs: 1_000, throttled: true, maybeDelivered: false }), {
      concurrency: 1,
      onHold: (until) => holds.push(until),
    });
    await pump.start();
    await pump.drain();
    clock += 5_000;
    pump.retryNow();
    await pump.drain();
    pump.stop();
    expect(holds).toEqual([1_000_000 + 1_000 + 0.5 * THROTTLE_POLICY.baseMs, clock + 1_000 + 0.5 * Math.min(THROTTLE_POLICY.capMs, THROTTLE_POLICY.baseMs * 2)]);
  });
});

describe('"Retry now" on one entry', () => {
  it('puts it first in line, ahead of entries already due', async () => {
    for (let i = 0; i < 3; i++) await enqueueEscalation(db, escalation(i), clock + i, null);
    clock += 60_000;
    expect(await retryNow(db, escalation(2).id, clock)).toBe(true);
    const [first] = await claimBatch(db, clock, 1, () => 'a1');
    expect(first!.id).toBe(escalation(2).id);
  });

  it('refuses an entry that is being sent or has failed', async () => {
    await enqueueEscalation(db, escalation(0), clock, null);
    await claimNext(db, clock, 'a1');
    expect(await retryNow(db, escalation(0).id, clock)).toBe(false);
    expect(await retryNow(db, 'no-such-entry', clock)).toBe(false);
  });
});

