import { randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeskbookError } from '../../shared/result';
import { createDevEncryptor, createSafeStorageEncryptor, devKeyProblem } from './encryptor';
import type { SafeStorageLike } from './encryptor';
import { createVault } from './vault';
import type { Vault } from './vault';

// What a district relies on from the vault, stated so that each planted bug in vault.ts has a
// test that fails: notes and tokens survive a restart, removal is for good, bad names never reach
// the disk, and every refusal carries the words the user will see.

let root: string;
let vaultDir: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'deskbook-vault-behaviour-'));
  vaultDir = path.join(root, 'vault');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** A vault on the shared folder; calling it again is what a restart of the app does. */
const openVault = (now?: () => Date): Vault => createVault(vaultDir, createDevEncryptor(root), now);
const indexFile = () => path.join(vaultDir, 'index.json');
const blobFile = (name: string) => path.join(vaultDir, `${name}.bin`);
const unknownHandle = () => `sn_${randomUUID()}`;

/** The DeskbookError a promise rejects with, so its code, message and path can all be checked. */
async function refusal(promise: Promise<unknown>): Promise<{ code: string; message: string; path: string | undefined }> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DeskbookError);
  const { code, message, path: at } = error as DeskbookError;
  return { code, message, path: at };
}

describe('what a restart keeps', () => {
  it('a vault opened again on the same folder opens the notes and reads the secrets the first one wrote', async () => {
    const first = openVault();
    const note = await first.seal('HAC login', 'Keep-Me-1234');
    await first.setSecret('connector-token', '1-2-abcdefTOKEN');

    const second = openVault();
    await expect(second.open(note.handle)).resolves.toEqual({ label: 'HAC login', plaintext: 'Keep-Me-1234' });
    await expect(second.hasSecret('connector-token')).resolves.toBe(true);
    await expect(second.getSecret('connector-token')).resolves.toBe('1-2-abcdefTOKEN');
    await expect(second.getSecret('never-set')).resolves.toBeNull();
  });

  it('knows which notes were sealed in this run, and a restart knows none of them', async () => {
    const first = openVault();
    const note = await first.seal('HAC login', 'Keep-Me-1234');
    expect(first.sealedThisRun(note.handle)).toBe(true);
    expect(first.sealedThisRun(unknownHandle())).toBe(false);
    expect(openVault().sealedThisRun(note.handle)).toBe(false);
  });

  it('reads the index once per run: notes still open while the index file is briefly unreadable', async () => {
    const vault = openVault();
    const note = await vault.seal('HAC login', 'Keep-Me-1234');
    // An antivirus lock, say; this process is the only writer, so its copy in memory is current.
    renameSync(indexFile(), `${indexFile()}.away`);
    mkdirSync(indexFile());
    await expect(vault.open(note.handle)).resolves.toEqual({ label: 'HAC login', plaintext: 'Keep-Me-1234' });
  });
});

describe('opening a sealed note', () => {
  it('gives each note its own label and plaintext', async () => {
    const vault = openVault();
    await vault.seal('HAC login', 'First-Secret-11');
    const second = await vault.seal('Wi-Fi', 'Second-Secret-22');
    await expect(vault.open(second.handle)).resolves.toEqual({ label: 'Wi-Fi', plaintext: 'Second-Secret-22' });
  });

  it('refuses something that is not a handle with BAD_INPUT naming handle, before touching the disk', async () => {
    const vault = openVault();
    await vault.seal('HAC login', 'Keep-Me-1234');
    for (const bad of ['../index', 'sn_not-a-uuid', '']) {
      expect(await refusal(vault.open(bad))).toEqual({ code: 'BAD_INPUT', message: 'handle: not a sealed-note handle', path: 'handle' });
    }
  });

  it('answers NOT_FOUND, saying so, for a handle the vault does not hold', async () => {
    const vault = openVault();
    await vault.seal('HAC login', 'Keep-Me-1234');
    expect(await refusal(vault.open(unknownHandle()))).toEqual({
      code: 'NOT_FOUND',
      message: 'That sealed note no longer exists.',
      path: undefined,
    });
  });

  it('answers NOT_FOUND, naming a purge as the likely cause, when the note is listed but its file is gone', async () => {
    const vault = openVault();
    const note = await vault.seal('HAC login', 'Keep-Me-1234');
    rmSync(blobFile(note.handle));
    expect(await refusal(vault.open(note.handle))).toEqual({
      code: 'NOT_FOUND',
      message: 'That sealed note no longer exists (it may have been purged after delivery).',
      path: undefined,
    });
  });

  it('answers SIGNED_OUT, telling the user to sign in again, when the note cannot be decrypted here', async () => {
    const note = await openVault().seal('HAC login', 'Keep-Me-1234');
    const elsewhere = createVault(vaultDir, createDevEncryptor(path.join(root, 'other-key')));
    expect(await refusal(elsewhere.open(note.handle))).toEqual({
      code: 'SIGNED_OUT',
      message: 'This secret cannot be decrypted here (another user, or the keychain was reset). Sign in again.',
      path: undefined,
    });
  });
});

