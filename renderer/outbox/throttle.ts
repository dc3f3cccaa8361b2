import type { DecisionResult } from '../../shared/ipc/sync';

// How the pump holds and paces the whole queue, not one entry, once the ticketing system says
// "too many requests" (429, or 503 with Retry-After). Pure: the pump keeps one `Throttle` in
// memory, and the reconnect-storm simulation (tests/bench/storm.ts) drives the same functions
// on a simulated clock; the policy's numbers come from sweeping it there (see its header).
//
// - Each refusal holds everything for Retry-After plus a random spread of up to two and a half
//   minutes (the same for every refusal: spreads that doubled per refusal left the last
//   computers waiting after the server had run dry). A fixed-window limiter tells every refused
//   client "Retry-After: 1"; 2,000 laptops honouring it exactly would all come back in the same
//   second and be refused again, forever. Spread over minutes, the district's probes arrive at a
//   rate the server can refuse cheaply while it serves the computers that got in. A queued
//   ticket waiting a minute or two costs nobody anything: the caller's SLA clock started at the
//   call.
// - Once throttled, the pump sends one request at a time, one a second with only ±2 % jitter, so
//   each computer being served puts exactly one request in each of the server's one-second
//   windows. With ±50 % a computer sent none in some seconds and two in others; summed over the
//   200 or so being served, that doubled the second-to-second swing, and the busiest seconds
//   are what the server has to absorb. The random hold already spreads the computers over the
//   second; the pacing only has to be even.
// - After `calmAfter` accepted requests with no refusal the throttle ends.
// - "Retry now" during a hold sends one request through it, a probe: one request costs the
//   server nothing. Accepted, the hold ends (paced, as after any refusal); refused, it is a new
//   refusal and the next hold is longer. The analyst is never stuck behind a hold they can see.

export interface ThrottlePolicy {
  /** Spread of the first hold; doubles per refusal up to `capMs`. */
  baseMs: number;
  capMs: number;
  /** Interval between requests while throttled, each jittered by ±`paceJitter` (a fraction). */
  paceMs: number;
  paceJitter: number;
  /** Accepted requests in a row that end the throttle. */
  calmAfter: number;
}

export const THROTTLE_POLICY: ThrottlePolicy = { baseMs: 150_000, capMs: 150_000, paceMs: 1_000, paceJitter: 0.02, calmAfter: 100 };

/** The pump's view of the server's rate limit. */
export interface Throttle {
  /** Nothing is sent before this time (ms): Retry-After plus the spread. */
  holdUntil: number;
  /** Nor before this one: the pacing of the last request sent. */
  nextSendAt: number;
  /** Refusals since the throttle began; 0 when not throttled. */
  strikes: number;
  /** Requests accepted since the last refusal. */
  calm: number;
  /** "Retry now" during a hold: `asked` lets one request through, `sent` while it is out. */
  probe: 'none' | 'asked' | 'sent';
}

export const UNTHROTTLED: Throttle = { holdUntil: 0, nextSendAt: 0, strikes: 0, calm: 0, probe: 'none' };

/** True when an answer says the server is over its rate limit (main's `classifyStatus` sets it). */
export function isThrottle(outcome: DecisionResult): outcome is Extract<DecisionResult, { kind: 'retry' }> {
  return outcome.kind === 'retry' && outcome.throttled === true;
}

/** The earliest time the pump may send (ms). */
export function sendableAt(throttle: Throttle): number {
  return Math.max(throttle.holdUntil, throttle.nextSendAt);
}

/** True while the pump may not claim or send: held by a refusal, or paced (a probe asked for goes through). */
export function isHeld(throttle: Throttle, now: number): boolean {
  return throttle.probe !== 'asked' && now < sendableAt(throttle);
}

/** When a hold the analyst should see ends: a refusal's hold still running, else null (pacing is not shown). */
export function holdEndsAt(throttle: Throttle, now: number): number | null {
  return throttle.strikes > 0 && now < throttle.holdUntil ? throttle.holdUntil : null;
}

/** "Retry now": while held, let one request through the hold (see the header); otherwise nothing changes. */
export function onRetryNow(throttle: Throttle, now: number): Throttle {
  if (throttle.strikes === 0 || throttle.probe === 'sent' || now >= sendableAt(throttle)) return throttle;
  return { ...throttle, probe: 'asked' };
}

/** Deliveries in flight allowed now: one at a time while throttled. */
export function allowedConcurrency(throttle: Throttle, concurrency: number): number {
  return throttle.strikes > 0 ? 1 : concurrency;
}

/** After a throttle answer: hold everything for Retry-After plus a random, growing spread. */
export function onThrottle(
  throttle: Throttle,
  now: number,
  retryAfterMs: number | undefined,
  random: () => number,
  policy: ThrottlePolicy = THROTTLE_POLICY,
): Throttle {
  // Answers to requests that left before this hold began are the same refusal, not a new one;
  // a probe sent through the hold left after it, so its refusal is a new one.
  if (now < throttle.holdUntil && throttle.probe !== 'sent') return throttle;
  const strikes = throttle.strikes + 1;
  const floor = Math.min(Math.max(0, retryAfterMs ?? 0), 24 * 3_600_000);
  const spread = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(strikes - 1, 20));
  return { ...throttle, strikes, calm: 0, probe: 'none', holdUntil: now + floor + Math.floor(random() * spread) };
}

/** After an accepted request: enough of them in a row end the throttle; an accepted probe ends the hold. */
export function onAnswer(throttle: Throttle, policy: ThrottlePolicy = THROTTLE_POLICY): Throttle {
  if (throttle.strikes === 0) return throttle;
  const calm = throttle.calm + 1;
  if (calm >= policy.calmAfter) return { ...UNTHROTTLED, holdUntil: throttle.probe === 'sent' ? 0 : throttle.holdUntil };
  return throttle.probe === 'sent' ? { ...throttle, calm, probe: 'none', holdUntil: 0 } : { ...throttle, calm };
}

/** After a request leaves while throttled: the next one waits `paceMs` ± `paceJitter`; a probe asked for is now out. */
export function onSend(throttle: Throttle, now: number, random: () => number, policy: ThrottlePolicy = THROTTLE_POLICY): Throttle {
  if (throttle.strikes === 0) return throttle;
  return { ...throttle, probe: throttle.probe === 'asked' ? 'sent' : throttle.probe, nextSendAt: now + Math.floor(policy.paceMs * (1 + policy.paceJitter * (2 * random() - 1))) };
}
