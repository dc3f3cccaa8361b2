import { describe, expect, it } from 'vitest';
import type { HolidayRuleInput } from './holiday-schema';
import { businessCalendarSchema } from './calendar-schema';
import { holidaysInYear } from './holidays';
import { VENDOR_SUPPORT_CALENDAR } from './vendor';

function calendarWith(holidays: HolidayRuleInput[]) {
  return businessCalendarSchema.parse({
    id: 't',
    name: 'Test',
    zone: 'America/Chicago',
    week: { '1': [{ open: '08:00', close: '16:00' }] },
    holidays,
  });
}

describe('vendor holidays', () => {
  it('lists the nine observed holidays of 2026, Independence Day moved off its Saturday', () => {
    // 2026 starts on a Thursday. May 31 is a Sunday → last Monday May 25. Jun 19 is a Friday.
    // Jul 4 is a Saturday → Friday Jul 3. Sep 1 is a Tuesday → first Monday Sep 7. Nov 1 is a
    // Sunday → Thursdays 5, 12, 19, 26 → Thanksgiving Nov 26. Dec 25 is a Friday, Dec 24 Thursday.
    expect(holidaysInYear(VENDOR_SUPPORT_CALENDAR, 2026)).toEqual([
      { date: '2026-01-01', name: "New Year's Day" },
      { date: '2026-05-25', name: 'Memorial Day' },
      { date: '2026-06-19', name: 'Juneteenth' },
      { date: '2026-07-03', name: 'Independence Day (observed)' },
      { date: '2026-09-07', name: 'Labor Day' },
      { date: '2026-11-26', name: 'Thanksgiving' },
      { date: '2026-11-27', name: 'Day after Thanksgiving' },
      { date: '2026-12-24', name: 'Christmas Eve' },
      { date: '2026-12-25', name: 'Christmas Day' },
    ]);
  });

  it('lists 2027 with weekend holidays observed on weekdays, including New Year 2028 on Dec 31', () => {
    // 2027 starts on a Friday. May 31 is a Monday (Memorial Day). Jun 19 is a Saturday → Fri
    // Jun 18. Jul 4 is a Sunday → Mon Jul 5. Sep 1 is a Wednesday → Sep 6. Nov 1 is a Monday →
    // Thursdays 4, 11, 18, 25. Dec 25 is a Saturday → Christmas observed Fri Dec 24, Christmas Eve
    // = the weekday before = Thu Dec 23. Jan 1 2028 is a Saturday → observed Fri Dec 31 2027.
    expect(holidaysInYear(VENDOR_SUPPORT_CALENDAR, 2027)).toEqual([
      { date: '2027-01-01', name: "New Year's Day" },
      { date: '2027-05-31', name: 'Memorial Day' },
      { date: '2027-06-18', name: 'Juneteenth (observed)' },
      { date: '2027-07-05', name: 'Independence Day (observed)' },
      { date: '2027-09-06', name: 'Labor Day' },
      { date: '2027-11-25', name: 'Thanksgiving' },
      { date: '2027-11-26', name: 'Day after Thanksgiving' },
      { date: '2027-12-23', name: 'Christmas Eve' },
      { date: '2027-12-24', name: 'Christmas Day (observed)' },
      { date: '2027-12-31', name: "New Year's Day (observed)" },
    ]);
  });

  it('does not list New Year 2028 again in 2028, since it was observed in 2027', () => {
    expect(holidaysInYear(VENDOR_SUPPORT_CALENDAR, 2028).map((h) => h.date)).not.toContain('2028-01-01');
  });

  it('closes Fri Dec 23 and Mon Dec 26 when Christmas Eve and Day fall on a weekend (2022)', () => {
    // Dec 25 2022 is a Sunday → Christmas observed Mon Dec 26; the weekday before it is Fri Dec 23.
    const december = holidaysInYear(VENDOR_SUPPORT_CALENDAR, 2022).filter((h) => h.date.startsWith('2022-12'));
    expect(december).toEqual([
      { date: '2022-12-23', name: 'Christmas Eve' },
      { date: '2022-12-26', name: 'Christmas Day (observed)' },
    ]);
  });

  it('moves Christmas Eve to the Friday before when it falls on a Sunday (2023)', () => {
    // Dec 25 2023 is a Monday; the weekday before it is Fri Dec 22.
    const december = holidaysInYear(VENDOR_SUPPORT_CALENDAR, 2023).filter((h) => h.date.startsWith('2023-12'));
    expect(december).toEqual([
      { date: '2023-12-22', name: 'Christmas Eve' },
      { date: '2023-12-25', name: 'Christmas Day' },
    ]);
  });
});

