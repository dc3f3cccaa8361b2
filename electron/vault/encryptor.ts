import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Whether secrets can be protected here, and by what. */
export type EncryptorStatus = { available: true; backend: string } | { available: false; backend: string; reason: string };

/**
 * What the vault needs to protect secrets at rest. In the app it is Electron's safeStorage
 * (async API, Electron >= 42); in tests and the dev host it is the development encryptor below.
 */
export interface Encryptor {
  status(): Promise<EncryptorStatus>;
  encrypt(plaintext: string): Promise<Uint8Array>;
  /** Throws when the data cannot be decrypted (other user, other machine, key rotated away). */
  decrypt(ciphertext: Uint8Array): Promise<string>;
}

/** The part of Electron's `safeStorage` used here. */
export interface SafeStorageLike {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  encryptStringAsync(plainText: string): Promise<Buffer>;
  decryptStringAsync(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }>;
  getSelectedStorageBackend?(): string;
}

const BACKEND_NAMES: Record<string, string> = {
  win32: 'Windows DPAPI',
  darwin: 'macOS Keychain',
};

/**
 * safeStorage behind the Encryptor interface. On Linux the `basic_text` backend is refused: it
 * "encrypts" with a hard-coded key, which would leave parents' passwords readable on disk.
 */
export function createSafeStorageEncryptor(safeStorage: SafeStorageLike, os: NodeJS.Platform): Encryptor {
  const status = async (): Promise<EncryptorStatus> => {
    const linuxBackend = os === 'linux' ? (safeStorage.getSelectedStorageBackend?.() ?? 'unknown') : null;
    const backend = linuxBackend ? `Linux ${linuxBackend}` : (BACKEND_NAMES[os] ?? os);
    if (linuxBackend === 'basic_text') {
      return {
        available: false,
        backend,
        reason:
          'No secure password store was found (Linux "basic_text" backend). Install and unlock GNOME Keyring or KWallet, then restart Deskbook; until then sealed notes and tokens cannot be stored.',
      };
    }
    if (!(await safeStorage.isAsyncEncryptionAvailable())) {
      return { available: false, backend, reason: "The operating system's secure storage is not available to Deskbook." };
    }
    return { available: true, backend };
  };
  return {
    status,
    async encrypt(plaintext) {
      const s = await status();
      if (!s.available) throw new Error(s.reason);
      return new Uint8Array(await safeStorage.encryptStringAsync(plaintext));
    },
    async decrypt(ciphertext) {
      const { result } = await safeStorage.decryptStringAsync(Buffer.from(ciphertext));
      return result;
    },
  };
}

/**
 * A DEVELOPMENT encryptor for the dev host and tests: AES-256-GCM with a random key kept in a
 * file beside the data. It keeps plaintext off disk, but the key sits next to the data, so it is
 * NOT protection against someone with the disk, and it says so in its backend name.
 */
export function createDevEncryptor(keyDir: string, platform: NodeJS.Platform = process.platform): Encryptor {
  const keyFile = path.join(keyDir, 'dev-vault.key');
  let cached: Buffer | null = null;
  const key = (): Buffer => {
    if (cached) return cached;
    if (!existsSync(keyFile)) {
      mkdirSync(keyDir, { recursive: true, mode: 0o700 });
      writeFileSync(keyFile, randomBytes(KEY_BYTES), { mode: 0o600 });
    }
    const problem = devKeyProblem(keyFile, platform);
    if (problem) throw new Error(problem);
    cached = readFileSync(keyFile);
    return cached;
  };
  return {
    status: async () => {
      const problem = existsSync(keyFile) ? devKeyProblem(keyFile, platform) : null;
      return problem
        ? { available: false, backend: DEV_BACKEND, reason: problem }
        : { available: true, backend: DEV_BACKEND };
    },
    async encrypt(plaintext) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key(), iv, { authTagLength: TAG_BYTES });
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return new Uint8Array(Buffer.concat([iv, cipher.getAuthTag(), body]));
    },
    async decrypt(ciphertext) {
      const data = Buffer.from(ciphertext);
      if (data.length < IV_BYTES + TAG_BYTES) throw new Error('The sealed data is too short to be a development-store record.');
      // The tag length is pinned: a shortened tag would make forging a record far easier.
      const decipher = createDecipheriv('aes-256-gcm', key(), data.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
      decipher.setAuthTag(data.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(data.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    },
  };
}

const DEV_BACKEND = 'development store (not OS-protected)';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Why the development key file must not be used, or null: it must be 32 bytes and, where POSIX
 * permissions exist, readable by its owner only (another local user who can read it can read
 * every sealed note of this store).
 */
export function devKeyProblem(keyFile: string, platform: NodeJS.Platform): string | null {
  const info = statSync(keyFile);
  if (!info.isFile() || info.size !== KEY_BYTES) return `The development key file ${keyFile} is not a ${KEY_BYTES}-byte key; move it away and restart to make a new one.`;
  if (platform !== 'win32' && (info.mode & 0o077) !== 0) {
    return `The development key file ${keyFile} can be read by other users (mode ${(info.mode & 0o777).toString(8)}); run chmod 600 on it, then restart.`;
  }
  return null;
}
