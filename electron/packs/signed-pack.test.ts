import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  parsePrivateKey,
  parsePublicKey,
  publicKeyBase64,
  REASON_BAD_SIGNATURE,
  REASON_NOT_SIGNED_PACK,
  SIGNED_PACK_FORMAT,
  signPack,
  verifySignedPack,
} from './signed-pack';

const district = generateKeyPairSync('ed25519');
const other = generateKeyPairSync('ed25519');
const rawKey = publicKeyBase64(district.publicKey);
const pemKey = district.publicKey.export({ format: 'pem', type: 'spki' }).toString();
const payload = 'id: demo\nversion: 1.0.0\ntitle: "Démo – ünïcode"\n';

describe('signPack and verifySignedPack', () => {
  it('round-trips the exact payload text with either public key form', () => {
    const envelope = signPack(payload, district.privateKey, new Date('2026-01-05T10:00:00Z'));
    expect(JSON.parse(envelope)).toMatchObject({ format: SIGNED_PACK_FORMAT, payload, signedAt: '2026-01-05T10:00:00.000Z' });
    expect(verifySignedPack(envelope, rawKey)).toEqual({ ok: true, payloadText: payload, signedAt: '2026-01-05T10:00:00.000Z' });
    expect(verifySignedPack(envelope, pemKey)).toMatchObject({ ok: true, payloadText: payload });
    expect(verifySignedPack(envelope, district.publicKey)).toMatchObject({ ok: true });
  });

  it('signs with a PKCS#8 PEM private key given as text', () => {
    const pem = district.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    expect(verifySignedPack(signPack(payload, pem), rawKey)).toMatchObject({ ok: true });
  });

  it('refuses a payload changed after signing, even by one character', () => {
    const envelope = JSON.parse(signPack(payload, district.privateKey)) as Record<string, string>;
    const tampered = JSON.stringify({ ...envelope, payload: payload.replace('1.0.0', '9.0.0') });
    expect(verifySignedPack(tampered, rawKey)).toEqual({ ok: false, reason: REASON_BAD_SIGNATURE });
  });

  it('refuses a pack signed with another key', () => {
    expect(verifySignedPack(signPack(payload, other.privateKey), rawKey)).toEqual({ ok: false, reason: REASON_BAD_SIGNATURE });
  });

  it('says plainly when the file is not a signed pack at all', () => {
    expect(verifySignedPack(payload, rawKey)).toEqual({ ok: false, reason: `${REASON_NOT_SIGNED_PACK} (not JSON)` });
    expect(verifySignedPack('{"id":"demo"}', rawKey)).toEqual({ ok: false, reason: REASON_NOT_SIGNED_PACK });
    expect(verifySignedPack(JSON.stringify({ format: 'deskbook-signed-pack/2', payload, signature: '', signedAt: '' }), rawKey)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('update Deskbook'),
    });
    const envelope = JSON.parse(signPack(payload, district.privateKey)) as Record<string, string>;
    expect(verifySignedPack(JSON.stringify({ ...envelope, signature: 'not base64!' }), rawKey)).toMatchObject({
      ok: false,
      reason: 'the signature is not a base64 Ed25519 signature',
    });
  });
});

describe('parsePublicKey', () => {
  it('reads the raw base64 form and the PEM SPKI form as the same key', () => {
    const raw = parsePublicKey(`  ${rawKey}\n`);
    const pem = parsePublicKey(pemKey);
    expect(raw.ok && pem.ok && publicKeyBase64(raw.key) === publicKeyBase64(pem.key)).toBe(true);
  });

  it('refuses a private key, a key of the wrong length, an RSA key and text that is no key', () => {
    const privatePem = district.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    expect(parsePublicKey(privatePem)).toMatchObject({ ok: false, reason: expect.stringContaining('that is a private key') });
    expect(parsePublicKey(Buffer.alloc(31).toString('base64'))).toMatchObject({ ok: false, reason: expect.stringContaining('31 bytes') });
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ format: 'pem', type: 'spki' }).toString();
    expect(parsePublicKey(rsa)).toMatchObject({ ok: false, reason: expect.stringContaining('rsa key') });
    expect(parsePublicKey('ssh-ed25519 AAAA')).toMatchObject({ ok: false, reason: expect.stringContaining('must be base64') });
    expect(parsePublicKey('')).toEqual({ ok: false, reason: 'no public key is set' });
  });

  it('is what verifySignedPack reports when the configured key is unusable', () => {
    expect(verifySignedPack(signPack(payload, district.privateKey), 'abc')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('the public key cannot be used'),
    });
  });
});

describe('parsePrivateKey', () => {
  it('refuses anything but a PKCS#8 PEM Ed25519 key', () => {
    expect(parsePrivateKey(pemKey)).toMatchObject({ ok: false });
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    expect(parsePrivateKey(rsa)).toMatchObject({ ok: false, reason: expect.stringContaining('rsa key') });
    expect(() => signPack(payload, rsa)).toThrow(/Ed25519/);
  });
});
