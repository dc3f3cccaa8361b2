import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CANARY_PASSWORD, makeEscalation } from '../../../tests/support/escalation-fixture';
import { closedPort, startLoopbackServer } from '../../../tests/support/loopback-server';
import type { LoopbackServer, SeenRequest } from '../../../tests/support/loopback-server';
import { flatHeaders, header, referenceReceiver } from '../../../tests/support/webhook-receiver';
import type { ReferenceReceiver } from '../../../tests/support/webhook-receiver';
import { deliver } from '../deliver-once';
import type { Connector } from '../connector';
import { ConnectorError } from '../outcome';
import { TIMESTAMP_TOLERANCE_SECONDS, WEBHOOK_ID_HEADER, WEBHOOK_SIGNATURE_HEADER, WEBHOOK_TIMESTAMP_HEADER } from './signature';
import { createWebhookConnector } from './webhook-connector';
import type { WebhookBody } from './webhook-connector';

/** A secret in the spec's form, as a district's receiver would hand it out: `whsec_` + 32 bytes. */
const SECRET = `whsec_${Buffer.from('deskbook-test-secret-of-32-bytes').toString('base64')}`;
const REQUEST = '5f0b7a52-1c1e-4d7e-9a55-0c6a9d3f2b11';
const OTHER_REQUEST = '9d2c4e1a-7b3f-4c8d-8e6a-1f2b3c4d5e6f';

let server: LoopbackServer;
let receiver: ReferenceReceiver;
let connector: Connector;
/** Requests Deskbook sends that the receiver must refuse: the tests that sign with another secret or a wrong clock. */
let refusalsExpected = 0;

beforeEach(async () => {
  receiver = referenceReceiver(SECRET);
  server = await startLoopbackServer(receiver.handler);
  connector = createWebhookConnector({ fetch: globalThis.fetch, url: `${server.url}/hooks`, secret: SECRET });
  refusalsExpected = 0;
});

afterEach(async () => {
  vi.useRealTimers();
  await server.close();
  // Every request Deskbook sent was checked by the library as a receiver would, and verified.
  const fromDeskbook = receiver.verdicts.filter((v) => !v.replayed);
  expect(fromDeskbook.filter((v) => v.refusal !== null)).toHaveLength(refusalsExpected);
});

/**
 * Sends a captured request again, as someone who saw it on the wire would, with `edit` applied
 * (another path, headers or body); answers the receiver's status.
 */
async function replay(captured: SeenRequest | undefined, edit: { url?: string; headers?: Record<string, string>; body?: string } = {}): Promise<number> {
  if (!captured) throw new Error('no request was captured');
  const headers: Record<string, string> = { ...flatHeaders(captured), 'x-test-replay': '1', ...edit.headers };
  for (const hop of ['host', 'connection', 'content-length', 'transfer-encoding']) delete headers[hop];
  const body = edit.body ?? captured.body;
  const res = await fetch(`${server.url}${edit.url ?? captured.url}`, { method: captured.method, headers, body: captured.method === 'GET' ? undefined : body });
  await res.text();
  return res.status;
}

const requestsTo = (method: string, path: RegExp) => server.requests.filter((r) => r.method === method && path.test(new URL(r.url, 'http://x').pathname));