describe('discarding a sealed note', () => {
  it('removes it from the index and its file from the disk, keeps the others, and a second discard answers false', async () => {
    const vault = openVault();
    const gone = await vault.seal('HAC login', 'Discard-Me-1234');
    const kept = await vault.seal('Wi-Fi', 'Keep-Me-5678');

    await expect(vault.discard(gone.handle)).resolves.toBe(true);
    expect(existsSync(blobFile(gone.handle))).toBe(false);
    expect((await refusal(vault.open(gone.handle))).message).toBe('That sealed note no longer exists.');
    await expect(vault.open(kept.handle)).resolves.toMatchObject({ plaintext: 'Keep-Me-5678' });
    await expect(vault.discard(gone.handle)).resolves.toBe(false);

    const restarted = openVault();
    expect((await refusal(restarted.open(gone.handle))).code).toBe('NOT_FOUND');
    await expect(restarted.open(kept.handle)).resolves.toMatchObject({ plaintext: 'Keep-Me-5678' });
  });

  it('answers false for a handle it never held', async () => {
    const vault = openVault();
    await vault.seal('HAC login', 'Keep-Me-1234');
    await expect(vault.discard(unknownHandle())).resolves.toBe(false);
  });

  it('answers false for something that is not a handle and never deletes a file outside the vault', async () => {
    const vault = openVault();
    await vault.seal('HAC login', 'Keep-Me-1234');
    const outside = path.join(root, 'victim.bin');
    writeFileSync(outside, 'not the vault’s');
    await expect(vault.discard('../victim')).resolves.toBe(false);
    expect(readFileSync(outside, 'utf8')).toBe('not the vault’s');
  });
});

describe('purging after retention', () => {
  const day = 86_400_000;
  const sealedAt = new Date('2026-11-01T12:00:00Z');

  it('removes delivered notes past retention with their files, and keeps undelivered and recent ones', async () => {
    const vault = openVault(() => sealedAt);
    const old = await vault.seal('old', 'Delivered-Long-Ago-1');
    const recent = await vault.seal('recent', 'Delivered-Lately-2');
    const waiting = await vault.seal('waiting', 'Never-Delivered-3');
    await vault.markDelivered([old.handle], sealedAt);
    await vault.markDelivered([recent.handle], new Date(sealedAt.getTime() + 5 * day));

    const now = new Date(sealedAt.getTime() + 10 * day); // old: 10 days after delivery; recent: 5
    await expect(vault.purge(now, 7)).resolves.toBe(1);
    expect(existsSync(blobFile(old.handle))).toBe(false);
    expect(existsSync(blobFile(recent.handle))).toBe(true);
    expect((await refusal(vault.open(old.handle))).message).toBe('That sealed note no longer exists.');
    await expect(vault.purge(now, 7)).resolves.toBe(0);

    const restarted = openVault();
    await expect(restarted.purge(now, 7)).resolves.toBe(0);
    await expect(restarted.open(recent.handle)).resolves.toMatchObject({ plaintext: 'Delivered-Lately-2' });
    await expect(restarted.open(waiting.handle)).resolves.toMatchObject({ plaintext: 'Never-Delivered-3' });
  });

  it('marking no notes delivered does not touch the index, so it succeeds even while the index is unreadable', async () => {
    mkdirSync(indexFile(), { recursive: true });
    await expect(openVault().markDelivered([], sealedAt)).resolves.toBeUndefined();
  });

  it('still removes a note from the index when its file is already gone (a crash mid-purge)', async () => {
    const vault = openVault(() => sealedAt);
    const note = await vault.seal('old', 'Delivered-Long-Ago-1');
    await vault.markDelivered([note.handle], sealedAt);
    rmSync(blobFile(note.handle));
    await expect(vault.purge(new Date(sealedAt.getTime() + 30 * day), 7)).resolves.toBe(1);
    expect((await refusal(openVault().open(note.handle))).message).toBe('That sealed note no longer exists.');
  });
});

