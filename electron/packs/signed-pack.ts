import { createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { z } from 'zod';

/**
 * The signed pack file a district publishes: a JSON envelope holding the pack file's exact text
 * and an Ed25519 signature over its UTF-8 bytes. Signing the text itself (not a parsed and
 * re-serialized object) means there is no canonical form to agree on: the bytes the district's
 * author wrote are the bytes every Deskbook checks. `signedAt` is informational and not signed;
 * which copy is newer is decided by the pack's own `version`, which is inside the signature.
 */
export const SIGNED_PACK_FORMAT = 'deskbook-signed-pack/1';

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const ED25519_SIGNATURE_BYTES = 64;
const ED25519_KEY_BYTES = 32;
/** The DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410); the raw key follows it. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export const signedPackEnvelopeSchema = z.object({
  format: z.literal(SIGNED_PACK_FORMAT),
  payload: z.string(),
  signature: z.string(),
  signedAt: z.string(),
});
export type SignedPackEnvelope = z.output<typeof signedPackEnvelopeSchema>;

export type KeyResult = { ok: true; key: KeyObject } | { ok: false; reason: string };
export type VerifyResult = { ok: true; payloadText: string; signedAt: string } | { ok: false; reason: string };

export const REASON_NOT_SIGNED_PACK = 'not a Deskbook signed pack';
export const REASON_BAD_SIGNATURE = 'bad signature: the file was changed after signing or signed with another key';

function strictBase64(text: string): Buffer | null {
  const compact = text.replace(/\s+/g, '');
  return compact !== '' && BASE64.test(compact) ? Buffer.from(compact, 'base64') : null;
}

function ed25519Only(key: KeyObject, what: string): KeyResult {
  if (key.asymmetricKeyType !== 'ed25519') {
    return { ok: false, reason: `${what} is a ${key.asymmetricKeyType ?? 'unknown'} key; Deskbook packs are signed with Ed25519 keys` };
  }
  return { ok: true, key };
}

/**
 * Reads a public key as district IT pastes it into the `SopPackPublicKey` policy: the base64 of
 * the raw 32-byte Ed25519 key (what `sign-pack keygen` prints), or a PEM `PUBLIC KEY` (SPKI)
 * block. Anything else is refused with a reason naming what was found, so a pasted private key
 * or RSA key is caught at the policy, not at the first download.
 */
export function parsePublicKey(text: string): KeyResult {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, reason: 'no public key is set' };
  if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(trimmed)) {
    return { ok: false, reason: 'that is a private key: give the public key (keep the private key with whoever signs packs)' };
  }
  if (trimmed.startsWith('-----BEGIN')) {
    if (!trimmed.startsWith('-----BEGIN PUBLIC KEY-----')) {
      return { ok: false, reason: 'a PEM public key must be a "BEGIN PUBLIC KEY" (SPKI) block' };
    }
    try {
      return ed25519Only(createPublicKey({ key: trimmed, format: 'pem' }), 'the public key');
    } catch {
      return { ok: false, reason: 'the PEM public key block could not be read' };
    }
  }
  const raw = strictBase64(trimmed);
  if (!raw) return { ok: false, reason: 'the public key must be base64 (the 32-byte Ed25519 key) or a PEM "BEGIN PUBLIC KEY" block' };
  if (raw.length !== ED25519_KEY_BYTES) {
    return { ok: false, reason: `the public key is ${raw.length} bytes; a raw Ed25519 public key is ${ED25519_KEY_BYTES} bytes` };
  }
  try {
    const key = createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
    return { ok: true, key };
  } catch {
    return { ok: false, reason: 'the public key is not a valid Ed25519 key' };
  }
}

