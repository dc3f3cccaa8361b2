import { randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConnectorError, deliver } from '../../electron/sync/connector';
import type { Connector, DeliveryOutcome, SealedNote } from '../../electron/sync/connector';
import { createRtConnector } from '../../electron/sync/rt';
import type { RtConnectorOptions } from '../../electron/sync/rt';
import { startRt } from '../rt/rt-server';
import type { RtInstance } from '../rt/rt-server';
import { CANARY_PASSWORD, makeEscalation } from '../support/escalation-fixture';
import { startFaultProxy } from '../support/fault-proxy';
import type { FaultProxy } from '../support/fault-proxy';
import { closedPort } from '../support/loopback-server';
import { rtInspector } from './rt-inspect';

let rt: RtInstance;
let inspect: ReturnType<typeof rtInspector>;
let proxy: FaultProxy | undefined;

const SEALED: SealedNote[] = [{ label: 'Parent HAC password', plaintext: CANARY_PASSWORD }];
const CREATE_PATH = /^\/REST\/2\.0\/ticket\/?(\?|$)/;
const COMMENT_PATH = /^\/REST\/2\.0\/ticket\/\d+\/comment/;

beforeAll(async () => {
  rt = await startRt();
  inspect = rtInspector(rt);
});

afterAll(async () => {
  await rt?.stop();
});

afterEach(async () => {
  await proxy?.close();
  proxy = undefined;
});

function connector(overrides: Partial<RtConnectorOptions> = {}): Connector {
  return createRtConnector({ fetch: globalThis.fetch, baseUrl: rt.baseUrl, token: rt.token, queue: rt.queue, ...overrides });
}

async function viaProxy(match: RegExp, overrides: Partial<RtConnectorOptions> = {}): Promise<{ c: Connector; proxy: FaultProxy }> {
  proxy = await startFaultProxy({ upstream: rt.baseUrl, match: (r) => match.test(r.path) && r.method === 'POST' });
  return { c: connector({ baseUrl: proxy.url, ...overrides }), proxy };
}

function expectSent(outcome: DeliveryOutcome): string {
  if (outcome.kind !== 'sent') throw new Error(`expected sent, got ${JSON.stringify(outcome)}`);
  return outcome.remoteId;
}

describe('Request Tracker connector against a real RT 5', () => {
  it('probe passes for the configured queue', async () => {
    expect(await connector().probe()).toMatchObject({ ok: true });
  });

  it('creates a ticket whose custom fields, priority, due date and requestor stuck', async () => {
    const escalation = makeEscalation();
    const requestId = randomUUID();
    const outcome = await connector({ requestorFor: () => 'pat.parent@example.org' }).create(escalation, requestId, []);
    const ticketId = expectSent(outcome);
    expect(outcome).toMatchObject({ url: `${rt.baseUrl}/Ticket/Display.html?id=${ticketId}` });

    const t = await inspect.ticket(ticketId);
    expect(t.Subject).toBe(escalation.draft.subject);
    expect(inspect.fieldValue(t, rt.customFields.requestId)).toEqual([requestId]);
    expect(inspect.fieldValue(t, rt.customFields.sopPath)).toEqual(['hac-login@3: identify-caller > check-lockout > escalate']);
    expect(inspect.fieldValue(t, rt.customFields.slaDueAt)).toEqual([escalation.slaDueAt]);
    expect(t.Priority).toBe(75);
    expect(t.Due).toBe('2026-03-02T19:04:05Z');
    expect(t.Requestor.map((r) => r.id)).toEqual(['pat.parent@example.org']);
  });

  it('stores sealed notes only as an internal comment, never in the body, subject or outgoing mail', async () => {
    const requestId = randomUUID();
    const ticketId = expectSent(await connector({ requestorFor: () => 'pat.parent@example.org' }).create(makeEscalation(), requestId, SEALED));

    const messages = await inspect.messages(ticketId);
    const create = messages.filter((m) => m.type === 'Create');
    const comments = messages.filter((m) => m.type === 'Comment');
    expect(create).toHaveLength(1);
    expect(create[0]?.content).toContain(`Request ID: ${requestId}`);
    expect(create[0]?.content).toContain('Sealed notes: 1, added as an internal comment (staff only).');
    expect(JSON.stringify(create)).not.toContain(CANARY_PASSWORD);
    expect(comments).toHaveLength(1);
    expect(comments[0]?.content).toContain(`[Parent HAC password]\n${CANARY_PASSWORD}`);
    expect(messages.filter((m) => m.type === 'Correspond')).toHaveLength(0);
    expect((await inspect.ticket(ticketId)).Subject).not.toContain(CANARY_PASSWORD);

    const varDir = join(rt.dir, 'var');
    const mail = (await readdir(varDir)).filter((f) => f.endsWith('.mbox'));
    for (const f of mail) expect(await readFile(join(varDir, f), 'utf8')).not.toContain(CANARY_PASSWORD);
  });

  it('finds a ticket by request id, and returns null for an unknown one', async () => {
    const requestId = randomUUID();
    const ticketId = expectSent(await connector().create(makeEscalation(), requestId, []));
    expect(await connector().findByRequestId(requestId)).toEqual({ remoteId: ticketId, url: `${rt.baseUrl}/Ticket/Display.html?id=${ticketId}` });
    expect(await connector().findByRequestId(randomUUID())).toBeNull();
  });

  it('adds an internal note to an existing ticket as a comment', async () => {
    const ticketId = expectSent(await connector().create(makeEscalation(), randomUUID(), []));
    await connector().addInternalNote(ticketId, 'Supervisor: forwarded to the vendor.');
    const comments = (await inspect.messages(ticketId)).filter((m) => m.type === 'Comment');
    expect(comments.map((c) => c.content.trim())).toEqual(['Supervisor: forwarded to the vendor.']);
  });
});

