import { DateTime, IANAZone } from 'luxon';
import { z } from 'zod';
import { holidayRulesSchema } from './holiday-schema';

/**
 * An IANA time-zone name that luxon (through the runtime's Intl data) can resolve. Fixed offsets
 * such as "+06:00" are refused: open hours are wall-clock times, and only a named zone knows its
 * daylight-saving rules.
 */
export const ianaZoneSchema = z.string().superRefine((zone, ctx) => {
  if (!IANAZone.isValidZone(zone)) {
    ctx.addIssue({
      code: 'custom',
      message: `Time zone: "${zone}" is not an IANA time zone name such as "America/Chicago"`,
    });
  }
});

const HH_MM = /^(?:[01]\d|2[0-3]):[0-5]\d$/;

/** Minutes after local midnight of an 'HH:mm' (or '24:00') wall time. */
export function minutesOfWallTime(hhmm: string): number {
  const [h, m] = hhmm.split(':');
  return Number(h) * 60 + Number(m);
}

/**
 * One open stretch of a day in local wall-clock time. `close` may be "24:00" (open until
 * midnight); an overnight shift is written as two intervals on two weekdays.
 */
export const openIntervalSchema = z
  .object({
    open: z.string().regex(HH_MM, 'Open: use HH:mm, e.g. 06:00'),
    close: z.string().regex(/^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/, 'Close: use HH:mm (or 24:00), e.g. 18:00'),
  })
  .refine((i) => minutesOfWallTime(i.open) < minutesOfWallTime(i.close), {
    error: 'Open interval: close must be later than open on the same day',
    path: ['close'],
  });
/** An open interval as stored: `open`/`close` wall times, `close` later than `open`. */
export type OpenInterval = z.infer<typeof openIntervalSchema>;

const dayIntervalsSchema = z.array(openIntervalSchema).superRefine((intervals, ctx) => {
  for (let i = 1; i < intervals.length; i++) {
    const prev = intervals[i - 1];
    const cur = intervals[i];
    if (prev && cur && minutesOfWallTime(cur.open) < minutesOfWallTime(prev.close)) {
      ctx.addIssue({
        code: 'custom',
        path: [i, 'open'],
        message: 'Open intervals: list them in order without overlaps',
      });
    }
  }
});

/** ISO weekday keys, "1" = Monday … "7" = Sunday; a missing day is closed. */
export const WEEKDAY_KEYS = ['1', '2', '3', '4', '5', '6', '7'] as const;

/** Weekly open hours keyed by ISO weekday. */
export const weekSchema = z.partialRecord(z.enum(WEEKDAY_KEYS), dayIntervalsSchema);
/** Weekly open hours as stored; a missing weekday key means closed all day. */
export type Week = z.infer<typeof weekSchema>;

const instantSchema = z.iso.datetime({
  offset: true,
  error: 'Closure: use an ISO instant with Z or an offset, e.g. 2027-01-06T06:00:00.000Z',
});

/**
 * A one-off closure between two instants (snow day, building outage, an imported ICS event).
 * Instants rather than dates so a half-day closure is expressible; `end` is exclusive.
 */
export const closureSchema = z
  .object({ start: instantSchema, end: instantSchema, reason: z.string().trim().min(1, 'Closure: give a reason').max(200) })
  .refine((c) => DateTime.fromISO(c.end).toMillis() > DateTime.fromISO(c.start).toMillis(), {
    error: 'Closure: end must be after start',
    path: ['end'],
  });
/** A closure as stored: ISO instants (`end` exclusive) and a reason shown in the UI. */
export type Closure = z.infer<typeof closureSchema>;

/**
 * A business calendar: where its clocks hang (`zone`), when it is open each week, which days are
 * holidays, and one-off closures. `businessDayMinutes` is how long "1 business day" lasts; when
 * absent it is the length of the most common open weekday (see `businessDayMinutesOf`).
 */
export const businessCalendarSchema = z
  .object({
    id: z.string().trim().min(1, 'Calendar id: required').max(80),
    name: z.string().trim().min(1, 'Calendar name: required').max(120),
    zone: ianaZoneSchema,
    week: weekSchema,
    holidays: holidayRulesSchema.default([]),
    closures: z.array(closureSchema).default([]),
    businessDayMinutes: z
      .int()
      .min(1, 'Business day: at least 1 minute')
      .max(1440, 'Business day: at most 1440 minutes')
      .optional(),
  })
  .refine((c) => WEEKDAY_KEYS.some((k) => (c.week[k]?.length ?? 0) > 0), {
    error: 'Week: open at least one interval, or no SLA could ever come due',
    path: ['week'],
  });
/** A validated calendar (defaults filled in); treat it as immutable, the SLA day cache keys on it. */
export type BusinessCalendar = z.infer<typeof businessCalendarSchema>;
/** What a settings form or an import may supply before defaults are applied. */
export type BusinessCalendarInput = z.input<typeof businessCalendarSchema>;

/**
 * Minutes in one business day of `calendar`: its `businessDayMinutes`, else the open length of
 * its most common open weekday (ties go to the longer day). 720 for the vendor (06:00–18:00).
 * A "business-days" target is this many business minutes per day, so Medium from Tuesday 10:00
 * lands on Wednesday 10:00 when days are uniform.
 */
export function businessDayMinutesOf(calendar: BusinessCalendar): number {
  if (calendar.businessDayMinutes !== undefined) return calendar.businessDayMinutes;
  const counts = new Map<number, number>();
  for (const key of WEEKDAY_KEYS) {
    const intervals = calendar.week[key] ?? [];
    const minutes = intervals.reduce((sum, i) => sum + minutesOfWallTime(i.close) - minutesOfWallTime(i.open), 0);
    if (minutes > 0) counts.set(minutes, (counts.get(minutes) ?? 0) + 1);
  }
  let best = 0;
  let bestCount = 0;
  for (const [minutes, count] of counts) {
    if (count > bestCount || (count === bestCount && minutes > best)) {
      best = minutes;
      bestCount = count;
    }
  }
  return best;
}
