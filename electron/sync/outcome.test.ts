import { describe, expect, it } from 'vitest';
import { classifyNetworkFailure, classifyStatus, failedAfterLanding, parseRetryAfter, serverMessage } from './outcome';

const headers = (values: Record<string, string> = {}) => ({ get: (name: string) => values[name.toLowerCase()] ?? null });
const NOW = Date.parse('2026-03-02T15:00:00Z');
const post = { mutating: true, now: NOW };

describe('classifyStatus', () => {
  it('401 and 403 pause the outbox as auth outcomes', () => {
    expect(classifyStatus(401, headers(), 'Unauthorized', post)).toMatchObject({ kind: 'auth', status: 401 });
    expect(classifyStatus(403, headers(), 'Forbidden', post)).toMatchObject({ kind: 'auth', status: 403 });
  });

  it.each([400, 404, 422])('%i is a permanent failure carrying the server message', (status) => {
    expect(classifyStatus(status, headers(), 'Queue not set', post)).toEqual({
      kind: 'failed',
      status,
      message: `HTTP ${status}: Queue not set`,
    });
  });

  it('a 5xx answer to a create may have been committed, a 5xx to a lookup not', () => {
    expect(classifyStatus(502, headers(), '', post)).toMatchObject({ kind: 'retry', maybeDelivered: true });
    expect(classifyStatus(502, headers(), '', { ...post, mutating: false })).toMatchObject({ kind: 'retry', maybeDelivered: false });
  });

  it('429 and 408 are retried and were not acted on', () => {
    expect(classifyStatus(429, headers({ 'retry-after': '7' }), '', post)).toEqual({
      kind: 'retry',
      reason: 'HTTP 429',
      retryAfterMs: 7000,
      throttled: true,
      maybeDelivered: false,
    });
    expect(classifyStatus(408, headers(), '', post)).toMatchObject({ kind: 'retry', maybeDelivered: false });
  });

  it('a 429, or a 503 with Retry-After, throttles the whole queue; a bare 503 or a 408 does not', () => {
    expect(classifyStatus(429, headers(), '', post)).toMatchObject({ throttled: true });
    expect(classifyStatus(503, headers({ 'retry-after': '5' }), '', post)).toMatchObject({ throttled: true, maybeDelivered: true });
    expect(classifyStatus(503, headers(), '', post)).not.toHaveProperty('throttled');
    expect(classifyStatus(408, headers(), '', post)).not.toHaveProperty('throttled');
  });

  it('503 honours a Retry-After HTTP-date relative to the injected clock', () => {
    const outcome = classifyStatus(503, headers({ 'retry-after': 'Mon, 02 Mar 2026 15:02:00 GMT' }), '', post);
    expect(outcome).toMatchObject({ kind: 'retry', retryAfterMs: 120_000 });
  });
});

describe('parseRetryAfter', () => {
  it('reads delta-seconds, HTTP-dates, and past dates as zero', () => {
    expect(parseRetryAfter('120', NOW)).toBe(120_000);
    expect(parseRetryAfter('Mon, 02 Mar 2026 15:00:30 GMT', NOW)).toBe(30_000);
    expect(parseRetryAfter('Mon, 02 Mar 2026 14:00:00 GMT', NOW)).toBe(0);
  });

  it('ignores absent or unreadable values', () => {
    expect(parseRetryAfter(null, NOW)).toBeUndefined();
    expect(parseRetryAfter('soon', NOW)).toBeUndefined();
    expect(parseRetryAfter('-5', NOW)).toBeUndefined();
  });
});

describe('classifyNetworkFailure', () => {
  it('failures before sending never count as maybe delivered', () => {
    for (const kind of ['dns', 'refused', 'offline', 'tls'] as const) {
      expect(classifyNetworkFailure({ kind, message: 'x' }, { mutating: true })).toMatchObject({ kind: 'retry', maybeDelivered: false });
    }
  });

  it('a reset or timeout during a create may follow a commit', () => {
    expect(classifyNetworkFailure({ kind: 'reset', message: 'x' }, { mutating: true })).toMatchObject({ maybeDelivered: true });
    expect(classifyNetworkFailure({ kind: 'timeout', message: 'x' }, { mutating: true })).toMatchObject({ maybeDelivered: true });
    expect(classifyNetworkFailure({ kind: 'timeout', message: 'x' }, { mutating: false })).toMatchObject({ maybeDelivered: false });
  });
});

describe('serverMessage', () => {
  it('prefers a JSON message, then an array of messages, then text', () => {
    expect(serverMessage('{"message":"Could not create ticket. Queue not set"}')).toBe('Could not create ticket. Queue not set');
    expect(serverMessage('["a","b"]')).toBe('a; b');
    expect(serverMessage('  <h1>Bad   Gateway</h1> ')).toBe('<h1>Bad Gateway</h1>');
    expect(serverMessage('')).toBe('');
  });
});

describe('a failure after the write landed', () => {
  it('keeps a retry maybe-delivered and names what landed in every kind', () => {
    const landed = 'RT ticket #42 was created, but its sealed notes could not be added';
    expect(failedAfterLanding(landed, { kind: 'retry', reason: 'HTTP 503', maybeDelivered: false })).toEqual({ kind: 'retry', reason: `${landed}: HTTP 503`, maybeDelivered: true });
    expect(failedAfterLanding(landed, { kind: 'auth', status: 401, message: 'HTTP 401' })).toEqual({ kind: 'auth', status: 401, message: `${landed}: HTTP 401` });
    expect(failedAfterLanding(landed, { kind: 'failed', status: 400, message: 'HTTP 400' })).toEqual({ kind: 'failed', status: 400, message: `${landed}: HTTP 400` });
  });
});