/** Reads the signer's private key: a PEM PKCS#8 `PRIVATE KEY` block holding an Ed25519 key. */
export function parsePrivateKey(pem: string): KeyResult {
  const trimmed = pem.trim();
  if (!trimmed.startsWith('-----BEGIN PRIVATE KEY-----')) {
    return { ok: false, reason: 'the private key must be a PEM PKCS#8 "BEGIN PRIVATE KEY" block (as `sign-pack keygen` writes it)' };
  }
  try {
    return ed25519Only(createPrivateKey({ key: trimmed, format: 'pem' }), 'the private key');
  } catch {
    return { ok: false, reason: 'the private key block could not be read' };
  }
}

/** The raw 32-byte public key as base64 (of a public key, or of a private key's public half): the `SopPackPublicKey` form. */
export function publicKeyBase64(key: KeyObject): string {
  const der = (key.type === 'private' ? createPublicKey(key) : key).export({ format: 'der', type: 'spki' });
  if (der.length !== ED25519_SPKI_PREFIX.length + ED25519_KEY_BYTES || !der.subarray(0, ED25519_SPKI_PREFIX.length).equals(ED25519_SPKI_PREFIX)) {
    throw new Error('not an Ed25519 public key');
  }
  return der.subarray(ED25519_SPKI_PREFIX.length).toString('base64');
}

/**
 * Signs a pack file's exact text and returns the envelope's text. Throws when the key is not an
 * Ed25519 private key (a caller's mistake, not a pack's). The CLI checks the pack first.
 */
export function signPack(payloadText: string, privateKey: KeyObject | string, signedAt: Date = new Date()): string {
  const parsed = typeof privateKey === 'string' ? parsePrivateKey(privateKey) : ed25519Only(privateKey, 'the private key');
  if (!parsed.ok) throw new Error(parsed.reason);
  if (parsed.key.type !== 'private') throw new Error('signing needs the private key');
  const signature = sign(null, Buffer.from(payloadText, 'utf8'), parsed.key).toString('base64');
  const envelope = { format: SIGNED_PACK_FORMAT, payload: payloadText, signature, signedAt: signedAt.toISOString() } satisfies SignedPackEnvelope;
  return `${JSON.stringify(envelope, null, 2)}\n`;
}

/**
 * Checks an envelope against the district's public key and returns the pack text it carries.
 * Never throws: every failure is a reason a person can read. Only a payload that verifies is
 * returned; parsing and linting it is the caller's next gate (`parsePackText`).
 */
export function verifySignedPack(envelopeText: string, publicKey: KeyObject | string): VerifyResult {
  const key = typeof publicKey === 'string' ? parsePublicKey(publicKey) : ed25519Only(publicKey, 'the public key');
  if (!key.ok) return { ok: false, reason: `the public key cannot be used: ${key.reason}` };
  let data: unknown;
  try {
    data = JSON.parse(envelopeText);
  } catch {
    return { ok: false, reason: `${REASON_NOT_SIGNED_PACK} (not JSON)` };
  }
  const envelope = signedPackEnvelopeSchema.safeParse(data);
  if (!envelope.success) {
    const format = typeof data === 'object' && data !== null && 'format' in data ? data.format : undefined;
    if (typeof format === 'string' && format !== SIGNED_PACK_FORMAT && format.startsWith('deskbook-signed-pack/')) {
      return { ok: false, reason: `the file is in format ${format}, which this version of Deskbook does not read; update Deskbook` };
    }
    return { ok: false, reason: REASON_NOT_SIGNED_PACK };
  }
  const signature = strictBase64(envelope.data.signature);
  if (!signature || signature.length !== ED25519_SIGNATURE_BYTES) {
    return { ok: false, reason: 'the signature is not a base64 Ed25519 signature' };
  }
  let good = false;
  try {
    good = verify(null, Buffer.from(envelope.data.payload, 'utf8'), key.key, signature);
  } catch {
    good = false;
  }
  if (!good) return { ok: false, reason: REASON_BAD_SIGNATURE };
  return { ok: true, payloadText: envelope.data.payload, signedAt: envelope.data.signedAt };
}
