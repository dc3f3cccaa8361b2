import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeUpdater } from '../../electron/updates/node-updater.testkit';
import type { UpdaterPort } from '../../electron/updates';
import { startLoopbackServer } from '../support/loopback-server';
import type { LoopbackServer } from '../support/loopback-server';
import { latestYml, UPDATE_PACKAGE_PATH, updateServer } from '../support/update-feed';
import { axeViolations } from './axe';
import { launchApp } from './harness';
import type { LaunchedApp } from './harness';

let app: LaunchedApp;
let feed: LoopbackServer;
let root = '';
let releaseDownload!: () => void;
/** quitAndInstall calls: the one effect not run for real (it would quit and install a .deb). */
const installs: unknown[][] = [];

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'deskbook-e2e-updates-'));
  const held = new Promise<void>((resolve) => (releaseDownload = resolve));
  feed = await startLoopbackServer(updateServer(latestYml(), { holdDownload: held }));
  // electron-updater itself (DebUpdater: feed, staging, download, SHA-512 check) against the feed.
  const { updater } = await createNodeUpdater(root, { feedUrl: `${feed.url}/`, version: '0.1.0', stagingUserId: '2f1c7a4e-8d3b-5c6a-9e0f-000000000000' });
  const port = new Proxy(updater as unknown as UpdaterPort, {
    get(target, key) {
      if (key === 'quitAndInstall') return (...args: unknown[]) => void installs.push(args);
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  app = await launchApp({
    installKind: 'appimage',
    adminPolicy: { enforced: { UpdateMode: { value: 'notify', origin: 'test policy' } }, recommended: {}, warnings: [], unreadable: false },
    updater: port,
  });
});
afterAll(async () => {
  releaseDownload?.();
  await app?.dispose();
  await feed?.close();
  await rm(root, { recursive: true, force: true });
});

const packageRequests = () => feed.requests.filter((r) => new URL(r.url, 'http://x').pathname === UPDATE_PACKAGE_PATH);

describe('in-app updates in the status bar (notify mode)', () => {
  it('announces the new version and downloads nothing until asked', async () => {
    const notice = app.page.getByTestId('update-notice');
    await expect.poll(() => notice.textContent(), { timeout: 15_000 }).toContain('Deskbook 0.2.0 is available.');
    expect(packageRequests()).toHaveLength(0);
    expect(await axeViolations(app.page)).toEqual([]);
  });

  it('shows download progress, then offers to restart and install', async () => {
    await app.page.getByRole('button', { name: 'Download' }).click();
    const progress = app.page.getByRole('progressbar', { name: 'Downloading Deskbook 0.2.0' });
    await progress.waitFor();
    const percent = Number(await progress.getAttribute('value'));
    expect(percent).toBeGreaterThan(0);
    expect(percent).toBeLessThan(100);
    releaseDownload();
    const notice = app.page.getByTestId('update-notice');
    await expect.poll(() => notice.textContent(), { timeout: 15_000 }).toContain('Deskbook 0.2.0 is ready and installs when Deskbook quits.');
    expect(packageRequests()).toHaveLength(1);
    // Settings says the same in words.
    await app.page.keyboard.press('Control+4');
    await expect.poll(() => app.page.getByTestId('update-status').textContent(), { timeout: 10_000 }).toBe('Updates: Deskbook 0.2.0 is ready and installs when Deskbook quits.');
    expect(installs).toHaveLength(0);
    await app.page.getByRole('button', { name: 'Restart and install now' }).click();
    await expect.poll(() => installs.length, { timeout: 10_000 }).toBe(1);
  });
});
