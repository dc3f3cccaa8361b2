import type { BusinessCalendar } from './calendar-schema';
import type { HolidayRule, ObservedHoliday } from './holiday-schema';
import { epochDayOf, isoDateOf, localDateOf } from './local-date';

interface Occurrence {
  readonly day: number;
  readonly name: string;
}

const SATURDAY = 6;
const SUNDAY = 7;

function isWeekend(day: number): boolean {
  const { weekday } = localDateOf(day);
  return weekday === SATURDAY || weekday === SUNDAY;
}

function stepWeekdays(from: number, offset: number): number {
  const sign = Math.sign(offset);
  let day = from;
  for (let left = Math.abs(offset); left > 0; left--) {
    day += sign;
    while (isWeekend(day)) day += sign;
  }
  return day;
}

function nthWeekday(year: number, month: number, weekday: number, n: number): number | undefined {
  if (n === -1) {
    const last = epochDayOf(year, month + 1, 0);
    return last - ((localDateOf(last).weekday - weekday + 7) % 7);
  }
  const first = epochDayOf(year, month, 1);
  const day = first + ((weekday - localDateOf(first).weekday + 7) % 7) + 7 * (n - 1);
  return localDateOf(day).month === month ? day : undefined;
}

/** Where one rule falls in one rule year, given the rules before it; undefined if it does not occur. */
function occurrence(rule: HolidayRule, year: number, earlier: ReadonlyMap<string, Occurrence>): Occurrence | undefined {
  switch (rule.kind) {
    case 'date': {
      const day = epochDayOf(Number(rule.date.slice(0, 4)), Number(rule.date.slice(5, 7)), Number(rule.date.slice(8, 10)));
      return localDateOf(day).year === year ? { day, name: rule.name } : undefined;
    }
    case 'fixed': {
      const actual = epochDayOf(year, rule.month, rule.day);
      if (localDateOf(actual).month !== rule.month) return undefined; // Feb 29 in a common year
      if (rule.observed === 'none') return { day: actual, name: rule.name };
      const weekday = localDateOf(actual).weekday;
      if (weekday === SATURDAY) return { day: actual - 1, name: `${rule.name} (observed)` };
      if (weekday === SUNDAY) return { day: actual + 1, name: `${rule.name} (observed)` };
      return { day: actual, name: rule.name };
    }
    case 'nth-weekday': {
      const day = nthWeekday(year, rule.month, rule.weekday, rule.n);
      return day === undefined ? undefined : { day, name: rule.name };
    }
    case 'relative': {
      const base = earlier.get(rule.of);
      if (base === undefined) return undefined;
      const day = rule.count === 'weekdays' ? stepWeekdays(base.day, rule.offset) : base.day + rule.offset;
      return { day, name: rule.name };
    }
  }
}

function occurrencesIn(calendar: BusinessCalendar, year: number): Occurrence[] {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) {
    throw new RangeError(`Holiday year: a four-digit year, got ${year}`);
  }
  const found: Occurrence[] = [];
  // An observed date can leave its rule year (New Year's Day on a Saturday is observed on
  // December 31), so rule years either side are evaluated and filtered by the observed date.
  for (let ruleYear = year - 1; ruleYear <= year + 1; ruleYear++) {
    const byId = new Map<string, Occurrence>();
    for (const rule of calendar.holidays) {
      const hit = occurrence(rule, ruleYear, byId);
      if (hit === undefined) continue;
      byId.set(rule.id, hit);
      if (localDateOf(hit.day).year === year) found.push(hit);
    }
  }
  return found.sort((a, b) => a.day - b.day || a.name.localeCompare(b.name));
}

/**
 * The observed holidays of `calendar` whose observed date falls in `year`, sorted by date. A
 * shifted fixed holiday carries " (observed)" in its name. Two rules landing on one date are both
 * listed. For the settings UI and tests; SLA arithmetic uses the same dates. Throws a RangeError
 * for a year that is not a four-digit integer (dates are `YYYY-MM-DD`).
 */
export function holidaysInYear(calendar: BusinessCalendar, year: number): ObservedHoliday[] {
  return occurrencesIn(calendar, year).map((o) => ({ date: isoDateOf(o.day), name: o.name }));
}

/** The observed holiday dates of `year` as epoch days, for the business-time arithmetic. */
export function holidayEpochDays(calendar: BusinessCalendar, year: number): Set<number> {
  return new Set(occurrencesIn(calendar, year).map((o) => o.day));
}
