import type { ServerResponse } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CANARY_PASSWORD, makeEscalation } from '../../../tests/support/escalation-fixture';
import { closedPort, sendJson, startLoopbackServer } from '../../../tests/support/loopback-server';
import type { LoopbackServer, SeenRequest } from '../../../tests/support/loopback-server';
import { deliver } from '../deliver-once';
import type { Connector } from '../connector';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyWebhookSignature } from './signature';
import { createWebhookConnector } from './webhook-connector';
import type { WebhookBody } from './webhook-connector';

const SECRET = 'shared-secret-for-tests';
const REQUEST = '5f0b7a52-1c1e-4d7e-9a55-0c6a9d3f2b11';

const header = (req: SeenRequest, name: string): string | undefined => {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
};

/** A reference receiver that follows ./README.md: verifies signatures, dedupes on Idempotency-Key. */
function referenceReceiver() {
  const tickets = new Map<string, { id: string; body: WebhookBody }>();
  let script: ((req: SeenRequest) => { status: number; body: unknown; headers?: Record<string, string> } | undefined) | undefined;
  const handler = (req: SeenRequest, res: ServerResponse) => {
    const scripted = script?.(req);
    if (scripted) return sendJson(res, scripted.status, scripted.body, scripted.headers);
    const signed = verifyWebhookSignature({
      secret: SECRET,
      timestamp: header(req, TIMESTAMP_HEADER),
      signature: header(req, SIGNATURE_HEADER),
      body: req.body,
      nowMs: Date.now(),
    });
    if (!signed) return sendJson(res, 401, { message: 'bad signature' });
    const path = new URL(req.url, 'http://x').pathname;
    if (req.method === 'POST' && path === '/hooks') {
      const key = header(req, 'idempotency-key') ?? '';
      const existing = tickets.get(key) ?? { id: `T-${tickets.size + 1}`, body: JSON.parse(req.body) as WebhookBody };
      tickets.set(key, existing);
      return sendJson(res, 201, { id: existing.id, url: `https://tickets.example/${existing.id}` });
    }
    const lookup = /^\/hooks\/([^/]+)$/.exec(path);
    if (req.method === 'GET' && lookup?.[1]) {
      const t = tickets.get(decodeURIComponent(lookup[1]));
      return t ? sendJson(res, 200, { id: t.id, url: `https://tickets.example/${t.id}` }) : sendJson(res, 404, { message: 'unknown' });
    }
    return sendJson(res, 404, { message: 'no route' });
  };
  return {
    tickets,
    handler,
    setScript: (s: typeof script) => {
      script = s;
    },
  };
}

let server: LoopbackServer;
let receiver: ReturnType<typeof referenceReceiver>;
let connector: Connector;

beforeEach(async () => {
  receiver = referenceReceiver();
  server = await startLoopbackServer(receiver.handler);
  connector = createWebhookConnector({ fetch: globalThis.fetch, url: `${server.url}/hooks`, secret: SECRET });
});

afterEach(() => server.close());

describe('webhook connector', () => {
  it('posts a versioned, signed body with the request id as Idempotency-Key', async () => {
    const escalation = makeEscalation();
    const outcome = await connector.create(escalation, REQUEST, [{ label: 'HAC password', plaintext: CANARY_PASSWORD }]);
    expect(outcome).toEqual({ kind: 'sent', remoteId: 'T-1', url: 'https://tickets.example/T-1' });
    const post = server.requests[0];
    expect(post && header(post, 'idempotency-key')).toBe(REQUEST);
    expect(post && header(post, SIGNATURE_HEADER)).toMatch(/^sha256=[0-9a-f]{64}$/);
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
    const outcome = await wrong.create(makeEscalation(), REQUEST, []);
    expect(outcome).toMatchObject({ kind: 'auth', status: 401 });
    expect(receiver.tickets.size).toBe(0);
  });

  it('the signature covers the body: a changed byte fails verification', async () => {
    await connector.create(makeEscalation(), REQUEST, []);
    const post = server.requests[0];
    const input = {
      secret: SECRET,
      timestamp: post && header(post, TIMESTAMP_HEADER),
      signature: post && header(post, SIGNATURE_HEADER),
      nowMs: Date.now(),
    };
    expect(verifyWebhookSignature({ ...input, body: post?.body ?? '' })).toBe(true);
    expect(verifyWebhookSignature({ ...input, body: (post?.body ?? '').replace('HAC', 'HAX') })).toBe(false);
    expect(verifyWebhookSignature({ ...input, body: post?.body ?? '', nowMs: Date.now() + 10 * 60_000 })).toBe(false);
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
    const silent = await startLoopbackServer(() => undefined);
    try {
      const slow = createWebhookConnector({ fetch: globalThis.fetch, url: silent.url, secret: SECRET, timeoutMs: 150 });
      expect(await slow.create(makeEscalation(), REQUEST, [])).toMatchObject({ kind: 'retry', maybeDelivered: true });
    } finally {
      await silent.close();
    }
  });
});

describe('webhook probe', () => {
  it('passes when a signed lookup of an unknown id answers 404', async () => {
    expect(await connector.probe()).toMatchObject({ ok: true });
  });

  it('names a rejected secret', async () => {
    const wrong = createWebhookConnector({ fetch: globalThis.fetch, url: `${server.url}/hooks`, secret: 'nope' });
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
