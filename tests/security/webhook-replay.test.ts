import { Webhook } from 'standardwebhooks';
import { afterEach, describe, expect, it } from 'vitest';
import { makeEscalation } from '../support/escalation-fixture';
import { sendJson, startLoopbackServer } from '../support/loopback-server';
import type { LoopbackServer, SeenRequest } from '../support/loopback-server';
import { rolePolicy, startTestServices } from '../support/main-services';
import type { TestServices } from '../support/main-services';

/**
 * Finding 8: the webhook signature covered only timestamp and body, so a captured request
 * verified against another path or ticket id for five minutes, and the Idempotency-Key was not
 * signed. Here the real main services deliver to a receiver that verifies with the
 * `standardwebhooks` package, as a district's would; the captured request is then replayed
 * with one thing changed at a time, and every replay must fail verification.
 */
const SECRET = `whsec_${Buffer.from('district-webhook-key-0123456789abcdef').toString('base64')}`;
let receiver: LoopbackServer;
let main: TestServices | null = null;
afterEach(async () => {
  main?.dispose();
  main = null;
  await receiver?.close();
});

const headersOf = (req: SeenRequest): Record<string, string> =>
  Object.fromEntries(Object.entries(req.headers).filter((e): e is [string, string] => typeof e[1] === 'string'));
const verifies = (body: string, headers: Record<string, string>) => {
  try {
    new Webhook(SECRET).verify(body, headers, { jsonParse: false });
    return true;
  } catch {
    return false;
  }
};

describe('attack: replay a captured webhook request', () => {
  it('fails with another id, a stale timestamp or a changed body; a lookup fails for another path', async () => {
    receiver = await startLoopbackServer((req, res) =>
      req.method === 'POST' ? sendJson(res, 201, { id: 'T-1', url: 'https://tickets.example/T-1' }) : sendJson(res, 404, { message: 'unknown' }),
    );
    main = await startTestServices({ adminPolicy: rolePolicy('supervisor') });
    await main.call('settings:update', { connector: { kind: 'webhook', url: `${receiver.url}/hooks` } });
    await main.call('settings:setToken', { token: SECRET });
    const escalation = makeEscalation({ sealedNotes: [] });
    expect(await main.call('sync:deliver', { requestId: escalation.id, attemptId: 'a1', escalation, maybeDelivered: true })).toMatchObject({ ok: true, value: { kind: 'sent' } });

    const post = receiver.requests.find((r) => r.method === 'POST')!;
    const headers = headersOf(post);
    expect(headers['webhook-id']).toBe(escalation.id);
    expect(verifies(post.body, headers)).toBe(true);
    expect(verifies(post.body, { ...headers, 'webhook-id': crypto.randomUUID() })).toBe(false);
    expect(verifies(post.body, { ...headers, 'webhook-timestamp': String(Number(headers['webhook-timestamp']) - 600) })).toBe(false);
    expect(verifies(post.body.replace('HAC', 'HAX'), headers)).toBe(false);

    // The reconcile lookup (maybeDelivered) is signed over method, path and query.
    const lookup = receiver.requests.find((r) => r.method === 'GET' && r.url.includes(escalation.id))!;
    const signed = (url: string) => `GET\n${new URL(url, receiver.url).pathname}\n${new URL(url, receiver.url).search.slice(1)}\n`;
    expect(verifies(signed(lookup.url), headersOf(lookup))).toBe(true);
    expect(verifies(signed(lookup.url.replace(escalation.id, crypto.randomUUID())), headersOf(lookup))).toBe(false);
  });
});
