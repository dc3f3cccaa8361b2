import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../shared/log';
import type { LogEntry } from '../../shared/log';
import type { UpdateMode, UpdateStatus } from '../../shared/policy';
import { startLoopbackServer } from '../../tests/support/loopback-server';
import type { LoopbackServer } from '../../tests/support/loopback-server';
import { latestYml, UPDATE_PACKAGE as PACKAGE, updateServer } from '../../tests/support/update-feed';
import { createUpdateController } from './controller';
import type { Every } from './controller';
import { createNodeUpdater } from './node-updater.testkit';
import type { UpdaterPort } from './updater-port';

// Staging ids: electron-updater maps the last four bytes of this UUID to [0, 1] and offers a
// staged release only when that is below stagingPercentage / 100.
const FIRST_IN_ROLLOUT = '2f1c7a4e-8d3b-5c6a-9e0f-000000000000';
const LAST_IN_ROLLOUT = '2f1c7a4e-8d3b-5c6a-9e0f-ffffffffffff';

let root = '';
let server: LoopbackServer | null = null;
let entries: LogEntry[] = [];

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'deskbook-updates-'));
  entries = [];
});
afterEach(async () => {
  await server?.close();
  server = null;
  await rm(root, { recursive: true, force: true });
});

function manualTimer() {
  const ticks: (() => void)[] = [];
  const every: Every = (_ms, fn) => {
    ticks.push(fn);
    return () => ticks.splice(ticks.indexOf(fn), 1);
  };
  return { every, ticks };
}

async function setup(options: { mode: UpdateMode; feedUrl?: string; yml?: string; stagingUserId?: string }) {
  server = await startLoopbackServer(updateServer(options.yml ?? latestYml()));
  const { updater, app } = await createNodeUpdater(root, {
    feedUrl: options.feedUrl ?? `${server.url}/`,
    version: '0.1.0',
    stagingUserId: options.stagingUserId ?? FIRST_IN_ROLLOUT,
  });
  const statuses: UpdateStatus[] = [];
  const timer = manualTimer();
  const port: UpdaterPort = updater;
  const controller = createUpdateController({
    updater: port,
    mode: options.mode,
    installKind: 'appimage',
    log: createLogger('updates', (e) => entries.push(e)),
    now: () => new Date('2025-09-02T08:00:00Z'),
    every: timer.every,
    onStatus: (s) => statuses.push(s),
  });
  return { controller, statuses, timer, app, requests: server.requests };
}

const states = (statuses: UpdateStatus[]) => statuses.map((s) => s.state).filter((s, i, all) => s !== all[i - 1]);
const warningsAndErrors = () => entries.filter((e) => e.level === 'warn' || e.level === 'error');

