import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDevEncryptor } from './encryptor';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'deskbook-enc-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the development encryptor', () => {
  it('round-trips and makes its key file readable by its owner only', async () => {
    const enc = createDevEncryptor(dir, 'linux');
    expect(await enc.decrypt(await enc.encrypt('Bluejay#7'))).toBe('Bluejay#7');
    expect(await enc.status()).toMatchObject({ available: true });
  });

  it.skipIf(process.platform === 'win32')('refuses a key file other users can read, saying how to fix it', async () => {
    await createDevEncryptor(dir, 'linux').encrypt('warm-up');
    chmodSync(path.join(dir, 'dev-vault.key'), 0o644);
    const enc = createDevEncryptor(dir, 'linux');
    expect(await enc.status()).toMatchObject({ available: false, reason: expect.stringContaining('chmod 600') });
    await expect(enc.encrypt('x')).rejects.toThrow(/can be read by other users/);
  });

  it('refuses a key file that is not a 32-byte key', async () => {
    writeFileSync(path.join(dir, 'dev-vault.key'), 'short', { mode: 0o600 });
    await expect(createDevEncryptor(dir, 'linux').encrypt('x')).rejects.toThrow(/not a 32-byte key/);
  });

  it('refuses a record whose authentication tag was cut short', async () => {
    const enc = createDevEncryptor(dir, 'linux');
    const sealed = Buffer.from(await enc.encrypt('Bluejay#7'));
    // IV (12) + a 4-byte tag + body: a truncated tag must not be accepted.
    const forged = Buffer.concat([sealed.subarray(0, 16), sealed.subarray(28)]);
    await expect(enc.decrypt(new Uint8Array(forged))).rejects.toThrow();
    await expect(enc.decrypt(new Uint8Array(sealed.subarray(0, 20)))).rejects.toThrow(/too short/);
  });
});