describe('secrets', () => {
  it('a deleted secret is gone for good: hasSecret false, read null, file removed; the others stay', async () => {
    const vault = openVault();
    await vault.setSecret('alpha-token', 'Alpha-Value-1');
    await vault.setSecret('beta-token', 'Beta-Value-2');

    await expect(vault.deleteSecret('alpha-token')).resolves.toBe(true);
    await expect(vault.hasSecret('alpha-token')).resolves.toBe(false);
    await expect(vault.getSecret('alpha-token')).resolves.toBeNull();
    expect(existsSync(blobFile('secret-alpha-token'))).toBe(false);
    await expect(vault.deleteSecret('alpha-token')).resolves.toBe(false);

    const restarted = openVault();
    await expect(restarted.hasSecret('alpha-token')).resolves.toBe(false);
    await expect(restarted.getSecret('alpha-token')).resolves.toBeNull();
    await expect(restarted.hasSecret('beta-token')).resolves.toBe(true);
    await expect(restarted.getSecret('beta-token')).resolves.toBe('Beta-Value-2');
  });

  it('answers false when deleting a secret that was never set', async () => {
    await expect(openVault().deleteSecret('never-set')).resolves.toBe(false);
  });

  it('answers false to deleting a bad name and never deletes a file outside the vault', async () => {
    const vault = openVault();
    await vault.setSecret('connector-token', 'Token-Value-1');
    const outside = path.join(root, 'victim.bin');
    writeFileSync(outside, 'not the vault’s');
    // Joined naively this name would land on ../victim.bin.
    await expect(vault.deleteSecret('/../../victim')).resolves.toBe(false);
    expect(readFileSync(outside, 'utf8')).toBe('not the vault’s');
  });

  it('refuses to set a bad name with BAD_INPUT naming name', async () => {
    expect(await refusal(openVault().setSecret('../escape', 'x'))).toEqual({
      code: 'BAD_INPUT',
      message: 'name: not a secret name',
      path: 'name',
    });
  });

  it('setting a secret twice lists it once and keeps the newer value', async () => {
    const vault = openVault();
    await vault.setSecret('connector-token', 'Old-Token-1');
    await vault.setSecret('connector-token', 'New-Token-2');
    const onDisk: unknown = JSON.parse(readFileSync(indexFile(), 'utf8'));
    expect(onDisk).toMatchObject({ secrets: ['connector-token'] });
    await expect(openVault().getSecret('connector-token')).resolves.toBe('New-Token-2');
  });
});

