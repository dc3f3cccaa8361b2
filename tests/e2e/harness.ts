import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';
import { createLogger } from '../../shared/log';
import type { LogEntry } from '../../shared/log';
import { DEFAULT_SETTINGS } from '../../shared/ipc/settings';
import type { Settings } from '../../shared/ipc/settings';
import { nodePlatform } from '../../electron/host/node-platform';
import { createMainServices } from '../../electron/host/services';
import type { MainServices } from '../../electron/host/services';
import type { UpdaterPort } from '../../electron/updates';
import type { AdminPolicy, InstallKind } from '../../shared/policy';
import { serveBuild } from '../support/serve-build';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const CHROMIUM = process.env.DESKBOOK_CHROMIUM ?? '/usr/bin/chromium';

/** The flags a root, offline, headless Chromium needs here (see README "Tests"). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export interface LaunchedApp {
  url: string;
  origin: string;
  page: Page;
  context: BrowserContext;
  services: MainServices;
  profileDir: string;
  dataDir: string;
  logs: LogEntry[];
  /** Opens a second page (tab) on the app in the same profile. */
  newPage(): Promise<Page>;
  /** Closes the browser; the profile and data dirs stay until `dispose()`. */
  close(): Promise<void>;
  dispose(): Promise<void>;
}

export interface LaunchOptions {
  /** Reuse a profile (IndexedDB survives) and data dir (vault, settings) from an earlier launch. */
  profileDir?: string;
  dataDir?: string;
  /** Settings provisioned before start, as a district's deployment would (roles, connector). */
  settings?: Partial<Settings>;
  /** What the district's policy store says (registry, managed preferences, /etc). */
  adminPolicy?: AdminPolicy;
  installKind?: InstallKind;
  /** An update client for the update controller (the packaged app's electron-updater). */
  updater?: UpdaterPort;
  /** The computer's language as the browser reports it (`navigator.languages`), e.g. es-MX. */
  locale?: string;
}

/**
 * Runs the production renderer build in Debian's Chromium with `window.deskbook` backed by
 * `page.exposeBinding` into the REAL router and services, running here in the test process. The
 * bundle is served over loopback by the same request handler Electron's `app://` protocol uses,
 * so its path guard and CSP header are the ones under test. Only Electron's objects are replaced.
 */
export async function launchApp(options: LaunchOptions = {}): Promise<LaunchedApp> {
  const rendererRoot = path.join(ROOT, 'dist', 'renderer');
  const bridge = path.join(ROOT, 'dist', 'web', 'binding-bridge.js');
  if (!existsSync(path.join(rendererRoot, 'index.html')) || !existsSync(bridge)) {
    throw new Error('The production build is missing: run `npm run build` first (npm test does).');
  }
  const profileDir = options.profileDir ?? mkdtempSync(path.join(os.tmpdir(), 'deskbook-profile-'));
  const dataDir = options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'deskbook-data-'));
  if (options.settings) {
    writeFileSync(path.join(dataDir, 'settings.json'), JSON.stringify({ ...DEFAULT_SETTINGS, ...options.settings }));
  }
  const server = await serveBuild(rendererRoot);
  const { origin } = server;

  const logs: LogEntry[] = [];
  let context: BrowserContext | null = null;
  const services = await createMainServices(
    nodePlatform({
      appVersion: '0.1.0-test',
      dataDir,
      allowedOrigin: origin,
      log: createLogger('e2e-main', (entry) => logs.push(entry)),
      adminPolicy: options.adminPolicy,
      installKind: options.installKind,
      updater: options.updater,
    }),
    (event, payload) => {
      for (const page of context?.pages() ?? []) {
        page
          .evaluate(([e, p]) => (window as unknown as { __deskbookPush?: (e: string, p: unknown) => void }).__deskbookPush?.(e, p), [event, payload] as const)
          .catch(() => undefined);
      }
    },
  );

  context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    ...(options.locale ? { locale: options.locale } : {}),
  });
  await context.exposeBinding('__deskbookInvoke', (source, channel: unknown, input: unknown) =>
    services.router.dispatch({ url: source.frame.url(), isTopFrame: source.frame.parentFrame() === null }, channel, input),
  );
  await context.addInitScript({ path: bridge });
  services.start();
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${origin}/`);

  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    services.stop();
    await context?.close();
    await server.close();
  };
  return {
    url: `${origin}/`,
    origin,
    page,
    context,
    services,
    profileDir,
    dataDir,
    logs,
    newPage: async () => {
      const next = await context!.newPage();
      await next.goto(`${origin}/`);
      return next;
    },
    close,
    dispose: async () => {
      await close();
      if (!options.profileDir) rmSync(profileDir, { recursive: true, force: true });
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
