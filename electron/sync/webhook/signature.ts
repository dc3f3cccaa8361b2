import { createHmac, timingSafeEqual } from 'node:crypto';

export const TIMESTAMP_HEADER = 'X-Deskbook-Timestamp';
export const SIGNATURE_HEADER = 'X-Deskbook-Signature';

/** How far a receiver should let the timestamp drift from its clock before refusing (replays). */
export const DEFAULT_TOLERANCE_MS = 5 * 60_000;

/**
 * `sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">`. Signing the timestamp with the body lets a
 * receiver refuse replays of an old request; the body is signed byte for byte as sent.
 */
export function signWebhook(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex')}`;
}

export interface VerifyInput {
  secret: string;
  /** The raw `X-Deskbook-Timestamp` header: Unix seconds. */
  timestamp: string | undefined;
  /** The raw request body, exactly as received (empty for GET). */
  body: string;
  /** The raw `X-Deskbook-Signature` header. */
  signature: string | undefined;
  nowMs: number;
  toleranceMs?: number;
}

/**
 * The receiver's side, for integrators and tests: true when the signature matches and the
 * timestamp is within tolerance. Compares in constant time.
 */
export function verifyWebhookSignature(input: VerifyInput): boolean {
  const { timestamp, signature } = input;
  if (!timestamp || !/^\d{1,12}$/.test(timestamp) || !signature) return false;
  if (Math.abs(input.nowMs - Number(timestamp) * 1000) > (input.toleranceMs ?? DEFAULT_TOLERANCE_MS)) return false;
  const expected = Buffer.from(signWebhook(input.secret, timestamp, input.body), 'utf8');
  const given = Buffer.from(signature, 'utf8');
  return expected.length === given.length && timingSafeEqual(expected, given);
}
