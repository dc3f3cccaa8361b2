import { describe, expect, it } from 'vitest';
import { addBusinessTime, businessMsBetween } from './calendar';
import type { BusinessCalendarInput } from './calendar-schema';
import { businessCalendarSchema } from './calendar-schema';
import { VENDOR_SUPPORT_CALENDAR } from './vendor';

const HOUR = 3_600_000;
const calendar = (input: Omit<BusinessCalendarInput, 'id' | 'name' | 'zone'>) =>
  businessCalendarSchema.parse({ id: 't', name: 'Test', zone: 'America/Chicago', ...input });
const between = (cal: Parameters<typeof businessMsBetween>[0], from: string, to: string) =>
  businessMsBetween(cal, new Date(from), new Date(to));

describe('businessMsBetween on the vendor calendar', () => {
  it('counts only open hours on either side of a weekend', () => {
    // Fri 2026-10-16 17:00–18:00 CDT (1h) + Mon Oct 19 06:00–07:00 CDT (1h).
    expect(between(VENDOR_SUPPORT_CALENDAR, '2026-10-16T17:00:00-05:00', '2026-10-19T07:00:00-05:00')).toBe(2 * HOUR);
  });

  it('returns the same amount negated when the instants are swapped, and 0 for one instant', () => {
    expect(between(VENDOR_SUPPORT_CALENDAR, '2026-10-19T07:00:00-05:00', '2026-10-16T17:00:00-05:00')).toBe(-2 * HOUR);
    expect(between(VENDOR_SUPPORT_CALENDAR, '2026-10-19T07:00:00-05:00', '2026-10-19T07:00:00-05:00')).toBe(0);
  });

  it('counts only Wednesday in Thanksgiving week from Wednesday to Monday', () => {
    // Wed Nov 25 06:00–18:00 = 12h; Thu, Fri holidays; Sat, Sun closed; ends Mon 00:00.
    expect(between(VENDOR_SUPPORT_CALENDAR, '2026-11-25T00:00:00-06:00', '2026-11-30T00:00:00-06:00')).toBe(12 * HOUR);
  });

  it('counts 252 twelve-hour days in 2026, across both DST changes', () => {
    // 2026 has 365 days starting on a Thursday: 52 weeks (260 weekdays) + one Thursday = 261
    // weekdays; all nine observed holidays fall on weekdays → 252 days × 12h = 3024h.
    expect(between(VENDOR_SUPPORT_CALENDAR, '2026-01-01T00:00:00-06:00', '2027-01-01T00:00:00-06:00')).toBe(3024 * HOUR);
  });
});

describe('wall-clock open hours on daylight-saving days', () => {
  // Open Sundays 00:00–03:00 local. 2027-03-07 is an ordinary Sunday (3h). On 2027-03-14 the
  // clock jumps 02:00 → 03:00, so 00:00 CST (06:00Z) to 03:00 CDT (08:00Z) is 2h. On 2026-11-01
  // 02:00 CDT falls back to 01:00 CST, so 00:00 CDT (05:00Z) to 03:00 CST (09:00Z) is 4h.
  const night = calendar({ week: { '7': [{ open: '00:00', close: '03:00' }] } });

  it('opens three hours on an ordinary Sunday', () => {
    expect(between(night, '2027-03-07T00:00:00-06:00', '2027-03-08T00:00:00-06:00')).toBe(3 * HOUR);
  });

  it('opens two real hours on the spring-forward Sunday', () => {
    expect(between(night, '2027-03-14T00:00:00-06:00', '2027-03-15T00:00:00-05:00')).toBe(2 * HOUR);
    // 1h30 of budget from Sunday 00:00 CST (06:00Z) ends at 07:30Z = 01:30 CST.
    expect(addBusinessTime(night, new Date('2027-03-14T06:00:00Z'), 1.5 * HOUR).toISOString()).toBe('2027-03-14T07:30:00.000Z');
  });

  it('opens four real hours on the fall-back Sunday', () => {
    expect(between(night, '2026-11-01T00:00:00-05:00', '2026-11-02T00:00:00-06:00')).toBe(4 * HOUR);
    // 3h30 of budget from 00:00 CDT (05:00Z) ends at 08:30Z = 02:30 CST, after the repeated hour.
    expect(addBusinessTime(night, new Date('2026-11-01T05:00:00Z'), 3.5 * HOUR).toISOString()).toBe('2026-11-01T08:30:00.000Z');
  });

  it('opens at the first 01:00 when the desk opens inside the repeated hour (found by the property test)', () => {
    // Open Sundays 01:00–05:00. On 2027-11-07 01:00 comes twice, CDT (06:00Z) then CST (07:00Z):
    // the desk is open from the first to 05:00 CST (11:00Z), five real hours.
    const early = calendar({ week: { '7': [{ open: '01:00', close: '05:00' }] } });
    expect(between(early, '2027-11-07T00:00:00-05:00', '2027-11-08T00:00:00-06:00')).toBe(5 * HOUR);
    expect(addBusinessTime(early, new Date('2027-11-07T06:00:00Z'), 15 * 60_000).toISOString()).toBe('2027-11-07T06:15:00.000Z');
  });

  it('counts a 24-hour calendar day as 23 and 25 real hours on the change days', () => {
    const always = calendar({ week: { '7': [{ open: '00:00', close: '24:00' }], '1': [{ open: '00:00', close: '24:00' }] } });
    expect(between(always, '2027-03-14T00:00:00-06:00', '2027-03-15T00:00:00-05:00')).toBe(23 * HOUR);
    expect(between(always, '2026-11-01T00:00:00-05:00', '2026-11-02T00:00:00-06:00')).toBe(25 * HOUR);
    // 24 business hours from Sun Mar 14 00:00 CST (06:00Z): 23h on Sunday, 1h on Monday →
    // Mon 01:00 CDT = 06:00Z.
    expect(addBusinessTime(always, new Date('2027-03-14T06:00:00Z'), 24 * HOUR).toISOString()).toBe('2027-03-15T06:00:00.000Z');
  });
});

