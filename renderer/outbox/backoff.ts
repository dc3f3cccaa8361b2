export const BACKOFF_BASE_MS = 1_000;
export const BACKOFF_CAP_MS = 5 * 60_000;

/**
 * "Full jitter" backoff: a uniformly random delay between 0 and min(cap, base · 2^(attempt-1)),
 * so a hundred laptops coming back online at once do not retry in lockstep. A server's
 * Retry-After wins over the computed delay.
 */
export function backoffDelay(attempt: number, random: () => number, retryAfterMs?: number): number {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, 24 * 3_600_000);
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, Math.min(attempt - 1, 20)));
  return Math.floor(random() * ceiling);
}
