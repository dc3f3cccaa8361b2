import { describe, expect, it } from 'vitest';
import { makeEscalation } from '../../tests/support/escalation-fixture';
import { ConnectorError } from './connector';
import { createLogger } from '../../shared/log';
import type { DecisionResult } from '../../shared/ipc/sync';
import type { ReviewDetail } from '../../shared/review/schema';
import { DeskbookError } from '../../shared/result';
import { createDeliverOnce, deliver } from './deliver-once';
import type { DeliveryJob } from './deliver-once';
import type { ReviewConnector } from './review';
import type { Connector, SealedNote } from './connector';
import type { DeliveryOutcome, FailureOutcome, RemoteTicket } from './outcome';

/** An in-memory ticketing system: a real Connector implementation, not a mock of fetch. */
function memoryConnector(options: { lookupFails?: FailureOutcome } = {}) {
  const tickets = new Map<string, RemoteTicket & { notes: number }>();
  const calls: string[] = [];
  const connector: Connector = {
    kind: 'memory',
    probe: () => Promise.resolve({ ok: true, detail: 'memory' }),
    create: (_e, requestId, sealedNotes): Promise<DeliveryOutcome> => {
      calls.push('create');
      const ticket = { remoteId: String(tickets.size + 1), url: `mem://${tickets.size + 1}`, notes: sealedNotes.length > 0 ? 1 : 0 };
      tickets.set(requestId, ticket);
      return Promise.resolve({ kind: 'sent', remoteId: ticket.remoteId, url: ticket.url });
    },
    findByRequestId: (requestId) => {
      calls.push('find');
      if (options.lookupFails) return Promise.reject(new ConnectorError(options.lookupFails));
      const t = tickets.get(requestId);
      return Promise.resolve(t ? { remoteId: t.remoteId, url: t.url } : null);
    },
    addInternalNote: () => Promise.resolve(),
    ensureSealedNotes: (remote) => {
      calls.push('ensure');
      for (const t of tickets.values()) if (t.remoteId === remote.remoteId) t.notes = 1;
      return Promise.resolve();
    },
  };
  return { connector, tickets, calls };
}

const notes: SealedNote[] = [{ label: 'HAC password', plaintext: 'x' }];
const REQUEST = '7b0c1f0e-5a44-4b43-9d3e-1f1f1f1f1f1f';

describe('deliver', () => {
  it('creates straight away when the previous attempt cannot have delivered', async () => {
    const mem = memoryConnector();
    const outcome = await deliver(mem.connector, makeEscalation(), REQUEST, notes, { maybeDelivered: false });
    expect(outcome).toEqual({ kind: 'sent', remoteId: '1', url: 'mem://1' });
    expect(mem.calls).toEqual(['create']);
  });

  it('after a maybe-delivered attempt, reports the existing ticket as sent and never creates again', async () => {
    const mem = memoryConnector();
    await deliver(mem.connector, makeEscalation(), REQUEST, notes, { maybeDelivered: false });
    const again = await deliver(mem.connector, makeEscalation(), REQUEST, notes, { maybeDelivered: true });
    expect(again).toEqual({ kind: 'sent', remoteId: '1', url: 'mem://1' });
    expect(mem.calls).toEqual(['create', 'find', 'ensure']);
    expect(mem.tickets.size).toBe(1);
  });

  it('after a maybe-delivered attempt that did not land, looks up then creates', async () => {
    const mem = memoryConnector();
    await deliver(mem.connector, makeEscalation(), REQUEST, [], { maybeDelivered: true });
    expect(mem.calls).toEqual(['find', 'create']);
  });

  it('a failed lookup is retried later, still maybe delivered, without creating', async () => {
    const mem = memoryConnector({ lookupFails: { kind: 'retry', reason: 'connection reset', maybeDelivered: false } });
    const outcome = await deliver(mem.connector, makeEscalation(), REQUEST, notes, { maybeDelivered: true });
    expect(outcome).toEqual({ kind: 'retry', reason: 'connection reset', maybeDelivered: true });
    expect(mem.calls).toEqual(['find']);
  });

  it('an auth failure during lookup pauses delivery', async () => {
    const mem = memoryConnector({ lookupFails: { kind: 'auth', status: 401, message: 'HTTP 401' } });
    const outcome = await deliver(mem.connector, makeEscalation(), REQUEST, notes, { maybeDelivered: true });
    expect(outcome).toEqual({ kind: 'auth', status: 401, message: 'HTTP 401' });
  });
});

/** A review-capable in-memory connector whose writes are counted, and a vault stand-in. */
function reviewConnector(options: { decide?: () => Promise<DecisionResult> } = {}) {
  const mem = memoryConnector();
  const review: ReviewConnector = {
    listForReview: () => Promise.resolve({ items: [], cursor: null }),
    getForReview: () => Promise.reject(new Error('not used')),
    decide: (remoteId) => {
      mem.calls.push('decide');
      return options.decide ? options.decide() : Promise.resolve({ kind: 'sent', remoteId, url: `mem://${remoteId}` });
    },
    resubmit: (remoteId) => {
      mem.calls.push('resubmit');
      return Promise.resolve({ kind: 'sent', remoteId, url: `mem://${remoteId}` });
    },
    reviewStatus: () => Promise.resolve([]),
    decisionAnchor: () => Promise.resolve({ found: false }),
    auditAnchors: () => Promise.resolve([]),
  };
  return { ...mem, connector: { ...mem.connector, review } satisfies Connector };
}

const silent = createLogger('t', () => undefined);

function road(connector: () => Promise<Connector | null>, openNote: (handle: string) => Promise<SealedNote> = () => Promise.resolve(notes[0]!)) {
  const delivered: string[] = [];
  const run = createDeliverOnce({ connector, openNote, markDelivered: (h) => Promise.resolve(void delivered.push(...h)), log: silent });
  return { run, delivered };
}

