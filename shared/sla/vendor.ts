import type { BusinessCalendar } from './calendar-schema';
import type { SlaPolicy } from './policy';

const WEEKDAY_HOURS = [{ open: '06:00', close: '18:00' }];
const ALL_DAY = [{ open: '00:00', close: '24:00' }];

/** Freezes a constant all the way down: the SLA day cache assumes calendars never change. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

/**
 * Infinite Campus support ("Working With Support"): Monday–Friday 06:00–18:00 Central Time, closed
 * on its nine observed holidays. The seed names the holidays but not how weekend dates are
 * observed, so Deskbook decides, and the settings UI shows the result (`holidaysInYear`):
 *
 * - New Year's Day, Juneteenth, Independence Day and Christmas Day follow the US federal rule:
 *   Saturday → the Friday before, Sunday → the Monday after. New Year's Day on a Saturday is
 *   therefore observed on Friday, December 31 of the year before (2027-12-31 for 2028).
 * - Memorial Day (last Monday of May), Labor Day (1st Monday of September) and Thanksgiving (4th
 *   Thursday of November) always fall on weekdays; the day after Thanksgiving is the Friday after.
 * - Christmas Eve is the weekday before Christmas Day as observed, so the two are always two
 *   consecutive weekdays: Dec 24 on Fri + Dec 25 on Sat (2027) → Thu Dec 23 and Fri Dec 24;
 *   Dec 24 on Sat + Dec 25 on Sun (2022) → Fri Dec 23 and Mon Dec 26; Dec 24 on Sun + Dec 25 on
 *   Mon (2023) → Fri Dec 22 and Mon Dec 25; any other year → the actual Dec 24 and Dec 25.
 *
 * The vendor may close differently in a given year; a one-off difference belongs in `closures`.
 */
export const VENDOR_SUPPORT_CALENDAR: BusinessCalendar = deepFreeze({
  id: 'vendor-infinite-campus',
  name: 'Infinite Campus Support',
  zone: 'America/Chicago',
  week: { '1': WEEKDAY_HOURS, '2': WEEKDAY_HOURS, '3': WEEKDAY_HOURS, '4': WEEKDAY_HOURS, '5': WEEKDAY_HOURS },
  holidays: [
    { kind: 'fixed', id: 'new-years-day', name: "New Year's Day", month: 1, day: 1, observed: 'nearest-weekday' },
    { kind: 'nth-weekday', id: 'memorial-day', name: 'Memorial Day', month: 5, weekday: 1, n: -1 },
    { kind: 'fixed', id: 'juneteenth', name: 'Juneteenth', month: 6, day: 19, observed: 'nearest-weekday' },
    { kind: 'fixed', id: 'independence-day', name: 'Independence Day', month: 7, day: 4, observed: 'nearest-weekday' },
    { kind: 'nth-weekday', id: 'labor-day', name: 'Labor Day', month: 9, weekday: 1, n: 1 },
    { kind: 'nth-weekday', id: 'thanksgiving', name: 'Thanksgiving', month: 11, weekday: 4, n: 4 },
    { kind: 'relative', id: 'day-after-thanksgiving', name: 'Day after Thanksgiving', of: 'thanksgiving', offset: 1, count: 'days' },
    { kind: 'fixed', id: 'christmas-day', name: 'Christmas Day', month: 12, day: 25, observed: 'nearest-weekday' },
    { kind: 'relative', id: 'christmas-eve', name: 'Christmas Eve', of: 'christmas-day', offset: -1, count: 'weekdays' },
  ],
  closures: [],
  businessDayMinutes: 720,
});

/**
 * The vendor's response targets: Critical 1 business hour, High 4, Medium 1 business day, Low 2
 * business days, where a business day is the vendor's 12 open hours (06:00–18:00), so Medium
 * opened Tuesday 10:00 CT is due Wednesday 10:00 CT.
 */
export const VENDOR_SUPPORT_POLICY: SlaPolicy = deepFreeze({
  id: 'vendor-infinite-campus',
  name: 'Infinite Campus Support response targets',
  calendar: VENDOR_SUPPORT_CALENDAR,
  targets: {
    critical: { amount: 1, unit: 'business-hours' },
    high: { amount: 4, unit: 'business-hours' },
    medium: { amount: 1, unit: 'business-days' },
    low: { amount: 2, unit: 'business-days' },
  },
});

/**
 * Campus Hosting Support for outages ("24/7 Hosting Support is available for outages"; phone menu
 * option 8, "24/7 assistance for Campus Hosted customers"): open every hour of every day, no
 * holidays. A business day on this clock is 24 hours, so "1 business day" is a day of wall time.
 */
export const VENDOR_HOSTING_CALENDAR: BusinessCalendar = deepFreeze({
  id: 'vendor-infinite-campus-hosting',
  name: 'Infinite Campus Hosting Support (24/7)',
  zone: 'America/Chicago',
  week: { '1': ALL_DAY, '2': ALL_DAY, '3': ALL_DAY, '4': ALL_DAY, '5': ALL_DAY, '6': ALL_DAY, '7': ALL_DAY },
  holidays: [],
  closures: [],
  businessDayMinutes: 1440,
});

/**
 * The vendor's clock for an outage of a Campus Hosted site. The seed gives no separate targets for
 * outages, only that Hosting Support answers them 24/7, so Deskbook keeps the matrix's amounts and
 * counts them around the clock: a Critical outage reported Saturday 02:00 CT is due 03:00 CT.
 */
export const VENDOR_HOSTED_OUTAGE_POLICY: SlaPolicy = deepFreeze({
  id: 'vendor-infinite-campus-hosting',
  name: 'Infinite Campus Hosting Support (24/7, outages)',
  calendar: VENDOR_HOSTING_CALENDAR,
  targets: {
    critical: { amount: 1, unit: 'business-hours' },
    high: { amount: 4, unit: 'business-hours' },
    medium: { amount: 1, unit: 'business-days' },
    low: { amount: 2, unit: 'business-days' },
  },
});

/**
 * The vendor policy an escalation's vendor clock runs on: the 24/7 Hosting Support clock for an
 * outage of a hosted site, the business-hours calendar for everything else. The one place that
 * choice is made; every vendor clock (review, drafting) asks here.
 */
export function vendorPolicyFor(draft: { readonly hostedOutage?: boolean }): SlaPolicy {
  return draft.hostedOutage === true ? VENDOR_HOSTED_OUTAGE_POLICY : VENDOR_SUPPORT_POLICY;
}
