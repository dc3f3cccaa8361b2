import type { Logger } from '../../shared/log';
import type { Encryptor } from '../vault/encryptor';

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
}

/** Maps Node's platform names onto the ones the renderer knows. */
export function platformName(os: NodeJS.Platform): 'win32' | 'darwin' | 'linux' | 'other' {
  return os === 'win32' || os === 'darwin' || os === 'linux' ? os : 'other';
}
