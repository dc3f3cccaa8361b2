import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodePlatform } from '../../electron/host/node-platform';
import { createMainServices } from '../../electron/host/services';
import type { MainServices } from '../../electron/host/services';
import { startWebHost } from '../../electron/web-host/server';
import type { WebHost } from '../../electron/web-host/server';
import { createLogger } from '../../shared/log';
import { CHROMIUM, CHROMIUM_ARGS, ROOT } from './harness';

let dir: string;
let host: WebHost;
let services: MainServices | null = null;
let browser: Browser;

/** The development host (`npm run start:web`) as a newcomer runs it, in Chromium. */
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'deskbook-devhost-'));
  host = await startWebHost({
    rendererRoot: path.join(ROOT, 'dist', 'renderer'),
    bridgeFile: path.join(ROOT, 'dist', 'web', 'bridge.js'),
    port: 0,
    createRouter: async (origin) => {
      services = await createMainServices(nodePlatform({ appVersion: '0.1.0-devhost', dataDir: dir, allowedOrigin: origin, log: createLogger('t', () => undefined) }), () => undefined);
      return services.router;
    },
  });
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
});
afterAll(async () => {
  await browser?.close();
  services?.stop();
  await host?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the development host in Chromium', () => {
  it('serves the app over its bridge and delivers pushes on the header-authenticated stream', async () => {
    const page = await browser.newPage();
    await page.goto(host.url);
    await page.getByTestId('app-version').waitFor();
    expect(await page.getByTestId('app-version').textContent()).toContain('0.1.0-devhost');
    // The token left the address bar once the bridge read it.
    expect(page.url()).not.toContain('token');
    // A push reaches the page: main's probe says the ticketing system answers.
    await expect.poll(async () => {
      host.push('net:status', { state: 'online', detail: 'Request Tracker at rt.example answered', checkedAt: new Date().toISOString() });
      return page.getByRole('status').filter({ hasText: 'Online' }).count();
    }, { timeout: 15_000 }).toBeGreaterThan(0);
    await page.close();
  });
});
