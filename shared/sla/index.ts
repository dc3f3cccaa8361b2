/**
 * SLA clocks: business calendars (IANA zone, weekly open hours, holidays, closures), response
 * targets per priority, and the arithmetic that turns them into due times and live countdowns.
 * Pure and runtime-neutral (luxon, zod, ical.js only); time is always passed in.
 */
export { PRIORITIES, VENDOR_PRIORITY_MATRIX, prioritySchema } from './priority';
export type { Priority, PriorityMatrixRow } from './priority';
export {
  isoDateSchema,
  isoWeekdaySchema,
  dateHolidaySchema,
  fixedHolidaySchema,
  nthWeekdayHolidaySchema,
  relativeHolidaySchema,
  holidayRuleSchema,
  holidayRulesSchema,
  observedHolidaySchema,
} from './holiday-schema';
export type { HolidayRule, HolidayRuleInput, ObservedHoliday } from './holiday-schema';
export {
  WEEKDAY_KEYS,
  businessCalendarSchema,
  businessDayMinutesOf,
  closureSchema,
  ianaZoneSchema,
  openIntervalSchema,
  weekSchema,
} from './calendar-schema';
export type { BusinessCalendar, BusinessCalendarInput, Closure, OpenInterval, Week } from './calendar-schema';
export { holidaysInYear } from './holidays';
export { addBusinessTime, businessMsBetween } from './calendar';
export { SLA_WARNING_FRACTION, dueAt, slaClock, slaPolicySchema, slaTargetSchema, targetMs } from './policy';
export type { SlaClock, SlaPolicy, SlaPolicyInput, SlaTarget } from './policy';
export { VENDOR_HOSTED_OUTAGE_POLICY, VENDOR_HOSTING_CALENDAR, VENDOR_SUPPORT_CALENDAR, VENDOR_SUPPORT_POLICY, vendorPolicyFor } from './vendor';
export { parseIcsClosures } from './ics';
export { formatBusinessDuration } from './format';
