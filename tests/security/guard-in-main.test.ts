import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Escalation } from '../../shared/escalation/schema';
import { makeEscalation } from '../support/escalation-fixture';
import { sendJson, startLoopbackServer } from '../support/loopback-server';
import type { LoopbackServer } from '../support/loopback-server';
import { rolePolicy, startTestServices } from '../support/main-services';
import type { TestServices } from '../support/main-services';

/**
 * Finding 4: the credential guard ran only in the renderer; sync:deliver, sync:resubmit and
 * review:decide sent whatever text arrived. Finding 5: vault:scan answered match positions for
 * any handle, an oracle that recovers a 6-digit PIN in four calls. Replayed against the real
 * main-process services, with a loopback ticketing server counting what reaches it.
 */
let server: LoopbackServer;
let main: TestServices | null = null;

beforeEach(async () => {
  server = await startLoopbackServer((_req, res) => sendJson(res, 503, { message: 'not today' }));
});
afterEach(async () => {
  main?.dispose();
  main = null;
  await server.close();
});

async function connected(): Promise<TestServices> {
  const m = await startTestServices({ adminPolicy: rolePolicy('supervisor', true) });
  await m.call('settings:update', { connector: { kind: 'request-tracker', url: server.url, queue: 'General' } });
  await m.call('settings:setToken', { token: 'rt-token-1' });
  return m;
}

/** What would carry ticket text: any write, or any request holding the secret. */
const sent = (secret: string) => server.requests.filter((r) => r.method !== 'GET' || r.body.includes(secret) || r.url.includes(encodeURIComponent(secret)));

const deliver = (m: TestServices, escalation: Escalation) => m.call('sync:deliver', { requestId: escalation.id, attemptId: 'a1', escalation, maybeDelivered: false });
const decide = (m: TestServices, decision: unknown) =>
  m.call('review:decide', { decisionId: randomUUID(), attemptId: 'a1', remoteId: '42', requestId: randomUUID(), decision, expectedEtag: null, decidedAt: new Date().toISOString(), maybeDelivered: false });

describe('attack: a compromised renderer sends a password in ticket text', () => {
  it.each([
    ['draft.description', { description: 'Parent says her HAC password is Bluejay#7 and it still fails.' }],
    ['draft.subject', { subject: 'jdoe / Bluejay#7 cannot log in' }],
    ['draft.stepsTried', { stepsTried: ['Tried the temporary password Spring2026! with her'] }],
    ['draft.callerName', { callerName: 'Pat (password: Bluejay#7)' }],
  ])('is refused in main as BAD_INPUT naming %s, and nothing is sent', async (path, draft) => {
    main = await connected();
    const result = await deliver(main, makeEscalation({ sealedNotes: [], ...draft }));
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', path } });
    expect(sent('Bluejay#7')).toHaveLength(0);
  });

  it('refuses the text of a sealed note pasted back into a field, whatever it looks like', async () => {
    main = await connected();
    const sealed = await main.call('vault:seal', { label: 'HAC password', plaintext: 'sunflower meadow' });
    if (!(sealed as { ok: boolean }).ok) throw new Error('seal failed');
    const ref = (sealed as { value: Escalation['draft']['sealedNotes'][number] }).value;
    const result = await deliver(main, makeEscalation({ sealedNotes: [ref], school: 'Lincoln (sunflower meadow)' }));
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', path: 'draft.school', message: expect.stringContaining('sealed notes') } });
    expect(sent('sunflower meadow')).toHaveLength(0);
  });

  it("refuses a supervisor's return comment or vendor case text that carries one, and audits nothing", async () => {
    main = await connected();
    expect(await decide(main, { kind: 'return', comment: 'Use her new password Bluejay#7 to test' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', path: 'decision.comment' } });
    expect(
      await decide(main, { kind: 'forward', replicationSteps: 'Log in as the parent and open Grades.', priority: 'high', caseText: 'Parent login jdoe:Bluejay#7 fails on Grades' }),
    ).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', path: 'decision.caseText' } });
    expect(
      await decide(main, { kind: 'vendor-case', caseNumber: '1234567', submittedAt: new Date(Date.now() - 60_000).toISOString(), note: 'Vendor needs jdoe:Bluejay#7 to reproduce' }),
    ).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', path: 'decision.note' } });
    expect(sent('Bluejay#7')).toHaveLength(0);
    expect(await main.call('audit:list')).toMatchObject({ ok: true, value: { entries: [] } });
  });

  it("refuses an analyst's fix that carries one", async () => {
    main = await connected();
    const result = await main.call('sync:resubmit', {
      resubmitId: randomUUID(),
      attemptId: 'a1',
      remoteId: '42',
      escalation: makeEscalation({ sealedNotes: [], description: 'Corrected: the password is now Bluejay#7' }),
      maybeDelivered: false,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', path: 'draft.description' } });
  });
});

describe('attack: vault:scan as an oracle for a sealed PIN', () => {
  it('is gone; its replacement answers per field, yes or no, and only for notes sealed in this run', async () => {
    main = await startTestServices();
    expect(await main.call('vault:scan', { handles: [], texts: [] })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    const sealed = (await main.call('vault:seal', { label: 'PIN', plaintext: '482913' })) as { ok: true; value: { handle: string } };
    const { handle } = sealed.value;
    // In this run the renderer typed the PIN itself: the answer tells it nothing new, and has no positions.
    expect(await main.call('vault:check', { handles: [handle], fields: [{ path: 'description', text: 'pin 482913' }] })).toEqual({
      ok: true,
      value: { fields: [{ path: 'description', sealedValue: true }], unchecked: [] },
    });

    // After a restart (a renderer that never saw the PIN), guessing every 6-digit PIN gets no answer.
    const { dataDir } = main;
    main.dispose(true);
    main = await startTestServices({ dataDir });
    const guesses = Array.from({ length: 1400 }, (_, i) => String(482000 + i)).join(' ');
    expect(await main.call('vault:check', { handles: [handle], fields: [{ path: 'description', text: guesses }] })).toEqual({
      ok: true,
      value: { fields: [{ path: 'description', sealedValue: false }], unchecked: [handle] },
    });
  });
});
