import { describe, expect, it } from 'vitest';
import { THROTTLE_POLICY, UNTHROTTLED, allowedConcurrency, holdEndsAt, isHeld, isThrottle, onAnswer, onRetryNow, onSend, onThrottle, sendableAt } from './throttle';

const half = () => 0.5;
const policy = THROTTLE_POLICY;

describe('the throttle', () => {
  it('is set only by an answer main marked as throttled', () => {
    expect(isThrottle({ kind: 'retry', reason: 'HTTP 429', throttled: true, maybeDelivered: false })).toBe(true);
    expect(isThrottle({ kind: 'retry', reason: 'HTTP 502', maybeDelivered: true })).toBe(false);
    expect(isThrottle({ kind: 'failed', message: 'Queue not found' })).toBe(false);
  });

  it('holds for Retry-After plus a random spread that doubles per refusal, up to its cap', () => {
    let t = onThrottle(UNTHROTTLED, 0, 1_000, half);
    expect(t.holdUntil).toBe(1_000 + policy.baseMs / 2);
    expect(isHeld(t, t.holdUntil - 1)).toBe(true);
    expect(isHeld(t, t.holdUntil)).toBe(false);
    t = onThrottle(t, t.holdUntil, 1_000, half);
    expect(t.strikes).toBe(2);
    expect(t.holdUntil - (1_000 + policy.baseMs / 2)).toBe(1_000 + Math.min(policy.capMs, policy.baseMs * 2) / 2);
    for (let i = 0; i < 30; i++) t = onThrottle(t, t.holdUntil, 0, half);
    const next = onThrottle(t, t.holdUntil, 0, half);
    expect(next.holdUntil - t.holdUntil).toBe(policy.capMs / 2);
  });

  it('doubles the spread per refusal from its base when a policy sets the cap above it', () => {
    const doubling = { ...policy, baseMs: 10_000, capMs: 40_000 };
    const spreads: number[] = [];
    let t = UNTHROTTLED;
    for (let i = 0; i < 4; i++) {
      const next = onThrottle(t, t.holdUntil, 0, () => 0.999_999, doubling);
      spreads.push(next.holdUntil - t.holdUntil);
      t = next;
    }
    expect(spreads).toEqual([9_999, 19_999, 39_999, 39_999]);
  });

  it('holds a lone analyst\'s queue after one refusal for Retry-After plus at most the cap', () => {
    const earliest = onThrottle(UNTHROTTLED, 0, 30_000, () => 0);
    const latest = onThrottle(UNTHROTTLED, 0, 30_000, () => 0.999_999);
    expect(earliest.holdUntil).toBe(30_000);
    expect(latest.holdUntil).toBeLessThan(30_000 + policy.capMs);
    expect(latest.holdUntil).toBeGreaterThan(30_000 + policy.capMs - 1_000);
  });

  it('counts the refusals of requests that left before the hold began as the same refusal', () => {
    const held = onThrottle(UNTHROTTLED, 0, 1_000, half);
    expect(onThrottle(held, 5, 1_000, half)).toBe(held);
  });

  it('never holds longer than a day, whatever Retry-After says, nor less than now', () => {
    expect(onThrottle(UNTHROTTLED, 0, 10 * 24 * 3_600_000, () => 0).holdUntil).toBe(24 * 3_600_000);
    expect(onThrottle(UNTHROTTLED, 100, -5_000, () => 0).holdUntil).toBe(100);
  });

  it('sends one request at a time, about one a second, until enough go through in a row', () => {
    let t = onThrottle(UNTHROTTLED, 0, 0, () => 0);
    expect(allowedConcurrency(t, 4)).toBe(1);
    t = onSend(t, 10, half);
    expect(sendableAt(t)).toBe(10 + policy.paceMs);
    for (let i = 1; i < policy.calmAfter; i++) t = onAnswer(t);
    expect(allowedConcurrency(t, 4)).toBe(1);
    t = onAnswer(t);
    expect(allowedConcurrency(t, 4)).toBe(4);
    expect(onSend(t, 10, half)).toBe(t);
  });

  it('paces within ±paceJitter of the interval, so each request lands in its own second', () => {
    const t = onThrottle(UNTHROTTLED, 0, 0, () => 0);
    expect(sendableAt(onSend(t, 0, () => 0))).toBe(Math.floor(policy.paceMs * (1 - policy.paceJitter)));
    expect(sendableAt(onSend(t, 0, () => 0.999_999))).toBe(Math.floor(policy.paceMs * (1 + policy.paceJitter)) - 1);
    const loose = { ...policy, paceJitter: 0.5 };
    expect(sendableAt(onSend(t, 0, () => 0, loose))).toBe(policy.paceMs / 2);
  });

  it('starts counting the calm again at each refusal', () => {
    let t = onThrottle(UNTHROTTLED, 0, 0, () => 0);
    for (let i = 1; i < policy.calmAfter; i++) t = onAnswer(t);
    t = onThrottle(t, 1, 0, () => 0);
    expect(onAnswer(t).strikes).toBe(2);
  });

  it('shows when a refusal\'s hold ends, and nothing once it has ended or for pacing alone', () => {
    const held = onThrottle(UNTHROTTLED, 0, 1_000, half);
    expect(holdEndsAt(UNTHROTTLED, 0)).toBeNull();
    expect(holdEndsAt(held, 10)).toBe(held.holdUntil);
    expect(holdEndsAt(held, held.holdUntil)).toBeNull();
    const paced = onSend(held, held.holdUntil, half);
    expect(isHeld(paced, held.holdUntil + 1)).toBe(true);
    expect(holdEndsAt(paced, held.holdUntil + 1)).toBeNull();
  });
});

describe('"Retry now" during a hold', () => {
  const held = onThrottle(UNTHROTTLED, 0, 1_000, half);

  it('lets exactly one request through the hold', () => {
    const asked = onRetryNow(held, 10);
    expect(isHeld(asked, 10)).toBe(false);
    expect(allowedConcurrency(asked, 4)).toBe(1);
    const out = onSend(asked, 10, half);
    expect(out.probe).toBe('sent');
    expect(isHeld(out, 20)).toBe(true);
    expect(onRetryNow(out, 20)).toBe(out);
  });

  it('ends the hold when that request is accepted, still paced one at a time', () => {
    const accepted = onAnswer(onSend(onRetryNow(held, 10), 10, half));
    expect(accepted.probe).toBe('none');
    expect(holdEndsAt(accepted, 20)).toBeNull();
    expect(isHeld(accepted, 10 + policy.paceMs)).toBe(false);
    expect(allowedConcurrency(accepted, 4)).toBe(1);
  });

  it('counts its refusal as a new one: a longer hold from now', () => {
    const refused = onThrottle(onSend(onRetryNow(held, 10), 10, half), 20, 1_000, half);
    expect(refused.strikes).toBe(2);
    expect(refused.probe).toBe('none');
    expect(refused.holdUntil).toBe(20 + 1_000 + Math.min(policy.capMs, policy.baseMs * 2) / 2);
  });

  it('changes nothing when nothing holds the queue', () => {
    expect(onRetryNow(UNTHROTTLED, 10)).toBe(UNTHROTTLED);
    expect(onRetryNow(held, held.holdUntil)).toBe(held);
  });
});

