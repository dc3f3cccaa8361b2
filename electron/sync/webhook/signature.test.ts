import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { WebhookSecretError, boundContent, signStandardWebhook, standardWebhookHeaders, webhookKey } from './signature';

describe('Standard Webhooks signature', () => {
  it('matches the vector in the spec repository\'s own JavaScript tests (libraries/javascript, "sign function works")', () => {
    const key = webhookKey('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw');
    expect(signStandardWebhook(key, 'msg_p5jXN8AQM9LWM0D4loKWxJek', 1614265330, '{"test": 2432232314}')).toBe(
      'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
    );
  });

  it('is what the standardwebhooks library verifies, and nothing else', () => {
    const secret = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;
    const now = Math.floor(Date.now() / 1000);
    const headers = standardWebhookHeaders(webhookKey(secret), 'c0ffee00-0000-4000-8000-000000000001', now, '{"a":1}');
    expect(new Webhook(secret).verify('{"a":1}', headers)).toEqual({ a: 1 });
    expect(() => new Webhook(secret).verify('{"a":2}', headers)).toThrow(WebhookVerificationError);
    expect(() => new Webhook(secret).verify('{"a":1}', { ...headers, 'webhook-id': 'another' })).toThrow(WebhookVerificationError);
  });

  it('refuses a webhook-id with a dot, which would make "id.timestamp.content" split two ways', () => {
    expect(() => signStandardWebhook(Buffer.from('k'), 'a.b', 1, '')).toThrow(/no '\.'/);
  });
});

describe('the signing key', () => {
  it('decodes a whsec_ secret as base64, padded or not', () => {
    const bytes = Buffer.alloc(24, 0xab);
    expect(webhookKey(`whsec_${bytes.toString('base64')}`)).toEqual(bytes);
    expect(webhookKey(`whsec_${Buffer.alloc(25, 1).toString('base64').replace(/=+$/, '')}`)).toEqual(Buffer.alloc(25, 1));
  });

  it('uses the UTF-8 bytes of a raw secret (not Latin-1), which the library verifies given those bytes as a raw key', () => {
    const raw = 'clé-partagée-du-district';
    expect(webhookKey(raw)).toEqual(Buffer.from(raw, 'utf8'));
    const headers = standardWebhookHeaders(webhookKey(raw), 'id-1', Math.floor(Date.now() / 1000), 'x');
    expect(() => new Webhook(Buffer.from(raw, 'utf8'), { format: 'raw' }).verify('x', headers, { jsonParse: false })).not.toThrow();
  });

  it('refuses a whsec_ secret that is not base64 of at least 24 bytes, naming the field', () => {
    for (const broken of ['whsec_', 'whsec_not base64!', 'whsec_YWJj', `whsec_${Buffer.alloc(23).toString('base64')}`]) {
      expect(() => webhookKey(broken)).toThrow(WebhookSecretError);
      expect(() => webhookKey(broken)).toThrow(/Shared signing secret \(Settings → Ticketing system\)/);
    }
    expect(() => webhookKey('')).toThrow(/Shared signing secret .* is empty/);
  });
});

describe('what a lookup or note signs', () => {
  it('is method, path, query and body, one per line, path and query as on the request line', () => {
    expect(boundContent('GET', 'https://tickets.example/hooks/5f0b7a52-1c1e-4d7e-9a55-0c6a9d3f2b11', '')).toBe(
      'GET\n/hooks/5f0b7a52-1c1e-4d7e-9a55-0c6a9d3f2b11\n\n',
    );
    expect(boundContent('POST', 'https://tickets.example/hooks/T%201/notes?school=7', '{"text":"x"}')).toBe(
      'POST\n/hooks/T%201/notes\nschool=7\n{"text":"x"}',
    );
  });
});
