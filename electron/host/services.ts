import path from 'node:path';
import type { EventName } from '../../shared/ipc/channels';
import type { EventPayload } from '../../shared/ipc/contract';
import { EMPTY_ADMIN_POLICY, applyPolicyToSettings, builtInPolicyValues, resolvePolicy, userPolicyValues } from '../../shared/policy';
import type { ResolvedPolicy } from '../../shared/policy';
import { createAuditTrail } from '../audit';
import { createRouter } from '../ipc/router';
import type { Handlers, Router } from '../ipc/router';
import { createNetMonitor } from '../net/monitor';
import { createFilePackStore, createPackDistribution } from '../packs';
import type { NetMonitor } from '../net/monitor';
import { DEFAULT_EXTERNAL_HOSTS } from '../security/trusted-url';
import { createCallLogService } from '../services/call-log';
import { createConnectorFactory, isUnreachable } from '../services/connectors';
import { createTokenStore } from '../services/connector-token';
import { createDeliveryService, vaultDeliverOnce } from '../services/delivery';
import { createReviewService } from '../services/review';
import { createSettingsStore } from '../services/settings';
import type { SettingsStore } from '../services/settings';
import { createUpdateController, nodeEvery } from '../updates';
import { createPurgeSchedule } from '../vault/purge';
import { createVault } from '../vault/vault';
import type { Vault } from '../vault/vault';
import { appHandlers, netHandlers } from './handlers/app';
import { auditHandlers, policyHandlers, updatesHandlers } from './handlers/admin';
import { packHandlers } from './handlers/packs';
import { settingsHandlers } from './handlers/settings';
import { reviewHandlers, syncHandlers } from './handlers/sync';
import { vaultHandlers } from './handlers/vault';
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

/**
 * The composition root of the main process, free of Electron imports: the desktop app, the dev
 * host and the end-to-end tests all run exactly this, over their own Platform. Wiring only: each
 * domain's handlers live in ./handlers, each decision in a service or a pure function in shared/.
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

  const vault = createVault(path.join(platform.dataDir, 'vault'), platform.encryptor, now, { onPlaintext: platform.knownSecrets?.add });
  const tokens = createTokenStore(vault);
  const connectorFor = createConnectorFactory({ fetch: platform.fetch, tokens, now, log });
  /**
   * The configured connector. A token that is missing, or bound to another kind or origin, is a
   * sign-in error here (AUTH_REQUIRED, with words saying which), before anything is sent.
   */
  const connector = async () => {
    const settings = effective().connector;
    const made = connectorFor(settings);
    if (made) await tokens.tokenFor(settings);
    return made;
  };

  const net = createNetMonitor({
    probe: () => {
      const made = connectorFor(effective().connector);
      if (!made) return null;
      return async () => {
        const report = await made.probe();
        return report.ok ? { reachable: true, detail: report.detail } : { reachable: !isUnreachable(report), detail: report.message };
      };
    },
    now,
    onChange: (status) => broadcast('net:status', status),
  });

  // One delivery road for escalations, decisions and fixes alike (electron/sync/deliver-once.ts).
  const deliverOnce = vaultDeliverOnce({ connector, vault, now, log });
  const delivery = createDeliveryService({ connector, vault, now, log, deliverOnce });
  const audit = createAuditTrail(path.join(platform.dataDir, 'audit.jsonl'), now);
  const review = createReviewService({ connector, vault, now, log, deliverOnce, user: () => effective().user, audit, machine: platform.machine });
  const callLog = createCallLogService({ deliverOnce, policy: () => effective().callLog, log });
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
  // The district's own pack: fetched from SopPackUrl, trusted only as far as SopPackPublicKey.
  const { sopPackUrl, sopPackPublicKey, allowedExternalHosts } = policy.values;
  const packs = createPackDistribution({
    fetch: platform.fetch,
    store: createFilePackStore(path.join(platform.dataDir, 'packs')),
    now,
    log,
    config: sopPackUrl && sopPackPublicKey ? { url: sopPackUrl, publicKey: sopPackPublicKey } : null,
    lintOptions: { allowedLinkHosts: allowedExternalHosts },
  });
  packs.onChange(({ status }) => broadcast('packs:status', status));
  const purge = createPurgeSchedule(vault, () => effective().sealedNoteRetentionDays, now, log);

  const handlers = {
    ...appHandlers(platform),
    ...netHandlers(net),
    ...settingsHandlers({ settings, tokens, net, effective, policy: () => policy, refreshPolicy: () => (policy = resolve()), connector }),
    ...vaultHandlers(vault),
    ...syncHandlers(delivery, review, callLog),
    ...reviewHandlers(review),
    ...auditHandlers(audit, now, review.verifyAudit),
    ...updatesHandlers(updates, () => policy.values.updateMode, installKind),
    ...policyHandlers(() => policy),
    ...packHandlers(packs),
  } satisfies Handlers;

  const router = createRouter({ handlers, allowedOrigin: platform.allowedOrigin, currentRole: () => effective().user.role, log });

  return {
    router,
    policy: () => policy,
    net,
    settings,
    vault,
    start: () => {
      net.start();
      updates?.start();
      purge.start();
      void packs.start();
    },
    stop: () => {
      net.stop();
      updates?.stop();
      purge.stop();
      packs.stop();
    },
  };
}
