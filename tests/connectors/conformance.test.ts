import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeliverOnce, deliver } from '../../electron/sync/connector';
import type { Connector, SealedNote } from '../../electron/sync/connector';
import type { DeliveryOutcome } from '../../electron/sync/outcome';
import { createLogger } from '../../shared/log';
import { CANARY_PASSWORD, makeEscalation } from '../support/escalation-fixture';
import { startFaultProxy } from '../support/fault-proxy';
import type { FaultProxy } from '../support/fault-proxy';
import { CONFORMANCE_TARGETS } from './targets';
import type { ConformanceTarget, RunningTarget } from './target';

/**
 * What every connector promises, held to one suite: Request Tracker (the real server), the signed
 * webhook (its reference receiver), and the contract servers for Incident IQ, Zendesk and
 * ServiceNow (tests/support/*-server.ts). Each runs the real connector through a fault proxy that
 * drops connections and answers in the server's own words, and checks what the server holds with
 * the server's own API, never through the connector.
 */
const SEALED: SealedNote = { label: 'Parent HAC password', plaintext: CANARY_PASSWORD };

describe.each(CONFORMANCE_TARGETS.map((t) => [t.name, t] as [string, ConformanceTarget]))('%s connector conformance', (_name, target) => {
  let server: RunningTarget;
  let proxy: FaultProxy;
  let connector: Connector;
  let proxiedUrl: string;

  beforeAll(async () => {
    server = await target.start();
    const base = new URL(server.url);
    proxy = await startFaultProxy({ upstream: base.origin, match: (req) => server.isCreate(req) });
    proxiedUrl = `${proxy.url}${base.pathname.replace(/\/+$/, '')}`;
    connector = server.connector(proxiedUrl, server.token);
  }, 180_000);

  afterAll(async () => {
    await proxy?.close();
    await server?.stop();
  });

  const send = (escalation = makeEscalation(), maybeDelivered = false): Promise<DeliveryOutcome> =>
    deliver(connector, escalation, escalation.id, [SEALED], { maybeDelivered });

  const ticketsFor = async (requestId: string) => (await server.tickets()).filter((t) => t.requestId === requestId);

  const sent = (outcome: DeliveryOutcome) => {
    if (outcome.kind !== 'sent') throw new Error(`expected sent, got ${JSON.stringify(outcome)}`);
    return outcome;
  };

  it('creates one ticket carrying the request id, subject and description; the sealed note only as a staff-only note', async () => {
    const escalation = makeEscalation({ subject: 'HAC login fails after reset (conformance)' });
    const outcome = sent(await send(escalation));
    const [ticket, ...more] = await ticketsFor(escalation.id);
    expect(more).toEqual([]);
    expect(ticket?.remoteId).toBe(outcome.remoteId);
    expect(ticket?.subject).toBe(escalation.draft.subject);
    expect(ticket?.publicText).toContain(escalation.draft.description);
    expect(ticket?.publicText).not.toContain(CANARY_PASSWORD);
    expect(ticket?.subject).not.toContain(CANARY_PASSWORD);
    expect(ticket?.privateNotes.filter((n) => n.includes(CANARY_PASSWORD))).toHaveLength(1);
    expect(outcome.url).toMatch(/^https?:\/\//);
  });

  it('a connection dropped after the server committed, then a retry with the same request id: one ticket, one sealed note', async () => {
    const escalation = makeEscalation();
    proxy.enqueue({ kind: 'drop-after-commit' });
    const first = await send(escalation);
    expect(first).toMatchObject({ kind: 'retry', maybeDelivered: true });
    const second = sent(await send(escalation, true));
    const tickets = await ticketsFor(escalation.id);
    expect(tickets.map((t) => t.remoteId)).toEqual([second.remoteId]);
    expect(tickets[0]?.privateNotes.filter((n) => n.includes(CANARY_PASSWORD))).toHaveLength(1);
    // A third attempt that is told nothing: still the same ticket.
    expect(sent(await send(escalation, true)).remoteId).toBe(second.remoteId);
    expect(await ticketsFor(escalation.id)).toHaveLength(1);
  });

  it('looks a delivery up by its request id, and says "none" for an id it never saw', async () => {
    const escalation = makeEscalation();
    const outcome = sent(await send(escalation));
    expect(await connector.findByRequestId(escalation.id)).toMatchObject({ remoteId: outcome.remoteId });
    expect(await connector.findByRequestId(randomUUID())).toBeNull();
  });

  it('a refused sign-in pauses delivery for sign-in, and creates nothing', async () => {
    const escalation = makeEscalation();
    const wrong = server.connector(proxiedUrl, `${server.token.slice(0, -4)}XXXX`);
    const outcome = await deliver(wrong, escalation, escalation.id, [SEALED], { maybeDelivered: false });
    expect(outcome.kind).toBe('auth');
    expect(await ticketsFor(escalation.id)).toEqual([]);
  });

  it.each([400, 404, 422])('HTTP %i is a failure in the server\'s own words', async (status) => {
    const escalation = makeEscalation();
    const words = `Deskbook conformance: refused with ${status} for a reason the server gives`;
    proxy.enqueue({ kind: 'answer', status, body: server.errorBody(status, words) });
    const outcome = await send(escalation);
    expect(outcome.kind).toBe('failed');
    expect(outcome.kind === 'failed' && outcome.message).toContain(words);
    expect(await ticketsFor(escalation.id)).toEqual([]);
  });

  it.each([
    [408, undefined, false],
    [429, '7', false],
    [500, undefined, true],
    [503, '30', true],
  ] as const)('HTTP %i is a retry, honouring Retry-After (%s)', async (status, retryAfter, maybeDelivered) => {
    const escalation = makeEscalation();
    proxy.enqueue({ kind: 'answer', status, body: server.errorBody(status, 'busy'), headers: retryAfter ? { 'Retry-After': retryAfter } : {} });
    const outcome = await send(escalation);
    expect(outcome).toMatchObject({ kind: 'retry', maybeDelivered });
    if (outcome.kind === 'retry') expect(outcome.retryAfterMs).toBe(retryAfter ? Number(retryAfter) * 1000 : undefined);
    // The retry the outbox makes delivers it, once.
    sent(await send(escalation, maybeDelivered));
    expect(await ticketsFor(escalation.id)).toHaveLength(1);
  });

  it('a reset before the request reached the server is a retry, and the next attempt delivers once', async () => {
    const escalation = makeEscalation();
    proxy.enqueue({ kind: 'drop-before-forward' });
    const outcome = await send(escalation);
    expect(outcome.kind).toBe('retry');
    sent(await send(escalation, outcome.kind === 'retry' && outcome.maybeDelivered));
    expect(await ticketsFor(escalation.id)).toHaveLength(1);
  });

  it.each([
    ['a web page (a sign-in or proxy page)', 200, '<!DOCTYPE html><html><body><h1>Sign in</h1></body></html>', 'text/html; charset=utf-8'],
    ['a 200 carrying an error', 200, JSON.stringify({ error: 'InternalError', message: 'something went wrong' }), 'application/json'],
  ] as const)('an answer off the contract, %s, is never "sent"; the retry delivers once', async (_what, status, body, type) => {
    const escalation = makeEscalation();
    proxy.enqueue({ kind: 'answer', status, body, headers: { 'Content-Type': type } });
    const outcome = await send(escalation);
    expect(outcome.kind).not.toBe('sent');
    expect(JSON.stringify(outcome)).not.toMatch(/undefined|\[object Object\]/);
    sent(await send(escalation, true));
    expect(await ticketsFor(escalation.id)).toHaveLength(1);
  });

  if (target.name !== 'webhook') {
    // The webhook's contract lets a receiver answer 2xx without an id (README): not off-contract there.
    it('a created answer without the ticket id is never "sent"', async () => {
      const escalation = makeEscalation();
      proxy.enqueue({ kind: 'answer', status: 201, body: '{}' });
      const outcome = await send(escalation);
      expect(outcome.kind).not.toBe('sent');
    });
  }

  it('review: list, detail and a decision with conflict detection, or a plain "not supported by this system"', async () => {
    const escalation = makeEscalation();
    const { remoteId } = sent(await send(escalation));
    const review = connector.review;
    if (!server.review) {
      expect(review).toBeUndefined();
      const run = createDeliverOnce({
        connector: () => Promise.resolve(connector),
        openNote: () => Promise.reject(new Error('no notes')),
        markDelivered: () => Promise.resolve(),
        log: createLogger('conformance', () => undefined),
      });
      const outcome = await run({ id: randomUUID(), what: 'decision', maybeDelivered: false, sealedNotes: [], texts: [], needsReview: true, send: () => Promise.reject(new Error('must not be called')) });
      expect(outcome).toMatchObject({ kind: 'failed' });
      expect(outcome.kind === 'failed' && outcome.message).toMatch(/does not support supervisor review/);
      return;
    }
    if (!review) throw new Error(`${target.name} declares review support but its connector has no review`);
    const page = await review.listForReview(null);
    expect(page.items.map((i) => i.remoteId)).toContain(remoteId);
    const detail = await review.getForReview(remoteId);
    expect(detail).toMatchObject({ remoteId, reviewState: 'awaiting-review', subject: escalation.draft.subject });
    await server.review.touch(remoteId);
    const actor = { id: 'sam', name: 'Sam Supervisor' };
    const stale = await review.decide(remoteId, { kind: 'approve' }, { decisionId: randomUUID(), expectedEtag: detail.etag, actor, maybeDelivered: false });
    if (stale.kind !== 'conflict') throw new Error(`expected conflict, got ${JSON.stringify(stale)}`);
    expect(stale.current.etag).not.toBe(detail.etag);
    const fresh = await review.decide(remoteId, { kind: 'approve', note: 'Complete.' }, { decisionId: randomUUID(), expectedEtag: stale.current.etag, actor, maybeDelivered: false });
    expect(fresh.kind).toBe('sent');
    expect((await review.getForReview(remoteId)).reviewState).toBe('approved');
  });
});
