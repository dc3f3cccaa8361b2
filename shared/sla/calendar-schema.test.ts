import { describe, expect, it } from 'vitest';
import type { BusinessCalendarInput } from './calendar-schema';
import { businessCalendarSchema, businessDayMinutesOf } from './calendar-schema';
import { slaPolicySchema } from './policy';
import { VENDOR_SUPPORT_CALENDAR, VENDOR_SUPPORT_POLICY } from './vendor';

const base = {
  id: 'district',
  name: 'District help desk',
  zone: 'America/Chicago',
  week: { '1': [{ open: '08:00', close: '16:00' }] },
} satisfies BusinessCalendarInput;

function messages(input: unknown): string[] {
  const result = businessCalendarSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => i.message);
}

describe('businessCalendarSchema', () => {
  it('accepts the vendor calendar and the vendor policy as written', () => {
    expect(businessCalendarSchema.parse(VENDOR_SUPPORT_CALENDAR)).toEqual(VENDOR_SUPPORT_CALENDAR);
    expect(slaPolicySchema.parse(VENDOR_SUPPORT_POLICY)).toEqual(VENDOR_SUPPORT_POLICY);
  });

  it('fills in no holidays and no closures when they are omitted', () => {
    const parsed = businessCalendarSchema.parse(base);
    expect(parsed.holidays).toEqual([]);
    expect(parsed.closures).toEqual([]);
  });

  it('rejects a misspelt time zone with a message that quotes it and shows a valid example', () => {
    expect(messages({ ...base, zone: 'America/Chicag' })).toEqual([
      'Time zone: "America/Chicag" is not an IANA time zone name such as "America/Chicago"',
    ]);
  });

  it('rejects a fixed UTC offset, which has no daylight-saving rules', () => {
    expect(messages({ ...base, zone: '-06:00' })[0]).toMatch(/is not an IANA time zone name/);
  });

  it('rejects an interval that closes before it opens', () => {
    expect(messages({ ...base, week: { '1': [{ open: '18:00', close: '06:00' }] } })).toContain(
      'Open interval: close must be later than open on the same day',
    );
  });

  it('accepts 24:00 as a closing time but not as an opening time', () => {
    expect(messages({ ...base, week: { '7': [{ open: '00:00', close: '24:00' }] } })).toEqual([]);
    expect(messages({ ...base, week: { '7': [{ open: '24:00', close: '24:00' }] } })[0]).toMatch(/^Open: use HH:mm/);
  });

  it('rejects overlapping intervals on one day', () => {
    const week = { '2': [{ open: '08:00', close: '12:00' }, { open: '11:00', close: '15:00' }] };
    expect(messages({ ...base, week })).toContain('Open intervals: list them in order without overlaps');
  });

  it('rejects a week with no open time at all, since nothing could ever come due', () => {
    expect(messages({ ...base, week: { '1': [] } })).toContain(
      'Week: open at least one interval, or no SLA could ever come due',
    );
  });

  it('rejects a day-after rule whose reference is missing or listed after it', () => {
    const holidays = [
      { kind: 'relative', id: 'day-after', name: 'Day after Thanksgiving', of: 'thanksgiving', offset: 1 },
      { kind: 'nth-weekday', id: 'thanksgiving', name: 'Thanksgiving', month: 11, weekday: 4, n: 4 },
    ];
    expect(messages({ ...base, holidays })).toEqual([
      'Relative holiday "Day after Thanksgiving": "thanksgiving" must be the id of a rule listed before it',
    ]);
  });

  it('rejects duplicate holiday ids and impossible fixed dates', () => {
    const holidays = [
      { kind: 'fixed', id: 'x', name: 'A', month: 2, day: 30 },
      { kind: 'date', id: 'x', name: 'B', date: '2026-02-30' },
    ];
    expect(messages({ ...base, holidays })).toEqual([
      'Day: that month has fewer days',
      'Date: no such calendar day',
      'Holiday id: "x" is used twice',
    ]);
  });

  it('rejects a closure that ends before it starts, or whose instants lack an offset', () => {
    const backwards = { start: '2027-01-06T18:00:00Z', end: '2027-01-06T06:00:00Z', reason: 'Ice' };
    const local = { start: '2027-01-06T06:00:00', end: '2027-01-06T18:00:00Z', reason: 'Ice' };
    expect(messages({ ...base, closures: [backwards] })).toEqual(['Closure: end must be after start']);
    expect(messages({ ...base, closures: [local] })[0]).toMatch(/^Closure: use an ISO instant/);
  });
});

describe('businessDayMinutesOf', () => {
  it('uses the explicit business-day length when the calendar sets one', () => {
    expect(businessDayMinutesOf(VENDOR_SUPPORT_CALENDAR)).toBe(720);
  });

  it('defaults to the most common open weekday length, not the average', () => {
    // Mon–Thu 07:30–16:00 = 8h30 = 510 min (four days); Fri 07:30–12:00 = 270 min (one day).
    const long = [{ open: '07:30', close: '16:00' }];
    const calendar = businessCalendarSchema.parse({
      ...base,
      week: { '1': long, '2': long, '3': long, '4': long, '5': [{ open: '07:30', close: '12:00' }] },
    });
    expect(businessDayMinutesOf(calendar)).toBe(510);
  });

  it('adds split intervals of one day together and breaks ties toward the longer day', () => {
    // Mon: 08:00–12:00 + 13:00–17:00 = 480 min; Tue: 09:00–12:00 = 180 min; one day each → 480.
    const calendar = businessCalendarSchema.parse({
      ...base,
      week: {
        '1': [{ open: '08:00', close: '12:00' }, { open: '13:00', close: '17:00' }],
        '2': [{ open: '09:00', close: '12:00' }],
      },
    });
    expect(businessDayMinutesOf(calendar)).toBe(480);
  });
});
