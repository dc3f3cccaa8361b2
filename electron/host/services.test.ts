import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeEscalation } from '../../tests/support/escalation-fixture';
import { closedPort } from '../../tests/support/loopback-server';
import { rolePolicy, startTestServices } from '../../tests/support/main-services';
import type { TestServices } from '../../tests/support/main-services';
import { DEFAULT_SETTINGS } from '../../shared/ipc/settings';

let main: TestServices;

/**
 * The real composition root over a Node platform, with Request Tracker configured and no token
 * stored; district policy makes this user a supervisor.
 */
beforeEach(async () => {
  const port = await closedPort();
  main = await startTestServices({
    settings: {
      ...DEFAULT_SETTINGS,
      user: { id: 's1', name: 'Sam Supervisor', role: 'analyst', authorizedContact: false },
      connector: { kind: 'request-tracker', url: `http://127.0.0.1:${port}`, queue: 'General' },
    },
    adminPolicy: rolePolicy('supervisor'),
  });
});
afterEach(() => main.dispose());

const signInPause = { ok: true, value: { kind: 'auth', status: 401, message: expect.stringContaining('No token is stored') } };

describe('every delivery kind with no token stored', () => {
  it('pauses a new escalation with "sign in"', async () => {
    const escalation = makeEscalation({ sealedNotes: [] });
    expect(await main.call('sync:deliver', { requestId: escalation.id, attemptId: 'a1', escalation, maybeDelivered: false })).toEqual(signInPause);
  });

  it('pauses a supervisor decision with "sign in", not "nothing configured"', async () => {
    const result = await main.call('review:decide', {
      decisionId: randomUUID(),
      attemptId: 'a1',
      remoteId: '42',
      requestId: randomUUID(),
      decision: { kind: 'approve' },
      expectedEtag: null,
      decidedAt: new Date().toISOString(),
      maybeDelivered: false,
    });
    expect(result).toEqual(signInPause);
  });

  it("pauses an analyst's fix of a returned ticket with \"sign in\"", async () => {
    const result = await main.call('sync:resubmit', { resubmitId: randomUUID(), attemptId: 'a1', remoteId: '42', escalation: makeEscalation({ sealedNotes: [] }), maybeDelivered: false });
    expect(result).toEqual(signInPause);
  });
});

describe('settings through the composition root', () => {
  it('refuses a role change made in the app, naming the field', async () => {
    const result = await main.call('settings:update', { user: { id: 's1', name: 'Sam Supervisor', role: 'analyst', authorizedContact: false } });
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', path: 'user.role' } });
  });
});

describe("main's log", () => {
  it('redacts a sealed value wherever it turns up, even when it does not look like a password', async () => {
    expect(await main.call('vault:seal', { label: 'HAC password', plaintext: 'sunflower meadow' })).toMatchObject({ ok: true });
    // A connector logging a server's echo, say: the platform's logger must not keep the value.
    main.log.warn('server said', { body: 'unexpected text: sunflower meadow (echoed)' });
    const line = JSON.stringify(main.logs.at(-1));
    expect(line).not.toContain('sunflower meadow');
    expect(line).toContain('echoed');
  });
});
