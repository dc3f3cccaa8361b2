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
import { createReviewService } from '../services/review';
import { createAuditTrail } from '../audit';
import {
  EMPTY_ADMIN_POLICY,
  applyPolicyToSettings,
  builtInPolicyValues,
  lockedSettingsPaths,
  policyReport,
  resolvePolicy,
  userPolicyValues,
} from '../../shared/policy';
import type { ResolvedPolicy } from '../../shared/policy';
import { DEFAULT_EXTERNAL_HOSTS } from '../security/trusted-url';
import { createUpdateController, nodeEvery } from '../updates';
import { createSettingsStore } from '../services/settings';
import type { SettingsStore } from '../services/settings';
import { createVault } from '../vault/vault';
import type { Vault } from '../vault/vault';
import { platformName } from './platform';
import type { Platform } from './platform';

export type Broadcast = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export interface MainServices {
  router: Router;
  /** The effective admin policy (allowed external hosts for the URL guard, locks for Settings). */
  policy(): ResolvedPolicy;
  net: NetMonitor;
  settings: SettingsStore;
  vault: Vault;
  start(): void;
  stop(): void;
}

const DAY_MS = 86_400_000;

/** Whether a connector patch changes `path` (e.g. `connector.url`) from the current value. */
function changed(path: string, patch: object, current: object): boolean {
  const key = path.split('.')[1]!;
  const a = (patch as Record<string, unknown>)[key];
  const b = (current as Record<string, unknown>)[key];
  return a !== undefined && a !== b;
}

/**
 * The composition root of the main process, free of Electron imports: the desktop app, the dev
 * host and the end-to-end tests all run exactly this, over their own Platform.
 */
export async function createMainServices(platform: Platform, broadcast: Broadcast): Promise<MainServices> {
  const { log, now } = platform;
  const settings = createSettingsStore(platform.dataDir, log);
  await settings.load();
  const installKind = platform.installKind ?? 'dev';
  const builtIn = builtInPolicyValues(installKind, DEFAULT_EXTERNAL_HOSTS);
  const resolve = () => resolvePolicy({ admin: platform.adminPolicy ?? EMPTY_ADMIN_POLICY, user: userPolicyValues(settings.saved()), builtIn });
  let policy = resolve();
  for (const problem of policy.problems) log.warn('admin policy problem', { key: problem.key, origin: problem.origin, message: problem.message });
  /** Settings as the app must use them: the saved ones with every managed key's effective value. */
  const effective = () => applyPolicyToSettings(settings.get(), policy);
  const vault = createVault(path.join(platform.dataDir, 'vault'), platform.encryptor, now);
  const connectorFor = createConnectorFactory({ fetch: platform.fetch, vault, now, log });
  const connector = async () => {
    const made = connectorFor(effective().connector);
    if (made && !(await vault.hasSecret(TOKEN_SECRET))) {
      throw new DeskbookError('AUTH_REQUIRED', 'No token is stored for the ticketing system: add one in Settings.');
    }
    return made;
  };
  /** For the review service: "not usable now" (no connector, no token) is null. */
  const connectorOrNull = async () => {
    try {
      return await connector();
    } catch {
      return null;
    }
  };

  const net = createNetMonitor({
    probe: () => {
      const made = connectorFor(effective().connector);
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
    connector,
    vault,
    now,
    log,
  });

  const updates = platform.updater
    ? createUpdateController({
        updater: platform.updater,
        mode: policy.values.updateMode,
        installKind,
        log,
        now,
        every: nodeEvery,
        onStatus: (status) => broadcast('updates:status', status),
      })
    : null;
  const noUpdates = () => ({ state: 'disabled' as const, mode: policy.values.updateMode, installKind });

  const audit = createAuditTrail(path.join(platform.dataDir, 'audit.jsonl'), now);
  const review = createReviewService({
    connector: connectorOrNull,
    user: () => effective().user,
    vault,
    now,
    audit,
    machine: platform.machine,
    log,
  });

  const view = async (s: Settings = effective()): Promise<SettingsView> => ({
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
      const now = effective();
      if (patch.user && (patch.user.role !== now.user.role || patch.user.authorizedContact !== now.user.authorizedContact)) {
        throw new DeskbookError('FORBIDDEN', "user.role: roles and Authorized Contacts are set by the district's administrator, not in the app.", 'user.role');
      }
      const locked = new Set(lockedSettingsPaths(policy));
      const connectorPatch = patch.connector;
      const touched = [
        ...(connectorPatch ? ['connector.kind', 'connector.url', 'connector.queue'].filter((p) => changed(p, connectorPatch, now.connector)) : []),
        ...(patch.sealedNoteRetentionDays !== undefined && patch.sealedNoteRetentionDays !== now.sealedNoteRetentionDays ? ['sealedNoteRetentionDays'] : []),
        ...(patch.districtSla && JSON.stringify(patch.districtSla) !== JSON.stringify(now.districtSla) ? ['districtSla'] : []),
      ];
      const refused = touched.find((p) => locked.has(p));
      if (refused) throw new DeskbookError('FORBIDDEN', `${refused}: this setting is locked by your district's policy.`, refused);
      await settings.update(patch);
      policy = resolve();
      if (patch.connector) void net.check();
      return view();
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
    'sync:resubmit': (request) => review.resubmit(request),
    'review:list': ({ cursor }) => review.list(cursor),
    'review:get': ({ remoteId }) => review.get(remoteId),
    'review:decide': (request) => review.decide(request),
    'review:status': async ({ remoteIds }) => ({ items: await review.status(remoteIds) }),
    'audit:list': async () => {
      const [entries, verification] = await Promise.all([audit.list(), audit.verify()]);
      return {
        entries,
        intact: verification.ok,
        problem: verification.ok ? null : `entry ${verification.brokenAt}: ${verification.reason}`,
      };
    },
    'updates:status': () => updates?.status() ?? noUpdates(),
    'updates:check': async () => (updates ? updates.check() : noUpdates()),
    'updates:download': async () => (updates ? updates.download() : noUpdates()),
    'updates:install': () => ({ started: updates?.installNow() ?? false }),
    'policy:get': () => policyReport(policy),
    'audit:export': async () => ({ csv: await audit.toCsv(), fileName: `deskbook-audit-${now().toISOString().slice(0, 10)}.csv` }),
  };

  const router = createRouter({
    handlers,
    allowedOrigin: platform.allowedOrigin,
    currentRole: () => effective().user.role,
    log,
  });

  let purgeTimer: ReturnType<typeof setInterval> | null = null;
  const purge = () => {
    vault.purge(now(), effective().sealedNoteRetentionDays).then(
      (count) => count > 0 && log.info('sealed notes purged after retention', { count }),
      (error: unknown) => log.warn('sealed note purge failed', { error: String(error) }),
    );
  };

  return {
    router,
    policy: () => policy,
    net,
    settings,
    vault,
    start: () => {
      net.start();
      updates?.start();
      purge();
      purgeTimer = setInterval(purge, DAY_MS / 4);
    },
    stop: () => {
      net.stop();
      updates?.stop();
      if (purgeTimer) clearInterval(purgeTimer);
    },
  };
}