describe('holiday rules', () => {
  it('keeps a weekend date when a fixed rule is not observed on a weekday', () => {
    const calendar = calendarWith([{ kind: 'fixed', id: 'j4', name: 'Fourth', month: 7, day: 4 }]);
    expect(holidaysInYear(calendar, 2026)).toEqual([{ date: '2026-07-04', name: 'Fourth' }]);
  });

  it('finds a 5th weekday where the month has one and skips the years where it has none', () => {
    // Oct 1 2026 is a Thursday → Fridays 2, 9, 16, 23, 30. Nov 1 2026 is a Sunday → Fridays
    // 6, 13, 20, 27: no 5th.
    const oct = calendarWith([{ kind: 'nth-weekday', id: 'f', name: 'Fifth Friday', month: 10, weekday: 5, n: 5 }]);
    const nov = calendarWith([{ kind: 'nth-weekday', id: 'f', name: 'Fifth Friday', month: 11, weekday: 5, n: 5 }]);
    expect(holidaysInYear(oct, 2026)).toEqual([{ date: '2026-10-30', name: 'Fifth Friday' }]);
    expect(holidaysInYear(nov, 2026)).toEqual([]);
  });

  it('applies a February 29 rule only in leap years', () => {
    const calendar = calendarWith([{ kind: 'fixed', id: 'leap', name: 'Leap day', month: 2, day: 29 }]);
    expect(holidaysInYear(calendar, 2028)).toEqual([{ date: '2028-02-29', name: 'Leap day' }]);
    expect(holidaysInYear(calendar, 2027)).toEqual([]);
  });

  it('lists a one-off date in its own year only', () => {
    const calendar = calendarWith([{ kind: 'date', id: 'snow', name: 'Make-up day', date: '2026-03-16' }]);
    expect(holidaysInYear(calendar, 2026)).toEqual([{ date: '2026-03-16', name: 'Make-up day' }]);
    expect(holidaysInYear(calendar, 2027)).toEqual([]);
  });

  it('refuses a year that does not fit YYYY-MM-DD', () => {
    expect(() => holidaysInYear(VENDOR_SUPPORT_CALENDAR, 26)).toThrow('Holiday year: a four-digit year, got 26');
    expect(() => holidaysInYear(VENDOR_SUPPORT_CALENDAR, 2026.5)).toThrow(RangeError);
  });

  it('counts a relative offset in calendar days or, when asked, in weekdays only', () => {
    // Thanksgiving 2026 is Thu Nov 26: +2 days = Sat Nov 28; +2 weekdays = Fri 27, Mon 30.
    const calendar = calendarWith([
      { kind: 'nth-weekday', id: 'tg', name: 'Thanksgiving', month: 11, weekday: 4, n: 4 },
      { kind: 'relative', id: 'sat', name: 'Two days after', of: 'tg', offset: 2 },
      { kind: 'relative', id: 'mon', name: 'Two weekdays after', of: 'tg', offset: 2, count: 'weekdays' },
    ]);
    expect(holidaysInYear(calendar, 2026)).toEqual([
      { date: '2026-11-26', name: 'Thanksgiving' },
      { date: '2026-11-28', name: 'Two days after' },
      { date: '2026-11-30', name: 'Two weekdays after' },
    ]);
  });
});