describe('exactly once through faults (fault proxy in front of RT)', () => {
  it('a create whose response is dropped after commit, delivered again, leaves exactly one ticket', async () => {
    const { c, proxy: p } = await viaProxy(CREATE_PATH);
    p.enqueue({ kind: 'drop-after-commit' });
    const requestId = randomUUID();
    const escalation = makeEscalation();

    const first = await deliver(c, escalation, requestId, SEALED, { maybeDelivered: false });
    expect(first).toMatchObject({ kind: 'retry', maybeDelivered: true });
    expect(await inspect.ticketsForRequest(requestId)).toHaveLength(1);

    const second = await deliver(c, escalation, requestId, SEALED, { maybeDelivered: first.kind === 'retry' && first.maybeDelivered });
    const ticketId = expectSent(second);
    expect(await inspect.ticketsForRequest(requestId)).toEqual([ticketId]);
    expect(p.counters['drop-after-commit']).toBe(1);
    // The first attempt never reached its comment; the reconcile added the sealed notes once.
    const comments = (await inspect.messages(ticketId)).filter((m) => m.type === 'Comment');
    expect(comments).toHaveLength(1);
    expect(comments[0]?.content).toContain(CANARY_PASSWORD);
  });

  it('a sealed-notes comment whose response is dropped is not added twice by the retry', async () => {
    const { c, proxy: p } = await viaProxy(COMMENT_PATH);
    p.enqueue({ kind: 'drop-after-commit' });
    const requestId = randomUUID();

    const first = await deliver(c, makeEscalation(), requestId, SEALED, { maybeDelivered: false });
    expect(first).toMatchObject({ kind: 'retry', maybeDelivered: true });
    const ticketId = expectSent(await deliver(c, makeEscalation(), requestId, SEALED, { maybeDelivered: true }));
    expect((await inspect.messages(ticketId)).filter((m) => m.type === 'Comment')).toHaveLength(1);
    expect(await inspect.ticketsForRequest(requestId)).toEqual([ticketId]);
  });

  it('a 500 on create is retried as maybe delivered and then creates exactly one ticket', async () => {
    const { c, proxy: p } = await viaProxy(CREATE_PATH);
    p.enqueue({ kind: 'error-500' });
    const requestId = randomUUID();
    const first = await deliver(c, makeEscalation(), requestId, [], { maybeDelivered: false });
    expect(first).toMatchObject({ kind: 'retry', maybeDelivered: true });
    expect(await inspect.ticketsForRequest(requestId)).toHaveLength(0);
    const ticketId = expectSent(await deliver(c, makeEscalation(), requestId, [], { maybeDelivered: true }));
    expect(await inspect.ticketsForRequest(requestId)).toEqual([ticketId]);
  });

  it('429 with Retry-After is a retry after that many seconds, nothing created', async () => {
    const { c, proxy: p } = await viaProxy(CREATE_PATH);
    p.enqueue({ kind: 'rate-limit', retryAfter: '17' });
    const requestId = randomUUID();
    expect(await c.create(makeEscalation(), requestId, [])).toEqual({
      kind: 'retry',
      reason: 'HTTP 429: fault proxy: injected 429',
      retryAfterMs: 17_000,
      throttled: true,
      maybeDelivered: false,
    });
    expect(await inspect.ticketsForRequest(requestId)).toHaveLength(0);
  });

  it('a seeded mix of faults over many deliveries still yields one ticket per request id', async () => {
    proxy = await startFaultProxy({
      upstream: rt.baseUrl,
      mix: { seed: 20260302, rates: { 'drop-before-forward': 0.12, 'drop-after-commit': 0.15, 'error-500': 0.1, 'rate-limit': 0.08 } },
    });
    const c = connector({ baseUrl: proxy.url });
    const ids = Array.from({ length: 6 }, () => randomUUID());
    for (const requestId of ids) {
      let maybeDelivered = false;
      let outcome: DeliveryOutcome | undefined;
      for (let attempt = 0; attempt < 25 && outcome?.kind !== 'sent'; attempt++) {
        outcome = await deliver(c, makeEscalation(), requestId, SEALED, { maybeDelivered });
        if (outcome.kind === 'retry') maybeDelivered ||= outcome.maybeDelivered;
        else if (outcome.kind !== 'sent') throw new Error(`unexpected ${JSON.stringify(outcome)}`);
      }
      const ticketId = expectSent(outcome ?? { kind: 'failed', message: 'never attempted' });
      expect(await inspect.ticketsForRequest(requestId)).toEqual([ticketId]);
      expect((await inspect.messages(ticketId)).filter((m) => m.type === 'Comment')).toHaveLength(1);
    }
    expect(proxy.counters.requests).toBeGreaterThan(proxy.counters.pass);
  });
});