describe('closures', () => {
  // Vendor hours plus a closure Wed 2026-10-14 12:00–15:00 CDT (17:00Z–20:00Z) and an
  // overlapping one 14:00–16:00 CDT (19:00Z–21:00Z): closed 12:00–16:00, open 06–12 and 16–18.
  const closed = businessCalendarSchema.parse({
    ...VENDOR_SUPPORT_CALENDAR,
    closures: [
      { start: '2026-10-14T17:00:00Z', end: '2026-10-14T20:00:00Z', reason: 'Power work' },
      { start: '2026-10-14T19:00:00Z', end: '2026-10-14T21:00:00Z', reason: 'Power work, extended' },
    ],
  });

  it('cuts overlapping closures out of the open day once', () => {
    // 6h (06–12) + 2h (16–18) = 8h.
    expect(between(closed, '2026-10-14T00:00:00-05:00', '2026-10-15T00:00:00-05:00')).toBe(8 * HOUR);
  });

  it('resumes counting when the closure ends', () => {
    // Wed 11:00 CDT + 3h: 11–12 = 1h, closed until 16:00, 16:00 + 2h = 18:00 CDT = 23:00Z.
    expect(addBusinessTime(closed, new Date('2026-10-14T11:00:00-05:00'), 3 * HOUR).toISOString()).toBe('2026-10-14T23:00:00.000Z');
  });
});

describe('addBusinessTime contract', () => {
  it('returns the start itself for zero business time, even when closed', () => {
    const saturday = new Date('2026-10-17T12:00:00-05:00');
    expect(addBusinessTime(VENDOR_SUPPORT_CALENDAR, saturday, 0)).toEqual(saturday);
  });

  it('adds back exactly what businessMsBetween measures, from starts across two years', () => {
    // Round trip over 400 starts 37h13m apart (every hour of the week gets hit) and five budgets.
    for (let i = 0; i < 400; i++) {
      const start = new Date(Date.parse('2026-01-01T00:00:00Z') + i * (37 * HOUR + 13 * 60_000));
      for (const budget of [1, 4, 12, 24, 30.5].map((h) => h * HOUR)) {
        const end = addBusinessTime(VENDOR_SUPPORT_CALENDAR, start, budget);
        expect(businessMsBetween(VENDOR_SUPPORT_CALENDAR, start, end)).toBe(budget);
      }
    }
  });

  it('refuses negative budgets and invalid dates instead of returning nonsense', () => {
    expect(() => addBusinessTime(VENDOR_SUPPORT_CALENDAR, new Date(), -1)).toThrow(RangeError);
    expect(() => addBusinessTime(VENDOR_SUPPORT_CALENDAR, new Date('nope'), HOUR)).toThrow('SLA start: invalid Date');
    expect(() => businessMsBetween(VENDOR_SUPPORT_CALENDAR, new Date(), new Date('nope'))).toThrow('SLA to: invalid Date');
  });

  it('gives up with an error when a calendar has no open time for ten years', () => {
    const shut = calendar({
      week: { '1': [{ open: '08:00', close: '16:00' }] },
      closures: [{ start: '2026-01-01T00:00:00Z', end: '2040-01-01T00:00:00Z', reason: 'Closed' }],
    });
    expect(() => addBusinessTime(shut, new Date('2026-06-01T00:00:00Z'), HOUR)).toThrow(/no business time within ten years/);
  });
});
