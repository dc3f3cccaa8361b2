import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parsePublicKey, verifySignedPack } from '../electron/packs/signed-pack';
import { KEY_FILE, main, USAGE } from './sign-pack';

const PACK = fileURLToPath(new URL('../shared/sop/packs/ic-household.yaml', import.meta.url));
const UNSAFE = fileURLToPath(new URL('../shared/sop/fixtures/unsafe-pack.yaml', import.meta.url));

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sign-pack-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(argv, { out: (l) => out.push(l), err: (l) => err.push(l), cwd: dir, now: () => new Date('2026-08-01T08:00:00Z') });
  return { code, out, err };
}

/** Makes a key in `dir/keys` and returns the printed public key. */
function keygen(): string {
  const made = run('keygen', '--out', 'keys');
  expect(made.code).toBe(0);
  return made.out.at(-1) ?? '';
}

describe('scripts/sign-pack.ts', () => {
  it('keygen writes a 0600 PKCS#8 key and prints the raw base64 public key', () => {
    const publicKey = keygen();
    const keyFile = join(dir, 'keys', KEY_FILE);
    expect(readFileSync(keyFile, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    if (process.platform !== 'win32') expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(parsePublicKey(publicKey).ok).toBe(true);
    expect(Buffer.from(publicKey, 'base64')).toHaveLength(32);
    expect(run('public-key', '--key', `keys/${KEY_FILE}`).out).toEqual([publicKey]);
  });

  it('keygen refuses to overwrite an existing key', () => {
    keygen();
    const again = run('keygen', '--out', 'keys');
    expect(again.code).toBe(1);
    expect(again.err[0]).toContain('already exists');
  });

  it('signs a clean pack byte for byte, and verify accepts it with the printed key', () => {
    const publicKey = keygen();
    copyFileSync(PACK, join(dir, 'ic-household.yaml'));
    const signed = run('sign', 'ic-household.yaml', '--key', `keys/${KEY_FILE}`);
    expect(signed).toMatchObject({ code: 0, err: [] });
    expect(signed.out.at(-1)).toBe(`signed ic-household version 1.1.0 → ${join(dir, 'ic-household.signed.json')}`);
    const envelope = readFileSync(join(dir, 'ic-household.signed.json'), 'utf8');
    expect(verifySignedPack(envelope, publicKey)).toEqual({ ok: true, payloadText: readFileSync(PACK, 'utf8'), signedAt: '2026-08-01T08:00:00.000Z' });
    expect(run('verify', 'ic-household.signed.json', '--public-key', publicKey)).toMatchObject({
      code: 0,
      out: ['ic-household.signed.json: good signature; ic-household version 1.1.0, signed 2026-08-01T08:00:00.000Z'],
    });
  });

  it('refuses to sign a pack with lint errors and prints each one', () => {
    keygen();
    copyFileSync(UNSAFE, join(dir, 'unsafe.yaml'));
    const refused = run('sign', 'unsafe.yaml', '--key', `keys/${KEY_FILE}`, '--out', 'unsafe.signed.json');
    expect(refused.code).toBe(1);
    expect(refused.err).toContainEqual(expect.stringMatching(/^unsafe\.yaml: unsafe-hac-login\/verify-password \[security-asks-for-password\] text: "ask for the password"/));
    expect(refused.err).toContainEqual('unsafe.yaml: unsafe-hac-login/login-id [dead-end] choices[1].next points to missing node "campus"');
    expect(refused.err.at(-1)).toMatch(/^sign-pack: not signed: unsafe.yaml has \d+ errors/);
    expect(() => statSync(join(dir, 'unsafe.signed.json'))).toThrow();
  });

  it('verify fails with the reason for a tampered file or another key, and reads a PEM key file', () => {
    keygen();
    copyFileSync(PACK, join(dir, 'pack.yaml'));
    run('sign', 'pack.yaml', '--key', `keys/${KEY_FILE}`, '--out', 'pack.signed.json');
    const envelope = JSON.parse(readFileSync(join(dir, 'pack.signed.json'), 'utf8')) as Record<string, string>;
    writeFileSync(join(dir, 'tampered.json'), JSON.stringify({ ...envelope, payload: `${envelope.payload ?? ''}# more\n` }));

    const other = run('keygen', '--out', 'other');
    const otherKey = parsePublicKey(other.out.at(-1) ?? '');
    if (!otherKey.ok) throw new Error(otherKey.reason);
    writeFileSync(join(dir, 'other.pem'), otherKey.key.export({ format: 'pem', type: 'spki' }).toString());

    const tampered = run('verify', 'tampered.json', '--public-key', run('public-key', '--key', `keys/${KEY_FILE}`).out[0] ?? '');
    expect(tampered).toMatchObject({ code: 1, err: ['sign-pack: tampered.json: bad signature: the file was changed after signing or signed with another key'] });
    const wrongKey = run('verify', 'pack.signed.json', '--public-key', 'other.pem');
    expect(wrongKey.code).toBe(1);
    expect(wrongKey.err[0]).toContain('bad signature');
  });

  it('answers a usage mistake with exit 2, the reason and the usage text', () => {
    expect(run()).toMatchObject({ code: 2, out: [USAGE] });
    const unknown = run('publish');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toEqual(['sign-pack: unknown command "publish"', USAGE]);
    expect(run('sign', 'pack.yaml').err[0]).toBe('sign-pack: --key is required');
    expect(run('sign', 'pack.yaml', '--kee', 'x').code).toBe(2);
    expect(run('verify', 'x.json', '--public-key', 'abc').err[0]).toContain('--public-key: ');
    expect(run('sign', 'missing.yaml', '--key', 'missing.key').err[0]).toBe(`sign-pack: the key file ${join(dir, 'missing.key')} does not exist`);
  });
});