describe('failures are reported precisely', () => {
  it('a bad token gives an auth outcome on create, lookup and probe', async () => {
    const bad = connector({ token: '1-27-00000000000000000000000000000000' });
    expect(await bad.create(makeEscalation(), randomUUID(), [])).toMatchObject({ kind: 'auth', status: 401 });
    await expect(bad.findByRequestId(randomUUID())).rejects.toSatisfy((e) => e instanceof ConnectorError && e.outcome.kind === 'auth');
    expect(await bad.probe()).toMatchObject({ ok: false, problem: 'unauthorized', status: 401 });
  });

  it('probe names the custom fields missing from a queue, and create refuses before creating', async () => {
    const c = connector({ queue: rt.otherQueues.withoutCustomFields });
    expect(await c.probe()).toMatchObject({
      ok: false,
      problem: 'missing-custom-field',
      missing: [rt.customFields.requestId, rt.customFields.sopPath, rt.customFields.slaDueAt, rt.customFields.escalation, rt.customFields.review],
    });
    const requestId = randomUUID();
    const outcome = await c.create(makeEscalation(), requestId, SEALED);
    expect(outcome).toMatchObject({ kind: 'failed' });
    expect(outcome.kind === 'failed' && outcome.message).toContain(`'${rt.customFields.requestId}'`);
    await expect(c.findByRequestId(requestId)).rejects.toBeInstanceOf(ConnectorError);
  });

  it('a custom field RT silently dropped fails loudly after the re-read, before any sealed note is added', async () => {
    const c = connector({ queue: rt.otherQueues.customFieldsReadOnly });
    const outcome = await c.create(makeEscalation(), randomUUID(), SEALED);
    expect(outcome).toMatchObject({ kind: 'failed' });
    const message = outcome.kind === 'failed' ? outcome.message : '';
    expect(message).toMatch(/custom field 'Deskbook Request ID'.* did not stick: is it applied to queue 'Deskbook Read-only Fields'/);
    const ticketId = /#(\d+)/.exec(message)?.[1] ?? '';
    expect((await inspect.messages(ticketId)).filter((m) => m.type === 'Comment')).toHaveLength(0);
  });

  it('probe names an unknown queue', async () => {
    expect(await connector({ queue: 'No Such Queue' }).probe()).toMatchObject({ ok: false, problem: 'unknown-queue' });
  });

  it('probe names a refused connection and a TLS failure', async () => {
    const port = await closedPort();
    expect(await connector({ baseUrl: `http://127.0.0.1:${port}` }).probe()).toMatchObject({ ok: false, problem: 'refused' });
    // Debian's Starlet (pure-Perl HTTP parser) never answers a TLS hello: it waits for the end of
    // HTTP headers. Only the HTTP layer's handshake check (3 s, then 3 s more) names this `tls`;
    // fetch alone would say `timeout` after Node's 10 s connect timeout.
    const tls = await connector({ baseUrl: rt.baseUrl.replace('http:', 'https:') }).probe();
    expect(tls).toMatchObject({ ok: false, problem: 'tls' });
    expect(!tls.ok && tls.message).toContain('http://');
  });

  it('RT listens on loopback only', async () => {
    const external = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal);
    if (!external) return;
    const port = new URL(rt.baseUrl).port;
    const reached = await fetch(`http://${external.address}:${port}/REST/2.0/rt`, { signal: AbortSignal.timeout(2000) }).then(
      () => true,
      () => false,
    );
    expect(reached).toBe(false);
  });
});
