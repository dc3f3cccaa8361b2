import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closedPort, startLoopbackServer } from '../../tests/support/loopback-server';
import type { LoopbackServer } from '../../tests/support/loopback-server';
import { createPackDistribution, DEFAULT_PACK_INTERVAL_MS } from './distribution';
import type { PackDistribution, PackDistributionOptions, PackSnapshot } from './distribution';
import { createFilePackStore, PACK_STORE_FILE } from './file-store';
import type { PackStore } from './file-store';
import { districtKeys, manualScheduler, memoryStore, PACK_TEXT, packWithVersion, recordingLog } from './packs.testkit';
import { REASON_BAD_SIGNATURE, signPack } from './signed-pack';

const keys = districtKeys();
const otherKeys = districtKeys();
const signed = (payload: string, privateKey = keys.privateKey) => signPack(payload, privateKey, new Date('2026-08-01T08:00:00Z'));

let server: LoopbackServer;
/** What the district's server answers with; tests change it between checks. */
let served: { status: number; body: string };
let clock: Date;
let services: PackDistribution[] = [];

beforeEach(async () => {
  served = { status: 200, body: signed(PACK_TEXT) };
  clock = new Date('2026-09-01T12:00:00Z');
  server = await startLoopbackServer((_req, res) => {
    res.writeHead(served.status, { 'Content-Type': 'application/json' });
    res.end(served.body);
  });
});

afterEach(async () => {
  for (const service of services) service.stop();
  services = [];
  await server.close();
});

function distribution(store: PackStore, extra: Partial<PackDistributionOptions> = {}) {
  const scheduler = manualScheduler();
  const service = createPackDistribution({
    fetch: globalThis.fetch,
    store,
    now: () => clock,
    log: recordingLog().log,
    config: { url: `${server.url}/district-pack.signed.json`, publicKey: keys.policyKey },
    setTimer: scheduler.setTimer,
    clearTimer: scheduler.clearTimer,
    ...extra,
  });
  services.push(service);
  return { service, scheduler };
}

/** A service that has fetched the 1.1.0 pack once, so a last good copy is in use. */
async function withLastGood(store: PackStore = memoryStore()) {
  const made = distribution(store);
  await made.service.start();
  await made.service.refresh();
  expect(made.service.current().status.state).toBe('ok');
  clock = new Date('2026-09-01T16:00:00Z');
  return made;
}

