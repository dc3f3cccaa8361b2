import type { Logger } from '../../shared/log';
import type { AdminPolicy, InstallKind } from '../../shared/policy';
import type { UpdaterPort } from '../updates';
import type { Encryptor } from '../vault/encryptor';
import type { KnownSecrets } from '../vault/known-secrets';

/**
 * What the main-process services need from the shell they run in. Electron's main supplies
 * Electron-backed pieces; the dev host and the tests supply Node ones. Nothing else differs.
 */
export interface Platform {
  shell: 'electron' | 'web';
  appName: string;
  appVersion: string;
  os: NodeJS.Platform;
  /** Where settings, the vault and logs live (Electron's userData). */
  dataDir: string;
  /** The origin allowed to call IPC: `app://deskbook`, or the dev host's loopback origin. */
  allowedOrigin: string;
  /** Network access for connectors; Electron's `net.fetch` in the app (proxy-aware). */
  fetch: typeof fetch;
  /** safeStorage in the app; the development encryptor in the dev host and tests. */
  encryptor: Encryptor;
  now: () => Date;
  log: Logger;
  /** This computer's name, for the audit trail ("from which machine"). */
  machine: string;
  /** What the district's administrators set (registry, managed preferences, /etc); none by default. */
  adminPolicy?: AdminPolicy;
  /** How the app was installed: decides the default update mode. `dev` by default. */
  installKind?: InstallKind;
  /** Plaintexts seen by this process, which the platform's logger redacts; the vault adds to it. */
  knownSecrets?: KnownSecrets;
  /** electron-updater's autoUpdater in a packaged app; absent in the dev host and tests. */
  updater?: UpdaterPort | null;
}

/** Maps Node's platform names onto the ones the renderer knows. */
export function platformName(os: NodeJS.Platform): 'win32' | 'darwin' | 'linux' | 'other' {
  return os === 'win32' || os === 'darwin' || os === 'linux' ? os : 'other';
}
