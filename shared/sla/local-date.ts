import { DateTime } from 'luxon';

/**
 * Calendar-date arithmetic for SLA code. A local date is counted as an "epoch day" (days since
 * 1970-01-01 in the proleptic Gregorian calendar), so stepping a day is `+ 1` and lookups key on a
 * number. `Date.UTC` is used only as a calendar counter here, never to read a clock or an offset:
 * every date ↔ instant conversion goes through luxon and the calendar's IANA zone.
 */

const MS_PER_DAY = 86_400_000;

/** A calendar date with its ISO weekday (1 = Monday … 7 = Sunday). */
export interface LocalDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly weekday: number;
}

/**
 * Epoch day of a calendar date. Out-of-range parts roll over (month 13 = January of the next
 * year, day 0 = last day of the previous month), which the holiday rules rely on.
 */
export function epochDayOf(year: number, month: number, day: number): number {
  return Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

/** The calendar date and ISO weekday of an epoch day. */
export function localDateOf(epochDay: number): LocalDate {
  const d = new Date(epochDay * MS_PER_DAY);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    weekday: ((d.getUTCDay() + 6) % 7) + 1,
  };
}

/** `YYYY-MM-DD` of an epoch day, the format used by holiday lists and date rules. */
export function isoDateOf(epochDay: number): string {
  const { year, month, day } = localDateOf(epochDay);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The local date (as an epoch day) on which an instant falls in `zone`. */
export function epochDayAt(zone: string, ms: number): number {
  const local = DateTime.fromMillis(ms, { zone });
  return epochDayOf(local.year, local.month, local.day);
}

/**
 * The instant of a wall-clock time (`minute` minutes after local midnight, 0–1440) on an epoch
 * day in `zone`. 1440 means the next day's midnight, so an interval closing at "24:00" ends when
 * the next local day begins, however long DST made this one. A wall time that occurs twice (the
 * fall-back hour) resolves to its first occurrence for `earliest` (an opening: the desk opens the
 * first time the clock shows it) and to its second otherwise (a closing: open through both), so
 * a span covers every instant whose wall time is inside it. A wall time that does not exist
 * (the spring-forward gap) resolves as luxon resolves it.
 */
export function instantAt(zone: string, epochDay: number, minute: number, occurrence: 'earliest' | 'latest' = 'latest'): number {
  const dayOffset = Math.floor(minute / 1440);
  const rest = minute - dayOffset * 1440;
  const { year, month, day } = localDateOf(epochDay + dayOffset);
  const resolved = DateTime.fromObject({ year, month, day, hour: Math.floor(rest / 60), minute: rest % 60 }, { zone }).toMillis();
  // The wall time read as if it were UTC; each offset the zone has around it gives one candidate.
  const wall = Date.UTC(year, month - 1, day, Math.floor(rest / 60), rest % 60);
  const offsetAt = (ms: number) => DateTime.fromMillis(ms, { zone }).offset;
  const candidates = [offsetAt(resolved - 86_400_000), offsetAt(resolved + 86_400_000)]
    .map((offset) => wall - offset * 60_000)
    .filter((ms) => wall - offsetAt(ms) * 60_000 === ms);
  if (candidates.length === 0) return resolved;
  return occurrence === 'earliest' ? Math.min(resolved, ...candidates) : Math.max(resolved, ...candidates);
}
