import { Webhook } from 'standardwebhooks';
import { afterEach, describe, expect, it } from 'vitest';
import { callLogFromRun } from '../../shared/call-log/build';
import { ANALYST, CALL_DOC, RUN_ID, finishedRun } from '../../shared/call-log/call-log.testkit';
import type { CallLogRecord } from '../../shared/call-log/schema';
import { sendJson, startLoopbackServer } from '../../tests/support/loopback-server';
import type { LoopbackServer, SeenRequest } from '../../tests/support/loopback-server';
import { enforcedPolicy, startTestServices } from '../../tests/support/main-services';
import type { TestServices } from '../../tests/support/main-services';

/**
 * `sync:logCall` through the real composition root (router, resolved policy, deliverOnce, the
 * webhook connector) to a loopback receiver that verifies signatures as a district's would. The
 * renderer is treated as compromised: it sends records naming the student whatever the policy.
 */
const SECRET = `whsec_${Buffer.from('district-webhook-key-0123456789abcdef').toString('base64')}`;
let receiver: LoopbackServer;
let main: TestServices | null = null;
afterEach(async () => {
  main?.dispose();
  main = null;
  await receiver?.close();
});

/** A receiver that keeps each delivery by its webhook-id and answers lookups for them. */
async function startReceiver(): Promise<void> {
  const seen = new Map<string, string>();
  receiver = await startLoopbackServer((req, res) => {
    if (req.method === 'POST') {
      const id = String(req.headers['webhook-id']);
      seen.set(id, `T-${seen.size + 1}`);
      return sendJson(res, 201, { id: seen.get(id), url: `https://tickets.example/${seen.get(id)}` });
    }
    const ticket = seen.get(req.url.split('/').pop() ?? '');
    return ticket ? sendJson(res, 200, { id: ticket, url: `https://tickets.example/${ticket}` }) : sendJson(res, 404, { message: 'unknown' });
  });
}

async function connected(policy: Record<string, unknown>): Promise<TestServices> {
  await startReceiver();
  // An analyst's machine: the connector comes with the settings (analysts may not change it).
  const m = await startTestServices({ settings: { connector: { kind: 'webhook', url: `${receiver.url}/hooks` } }, adminPolicy: enforcedPolicy(policy) });
  expect(await m.call('settings:setToken', { token: SECRET })).toMatchObject({ ok: true });
  return m;
}

/** What a renderer that names the student sends (allowed when it queued, or compromised). */
const named = (choice: 'yes' | 'office' = 'yes'): CallLogRecord =>
  callLogFromRun({ runId: RUN_ID, packId: 'hac-support', doc: CALL_DOC, state: finishedRun(choice), analyst: ANALYST, includeStudentData: true })!;

const logCall = (m: TestServices, record: CallLogRecord, maybeDelivered = false) =>
  m.call('sync:logCall', { requestId: record.runId, attemptId: 'a1', record, maybeDelivered });

const posts = () => receiver.requests.filter((r) => r.method === 'POST');
const headersOf = (req: SeenRequest): Record<string, string> =>
  Object.fromEntries(Object.entries(req.headers).filter((e): e is [string, string] => typeof e[1] === 'string'));

describe('sync:logCall in main', () => {
  it('is refused (FORBIDDEN) while LogResolvedCalls is off, the default, and nothing is sent', async () => {
    main = await connected({});
    expect(await logCall(main, named())).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('LogResolvedCalls') } });
    expect(posts()).toHaveLength(0);
    main.dispose();
    await receiver.close();
    main = await connected({ LogResolvedCalls: false, LogCallStudentData: true });
    expect(await logCall(main, named())).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(posts()).toHaveLength(0);
  });

  it('takes the student out of what it sends, and every mention of them, when LogCallStudentData is off', async () => {
    main = await connected({ LogResolvedCalls: true, LogCallStudentData: false });
    expect(await logCall(main, named('office'))).toEqual({ ok: true, value: { kind: 'sent', remoteId: 'T-1', url: 'https://tickets.example/T-1' } });
    const [post] = posts();
    for (const leak of ['Maria', 'Lopez', '123456']) {
      expect(post!.body).not.toContain(leak);
      expect(JSON.stringify(main.logs)).not.toContain(leak);
    }
    const body = JSON.parse(post!.body) as { type: string; callLog: CallLogRecord };
    expect(body.type).toBe('call.logged');
    expect(body.callLog.student).toBeUndefined();
    expect(body.callLog.outcome).toMatchObject({ type: 'referred', how: 'Call the front desk about (student)' });
    expect(main.logs.some((l) => l.message.includes('student data the policy does not allow'))).toBe(true);
  });

  it('sends the student when the district allows it, as a signed call.logged event keyed by the run id', async () => {
    main = await connected({ LogResolvedCalls: true, LogCallStudentData: true });
    expect(await logCall(main, named())).toMatchObject({ ok: true, value: { kind: 'sent' } });
    const [post] = posts();
    const headers = headersOf(post!);
    expect(headers['webhook-id']).toBe(RUN_ID);
    expect(headers['idempotency-key']).toBe(RUN_ID);
    const body = new Webhook(SECRET).verify(post!.body, headers) as { version: number; type: string; requestId: string; callLog: CallLogRecord };
    expect(body).toMatchObject({ version: 1, type: 'call.logged', requestId: RUN_ID, callLog: { student: { name: 'Maria Lopez', number: '123456' } } });
  });

  it('refuses a password in any text (BAD_INPUT naming the field) before anything is sent', async () => {
    main = await connected({ LogResolvedCalls: true });
    const record = named();
    const leaked = { ...record, outcome: { ...record.outcome, summary: 'Reset it; the temporary password is Bluejay#7' } };
    expect(await logCall(main, leaked)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', path: 'record.outcome.summary' } });
    expect(receiver.requests).toHaveLength(0);
  });

  it('refuses a request whose id is not the run id, and fields the record does not have', async () => {
    main = await connected({ LogResolvedCalls: true });
    const record = named();
    expect(await main.call('sync:logCall', { requestId: '0b6b3c1e-1f0e-4f57-8d3c-7c1f2d9e0a55', attemptId: 'a1', record, maybeDelivered: false })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT' },
    });
    expect(await logCall(main, { ...record, studentName: 'Maria Lopez' } as CallLogRecord)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(receiver.requests).toHaveLength(0);
  });

  it('delivered again after an ambiguous attempt, looks the run id up and sends nothing twice', async () => {
    main = await connected({ LogResolvedCalls: true });
    const record = named();
    const first = await logCall(main, record);
    const again = await logCall(main, record, true);
    expect(again).toEqual(first);
    expect(posts()).toHaveLength(1);
    expect(receiver.requests.filter((r) => r.method === 'GET' && r.url === `/hooks/${RUN_ID}`)).toHaveLength(1);
  });
});
