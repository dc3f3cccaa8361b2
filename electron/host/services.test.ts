import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeEscalation } from '../../tests/support/escalation-fixture';
import { closedPort } from '../../tests/support/loopback-server';
import { DEFAULT_SETTINGS } from '../../shared/ipc/settings';
import { createLogger } from '../../shared/log';
import type { LogEntry } from '../../shared/log';
import { createKnownSecrets } from '../vault/known-secrets';
import { nodePlatform } from './node-platform';
import { createMainServices } from './services';
import type { MainServices } from './services';

const ORIGIN = 'http://127.0.0.1:5173';
const SENDER = { url: `${ORIGIN}/`, isTopFrame: true };

let dir: string;
let services: MainServices;
const knownSecrets = createKnownSecrets();
const logged: LogEntry[] = [];
const log = createLogger('t', (entry) => logged.push(entry), { sealedValues: knownSecrets.values });

/** The real composition root over a Node platform, with Request Tracker configured and no token stored. */
beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'deskbook-services-'));
  const port = await closedPort();
  writeFileSync(
    path.join(dir, 'settings.json'),
    JSON.stringify({
      ...DEFAULT_SETTINGS,
      user: { id: 's1', name: 'Sam Supervisor', role: 'supervisor', authorizedContact: false },
      connector: { kind: 'request-tracker', url: `http://127.0.0.1:${port}`, queue: 'General' },
    }),
  );
  services = await createMainServices(
    nodePlatform({ appVersion: '0.0.0-test', dataDir: dir, allowedOrigin: ORIGIN, log, knownSecrets }),
    () => undefined,
  );
});
afterEach(() => {
  services.stop();
  rmSync(dir, { recursive: true, force: true });
});

const signInPause = { ok: true, value: { kind: 'auth', status: 401, message: expect.stringContaining('No token is stored') } };

describe('every delivery kind with no token stored', () => {
  it('pauses a new escalation with "sign in"', async () => {
    const escalation = makeEscalation({ sealedNotes: [] });
    const result = await services.router.dispatch(SENDER, 'sync:deliver', { requestId: escalation.id, attemptId: 'a1', escalation, maybeDelivered: false });
    expect(result).toEqual(signInPause);
  });

  it('pauses a supervisor decision with "sign in", not "nothing configured"', async () => {
    const result = await services.router.dispatch(SENDER, 'review:decide', {
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
    const result = await services.router.dispatch(SENDER, 'sync:resubmit', {
      resubmitId: randomUUID(),
      attemptId: 'a1',
      remoteId: '42',
      escalation: makeEscalation({ sealedNotes: [] }),
      maybeDelivered: false,
    });
    expect(result).toEqual(signInPause);
  });
});

describe('settings through the composition root', () => {
  it('refuses a role change made in the app, naming the field', async () => {
    const result = await services.router.dispatch(SENDER, 'settings:update', { user: { id: 's1', name: 'Sam Supervisor', role: 'analyst', authorizedContact: true } });
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', path: 'user.role' } });
  });
});

describe("main's log", () => {
  it('redacts a sealed value wherever it turns up, even when it does not look like a password', async () => {
    const sealed = await services.router.dispatch(SENDER, 'vault:seal', { label: 'HAC password', plaintext: 'sunflower meadow' });
    expect(sealed.ok).toBe(true);
    log.warn('server said', { body: 'unexpected text: sunflower meadow (echoed)' });
    const line = JSON.stringify(logged.at(-1));
    expect(line).not.toContain('sunflower meadow');
    expect(line).toContain('echoed');
  });
});
