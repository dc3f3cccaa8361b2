import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeskbookError } from '../../shared/result';
import { createDevEncryptor, createSafeStorageEncryptor } from './encryptor';
import type { SafeStorageLike } from './encryptor';
import { createVault } from './vault';

const CANARY = 'Canary-Pa55word!7731';
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'deskbook-vault-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function everyFileText(root: string): string {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => readFileSync(path.join(e.parentPath, e.name)).toString('latin1'))
    .join('\n');
}

describe('the vault', () => {
  it('keeps only ciphertext and a masked preview on disk', async () => {
    const vault = createVault(path.join(dir, 'vault'), createDevEncryptor(dir));
    const ref = await vault.seal('HAC login', CANARY);
    expect(ref.handle).toMatch(/^sn_/);
    expect(ref.preview).not.toContain(CANARY.slice(1, 5));
    expect(everyFileText(dir)).not.toContain(CANARY);
    await expect(vault.open(ref.handle)).resolves.toEqual({ label: 'HAC login', plaintext: CANARY });
  });

  it('purges delivered notes after the retention window, not before', async () => {
    let now = new Date('2026-11-01T12:00:00Z');
    const vault = createVault(path.join(dir, 'vault'), createDevEncryptor(dir), () => now);
    const kept = await vault.seal('a', 'secret-one-1');
    const delivered = await vault.seal('b', 'secret-two-2');
    await vault.markDelivered([delivered.handle], now);
    now = new Date('2026-11-07T12:00:00Z');
    expect(await vault.purge(now, 7)).toBe(0);
    now = new Date('2026-11-08T12:00:00Z');
    expect(await vault.purge(now, 7)).toBe(1);
    await expect(vault.open(delivered.handle)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(vault.open(kept.handle)).resolves.toMatchObject({ plaintext: 'secret-one-1' });
  });

  it('reads undecryptable data as "signed out", never a crash', async () => {
    const vaultDir = path.join(dir, 'vault');
    const ref = await createVault(vaultDir, createDevEncryptor(path.join(dir, 'key-a'))).seal('x', 'hunter2-Hunter2');
    const other = createVault(vaultDir, createDevEncryptor(path.join(dir, 'key-b')));
    const error = await other.open(ref.handle).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeskbookError);
    expect(error).toMatchObject({ code: 'SIGNED_OUT' });
  });

  it('stores named secrets such as tokens, encrypted', async () => {
    const vault = createVault(path.join(dir, 'vault'), createDevEncryptor(dir));
    expect(await vault.hasSecret('connector-token')).toBe(false);
    await vault.setSecret('connector-token', '1-2-abcdefTOKEN');
    expect(await vault.getSecret('connector-token')).toBe('1-2-abcdefTOKEN');
    expect(everyFileText(dir)).not.toContain('abcdefTOKEN');
    await expect(vault.setSecret('../escape', 'x')).rejects.toMatchObject({ code: 'BAD_INPUT' });
  });
});

describe('the safeStorage encryptor', () => {
  const fakeSafeStorage = (backend: string, available = true): SafeStorageLike => ({
    isAsyncEncryptionAvailable: async () => available,
    encryptStringAsync: async (s) => Buffer.from([...Buffer.from(s)].reverse()),
    decryptStringAsync: async (b) => ({ result: Buffer.from([...b].reverse()).toString(), shouldReEncrypt: false }),
    getSelectedStorageBackend: () => backend,
  });

  it("refuses Linux's basic_text backend with a clear message", async () => {
    const encryptor = createSafeStorageEncryptor(fakeSafeStorage('basic_text'), 'linux');
    const status = await encryptor.status();
    expect(status.available).toBe(false);
    expect(status.available === false && status.reason).toMatch(/basic_text.*GNOME Keyring or KWallet/);
    await expect(encryptor.encrypt('x')).rejects.toThrow(/basic_text/);
    const vault = createVault(path.join(dir, 'vault'), encryptor);
    await expect(vault.seal('x', 'secret')).rejects.toMatchObject({ code: 'VAULT_UNAVAILABLE' });
  });

  it('uses the OS store where it is available', async () => {
    const encryptor = createSafeStorageEncryptor(fakeSafeStorage('gnome_libsecret'), 'linux');
    await expect(encryptor.status()).resolves.toEqual({ available: true, backend: 'Linux gnome_libsecret' });
    await expect(encryptor.decrypt(await encryptor.encrypt('abc'))).resolves.toBe('abc');
    const mac = createSafeStorageEncryptor(fakeSafeStorage('unknown', false), 'darwin');
    await expect(mac.status()).resolves.toMatchObject({ available: false, backend: 'macOS Keychain' });
  });
});

describe('the vault index on disk', () => {
  it('refuses to treat an unreadable index as empty, so no note is erased', async () => {
    const vaultDir = path.join(dir, 'vault');
    const vault = createVault(vaultDir, createDevEncryptor(dir));
    const ref = await vault.seal('HAC login', 'Keep-Me-1234');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(path.join(vaultDir, 'index.json'), '{"version": 99, "notes": "future format"}');
    const fresh = createVault(vaultDir, createDevEncryptor(dir));
    await expect(fresh.seal('other', 'Another-Secret-9')).rejects.toMatchObject({ code: 'VAULT_UNAVAILABLE' });
    expect(readFileSync(path.join(vaultDir, 'index.json'), 'utf8')).toContain('future format');
    expect(ref.handle).toMatch(/^sn_/);
  });
});