const decisionJob = (connector: Connector, extra: Partial<DeliveryJob<DecisionResult>> = {}): DeliveryJob<DecisionResult> => ({
  id: REQUEST,
  what: 'decision',
  maybeDelivered: false,
  sealedNotes: [],
  texts: [],
  needsReview: true,
  send: (c, _n, maybe) => c.review!.decide('42', { kind: 'approve' }, { decisionId: REQUEST, expectedEtag: null, actor: { id: 's', name: 'S' }, maybeDelivered: maybe }),
  ...extra,
});

describe('deliverOnce, the one road for every kind', () => {
  it('pauses a decision with "sign in" when no token is stored, instead of retrying for ever', async () => {
    const mem = reviewConnector();
    const { run } = road(() => Promise.reject(new DeskbookError('AUTH_REQUIRED', 'No token is stored for the ticketing system: add one in Settings.')));
    await expect(run(decisionJob(mem.connector))).resolves.toEqual({
      kind: 'auth',
      status: 401,
      message: 'No token is stored for the ticketing system: add one in Settings.',
    });
    expect(mem.calls).toEqual([]);
  });

  it('maps a sealed note the keychain cannot decrypt to a sign-in pause, for a fix as for an escalation', async () => {
    const mem = reviewConnector();
    const { run } = road(
      () => Promise.resolve(mem.connector),
      () => Promise.reject(new DeskbookError('SIGNED_OUT', 'This secret cannot be decrypted here. Sign in again.')),
    );
    const fix: DeliveryJob<DeliveryOutcome> = {
      id: REQUEST,
      what: 'fix',
      maybeDelivered: false,
      sealedNotes: [{ handle: 'sn_1', label: 'HAC password' }],
      texts: [],
      needsReview: true,
      send: (c) => c.review!.resubmit('42', makeEscalation(), { resubmitId: REQUEST, maybeDelivered: false, analystId: 'analyst-7' }),
    };
    await expect(run(fix)).resolves.toMatchObject({ kind: 'auth', status: 401 });
    expect(mem.calls).toEqual([]);
  });

  it('refuses a review write on a connector without review, in words, without sending', async () => {
    const mem = memoryConnector();
    const { run } = road(() => Promise.resolve(mem.connector));
    await expect(run(decisionJob(mem.connector))).resolves.toMatchObject({ kind: 'failed', message: expect.stringContaining('does not support supervisor review') });
  });

  it('runs the landing step once the write is in, and marks its sealed notes delivered', async () => {
    const mem = reviewConnector();
    const { run, delivered } = road(() => Promise.resolve(mem.connector));
    const landed: string[] = [];
    const job = decisionJob(mem.connector, {
      sealedNotes: [{ handle: 'sn_1', label: 'HAC password' }],
      landed: (_c, remote) => Promise.resolve(void landed.push(remote.remoteId)),
    });
    await expect(run(job)).resolves.toMatchObject({ kind: 'sent', remoteId: '42' });
    expect(landed).toEqual(['42']);
    expect(delivered).toEqual(['sn_1']);
  });

  it('a landing step that fails is retried as maybe delivered, so the next attempt reconciles', async () => {
    const mem = reviewConnector();
    const { run, delivered } = road(() => Promise.resolve(mem.connector));
    const job = decisionJob(mem.connector, {
      landed: () => Promise.reject(new ConnectorError({ kind: 'retry', reason: 'connection reset', maybeDelivered: false })),
    });
    await expect(run(job)).resolves.toEqual({ kind: 'retry', reason: 'connection reset', maybeDelivered: true });
    expect(delivered).toEqual([]);
  });

  it('tells a self-reconciling write that the last attempt may have landed', async () => {
    const mem = reviewConnector();
    const { run } = road(() => Promise.resolve(mem.connector));
    const seen: boolean[] = [];
    const job = decisionJob(mem.connector, {
      maybeDelivered: true,
      send: (_c, _n, maybe) => Promise.resolve({ kind: 'sent', remoteId: String(seen.push(maybe)), url: '' }),
    });
    await run(job);
    expect(seen).toEqual([true]);
  });

  it('refuses, in main and before sending, free text carrying a password or a sealed value, naming the field', async () => {
    const mem = reviewConnector();
    const { run } = road(() => Promise.resolve(mem.connector), () => Promise.resolve({ label: 'HAC password', plaintext: 'Bluejay#7731' }));
    const job = (text: string, sealed: boolean) =>
      decisionJob(mem.connector, {
        sealedNotes: sealed ? [{ handle: 'sn_1', label: 'HAC password' }] : [],
        texts: [{ path: 'decision.comment', label: 'Comment to the analyst', text }],
      });
    await expect(run(job('Her password is Bluejay#7731, please reset it', false))).rejects.toMatchObject({ code: 'BAD_INPUT', path: 'decision.comment' });
    await expect(run(job('Parent says the login is Bluejay#7731 now', true))).rejects.toMatchObject({
      code: 'BAD_INPUT',
      message: expect.stringContaining('the text of one of its sealed notes'),
    });
    await expect(run(job('Add the student number before I can approve.', true))).resolves.toMatchObject({ kind: 'sent' });
    expect(mem.calls).toEqual(['decide']);
  });

  it('a conflict is handed back as is: nothing was written, the supervisor decides again', async () => {
    const current = { ...({} as ReviewDetail) };
    const mem = reviewConnector({ decide: () => Promise.resolve({ kind: 'conflict', message: 'changed', current }) });
    const { run } = road(() => Promise.resolve(mem.connector));
    await expect(run(decisionJob(mem.connector))).resolves.toEqual({ kind: 'conflict', message: 'changed', current });
  });
});