describe('webhook connector', () => {
  it('posts a versioned, signed body with the request id as Idempotency-Key', async () => {
    const escalation = makeEscalation();
    const outcome = await connector.create(escalation, REQUEST, [{ label: 'HAC password', plaintext: CANARY_PASSWORD }]);
    expect(outcome).toEqual({ kind: 'sent', remoteId: 'T-1', url: 'https://tickets.example/T-1' });
    const post = server.requests[0];
    expect(post && header(post, 'idempotency-key')).toBe(REQUEST);
    expect(post && header(post, WEBHOOK_ID_HEADER)).toBe(REQUEST);
    expect(post && header(post, WEBHOOK_SIGNATURE_HEADER)).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);
    const body = JSON.parse(post?.body ?? '{}') as WebhookBody;
    expect(body).toEqual({
      version: 1,
      requestId: REQUEST,
      escalation,
      internalNotes: [{ label: 'HAC password', text: CANARY_PASSWORD }],
    });
  });

  it('a signature made with another secret is refused by the receiver and reported as auth', async () => {
    const wrong = createWebhookConnector({ fetch: globalThis.fetch, url: `${server.url}/hooks`, secret: 'not-the-secret' });
    refusalsExpected = 1;
    const outcome = await wrong.create(makeEscalation(), REQUEST, []);
    expect(outcome).toMatchObject({ kind: 'auth', status: 401 });
    expect(receiver.tickets.size).toBe(0);
  });

  it('the signature covers the body: a changed byte fails verification', async () => {
    await connector.create(makeEscalation(), REQUEST, []);
    const post = server.requests[0];
    const headers = post ? flatHeaders(post) : {};
    const receiverSide = new Webhook(SECRET);
    expect(receiverSide.verify(post?.body ?? '', headers)).toMatchObject({ requestId: REQUEST });
    expect(() => receiverSide.verify((post?.body ?? '').replace('HAC', 'HAX'), headers)).toThrow(WebhookVerificationError);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 10 * 60_000);
    expect(() => receiverSide.verify(post?.body ?? '', headers)).toThrow(WebhookVerificationError);
  });

  it('looks a request id up: null when unknown, the ticket once delivered', async () => {
    expect(await connector.findByRequestId(REQUEST)).toBeNull();
    await connector.create(makeEscalation(), REQUEST, []);
    expect(await connector.findByRequestId(REQUEST)).toEqual({ remoteId: 'T-1', url: 'https://tickets.example/T-1' });
  });

  it('a maybe-delivered retry finds the ticket instead of posting again', async () => {
    await connector.create(makeEscalation(), REQUEST, []);
    const outcome = await deliver(connector, makeEscalation(), REQUEST, [], { maybeDelivered: true });
    expect(outcome).toMatchObject({ kind: 'sent', remoteId: 'T-1' });
    expect(server.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('has no review capability: a webhook has nowhere to read a review state back from', () => {
    expect(connector.review).toBeUndefined();
  });

  it('a 409 for a known Idempotency-Key reads as sent', async () => {
    await connector.create(makeEscalation(), REQUEST, []);
    receiver.setScript((req) => (req.method === 'POST' ? { status: 409, body: { message: 'duplicate' } } : undefined));
    expect(await connector.create(makeEscalation(), REQUEST, [])).toMatchObject({ kind: 'sent', remoteId: 'T-1' });
  });

  it('429 with Retry-After is retried after that delay', async () => {
    receiver.setScript(() => ({ status: 429, body: { message: 'slow down' }, headers: { 'Retry-After': '30' } }));
    expect(await connector.create(makeEscalation(), REQUEST, [])).toEqual({
      kind: 'retry',
      reason: 'HTTP 429: slow down',
      retryAfterMs: 30_000,
      throttled: true,
      maybeDelivered: false,
    });
  });

  it('a 500 after posting may have been committed; 422 is refused for good with its message', async () => {
    receiver.setScript(() => ({ status: 500, body: { message: 'db down' } }));
    expect(await connector.create(makeEscalation(), REQUEST, [])).toMatchObject({ kind: 'retry', maybeDelivered: true });
    receiver.setScript(() => ({ status: 422, body: { message: 'unknown school' } }));
    expect(await connector.create(makeEscalation(), REQUEST, [])).toEqual({ kind: 'failed', status: 422, message: 'HTTP 422: unknown school' });
  });

  it('a server that never answers times out as maybe delivered', async () => {
    const silent = await startLoopbackServer((req) => void receiver.judge(req));
    try {
      const slow = createWebhookConnector({ fetch: globalThis.fetch, url: `${silent.url}/hooks`, secret: SECRET, timeoutMs: 150 });
      expect(await slow.create(makeEscalation(), REQUEST, [])).toMatchObject({ kind: 'retry', maybeDelivered: true });
    } finally {
      await silent.close();
    }
  });

  it('adds a staff-only note to the ticket named in the path', async () => {
    await connector.create(makeEscalation(), REQUEST, []);
    await connector.addInternalNote('T-1', 'Tier 2: called the parent back.');
    expect(receiver.notes.get('T-1')).toEqual(['Tier 2: called the parent back.']);
  });
});

describe('Standard Webhooks signing, as an independent receiver checks it', () => {
  it('every lookup, probe and note carries a webhook-id of its own, never the request id', async () => {
    const ids = ['aaaaaaaa-0000-4000-8000-000000000001', 'aaaaaaaa-0000-4000-8000-000000000002', 'aaaaaaaa-0000-4000-8000-000000000003'];
    const counted = createWebhookConnector({ fetch: globalThis.fetch, url: `${server.url}/hooks`, secret: SECRET, randomId: () => ids.shift() ?? 'exhausted' });
    await counted.create(makeEscalation(), REQUEST, []);
    await counted.findByRequestId(REQUEST);
    await counted.probe();
    await counted.addInternalNote('T-1', 'checked');
    expect(server.requests.map((r) => [r.method, header(r, WEBHOOK_ID_HEADER)])).toEqual([
      ['POST', REQUEST],
      ['GET', 'aaaaaaaa-0000-4000-8000-000000000001'],
      ['GET', 'aaaaaaaa-0000-4000-8000-000000000002'],
      ['POST', 'aaaaaaaa-0000-4000-8000-000000000003'],
    ]);
    expect(server.requests.every((r) => /^\d+$/.test(header(r, WEBHOOK_TIMESTAMP_HEADER) ?? ''))).toBe(true);
  });

  it('a verbatim replay of the escalation within the tolerance is the same delivery: no second ticket', async () => {
    await connector.create(makeEscalation(), REQUEST, []);
    expect(await replay(server.requests[0])).toBe(201);
    expect(receiver.tickets.size).toBe(1);
  });

  it('a replay of the escalation under another webhook-id fails verification', async () => {
    await connector.create(makeEscalation(), REQUEST, []);
    const status = await replay(server.requests[0], { headers: { [WEBHOOK_ID_HEADER]: OTHER_REQUEST, 'idempotency-key': OTHER_REQUEST } });
    expect(status).toBe(401);
    expect(receiver.tickets.size).toBe(1);
    expect(receiver.verdicts.at(-1)?.refusal).toBe('No matching signature found');
  });

  it('a replay with a changed body fails verification', async () => {
    await connector.create(makeEscalation(), REQUEST, []);
    const post = server.requests[0];
    expect(await replay(post, { body: (post?.body ?? '').replace('Lincoln Elementary', 'Roosevelt High') })).toBe(401);
    expect(receiver.tickets.get(REQUEST)?.body.escalation.draft.school).toBe('Lincoln Elementary');
  });

  it('a replay after the spec\'s five-minute tolerance fails, and so does one with a fresh timestamp', async () => {
    await connector.create(makeEscalation(), REQUEST, []);
    const post = server.requests[0];
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + (TIMESTAMP_TOLERANCE_SECONDS + 1) * 1000);
    expect(await replay(post)).toBe(401);
    expect(receiver.verdicts.at(-1)?.refusal).toBe('Message timestamp too old');
    expect(await replay(post, { headers: { [WEBHOOK_TIMESTAMP_HEADER]: String(Math.floor(Date.now() / 1000)) } })).toBe(401);
    expect(receiver.verdicts.at(-1)?.refusal).toBe('No matching signature found');
    // Deskbook's own retry, made now, signs afresh: it still lands, as the same ticket.
    const later = createWebhookConnector({ fetch: globalThis.fetch, url: `${server.url}/hooks`, secret: SECRET, now: () => Date.now() });
    expect(await later.create(makeEscalation(), REQUEST, [])).toMatchObject({ kind: 'sent', remoteId: 'T-1' });
  });

  it('a sender whose clock is off by more than the tolerance is refused, either way', async () => {
    const off = (ms: number) => createWebhookConnector({ fetch: globalThis.fetch, url: `${server.url}/hooks`, secret: SECRET, now: () => Date.now() + ms });
    refusalsExpected = 2;
    expect(await off(-(TIMESTAMP_TOLERANCE_SECONDS + 60) * 1000).create(makeEscalation(), REQUEST, [])).toMatchObject({ kind: 'auth', status: 401 });
    expect(await off((TIMESTAMP_TOLERANCE_SECONDS + 60) * 1000).create(makeEscalation(), REQUEST, [])).toMatchObject({ kind: 'auth', status: 401 });
    expect(await off(-(TIMESTAMP_TOLERANCE_SECONDS - 60) * 1000).create(makeEscalation(), REQUEST, [])).toMatchObject({ kind: 'sent' });
  });

  it('a captured escalation replayed to a note path fails verification', async () => {
    await connector.create(makeEscalation(), REQUEST, []);
    expect(await replay(server.requests[0], { url: '/hooks/T-1/notes' })).toBe(401);
    expect(receiver.notes.size).toBe(0);
  });

  it('a captured lookup replayed for another request id, with a query added or verbatim fails verification', async () => {
    await connector.create(makeEscalation(), REQUEST, []);
    await connector.create(makeEscalation(), OTHER_REQUEST, []);
    await connector.findByRequestId(REQUEST);
    const lookup = requestsTo('GET', /^\/hooks\/[^/]+$/)[0];
    expect(await replay(lookup, { url: `/hooks/${OTHER_REQUEST}` })).toBe(401);
    expect(await replay(lookup, { url: `/hooks/${REQUEST}?school=Roosevelt` })).toBe(401);
    expect(await replay(lookup, { url: `/hooks/${REQUEST}` })).toBe(401);
    expect(receiver.verdicts.filter((v) => v.replayed).map((v) => v.refusal)).toEqual([
      'No matching signature found',
      'No matching signature found',
      'webhook-id already used',
    ]);
  });

  it('a captured note replayed to another ticket id, with a changed body or verbatim fails verification', async () => {
    await connector.create(makeEscalation(), REQUEST, []);
    await connector.create(makeEscalation(), OTHER_REQUEST, []);
    await connector.addInternalNote('T-1', 'Tier 2: reset the HAC lockout.');
    const note = requestsTo('POST', /^\/hooks\/T-1\/notes$/)[0];
    expect(await replay(note, { url: '/hooks/T-2/notes' })).toBe(401);
    expect(await replay(note, { body: (note?.body ?? '').replace('reset', 'removed') })).toBe(401);
    expect(await replay(note, { url: '/hooks/T-1/notes?copy=1' })).toBe(401);
    expect(await replay(note)).toBe(401);
    expect(receiver.notes.get('T-1')).toEqual(['Tier 2: reset the HAC lockout.']);
    expect(receiver.notes.get('T-2')).toBeUndefined();
  });

  it('a raw secret (not whsec_) signs with its UTF-8 bytes, which the library verifies as a raw key', async () => {
    const raw = 'clé-partagée-du-district';
    const rawConnector = createWebhookConnector({ fetch: globalThis.fetch, url: `${server.url}/hooks`, secret: raw });
    refusalsExpected = 1; // the reference receiver holds SECRET, not this one
    await rawConnector.create(makeEscalation(), REQUEST, []);
    const post = server.requests[0];
    expect(post && new Webhook(Buffer.from(raw, 'utf8'), { format: 'raw' }).verify(post.body, flatHeaders(post))).toMatchObject({ requestId: REQUEST });
  });

  it('a whsec_ secret that does not decode is refused before anything is sent, naming the field', async () => {
    const broken = createWebhookConnector({ fetch: globalThis.fetch, url: `${server.url}/hooks`, secret: 'whsec_not-base64!' });
    const named = /Shared signing secret \(Settings → Ticketing system\)/;
    const outcome = await broken.create(makeEscalation(), REQUEST, []);
    expect(outcome).toMatchObject({ kind: 'auth', message: expect.stringMatching(named) as unknown });
    await expect(broken.findByRequestId(REQUEST)).rejects.toBeInstanceOf(ConnectorError);
    await expect(broken.addInternalNote('T-1', 'x')).rejects.toThrow(named);
    expect(await broken.probe()).toMatchObject({ ok: false, problem: 'unauthorized', message: expect.stringMatching(named) as unknown });
    expect(server.requests).toHaveLength(0);
  });
});

describe('webhook probe', () => {
  it('passes when a signed lookup of an unknown id answers 404', async () => {
    expect(await connector.probe()).toMatchObject({ ok: true });
  });

  it('names a rejected secret', async () => {
    const wrong = createWebhookConnector({ fetch: globalThis.fetch, url: `${server.url}/hooks`, secret: 'nope' });
    refusalsExpected = 1;
    expect(await wrong.probe()).toMatchObject({ ok: false, problem: 'unauthorized', status: 401 });
  });

  it('names a refused connection', async () => {
    const port = await closedPort();
    const down = createWebhookConnector({ fetch: globalThis.fetch, url: `http://127.0.0.1:${port}/hooks`, secret: SECRET });
    expect(await down.probe()).toMatchObject({ ok: false, problem: 'refused' });
  });

  it('names a TLS failure', async () => {
    const tls = createWebhookConnector({ fetch: globalThis.fetch, url: `${server.url.replace('http:', 'https:')}/hooks`, secret: SECRET });
    expect(await tls.probe()).toMatchObject({ ok: false, problem: 'tls' });
  });
});
