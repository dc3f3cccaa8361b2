import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { nodePlatform } from '../../electron/host/node-platform';
import { createMainServices } from '../../electron/host/services';
import type { MainServices } from '../../electron/host/services';
import { createKnownSecrets } from '../../electron/vault/known-secrets';
import { DEFAULT_SETTINGS } from '../../shared/ipc/settings';
import type { Settings } from '../../shared/ipc/settings';
import { createLogger } from '../../shared/log';
import type { LogEntry, Logger } from '../../shared/log';
import { layerFrom } from '../../shared/policy';
import type { AdminPolicy } from '../../shared/policy';
import type { Role } from '../../shared/ipc/roles';

export const TEST_ORIGIN = 'http://127.0.0.1:5173';
const SENDER = { url: `${TEST_ORIGIN}/`, isTopFrame: true };

export interface TestServices {
  services: MainServices;
  dataDir: string;
  logs: LogEntry[];
  /** The platform's logger (the one every service logs through). */
  log: Logger;
  /** One IPC call as the app's own top frame makes it. */
  call(channel: string, input?: unknown): Promise<unknown>;
  /** Stops the services; removes the data folder unless `keepData` (to start again on it). */
  dispose(keepData?: boolean): void;
}

/** What district IT enforces for this machine's user: the only source of roles. */
export function enforcedPolicy(values: Record<string, unknown>): AdminPolicy {
  return { enforced: layerFrom(values, 'test policy (enforced)'), recommended: {}, warnings: [], unreadable: false };
}

export const rolePolicy = (role: Role, authorizedContact = false): AdminPolicy => enforcedPolicy({ UserRole: role, AuthorizedContact: authorizedContact });

/**
 * The real main-process composition root over a Node platform in a fresh data folder, with an
 * optional settings.json written first (as a local user could) and an optional admin policy.
 */
export async function startTestServices(options: { settings?: Partial<Settings>; adminPolicy?: AdminPolicy; fetch?: typeof fetch; dataDir?: string } = {}): Promise<TestServices> {
  // A given data folder is an earlier run's: the restart after a user edited their files.
  const dataDir = options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'deskbook-main-'));
  if (options.settings) writeFileSync(path.join(dataDir, 'settings.json'), JSON.stringify({ ...DEFAULT_SETTINGS, ...options.settings }));
  const logs: LogEntry[] = [];
  const knownSecrets = createKnownSecrets();
  const log = createLogger('test-main', (entry) => logs.push(entry), { sealedValues: knownSecrets.values });
  const platform = nodePlatform({ appVersion: '0.0.0-test', dataDir, allowedOrigin: TEST_ORIGIN, log, knownSecrets, adminPolicy: options.adminPolicy });
  const services = await createMainServices(options.fetch ? { ...platform, fetch: options.fetch } : platform, () => undefined);
  return {
    services,
    dataDir,
    logs,
    log,
    call: (channel, input) => services.router.dispatch(SENDER, channel, input),
    dispose: (keepData = false) => {
      services.stop();
      if (!keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