describe('the index and blobs on disk', () => {
  it.skipIf(process.platform === 'win32')('writes the index and every blob readable by its owner only (mode 0600)', async () => {
    const vault = openVault();
    await vault.seal('HAC login', 'Keep-Me-1234');
    await vault.setSecret('connector-token', 'Token-Value-1');
    const files = readdirSync(vaultDir);
    expect(files).toContain('index.json');
    expect(files.filter((f) => f.endsWith('.bin'))).toHaveLength(2);
    for (const file of files) expect({ file, mode: statSync(path.join(vaultDir, file)).mode & 0o777 }).toEqual({ file, mode: 0o600 });
  });

  it('refuses an index it cannot parse with VAULT_UNAVAILABLE, and leaves it untouched', async () => {
    mkdirSync(vaultDir);
    writeFileSync(indexFile(), '{"notes": [truncated');
    const vault = openVault();
    expect(await refusal(vault.seal('HAC login', 'Keep-Me-1234'))).toEqual({
      code: 'VAULT_UNAVAILABLE',
      message: "The vault's index is not in a format this version understands; it was left untouched.",
      path: undefined,
    });
    expect(readFileSync(indexFile(), 'utf8')).toBe('{"notes": [truncated');
  });

  it('refuses an index it cannot read with VAULT_UNAVAILABLE giving the reason, rather than taking the vault as empty', async () => {
    const note = await openVault().seal('HAC login', 'Keep-Me-1234');
    renameSync(indexFile(), `${indexFile()}.away`);
    mkdirSync(indexFile()); // reading a directory fails with EISDIR, as a locked file fails with EBUSY
    const error = await refusal(openVault().open(note.handle));
    expect(error.code).toBe('VAULT_UNAVAILABLE');
    expect(error.message).toMatch(/^The vault's index cannot be read right now \(EISDIR: .+\)\.$/);
  });
});

describe('a secret whose save failed', () => {
  it('is not answered as saved for the rest of the run', async () => {
    const vault = openVault();
    await vault.seal('HAC login', 'Keep-Me-1234'); // the index exists and is cached as readable
    const fresh = openVault();
    renameSync(indexFile(), `${indexFile()}.away`);
    mkdirSync(indexFile());
    expect((await refusal(fresh.setSecret('connector-token', 'Token-Value-9'))).code).toBe('VAULT_UNAVAILABLE');
    // Before the fix the value was cached before the index write failed, and read back as saved.
    expect((await refusal(fresh.getSecret('connector-token'))).code).toBe('VAULT_UNAVAILABLE');
    await expect(fresh.hasSecret('connector-token').catch(() => false)).resolves.toBe(false);
  });
});

describe('what the vault says about its encryption', () => {
  const DEV_BACKEND = 'development store (not OS-protected)';

  it('reports the encryptor it uses', async () => {
    await expect(openVault().status()).resolves.toEqual({ available: true, backend: DEV_BACKEND });
  });

  it.skipIf(process.platform === 'win32')('explains, with the fix, why a key file others can read makes it unavailable', async () => {
    await openVault().seal('warm-up', 'Warm-Up-1234');
    const keyFile = path.join(root, 'dev-vault.key');
    chmodSync(keyFile, 0o640);
    const reason = `The development key file ${keyFile} can be read by other users (mode 640); run chmod 600 on it, then restart.`;
    const vault = openVault();
    await expect(vault.status()).resolves.toEqual({ available: false, backend: DEV_BACKEND, reason });
    expect(await refusal(vault.seal('HAC login', 'Keep-Me-1234'))).toEqual({ code: 'VAULT_UNAVAILABLE', message: reason, path: undefined });
  });

  it('does not hold POSIX mode bits against a key file on Windows', async () => {
    await createDevEncryptor(root, 'linux').encrypt('warm-up');
    const keyFile = path.join(root, 'dev-vault.key');
    chmodSync(keyFile, 0o644);
    expect(devKeyProblem(keyFile, 'win32')).toBeNull();
    await expect(createDevEncryptor(root, 'win32').status()).resolves.toEqual({ available: true, backend: DEV_BACKEND });
  });

  const safeStorage = (available: boolean, backend?: string): SafeStorageLike => ({
    isAsyncEncryptionAvailable: async () => available,
    encryptStringAsync: async (s) => Buffer.from(s, 'utf8').reverse(),
    decryptStringAsync: async (b) => ({ result: Buffer.from(b).reverse().toString('utf8'), shouldReEncrypt: false }),
    ...(backend === undefined ? {} : { getSelectedStorageBackend: () => backend }),
  });

  it("says the OS store is unavailable in words the user sees, and the vault refuses to seal", async () => {
    const reason = "The operating system's secure storage is not available to Deskbook.";
    const encryptor = createSafeStorageEncryptor(safeStorage(false), 'darwin');
    await expect(encryptor.status()).resolves.toEqual({ available: false, backend: 'macOS Keychain', reason });
    expect(await refusal(createVault(vaultDir, encryptor).seal('HAC login', 'Keep-Me-1234'))).toEqual({
      code: 'VAULT_UNAVAILABLE',
      message: reason,
      path: undefined,
    });
  });

  it('names the Linux backend "unknown" when Electron cannot say which it picked', async () => {
    const encryptor = createSafeStorageEncryptor(safeStorage(true), 'linux');
    await expect(encryptor.status()).resolves.toEqual({ available: true, backend: 'Linux unknown' });
  });
});

describe('the development encryptor', () => {
  const IV_AND_TAG = 12 + 16;

  it('round-trips the empty string, whose record is exactly IV plus tag', async () => {
    const enc = createDevEncryptor(root, 'linux');
    const sealed = await enc.encrypt('');
    expect(sealed).toHaveLength(IV_AND_TAG);
    await expect(enc.decrypt(sealed)).resolves.toBe('');
  });

  it('refuses data shorter than IV plus tag, saying so', async () => {
    const enc = createDevEncryptor(root, 'linux');
    const sealed = await enc.encrypt('');
    await expect(enc.decrypt(sealed.subarray(0, IV_AND_TAG - 1))).rejects.toThrow(
      /^The sealed data is too short to be a development-store record\.$/,
    );
  });

  it('seals with a 16-byte GCM tag and refuses a record whose tag was tampered with', async () => {
    const enc = createDevEncryptor(root, 'linux');
    const sealed = Buffer.from(await enc.encrypt('Bluejay#7'));
    expect(sealed).toHaveLength(IV_AND_TAG + Buffer.byteLength('Bluejay#7'));
    const tampered = Buffer.from(sealed);
    tampered[IV_AND_TAG - 1] = (tampered[IV_AND_TAG - 1] ?? 0) ^ 0x01; // the tag's last byte
    await expect(enc.decrypt(new Uint8Array(tampered))).rejects.toThrow(/unable to authenticate/);
    await expect(enc.decrypt(new Uint8Array(sealed))).resolves.toBe('Bluejay#7');
  });

  it("keeps the key it loaded for the run, so this run's records still open after the key file is moved away", async () => {
    const enc = createDevEncryptor(root, 'linux');
    const sealed = await enc.encrypt('Bluejay#7');
    renameSync(path.join(root, 'dev-vault.key'), path.join(root, 'dev-vault.key.moved'));
    await expect(enc.decrypt(sealed)).resolves.toBe('Bluejay#7');
  });
});
