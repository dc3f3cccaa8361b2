import { afterEach, describe, expect, it } from 'vitest';
import { makeEscalation } from '../support/escalation-fixture';
import { sendJson, startLoopbackServer } from '../support/loopback-server';
import type { LoopbackServer } from '../support/loopback-server';
import { rolePolicy, startTestServices } from '../support/main-services';
import type { TestServices } from '../support/main-services';

/**
 * Finding 2: a changed connector address took the token with it (probed at once with
 * `Authorization: token …`), a webhook secret became an RT token, queued escalations followed,
 * and redirects were followed with everything on board. Replayed here against the real
 * main-process services and two loopback servers: the district's and an attacker's.
 */
let district: LoopbackServer;
let attacker: LoopbackServer;
let main: TestServices | null = null;
afterEach(async () => {
  main?.dispose();
  main = null;
  await Promise.all([district?.close(), attacker?.close()]);
});

const TOKEN = 'district-rt-token-5f1c2a';
const everywhere = (server: LoopbackServer) => JSON.stringify(server.requests);
const deliver = (m: TestServices) => {
  const escalation = makeEscalation({ sealedNotes: [] });
  return m.call('sync:deliver', { requestId: escalation.id, attemptId: 'a1', escalation, maybeDelivered: false });
};

async function servers(districtHandler: Parameters<typeof startLoopbackServer>[0] = (_req, res) => sendJson(res, 404, { message: 'nothing here' })) {
  district = await startLoopbackServer(districtHandler);
  attacker = await startLoopbackServer((_req, res) => sendJson(res, 200, { id: 1 }));
}

describe('attack: point the connector elsewhere and let the token follow', () => {
  it('wipes the token in main before anything is sent to the new origin', async () => {
    await servers();
    main = await startTestServices({ adminPolicy: rolePolicy('supervisor') });
    expect(await main.call('settings:update', { connector: { kind: 'request-tracker', url: district.url, queue: 'General' } })).toMatchObject({ ok: true });
    expect(await main.call('settings:setToken', { token: TOKEN })).toMatchObject({ ok: true, value: { token: { stored: true } } });

    expect(await main.call('settings:update', { connector: { kind: 'request-tracker', url: attacker.url, queue: 'General' } })).toMatchObject({
      ok: true,
      value: { token: { stored: false } },
    });
    expect(await main.call('settings:test')).toMatchObject({ ok: false, error: { code: 'AUTH_REQUIRED' } });
    expect(await deliver(main)).toMatchObject({ ok: true, value: { kind: 'auth' } });
    await main.services.net.check();
    expect(everywhere(attacker)).not.toContain(TOKEN);
    // Pointing back does not bring it back either: it is gone, and must be entered again.
    await main.call('settings:update', { connector: { kind: 'request-tracker', url: district.url, queue: 'General' } });
    expect(await main.call('settings:get')).toMatchObject({ ok: true, value: { token: { stored: false } } });
  });

  it('never sends a webhook secret as a Request Tracker token at the same address', async () => {
    await servers();
    main = await startTestServices({ adminPolicy: rolePolicy('supervisor') });
    await main.call('settings:update', { connector: { kind: 'webhook', url: attacker.url } });
    await main.call('settings:setToken', { token: 'whsec-hmac-secret-9a7b' });
    await main.call('settings:update', { connector: { kind: 'request-tracker', url: attacker.url, queue: 'General' } });
    await main.services.net.check();
    expect(await deliver(main)).toMatchObject({ ok: true, value: { kind: 'auth' } });
    expect(everywhere(attacker)).not.toContain('whsec-hmac-secret-9a7b');
  });

  it('a settings.json edited between runs gets no token: it belongs to the address it was entered for', async () => {
    await servers();
    main = await startTestServices({ adminPolicy: rolePolicy('supervisor') });
    await main.call('settings:update', { connector: { kind: 'request-tracker', url: district.url, queue: 'General' } });
    await main.call('settings:setToken', { token: TOKEN });
    const { dataDir } = main;
    main.dispose(true);
    // The local user quits, edits settings.json, restarts as an analyst.
    main = await startTestServices({ dataDir, settings: { connector: { kind: 'request-tracker', url: attacker.url, queue: 'General' } } });
    const result = await deliver(main);
    expect(result).toMatchObject({ ok: true, value: { kind: 'auth', message: expect.stringContaining(`entered for Request Tracker at ${district.url}`) } });
    await main.services.net.check();
    expect(everywhere(attacker)).not.toContain(TOKEN);
  });

  it('an analyst may not move the connector at all', async () => {
    await servers();
    main = await startTestServices();
    expect(await main.call('settings:update', { connector: { kind: 'webhook', url: attacker.url } })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', path: 'connector.kind' },
    });
  });
});

describe('attack: a redirect to another server', () => {
  it('is never followed: the token and the escalation stay where they were sent, and the analyst is told', async () => {
    await servers((_req, res) => {
      res.writeHead(307, { location: `${attacker.url}/REST/2.0/queue/General` }).end();
    });
    main = await startTestServices({ adminPolicy: rolePolicy('supervisor') });
    await main.call('settings:update', { connector: { kind: 'request-tracker', url: district.url, queue: 'General' } });
    await main.call('settings:setToken', { token: TOKEN });
    const result = await deliver(main);
    expect(result).toMatchObject({ ok: true, value: { kind: 'failed', message: expect.stringContaining('does not follow redirects') } });
    expect(attacker.requests).toHaveLength(0);
    expect(district.requests.length).toBeGreaterThan(0);
  });
});