describe('the district pack distribution', () => {
  it('uses the pack from the first fetch and saves it for offline use', async () => {
    const store = memoryStore();
    const { service } = distribution(store);
    const changes: PackSnapshot[] = [];
    service.onChange((snapshot) => changes.push(snapshot));
    await service.start();
    const status = await service.refresh();
    expect(status).toEqual({ state: 'ok', version: '1.1.0', checkedAt: '2026-09-01T12:00:00.000Z', lastGoodAt: '2026-09-01T12:00:00.000Z', reason: null });
    expect(service.current().pack?.id).toBe('ic-household');
    expect(changes.at(-1)?.pack?.version).toBe('1.1.0');
    expect(JSON.parse(store.text ?? '')).toMatchObject({ format: 'deskbook-pack-cache/1', envelope: served.body });
    expect(server.requests).toHaveLength(1);
  });

  it('refuses a payload tampered with after signing and keeps the last good pack', async () => {
    const { service } = await withLastGood();
    const envelope = JSON.parse(signed(packWithVersion('1.2.0'))) as Record<string, string>;
    served.body = JSON.stringify({ ...envelope, payload: packWithVersion('1.3.0') });
    const status = await service.refresh();
    expect(status).toMatchObject({ state: 'refused', version: '1.1.0', reason: REASON_BAD_SIGNATURE, lastGoodAt: '2026-09-01T12:00:00.000Z' });
    expect(service.current().pack?.version).toBe('1.1.0');
  });

  it('refuses a pack signed with another key', async () => {
    const { service } = await withLastGood();
    served.body = signed(packWithVersion('1.2.0'), otherKeys.privateKey);
    expect(await service.refresh()).toMatchObject({ state: 'refused', version: '1.1.0', reason: REASON_BAD_SIGNATURE });
  });

  it('refuses an older version than the one in use (a rollback)', async () => {
    const store = memoryStore();
    const { service } = await withLastGood(store);
    const saved = store.text;
    served.body = signed(packWithVersion('1.0.9'));
    const status = await service.refresh();
    expect(status.state).toBe('refused');
    expect(status.reason).toContain('version 1.0.9 is older than version 1.1.0 in use');
    expect(service.current().pack?.version).toBe('1.1.0');
    expect(store.text).toBe(saved);
  });

  it('refuses a prerelease of the version in use, which semver ranks lower', async () => {
    const { service } = await withLastGood();
    served.body = signed(packWithVersion('1.1.0-rc.9'));
    expect((await service.refresh()).reason).toContain('version 1.1.0-rc.9 is older than version 1.1.0');
  });

  it('refuses the same version with different bytes', async () => {
    const { service } = await withLastGood();
    served.body = signed(`${PACK_TEXT}\n# edited without a version bump\n`);
    const status = await service.refresh();
    expect(status).toMatchObject({ state: 'refused', version: '1.1.0' });
    expect(status.reason).toContain('version 1.1.0 is the version in use, but its content differs');
  });

  it('accepts the same pack again as confirmation, re-signed or not', async () => {
    const store = memoryStore();
    const { service } = await withLastGood(store);
    served.body = signPack(PACK_TEXT, keys.privateKey, new Date('2026-08-30T00:00:00Z'));
    expect(await service.refresh()).toEqual({
      state: 'ok',
      version: '1.1.0',
      checkedAt: '2026-09-01T16:00:00.000Z',
      lastGoodAt: '2026-09-01T16:00:00.000Z',
      reason: null,
    });
  });

  it('accepts a newer version, and then refuses going back to the one it replaced', async () => {
    const store = memoryStore();
    const { service } = await withLastGood(store);
    served.body = signed(packWithVersion('1.2.0-beta.1'));
    expect(await service.refresh()).toMatchObject({ state: 'ok', version: '1.2.0-beta.1', lastGoodAt: '2026-09-01T16:00:00.000Z' });
    served.body = signed(packWithVersion('1.2.0'));
    expect(await service.refresh()).toMatchObject({ state: 'ok', version: '1.2.0' });
    expect(service.current().pack?.version).toBe('1.2.0');
    served.body = signed(PACK_TEXT);
    expect(await service.refresh()).toMatchObject({ state: 'refused', version: '1.2.0' });
  });

  it('refuses a signed pack with lint errors and lists them briefly', async () => {
    const { service } = await withLastGood();
    const unsafe = packWithVersion('1.2.0').replace(/next: [a-z-]+/, 'next: no-such-node');
    served.body = signed(unsafe);
    const status = await service.refresh();
    expect(status).toMatchObject({ state: 'refused', version: '1.1.0' });
    expect(status.reason).toMatch(/^the pack has \d+ problems?: .*\[dead-end\].*no-such-node/);
  });

  it('reports the server down as unreachable and keeps serving the last good pack', async () => {
    const { service } = await withLastGood();
    await server.close();
    const status = await service.refresh();
    expect(status).toMatchObject({ state: 'unreachable', version: '1.1.0', checkedAt: '2026-09-01T16:00:00.000Z', lastGoodAt: '2026-09-01T12:00:00.000Z' });
    expect(status.reason).toContain('ECONNREFUSED');
    expect(service.current().pack?.version).toBe('1.1.0');
  });

  it('names the HTTP status: a 404 is refused, a 503 is unreachable', async () => {
    const { service } = await withLastGood();
    served = { status: 404, body: 'nope' };
    expect(await service.refresh()).toMatchObject({ state: 'refused', reason: 'the pack server answered 404 Not Found' });
    served = { status: 503, body: 'later' };
    expect(await service.refresh()).toMatchObject({ state: 'unreachable', reason: 'the pack server answered 503 Service Unavailable', version: '1.1.0' });
  });
});

