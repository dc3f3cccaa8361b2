import path from 'node:path';
import { findSecrets } from '../../shared/guard';
import type { EventName } from '../../shared/ipc/channels';
import type { EventPayload } from '../../shared/ipc/contract';
import type { Settings, SettingsView } from '../../shared/ipc/settings';
import { DeskbookError } from '../../shared/result';
import { createRouter } from '../ipc/router';
import type { Handlers, Router } from '../ipc/router';
import { createNetMonitor } from '../net/monitor';
import type { NetMonitor } from '../net/monitor';
import { createConnectorFactory, isUnreachable, TOKEN_SECRET } from '../services/connectors';
import { createDeliveryService } from '../services/delivery';
import { createSettingsStore } from '../services/settings';
import type { SettingsStore } from '../services/settings';
import { createVault } from '../vault/vault';
import type { Vault } from '../vault/vault';
import { platformName } from './platform';
import type { Platform } from './platform';

export type Broadcast = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export interface MainServices {
  router: Router;
  net: NetMonitor;
  settings: SettingsStore;
  vault: Vault;
  start(): void;
  stop(): void;
}

const DAY_MS = 86_400_000;

/**
 * The composition root of the main process, free of Electron imports: the desktop app, the dev
 * host and the end-to-end tests all run exactly this, over their own Platform.
 */
export async function createMainServices(platform: Platform, broadcast: Broadcast): Promise<MainServices> {
  const { log, now } = platform;
  const settings = createSettingsStore(platform.dataDir, log);
  await settings.load();
  const vault = createVault(path.join(platform.dataDir, 'vault'), platform.encryptor, now);
  const connectorFor = createConnectorFactory({ fetch: platform.fetch, vault, now, log });
  const connector = async () => {
    const made = connectorFor(settings.get().connector);
    if (made && !(await vault.hasSecret(TOKEN_SECRET))) {
      throw new DeskbookError('AUTH_REQUIRED', 'No token is stored for the ticketing system: add one in Settings.');
    }
    return made;
  };

  const net = createNetMonitor({
    probe: () => {
      const made = connectorFor(settings.get().connector);
      if (!made) return null;
      return async () => {
        const report = await made.probe();
        if (report.ok) return { reachable: true, detail: report.detail };
        return { reachable: !isUnreachable(report), detail: report.message };
      };
    },
    now,
    onChange: (status) => broadcast('net:status', status),
  });
  const delivery = createDeliveryService({
    connector: async () => {
      try {
        return await connector();
      } catch {
        return null;
      }
    },
    vault,
    now,
    log,
  });

  const view = async (s: Settings = settings.get()): Promise<SettingsView> => ({
    ...s,
    token: { stored: await vault.hasSecret(TOKEN_SECRET), preview: null },
  });

  const handlers: Handlers = {
    'app:info': () => ({
      name: platform.appName,
      version: platform.appVersion,
      platform: platformName(platform.os),
      shell: platform.shell,
    }),
    'net:status': () => net.current(),
    'net:check': () => net.check(),
    'settings:get': () => view(),
    'settings:update': async (patch) => {
      const current = settings.get().user;
      if (patch.user && (patch.user.role !== current.role || patch.user.authorizedContact !== current.authorizedContact)) {
        throw new DeskbookError('FORBIDDEN', "user.role: roles and Authorized Contacts are set by the district's administrator, not in the app.", 'user.role');
      }
      const next = await settings.update(patch);
      if (patch.connector) void net.check();
      return view(next);
    },
    'settings:setToken': async ({ token }) => {
      await vault.setSecret(TOKEN_SECRET, token);
      void net.check();
      return view();
    },
    'settings:test': async () => {
      const made = await connector();
      if (!made) return { ok: false, problem: 'unconfigured', message: 'No ticketing system is configured.' };
      const report = await made.probe();
      return report.ok
        ? { ok: true, problem: null, message: report.detail }
        : { ok: false, problem: report.problem, message: report.message };
    },
    'vault:status': async () => {
      const s = await vault.status();
      return { available: s.available, backend: s.backend, reason: s.available ? null : s.reason };
    },
    'vault:seal': ({ label, plaintext }) => vault.seal(label, plaintext),
    'vault:discard': async ({ handle }) => ({ discarded: await vault.discard(handle) }),
    'vault:scan': async ({ handles, texts }) => {
      const sealedValues = await Promise.all(handles.map(async (h) => (await vault.open(h)).plaintext));
      const findings = texts.flatMap((text, i) =>
        findSecrets(text, { sealedValues })
          .filter((f) => f.kind === 'sealed-value')
          .map((f) => ({ text: i, start: f.start, end: f.end })),
      );
      return { findings };
    },
    'sync:deliver': (request) => delivery.deliver(request),
  };

  const router = createRouter({
    handlers,
    allowedOrigin: platform.allowedOrigin,
    currentRole: () => settings.get().user.role,
    log,
  });

  let purgeTimer: ReturnType<typeof setInterval> | null = null;
  const purge = () => {
    vault.purge(now(), settings.get().sealedNoteRetentionDays).then(
      (count) => count > 0 && log.info('sealed notes purged after retention', { count }),
      (error: unknown) => log.warn('sealed note purge failed', { error: String(error) }),
    );
  };

  return {
    router,
    net,
    settings,
    vault,
    start: () => {
      net.start();
      purge();
      purgeTimer = setInterval(purge, DAY_MS / 4);
    },
    stop: () => {
      net.stop();
      if (purgeTimer) clearInterval(purgeTimer);
    },
  };
}
