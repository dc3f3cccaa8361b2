import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhookSignature } from './signature';

describe('webhook signature', () => {
  it('is HMAC-SHA256 over "timestamp.body" (vector computed with openssl dgst -hmac)', () => {
    expect(signWebhook('k3y', '1700000000', '{"a":1}')).toBe(
      'sha256=fd5a70e965043f7df6309c2c3b5ff5a8ffa99b1f5175e9a311459e73c4634d4a',
    );
  });

  it('verifies within tolerance and refuses stale, missing or malformed headers', () => {
    const base = { secret: 'k3y', timestamp: '1700000000', body: '{"a":1}', nowMs: 1_700_000_060_000 };
    const signature = signWebhook('k3y', '1700000000', '{"a":1}');
    expect(verifyWebhookSignature({ ...base, signature })).toBe(true);
    expect(verifyWebhookSignature({ ...base, signature, nowMs: 1_700_000_000_000 + 301_000 })).toBe(false);
    expect(verifyWebhookSignature({ ...base, signature: undefined })).toBe(false);
    expect(verifyWebhookSignature({ ...base, signature, timestamp: '17e8' })).toBe(false);
    expect(verifyWebhookSignature({ ...base, signature: signature.slice(0, -1) })).toBe(false);
  });
});
