import type { DecisionResult } from '../../shared/ipc/sync';

// How the pump holds and paces the whole queue, not one entry, once the ticketing system says
// "too many requests" (429, or 503 with Retry-After). Pure: the pump keeps one `Throttle` in
// memory, and the reconnect-storm simulation (tests/bench/storm.ts) drives the same functions
// on a simulated clock; the policy's numbers come from sweeping it there (see its header).
//
// - Each refusal holds everything for Retry-After plus a random spread that starts at a minute
//   and doubles per refusal, up to two. A fixed-window limiter tells every refused client
//   "Retry-After: 1"; 2,000 laptops honouring it exactly would all come back in the same
//   second and be refused again, forever. Spread over minutes, the district's probes arrive at
//   a rate the server can refuse cheaply while it serves the computers that got in. A queued
//   ticket waiting a minute costs nobody anything: the caller's SLA clock started at the call.
// - Once throttled, the pump sends one request at a time, about one a second, so many computers
//   each sending a little fill the server's windows evenly instead of a few filling each window
//   in its first tenth and every other request in it being refused.
// - After `calmAfter` accepted requests with no refusal the throttle ends.

export interface ThrottlePolicy {
  /** Spread of the first hold; doubles per refusal up to `capMs`. */
  baseMs: number;
  capMs: number;
  /** Mean interval between requests while throttled (each jittered ±50 %). */
  paceMs: number;
  /** Accepted requests in a row that end the throttle. */
  calmAfter: number;
}

export const THROTTLE_POLICY: ThrottlePolicy = { baseMs: 60_000, capMs: 120_000, paceMs: 1_000, calmAfter: 100 };

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
}

export const UNTHROTTLED: Throttle = { holdUntil: 0, nextSendAt: 0, strikes: 0, calm: 0 };

/** True when an answer says the server is over its rate limit (main's `classifyStatus` sets it). */
export function isThrottle(outcome: DecisionResult): outcome is Extract<DecisionResult, { kind: 'retry' }> {
  return outcome.kind === 'retry' && outcome.throttled === true;
}

/** The earliest time the pump may send (ms). */
export function sendableAt(throttle: Throttle): number {
  return Math.max(throttle.holdUntil, throttle.nextSendAt);
}

/** True while the pump may not claim or send: held by a refusal, or paced. */
export function isHeld(throttle: Throttle, now: number): boolean {
  return now < sendableAt(throttle);
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
  // Answers to requests that left before this hold began are the same refusal, not a new one.
  if (now < throttle.holdUntil) return throttle;
  const strikes = throttle.strikes + 1;
  const floor = Math.min(Math.max(0, retryAfterMs ?? 0), 24 * 3_600_000);
  const spread = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(strikes - 1, 20));
  return { ...throttle, strikes, calm: 0, holdUntil: now + floor + Math.floor(random() * spread) };
}

/** After an accepted request: enough of them in a row end the throttle. */
export function onAnswer(throttle: Throttle, policy: ThrottlePolicy = THROTTLE_POLICY): Throttle {
  if (throttle.strikes === 0) return throttle;
  const calm = throttle.calm + 1;
  return calm >= policy.calmAfter ? { ...UNTHROTTLED, holdUntil: throttle.holdUntil } : { ...throttle, calm };
}

/** After a request leaves while throttled: the next one waits about `paceMs`. */
export function onSend(throttle: Throttle, now: number, random: () => number, policy: ThrottlePolicy = THROTTLE_POLICY): Throttle {
  if (throttle.strikes === 0) return throttle;
  return { ...throttle, nextSendAt: now + Math.floor(policy.paceMs * (0.5 + random())) };
}
