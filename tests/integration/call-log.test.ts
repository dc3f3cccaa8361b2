import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { allowedCallLog } from '../../shared/call-log/policy';
import { callLogFromRun } from '../../shared/call-log/build';
import { ANALYST, CALL_DOC, finishedRun } from '../../shared/call-log/call-log.testkit';
import type { CallLogRecord } from '../../shared/call-log/schema';
import { createLogger } from '../../shared/log';
import { callLogJob } from '../../electron/sync/call-log-job';
import { createDeliverOnce } from '../../electron/sync/connector';
import type { Connector, DeliveryOutcome } from '../../electron/sync/connector';
import { createRtConnector } from '../../electron/sync/rt';
import { startRt } from '../rt/rt-server';
import type { RtInstance } from '../rt/rt-server';
import { startFaultProxy } from '../support/fault-proxy';
import type { FaultProxy } from '../support/fault-proxy';
import { rtInspector } from './rt-inspect';

/**
 * Logged calls against a real Request Tracker 5: each becomes ONE resolved ticket, whatever
 * happens to the attempts that deliver it (sent twice, sent at once from two windows, the
 * answer lost after RT committed, an attempt that stopped before the ticket was resolved).
 */
let rt: RtInstance;
let inspect: ReturnType<typeof rtInspector>;
let proxy: FaultProxy | undefined;

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

const CREATE_PATH = /^\/REST\/2\.0\/ticket\/?(\?|$)/;

function connector(baseUrl = rt.baseUrl): Connector {
  return createRtConnector({ fetch: globalThis.fetch, baseUrl, token: rt.token, queue: rt.queue });
}

/** The app's delivery road over one connector. */
function road(c: Connector) {
  const deliverOnce = createDeliverOnce({
    connector: () => Promise.resolve(c),
    openNote: () => Promise.reject(new Error('call logs carry no sealed notes')),
    markDelivered: () => Promise.resolve(),
    log: createLogger('call-log-it', () => undefined),
  });
  return (record: CallLogRecord, maybeDelivered: boolean) => deliverOnce(callLogJob(record, record.runId, maybeDelivered));
}

/** A call as main sends it with LogCallStudentData off: the student taken out. */
function loggedCall(choice: 'yes' | 'office' = 'yes'): CallLogRecord {
  const named = callLogFromRun({ runId: randomUUID(), packId: 'hac-support', doc: CALL_DOC, state: finishedRun(choice), analyst: ANALYST, includeStudentData: true })!;
  const checked = allowedCallLog(named, { enabled: true, includeStudentData: false });
  if (!checked.allowed) throw new Error('refused');
  return checked.record;
}

const statusSchema = z.object({ Status: z.string(), Subject: z.string(), TimeWorked: z.union([z.string(), z.number()]).transform(Number), Resolved: z.string().nullable() });

async function ticketStatus(ticketId: string) {
  const res = await fetch(`${rt.baseUrl}/REST/2.0/ticket/${ticketId}`, { headers: { Authorization: `token ${rt.token}` } });
  return statusSchema.parse(await res.json());
}

function expectSent(outcome: DeliveryOutcome): string {
  if (outcome.kind !== 'sent') throw new Error(`expected sent, got ${JSON.stringify(outcome)}`);
  return outcome.remoteId;
}

describe('a logged call on Request Tracker', () => {
  it('becomes one resolved ticket with the SOP, path, outcome and duration, naming no student', async () => {
    const record = loggedCall('office');
    const ticketId = expectSent(await road(connector())(record, false));

    const t = await ticketStatus(ticketId);
    expect(t).toMatchObject({ Status: 'resolved', Subject: 'Call log · HAC parent login · referred', TimeWorked: 5 });
    expect(t.Resolved).toMatch(/^\d{4}-/);
    const fields = await inspect.ticket(ticketId);
    expect(inspect.fieldValue(fields, rt.customFields.requestId)).toEqual([record.runId]);
    expect(inspect.fieldValue(fields, rt.customFields.sopPath)).toEqual(['hac-login@2.1.0: student > check > fixed > referred']);
    const [create] = await inspect.messages(ticketId);
    expect(create?.content).toContain('Referred to the school office: Call the front desk about (student)');
    expect(create?.content).toContain('Duration: 4 min 12 s');
    expect(create?.content).toContain(`Request ID: ${record.runId}`);
    for (const leak of ['Maria', 'Lopez', '123456']) expect(create?.content).not.toContain(leak);
  });

  it('delivered twice with the same request id, is still one resolved ticket', async () => {
    const record = loggedCall();
    const send = road(connector());
    const first = expectSent(await send(record, false));
    // The outbox lost the answer (a crash, a reload): the entry comes back maybe-delivered.
    const second = expectSent(await send(record, true));
    expect(second).toBe(first);
    expect(await inspect.ticketsForRequest(record.runId)).toEqual([first]);
    expect((await ticketStatus(first)).Status).toBe('resolved');
  });

  it('sent from two windows at once, is one ticket (one request in flight per id)', async () => {
    const record = loggedCall();
    const send = road(connector());
    const [a, b] = await Promise.all([send(record, false), send(record, false)]);
    expect(expectSent(a)).toBe(expectSent(b));
    expect(await inspect.ticketsForRequest(record.runId)).toHaveLength(1);
  });

  it('whose create answer is lost after RT committed, is found by the retry, not created again', async () => {
    proxy = await startFaultProxy({ upstream: rt.baseUrl, match: (r) => r.method === 'POST' && CREATE_PATH.test(r.path) });
    proxy.enqueue({ kind: 'drop-after-commit' });
    const record = loggedCall();
    const send = road(connector(proxy.url));
    const first = await send(record, false);
    expect(first).toMatchObject({ kind: 'retry', maybeDelivered: true });
    const ticketId = expectSent(await send(record, true));
    expect(await inspect.ticketsForRequest(record.runId)).toEqual([ticketId]);
    expect((await ticketStatus(ticketId)).Status).toBe('resolved');
  });

  it('left open by an attempt that stopped after the create, is resolved by the retry that finds it', async () => {
    const record = loggedCall();
    // What an interrupted attempt leaves: the ticket with its request id, still new.
    const queue = await (await fetch(`${rt.baseUrl}/REST/2.0/queue/${encodeURIComponent(rt.queue)}`, { headers: { Authorization: `token ${rt.token}` } })).json();
    const requestField = z.object({ TicketCustomFields: z.array(z.object({ id: z.string(), name: z.string() })) }).parse(queue).TicketCustomFields.find((f) => f.name === rt.customFields.requestId)!;
    const created = await fetch(`${rt.baseUrl}/REST/2.0/ticket`, {
      method: 'POST',
      headers: { Authorization: `token ${rt.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ Queue: rt.queue, Subject: 'interrupted call log', Content: 'x', CustomFields: { [requestField.id]: record.runId } }),
    });
    const openId = z.object({ id: z.union([z.string(), z.number()]).transform(String) }).parse(await created.json()).id;
    expect((await ticketStatus(openId)).Status).toBe('new');

    expect(expectSent(await road(connector())(record, true))).toBe(openId);
    expect((await ticketStatus(openId)).Status).toBe('resolved');
    expect(await inspect.ticketsForRequest(record.runId)).toEqual([openId]);
  });
});
