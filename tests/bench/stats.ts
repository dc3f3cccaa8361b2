/**
 * The few statistics the benchmarks report. Quantiles use the nearest-rank method, so a p95 is
 * always one of the measured values, never an interpolation between two.
 */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) throw new RangeError('quantile of no values');
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile ${q} is outside [0, 1]`);
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[rank - 1] ?? Number.NaN;
}

/** The median (the lower middle value for an even count, by nearest rank). */
export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

/** The 95th percentile by nearest rank. */
export function p95(values: readonly number[]): number {
  return quantile(values, 0.95);
}

/** `12.3` → `"12.30"`: fixed decimals for the report. */
export function fixed(value: number, digits = 2): string {
  return Number.isFinite(value) ? value.toFixed(digits) : String(value);
}

/** A headline figure: two decimals, or three significant digits below 1 (`0.00512`). */
export function figure(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return Math.abs(value) >= 1 || value === 0 ? value.toFixed(2) : value.toPrecision(3);
}