describe('in-app updates against a generic-provider server', () => {
  it('finds a newer version, downloads and verifies it in the background with progress, and installs it on quit', async () => {
    const { controller, statuses, app, requests } = await setup({ mode: 'auto' });
    const final = await controller.check();

    expect(final).toEqual({ state: 'downloaded', version: '0.2.0' });
    expect(states(statuses)).toEqual(['checking', 'available', 'downloading', 'downloaded']);
    const lastProgress = statuses.filter((s) => s.state === 'downloading').at(-1);
    expect(lastProgress).toMatchObject({ state: 'downloading', version: '0.2.0', percent: 100, total: PACKAGE.length });
    expect(requests.map((r) => new URL(r.url, 'http://x').pathname)).toEqual([expect.stringMatching(/^\/latest-linux.*\.yml$/), '/Deskbook-0.2.0-amd64.deb']);
    const cached = await readFile(path.join(app.baseCachePath, 'deskbook-updater', 'pending', 'Deskbook-0.2.0-amd64.deb'));
    expect(cached.equals(PACKAGE)).toBe(true);
    expect(app.quitHandlers).toHaveLength(1); // autoInstallOnAppQuit registered the install
    expect(warningsAndErrors()).toEqual([]);

    // The update now waits for the next quit: a further check changes nothing and asks nothing.
    expect(await controller.check()).toEqual({ state: 'downloaded', version: '0.2.0' });
    expect(requests).toHaveLength(2);
  });

  it('checks at start and again on each period until stopped', async () => {
    const { controller, timer, requests } = await setup({ mode: 'notify', yml: latestYml().replace('0.2.0', '0.1.0') });
    controller.start();
    await expect.poll(() => controller.status().state).toBe('up-to-date');
    expect(timer.ticks).toHaveLength(1);
    timer.ticks[0]?.();
    await expect.poll(() => requests.length).toBe(2);
    controller.stop();
    expect(timer.ticks).toHaveLength(0);
  });

  it('in notify mode announces the update and downloads only when asked', async () => {
    const { controller, requests } = await setup({ mode: 'notify' });
    expect(await controller.check()).toEqual({ state: 'available', version: '0.2.0', releaseDate: '2025-09-01T12:00:00.000Z' });
    expect(requests).toHaveLength(1);
    expect(await controller.download()).toEqual({ state: 'downloaded', version: '0.2.0' });
    expect(requests).toHaveLength(2);
  });

  it('does not offer a staged release to a machine outside stagingPercentage', async () => {
    const { controller, requests } = await setup({ mode: 'auto', yml: latestYml('stagingPercentage: 10'), stagingUserId: LAST_IN_ROLLOUT });
    expect(await controller.check()).toEqual({ state: 'up-to-date', checkedAt: '2025-09-02T08:00:00.000Z' });
    expect(requests).toHaveLength(1); // latest.yml only, no download
  });

  it('offers the same staged release to a machine inside stagingPercentage', async () => {
    const { controller } = await setup({ mode: 'notify', yml: latestYml('stagingPercentage: 10'), stagingUserId: FIRST_IN_ROLLOUT });
    expect((await controller.check()).state).toBe('available');
  });

  // electron-updater itself retries a refused connection three times (0 s, 1 s, 2 s apart), so
  // each offline check takes about three seconds.
  it('stays quiet when the update server cannot be reached, and tries again next period', { timeout: 20_000 }, async () => {
    const closed = await startLoopbackServer(() => undefined);
    const deadUrl = `${closed.url}/`;
    await closed.close(); // nothing listens there now: ECONNREFUSED
    const { controller, timer, statuses } = await setup({ mode: 'auto', feedUrl: deadUrl });
    controller.start();
    await expect.poll(() => controller.status().state, { timeout: 8000 }).toBe('offline');
    expect(controller.status()).toEqual({ state: 'offline', nextCheckAt: '2025-09-02T12:00:00.000Z' });
    expect(statuses.some((s) => s.state === 'error')).toBe(false);
    expect(warningsAndErrors()).toEqual([]);
    expect(entries.some((e) => e.level === 'info' && e.message === 'update check skipped: offline')).toBe(true);

    statuses.length = 0;
    timer.ticks[0]?.();
    await expect.poll(() => states(statuses), { timeout: 8000 }).toEqual(['checking', 'offline']);
  });

  it('reports a broken update server (not offline) as an error to retry later', async () => {
    const { controller } = await setup({ mode: 'auto', yml: 'version: [not, a, version' });
    const status = await controller.check();
    expect(status).toMatchObject({ state: 'error', nextCheckAt: '2025-09-02T12:00:00.000Z' });
    expect(warningsAndErrors().map((e) => e.message)).toEqual(['update check failed']);
  });

  it('in mode off never contacts the update server, even when asked to check', async () => {
    const { controller, statuses, timer, requests } = await setup({ mode: 'off' });
    controller.start();
    expect(await controller.check()).toEqual({ state: 'disabled', mode: 'off', installKind: 'appimage' });
    expect(await controller.download()).toEqual({ state: 'disabled', mode: 'off', installKind: 'appimage' });
    expect(controller.installNow()).toBe(false);
    expect(timer.ticks).toHaveLength(0);
    expect(statuses).toEqual([{ state: 'disabled', mode: 'off', installKind: 'appimage' }]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(requests).toHaveLength(0);
  });
});
