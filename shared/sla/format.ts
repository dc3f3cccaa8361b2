/**
 * Short text for a business duration, for countdown cells: the largest non-zero unit of days,
 * hours and minutes and, if not zero, the unit below it ("1d 2h", "3h 20m", "45m", "2d", "4h";
 * 1 day 0 hours 5 minutes is "1d"), truncated toward zero to whole
 * minutes so a countdown never shows more time than is left; under a minute reads "0m". Negative
 * durations (overdue) get a leading "-" ("-1h 5m").
 *
 * A "d" is one business day of `businessDayMinutes` (pass `businessDayMinutesOf(calendar)`; 720
 * for the vendor, so 13 business hours is "1d 1h"). Without it, no days are shown and hours run
 * past 24 ("27h 5m"), because a 24-hour "day" of business time would mislead.
 */
export function formatBusinessDuration(ms: number, businessDayMinutes?: number): string {
  if (!Number.isFinite(ms)) throw new RangeError(`Duration must be a finite number of ms, got ${ms}`);
  const sign = ms < 0 ? '-' : '';
  let minutes = Math.floor(Math.abs(ms) / 60_000);
  const dayMinutes = businessDayMinutes !== undefined && businessDayMinutes > 0 ? businessDayMinutes : undefined;
  const days = dayMinutes === undefined ? 0 : Math.floor(minutes / dayMinutes);
  minutes -= days * (dayMinutes ?? 0);
  const hours = Math.floor(minutes / 60);
  minutes -= hours * 60;
  const units = [`${days}d`, `${hours}h`, `${minutes}m`];
  const values = [days, hours, minutes];
  const first = values.findIndex((v) => v > 0);
  if (first === -1) return '0m';
  const shown = [units[first]];
  if ((values[first + 1] ?? 0) > 0) shown.push(units[first + 1]);
  return sign + shown.join(' ');
}
