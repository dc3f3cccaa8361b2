import { z } from 'zod';
import { addBusinessTime, businessMsBetween } from './calendar';
import { businessCalendarSchema, businessDayMinutesOf } from './calendar-schema';
import type { Priority } from './priority';
import { prioritySchema } from './priority';

/**
 * A response target measured in business time. A business day is `businessDayMinutesOf(calendar)`
 * minutes of open time, not "the same time on the next open day", so days and hours add up the
 * same way and remaining time is one number.
 */
export const slaTargetSchema = z.object({
  amount: z.number().positive('Target: must be more than 0').max(1000, 'Target: at most 1000'),
  unit: z.enum(['business-hours', 'business-days']),
});
/** One priority's target, e.g. `{ amount: 4, unit: 'business-hours' }`. */
export type SlaTarget = z.infer<typeof slaTargetSchema>;

/** A calendar plus one target per priority (every priority must have one). */
export const slaPolicySchema = z.object({
  id: z.string().trim().min(1, 'Policy id: required').max(80),
  name: z.string().trim().min(1, 'Policy name: required').max(120),
  calendar: businessCalendarSchema,
  targets: z.record(prioritySchema, slaTargetSchema),
});
/** A validated policy; its calendar is shared by all four targets. */
export type SlaPolicy = z.infer<typeof slaPolicySchema>;
/** A policy as a settings form supplies it, before calendar defaults are applied. */
export type SlaPolicyInput = z.input<typeof slaPolicySchema>;

/** At or below this fraction of the target left, a clock shows `warning`. */
export const SLA_WARNING_FRACTION = 0.25;

/** One priority's target of `policy` in business milliseconds. */
export function targetMs(policy: SlaPolicy, priority: Priority): number {
  const { amount, unit } = policy.targets[priority];
  const minutes = unit === 'business-hours' ? 60 : businessDayMinutesOf(policy.calendar);
  return amount * minutes * 60_000;
}

/**
 * When a ticket of `priority` opened at `start` is due: the target added in business time of the
 * policy's calendar (see `addBusinessTime` for how closed time, holidays and DST are handled).
 * Computed, never the only stored truth, so a corrected calendar corrects every due time.
 */
export function dueAt(policy: SlaPolicy, priority: Priority, start: Date): Date {
  return addBusinessTime(policy.calendar, start, targetMs(policy, priority));
}

/** What a live countdown shows for one ticket at one moment. */
export interface SlaClock {
  readonly dueAt: Date;
  /**
   * Business ms left: target minus business time elapsed since `start`. Zero at the due instant
   * and negative as overdue business time accrues; while the calendar is closed after a missed
   * deadline it stays where it was (0 over the weekend after a Friday-evening deadline).
   */
  readonly remainingMs: number;
  /** remainingMs / target, clamped to [0, 1], for progress bars. */
  readonly fractionRemaining: number;
  /**
   * `breached` once `now` is after `dueAt` (wall clock, so it holds over closed time too);
   * otherwise `warning` at or below 25 % of the target left; otherwise `ok`.
   */
  readonly state: 'ok' | 'warning' | 'breached';
}

/**
 * The countdown for a ticket of `priority` opened at `start`, as of `now` (injected, never read
 * from a global clock). Cheap enough to call every second per visible row: it walks the days
 * between `start`, `now` and the due time, which the calendar's day cache serves after the first
 * call. A `now` before `start` (clock skew) reads as nothing elapsed.
 */
export function slaClock(policy: SlaPolicy, priority: Priority, start: Date, now: Date): SlaClock {
  const target = targetMs(policy, priority);
  const due = addBusinessTime(policy.calendar, start, target);
  const elapsed = Math.max(0, businessMsBetween(policy.calendar, start, now));
  const remainingMs = target - elapsed;
  const fractionRemaining = Math.min(1, Math.max(0, remainingMs / target));
  const state = now.getTime() > due.getTime() ? 'breached' : fractionRemaining <= SLA_WARNING_FRACTION ? 'warning' : 'ok';
  return { dueAt: due, remainingMs, fractionRemaining, state };
}