describe('the saved copy', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'deskbook-packs-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('is served after a restart before any fetch has answered', async () => {
    await withLastGood(createFilePackStore(dir));
    let release: () => void = () => undefined;
    const answered = new Promise<void>((resolve) => {
      release = resolve;
    });
    await server.close();
    server = await startLoopbackServer(async (_req, res) => {
      await answered;
      res.writeHead(200);
      res.end(served.body);
    });
    const { service } = distribution(createFilePackStore(dir));
    await service.start();
    expect(service.current()).toMatchObject({
      pack: { id: 'ic-household', version: '1.1.0' },
      status: { state: 'ok', version: '1.1.0', checkedAt: null, lastGoodAt: '2026-09-01T12:00:00.000Z', reason: null },
    });
    release();
    expect(await service.refresh()).toMatchObject({ state: 'ok', checkedAt: '2026-09-01T16:00:00.000Z' });
  });

  it('is not used when the local user edited its payload, and the status says so', async () => {
    await withLastGood(createFilePackStore(dir));
    const file = join(dir, PACK_STORE_FILE);
    const record = JSON.parse(await readFile(file, 'utf8')) as { envelope: string };
    const envelope = JSON.parse(record.envelope) as Record<string, string>;
    const edited = { ...envelope, payload: packWithVersion('9.9.9') };
    await writeFile(file, JSON.stringify({ ...record, envelope: JSON.stringify(edited) }));
    await server.close();

    const { service } = distribution(createFilePackStore(dir));
    await service.start();
    expect(service.current().pack).toBeNull();
    expect(service.current().status).toMatchObject({ state: 'refused', version: null, lastGoodAt: null });
    expect(service.current().status.reason).toBe(`the copy of the district pack saved on this computer is not used: ${REASON_BAD_SIGNATURE}`);
    expect(await service.refresh()).toMatchObject({ state: 'unreachable', version: null });
  });

  it('is not used when it was signed with a key the policy no longer names', async () => {
    const store = memoryStore();
    await withLastGood(store);
    const { service } = distribution(store, { config: { url: `${server.url}/x`, publicKey: otherKeys.policyKey } });
    await service.start();
    expect(service.current().status.reason).toBe(`the copy of the district pack saved on this computer is not used: ${REASON_BAD_SIGNATURE}`);
    expect(service.current().pack).toBeNull();
  });
});

describe('checking on a timer', () => {
  it('refreshes every interval through the injected scheduler, sooner after the server was down', async () => {
    const { service, scheduler } = distribution(memoryStore(), { intervalMs: 1000, retryIntervalMs: 50 });
    await service.start();
    await service.refresh();
    await new Promise((resolve) => setImmediate(resolve));
    expect(scheduler.pending()).toEqual([1000]);

    served.body = signed(packWithVersion('1.2.0'));
    scheduler.fireAll();
    expect(await service.refresh()).toMatchObject({ state: 'ok', version: '1.2.0' });
    expect(server.requests).toHaveLength(2);
    await new Promise((resolve) => setImmediate(resolve));
    expect(scheduler.pending()).toEqual([1000]);

    await server.close();
    scheduler.fireAll();
    expect(await service.refresh()).toMatchObject({ state: 'unreachable', version: '1.2.0' });
    await new Promise((resolve) => setImmediate(resolve));
    expect(scheduler.pending()).toEqual([50]);

    service.stop();
    expect(scheduler.pending()).toEqual([]);
  });

  it('defaults to four hours', () => {
    expect(DEFAULT_PACK_INTERVAL_MS).toBe(4 * 60 * 60 * 1000);
  });
});

describe('configuration', () => {
  it('is unconfigured without a policy, uses no saved copy and fetches nothing', async () => {
    const store = memoryStore();
    await withLastGood(store);
    const requests = server.requests.length;
    const { service, scheduler } = distribution(store, { config: null });
    await service.start();
    expect(await service.refresh()).toEqual({ state: 'unconfigured', version: null, checkedAt: null, lastGoodAt: null, reason: null });
    expect(service.current().pack).toBeNull();
    expect(server.requests).toHaveLength(requests);
    expect(scheduler.pending()).toEqual([]);
  });

  it('refuses an unusable public key in policy without fetching', async () => {
    const { service } = distribution(memoryStore(), { config: { url: server.url, publicKey: 'not a key' } });
    await service.start();
    const status = await service.refresh();
    expect(status.state).toBe('refused');
    expect(status.reason).toMatch(/^the SopPackPublicKey policy cannot be used: /);
    expect(server.requests).toHaveLength(0);
  });

  it('refuses a plain-http address that is not loopback, without a request', async () => {
    const port = await closedPort();
    const { service } = distribution(memoryStore(), { config: { url: `http://packs.example.org:${port}/p.json`, publicKey: keys.policyKey } });
    const status = await service.refresh();
    expect(status.state).toBe('refused');
    expect(status.reason).toContain('must start with https://');
  });
});
