import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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
export function createDevEncryptor(keyDir: string): Encryptor {
  const keyFile = path.join(keyDir, 'dev-vault.key');
  let cached: Buffer | null = null;
  const key = (): Buffer => {
    if (cached) return cached;
    if (!existsSync(keyFile)) {
      mkdirSync(keyDir, { recursive: true, mode: 0o700 });
      writeFileSync(keyFile, randomBytes(32), { mode: 0o600 });
    }
    cached = readFileSync(keyFile);
    return cached;
  };
  return {
    status: async () => ({ available: true, backend: 'development store (not OS-protected)' }),
    async encrypt(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key(), iv);
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return new Uint8Array(Buffer.concat([iv, cipher.getAuthTag(), body]));
    },
    async decrypt(ciphertext) {
      const data = Buffer.from(ciphertext);
      const decipher = createDecipheriv('aes-256-gcm', key(), data.subarray(0, 12));
      decipher.setAuthTag(data.subarray(12, 28));
      return Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}
