import { DateTime } from 'luxon';
import type { BusinessCalendar } from './calendar-schema';
import { WEEKDAY_KEYS, minutesOfWallTime } from './calendar-schema';
import { holidayEpochDays } from './holidays';
import { epochDayAt, instantAt, localDateOf } from './local-date';

/** Open spans of one local day as [startMs, endMs) instants, after holidays and closures. */
type Spans = ReadonlyArray<readonly [number, number]>;

interface Compiled {
  readonly zone: string;
  /** Index = ISO weekday (1–7); each entry is [openMinute, closeMinute] wall-clock pairs. */
  readonly week: ReadonlyArray<ReadonlyArray<readonly [number, number]>>;
  /** Closures as [startMs, endMs), sorted by start. */
  readonly closures: ReadonlyArray<readonly [number, number]>;
  readonly holidaysByYear: Map<number, Set<number>>;
  readonly days: Map<number, Spans>;
}

/** How far `addBusinessTime` searches before deciding the calendar never opens (ten years). */
const MAX_SEARCH_DAYS = 3660;
/** Day cache bound per calendar; past it the cache restarts (a few KB per thousand days). */
const MAX_CACHED_DAYS = 20_000;

/**
 * Calendars are treated as immutable values: derived data (weekly minutes, parsed closures,
 * holiday sets, per-day open spans) is computed once per calendar object and kept here, which is
 * what makes a per-second countdown over many rows cheap. Reuse the parsed calendar object.
 */
const compiledCalendars = new WeakMap<BusinessCalendar, Compiled>();

function compile(calendar: BusinessCalendar): Compiled {
  const cached = compiledCalendars.get(calendar);
  if (cached) return cached;
  const week = [[], ...WEEKDAY_KEYS.map((k) =>
    (calendar.week[k] ?? []).map((i) => [minutesOfWallTime(i.open), minutesOfWallTime(i.close)] as const),
  )];
  const closures = calendar.closures
    .map((c) => [DateTime.fromISO(c.start).toMillis(), DateTime.fromISO(c.end).toMillis()] as const)
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
  const compiled: Compiled = { zone: calendar.zone, week, closures, holidaysByYear: new Map(), days: new Map() };
  compiledCalendars.set(calendar, compiled);
  return compiled;
}

function isHoliday(calendar: BusinessCalendar, c: Compiled, epochDay: number): boolean {
  const { year } = localDateOf(epochDay);
  let set = c.holidaysByYear.get(year);
  if (!set) {
    set = holidayEpochDays(calendar, year);
    c.holidaysByYear.set(year, set);
  }
  return set.has(epochDay);
}

/** Cuts the closures out of [start, end). Closures are sorted by start, possibly overlapping. */
function withoutClosures(
  start: number,
  end: number,
  closures: Compiled['closures'],
  out: Array<readonly [number, number]>,
): void {
  let cursor = start;
  for (const [cs, ce] of closures) {
    if (ce <= cursor) continue;
    if (cs >= end) break;
    if (cs > cursor) out.push([cursor, cs]);
    cursor = Math.max(cursor, ce);
    if (cursor >= end) return;
  }
  if (cursor < end) out.push([cursor, end]);
}

function spansOn(calendar: BusinessCalendar, c: Compiled, epochDay: number): Spans {
  const cached = c.days.get(epochDay);
  if (cached) return cached;
  const spans: Array<readonly [number, number]> = [];
  if (!isHoliday(calendar, c, epochDay)) {
    for (const [open, close] of c.week[localDateOf(epochDay).weekday] ?? []) {
      const start = instantAt(c.zone, epochDay, open, 'earliest');
      const end = instantAt(c.zone, epochDay, close);
      if (end > start) withoutClosures(start, end, c.closures, spans);
    }
  }
  if (c.days.size >= MAX_CACHED_DAYS) c.days.clear();
  c.days.set(epochDay, spans);
  return spans;
}

function instantOf(date: Date, what: string): number {
  const ms = date.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`SLA ${what}: invalid Date`);
  return ms;
}

/**
 * The instant at which `ms` of business time has elapsed since `start`. Counting starts at
 * `start` if the calendar is open then, else at its next opening; holidays (whole local days)
 * and closures are skipped; open hours are wall-clock, so DST changes move them in UTC. Business
 * time is real elapsed time inside open spans. When the budget runs out exactly at a closing time,
 * that closing instant is the answer (not the next opening). Throws if the calendar has no
 * business time within ten years, rather than looping forever.
 */
export function addBusinessTime(calendar: BusinessCalendar, start: Date, ms: number): Date {
  const t0 = instantOf(start, 'start');
  if (!Number.isFinite(ms) || ms < 0) {
    throw new RangeError(`Business time to add must be a finite, non-negative number of ms, got ${ms}`);
  }
  if (ms === 0) return new Date(t0);
  const c = compile(calendar);
  let remaining = ms;
  const firstDay = epochDayAt(c.zone, t0);
  for (let day = firstDay; day <= firstDay + MAX_SEARCH_DAYS; day++) {
    for (const [s, e] of spansOn(calendar, c, day)) {
      if (e <= t0) continue;
      const from = Math.max(s, t0);
      if (remaining <= e - from) return new Date(from + remaining);
      remaining -= e - from;
    }
  }
  throw new Error(`Calendar "${calendar.name}" has no business time within ten years of ${start.toISOString()}`);
}

/**
 * Business milliseconds between two instants: the part of [from, to) inside open spans. Negative
 * when `to` is before `from` (the same amount with the sign flipped), so `remaining = target −
 * elapsed` stays one subtraction. Walks local days, not minutes: cost grows with the number of
 * days spanned, and days already seen come from a per-calendar cache.
 */
export function businessMsBetween(calendar: BusinessCalendar, from: Date, to: Date): number {
  const a = instantOf(from, 'from');
  const b = instantOf(to, 'to');
  if (b < a) return -businessMsBetween(calendar, to, from);
  const c = compile(calendar);
  const lastDay = epochDayAt(c.zone, b);
  let total = 0;
  for (let day = epochDayAt(c.zone, a); day <= lastDay; day++) {
    for (const [s, e] of spansOn(calendar, c, day)) {
      const lo = Math.max(s, a);
      const hi = Math.min(e, b);
      if (hi > lo) total += hi - lo;
    }
  }
  return total;
}
