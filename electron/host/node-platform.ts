import os from 'node:os';
import { createDevEncryptor } from '../vault/encryptor';
import type { Platform } from './platform';

/**
 * The Platform of a plain Node process (the development host, the end-to-end harness, tests):
 * Node's fetch, the development encryptor keyed next to the data, this host's name. Only what
 * differs between those callers is passed in.
 */
export function nodePlatform(
  options: Pick<Platform, 'dataDir' | 'allowedOrigin' | 'appVersion' | 'log'> & Partial<Pick<Platform, 'adminPolicy' | 'installKind' | 'updater' | 'now' | 'knownSecrets'>>,
): Platform {
  return {
    shell: 'web',
    appName: 'Deskbook',
    os: process.platform,
    fetch: globalThis.fetch,
    encryptor: createDevEncryptor(options.dataDir),
    now: () => new Date(),
    machine: os.hostname(),
    ...options,
  };
}
