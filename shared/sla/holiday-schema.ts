import { DateTime } from 'luxon';
import { z } from 'zod';

/** Days per month in a leap year: the most a fixed rule may name (Feb 29 only exists in leap years). */
const MAX_DAY = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/**
 * A `YYYY-MM-DD` calendar date that exists (no 2026-02-30). Dates, not instants: a holiday is a
 * whole local day in its calendar's zone.
 */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Date: use YYYY-MM-DD, e.g. 2026-11-27')
  .refine((v) => DateTime.fromISO(v).isValid, { error: 'Date: no such calendar day' });

/** ISO weekday number: 1 = Monday … 7 = Sunday (luxon's and ISO 8601's numbering). */
export const isoWeekdaySchema = z.int().min(1, 'Weekday: 1 (Monday) to 7 (Sunday)').max(7, 'Weekday: 1 (Monday) to 7 (Sunday)');

const ruleBase = {
  /** Stable key; `relative` rules point at it, so renaming a holiday does not break them. */
  id: z.string().trim().min(1, 'Holiday id: required').max(60),
  /** Shown in settings and in `holidaysInYear`. */
  name: z.string().trim().min(1, 'Holiday name: required').max(80),
};

/** A one-off closed day, e.g. a district's make-up day. */
export const dateHolidaySchema = z.object({ kind: z.literal('date'), ...ruleBase, date: isoDateSchema });

/**
 * The same month/day every year. `observed: 'nearest-weekday'` follows the US federal rule
 * (5 U.S.C. 6103): a Saturday holiday is observed on the Friday before, a Sunday one on the
 * Monday after; this can move New Year's Day to December 31 of the year before. `'none'` keeps
 * the actual date even on a weekend. A Feb 29 rule applies in leap years only.
 */
export const fixedHolidaySchema = z
  .object({
    kind: z.literal('fixed'),
    ...ruleBase,
    month: z.int().min(1, 'Month: 1 to 12').max(12, 'Month: 1 to 12'),
    day: z.int().min(1, 'Day: 1 to 31').max(31, 'Day: 1 to 31'),
    observed: z.enum(['none', 'nearest-weekday']).default('none'),
  })
  .refine((r) => r.day <= (MAX_DAY[r.month - 1] ?? 31), {
    error: 'Day: that month has fewer days',
    path: ['day'],
  });

/**
 * The nth given weekday of a month (Thanksgiving: 4th Thursday of November); `n: -1` is the last
 * one (Memorial Day). A 5th weekday that a month lacks in some year is simply absent that year.
 */
export const nthWeekdayHolidaySchema = z.object({
  kind: z.literal('nth-weekday'),
  ...ruleBase,
  month: z.int().min(1, 'Month: 1 to 12').max(12, 'Month: 1 to 12'),
  weekday: isoWeekdaySchema,
  n: z.union([z.literal(-1), z.int().min(1).max(5)], { error: 'n: 1 to 5, or -1 for the last' }),
});

/**
 * A day placed relative to another rule's observed date in the same rule year, e.g. the day after
 * Thanksgiving (`of: 'thanksgiving', offset: 1`). With `count: 'weekdays'` Saturdays and Sundays
 * are stepped over, so "the weekday before Christmas (observed)" is `offset: -1, count: 'weekdays'`.
 * `of` must name a rule listed earlier, which keeps references acyclic.
 */
export const relativeHolidaySchema = z.object({
  kind: z.literal('relative'),
  ...ruleBase,
  of: z.string().trim().min(1, 'Relative holiday: name the rule it follows'),
  offset: z.int().min(-31).max(31).refine((n) => n !== 0, { error: 'Offset: must not be 0' }),
  count: z.enum(['days', 'weekdays']).default('days'),
});

/** Any holiday rule; `kind` tells them apart. */
export const holidayRuleSchema = z.discriminatedUnion('kind', [
  dateHolidaySchema,
  fixedHolidaySchema,
  nthWeekdayHolidaySchema,
  relativeHolidaySchema,
]);
/** A validated holiday rule (defaults such as `observed: 'none'` filled in). */
export type HolidayRule = z.infer<typeof holidayRuleSchema>;
/** A holiday rule as a form or fixture may write it, defaults optional. */
export type HolidayRuleInput = z.input<typeof holidayRuleSchema>;

/**
 * A list of rules whose ids are unique and whose `relative` rules each point at an earlier rule.
 * Checked here so `holidaysInYear` never meets a dangling or circular reference.
 */
export const holidayRulesSchema = z.array(holidayRuleSchema).superRefine((rules, ctx) => {
  const seen = new Set<string>();
  rules.forEach((rule, i) => {
    if (seen.has(rule.id)) {
      ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `Holiday id: "${rule.id}" is used twice` });
    }
    if (rule.kind === 'relative' && !seen.has(rule.of)) {
      ctx.addIssue({
        code: 'custom',
        path: [i, 'of'],
        message: `Relative holiday "${rule.name}": "${rule.of}" must be the id of a rule listed before it`,
      });
    }
    seen.add(rule.id);
  });
});

/** One observed holiday in a year, as the settings UI lists it. */
export const observedHolidaySchema = z.object({ date: isoDateSchema, name: z.string() });
/** `{ date: 'YYYY-MM-DD', name }`, e.g. `{ date: '2026-07-03', name: 'Independence Day (observed)' }`. */
export type ObservedHoliday = z.infer<typeof observedHolidaySchema>;
