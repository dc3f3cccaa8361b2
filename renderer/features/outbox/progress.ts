// Progress while the outbox drains: how many of this drain's tickets have gone, of how many, and
// about how long the rest will take. Pure; QueueScreen keeps the samples.

/** The delivered count seen at one moment. */
export interface DrainSample {
  at: number;
  delivered: number;
}

export interface DrainProgress {
  /** Delivered since this drain began, and that plus what still waits. */
  sent: number;
  total: number;
  /** Estimated ms until nothing waits; null until there is a rate to go on. */
  remainingMs: number | null;
}

/** How far back the rate looks: long enough to smooth a burst, short enough to follow a change. */
export const RATE_WINDOW_MS = 30_000;

/** Adds `sample`, dropping those older than the window (the newest older one is kept as the rate's start). */
export function addSample(samples: readonly DrainSample[], sample: DrainSample, windowMs = RATE_WINDOW_MS): DrainSample[] {
  const next = [...samples, sample];
  let first = 0;
  while (first + 1 < next.length && next[first + 1]!.at <= sample.at - windowMs) first++;
  return next.slice(first);
}

/**
 * Progress of the drain that began at `samples[0]`'s count (`baseline`), with `waiting` left.
 * The estimate is the remaining count over the recent delivery rate; with no delivery in the
 * window (offline, held by the server) there is no honest estimate, so none is given.
 */
export function drainProgress(baseline: number, samples: readonly DrainSample[], waiting: number): DrainProgress {
  const last = samples.at(-1);
  const sent = Math.max(0, (last?.delivered ?? baseline) - baseline);
  const first = samples[0];
  let remainingMs: number | null = null;
  if (first && last && last.at > first.at && last.delivered > first.delivered) {
    const perMs = (last.delivered - first.delivered) / (last.at - first.at);
    remainingMs = waiting / perMs;
  }
  return { sent, total: sent + waiting, remainingMs };
}
