import { fc, test } from '@fast-check/vitest';
import { DateTime } from 'luxon';
import { describe, expect } from 'vitest';
import { addBusinessTime, businessMsBetween } from './calendar';
import { WEEKDAY_KEYS, businessCalendarSchema, minutesOfWallTime } from './calendar-schema';
import type { BusinessCalendar, BusinessCalendarInput } from './calendar-schema';
import { DEFAULT_DISTRICT_POLICY } from './district';
import { holidaysInYear } from './holidays';
import { dueAt, slaPolicySchema, targetMs } from './policy';
import type { SlaPolicy } from './policy';
import { PRIORITIES } from './priority';
import { VENDOR_HOSTING_CALENDAR, VENDOR_SUPPORT_CALENDAR, VENDOR_SUPPORT_POLICY } from './vendor';

/**
 * Properties of the SLA clock over any calendar the schema accepts (open hours in zones with and
 * without daylight saving, holidays, closures, closed weekends), any priority and any start
 * (daylight-saving days, holidays, closures, weekends, a millisecond either side of opening and
 * closing): the due time lies in open hours, grows with the start and the target, splits
 * additively, and no calendar's cached days leak into another's.
 *
 * "Open" here is an oracle of its own: the local date and wall time come from luxon in the
 * calendar's zone, never from the code under test.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const ZONES = [
  'America/Chicago',
  'America/New_York',
  'America/Denver',
  'America/Phoenix',
  'America/Los_Angeles',
  'Pacific/Honolulu',
  'America/Anchorage',
  'Europe/London',
  'Australia/Sydney',
  'Asia/Kolkata',
  'UTC',
] as const;
const WINDOW_START = Date.parse('2026-01-01T00:00:00Z');
const WINDOW_END = Date.parse('2027-12-31T00:00:00Z');

const wallTime = (halfHours: number) =>
  halfHours === 48 ? '24:00' : `${String(Math.floor(halfHours / 2)).padStart(2, '0')}:${halfHours % 2 === 0 ? '00' : '30'}`;

/** 0–2 ordered, non-overlapping intervals of one day, on half-hour boundaries. */
const dayArb = fc.oneof(
  { weight: 1, arbitrary: fc.constant([]) },
  {
    weight: 3,
    arbitrary: fc
      .uniqueArray(fc.integer({ min: 0, max: 48 }), { minLength: 2, maxLength: 4 })
      .map((points) => {
        const sorted = [...points].sort((a, b) => a - b);
        const pairs = sorted.length >= 4 ? [sorted.slice(0, 2), sorted.slice(2, 4)] : [sorted.slice(0, 2)];
        return pairs.map(([open = 0, close = 48]) => ({ open: wallTime(open), close: wallTime(close) }));
      }),
  },
  // Open into the evening: past 18:00 Central the UTC date is already tomorrow's.
  { weight: 2, arbitrary: fc.constantFrom([{ open: '12:00', close: '22:00' }], [{ open: '06:00', close: '24:00' }], [{ open: '17:00', close: '23:30' }]) },
);

const instantArb = fc.integer({ min: WINDOW_START, max: WINDOW_END });

const closureArb = fc
  .record({ start: instantArb, hours: fc.integer({ min: 1, max: 72 }) })
  .map(({ start, hours }) => ({
    start: new Date(start).toISOString(),
    end: new Date(start + hours * HOUR).toISOString(),
    reason: 'Closed',
  }));

const holidaysArb = fc
  .record({
    vendor: fc.subarray([...VENDOR_SUPPORT_CALENDAR.holidays]),
    dates: fc.uniqueArray(fc.integer({ min: 0, max: 729 }), { maxLength: 3 }),
  })
  .map(({ vendor, dates }) => {
    // A relative rule needs the rule it counts from.
    const kept = vendor.filter((rule) => rule.kind !== 'relative' || vendor.some((r) => r.id === rule.of));
    const oneOffs = dates.map((day) => ({
      kind: 'date' as const,
      id: `one-off-${day}`,
      name: 'One-off closed day',
      date: new Date(WINDOW_START + day * 86_400_000).toISOString().slice(0, 10),
    }));
    return [...kept, ...oneOffs];
  });

/** Any calendar `businessCalendarSchema` accepts, with at least one open interval. */
const calendarArb: fc.Arbitrary<BusinessCalendar> = fc
  .record({
    zone: fc.constantFrom(...ZONES),
    days: fc.tuple(...WEEKDAY_KEYS.map(() => dayArb)),
    holidays: holidaysArb,
    closures: fc.array(closureArb, { maxLength: 2 }),
    businessDayMinutes: fc.option(fc.integer({ min: 60, max: 1440 }), { nil: undefined }),
  })
  .map(({ zone, days, holidays, closures, businessDayMinutes }) => {
    const week: NonNullable<BusinessCalendarInput['week']> = {};
    WEEKDAY_KEYS.forEach((key, i) => {
      const intervals = days[i];
      if (intervals && intervals.length > 0) week[key] = intervals.map((i) => ({ ...i }));
    });
    if (Object.keys(week).length === 0) week['1'] = [{ open: '08:00', close: '17:00' }];
    return businessCalendarSchema.parse({
      id: 'generated',
      name: 'Generated calendar',
      zone,
      week,
      holidays,
      closures,
      ...(businessDayMinutes === undefined ? {} : { businessDayMinutes }),
    } satisfies BusinessCalendarInput);
  });

/** The real calendars, as shipped (frozen and unparsed) and as a settings form would store them. */
const REAL_CALENDARS: readonly BusinessCalendar[] = [
  VENDOR_SUPPORT_CALENDAR,
  VENDOR_HOSTING_CALENDAR,
  DEFAULT_DISTRICT_POLICY.calendar,
  businessCalendarSchema.parse({ ...DEFAULT_DISTRICT_POLICY.calendar, zone: 'America/New_York' }),
];
const anyCalendarArb = fc.oneof({ weight: 3, arbitrary: calendarArb }, { weight: 1, arbitrary: fc.constantFrom(...REAL_CALENDARS) });

/** Daylight-saving change days (US, EU, Australia) and the vendor's observed holidays in 2026–2027. */
const SPECIAL_DATES = [
  '2026-03-08', '2026-11-01', '2027-03-14', '2027-11-07',
  '2026-03-29', '2026-10-25', '2026-04-05', '2026-10-04',
  '2026-01-01', '2026-05-25', '2026-07-03', '2026-11-26', '2026-11-27', '2026-12-24', '2026-12-25',
  '2027-07-05', '2027-12-23', '2027-12-24', '2027-12-31',
];

const dateOfWindowArb = fc.integer({ min: 0, max: 729 }).map((day) => new Date(WINDOW_START + day * 86_400_000).toISOString().slice(0, 10));

/** A local wall time on a local date in `zone`, as luxon resolves it. */
function localInstant(zone: string, isoDate: string, minute: number): number {
  const day = DateTime.fromISO(isoDate, { zone }).startOf('day');
  return minute >= 1440 ? day.plus({ days: 1 }).toMillis() : day.set({ hour: Math.floor(minute / 60), minute: minute % 60 }).toMillis();
}

/**
 * Starts worth trying for `calendar`: anywhere in two years; any time on a special date; and a
 * millisecond or a minute either side of one of the calendar's opening or closing times, on any
 * date (so on closed weekdays, holidays and closures too).
 */
function startArb(calendar: BusinessCalendar): fc.Arbitrary<number> {
  const boundaries = WEEKDAY_KEYS.flatMap((key) =>
    (calendar.week[key] ?? []).flatMap((i) => [minutesOfWallTime(i.open), minutesOfWallTime(i.close)]),
  );
  const dateArb = fc.oneof(fc.constantFrom(...SPECIAL_DATES), dateOfWindowArb);
  return fc.oneof(
    instantArb,
    fc.tuple(fc.constantFrom(...SPECIAL_DATES), fc.integer({ min: 0, max: 1439 })).map(([date, minute]) => localInstant(calendar.zone, date, minute)),
    fc
      .tuple(dateArb, fc.constantFrom(...boundaries), fc.constantFrom(-MINUTE, -1, 0, 1, MINUTE))
      .map(([date, minute, offset]) => localInstant(calendar.zone, date, minute) + offset),
  );
}

/** An instant inside one of `calendar`'s open intervals on its own weekday (it may still be a holiday or closed). */
function openStartArb(calendar: BusinessCalendar): fc.Arbitrary<number> {
  return fc
    .tuple(fc.oneof(fc.constantFrom(...SPECIAL_DATES), dateOfWindowArb), fc.nat(), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }))
    .map(([date, pick, fraction]) => {
      const key = WEEKDAY_KEYS[DateTime.fromISO(date, { zone: calendar.zone }).weekday - 1];
      const intervals = (key && calendar.week[key]) || [];
      const interval = intervals[pick % Math.max(1, intervals.length)];
      if (interval === undefined) return undefined;
      const open = localInstant(calendar.zone, date, minutesOfWallTime(interval.open));
      const close = localInstant(calendar.zone, date, minutesOfWallTime(interval.close));
      return open + Math.floor(fraction * (close - open));
    })
    .filter((t): t is number => t !== undefined);
}

const calendarAndOpenStartArb = anyCalendarArb.chain((calendar) => fc.tuple(fc.constant(calendar), openStartArb(calendar)));
const calendarAndStartArb = anyCalendarArb.chain((calendar) => fc.tuple(fc.constant(calendar), startArb(calendar)));
/** Business time to add: up to a 12-hour business day, to the millisecond or in quarter hours. */
const budgetArb = fc.oneof(fc.integer({ min: 1, max: 12 * HOUR }), fc.integer({ min: 1, max: 48 }).map((quarters) => quarters * 15 * MINUTE));

/** The oracle: whether `calendar` is open at instant `t`, with the local date taken by luxon in its zone. */
function isOpenAt(calendar: BusinessCalendar, t: number): boolean {
  return openIntervalEnd(calendar, t) !== undefined;
}

/** When the open interval holding `t` closes (closures ignored), or `undefined` if `t` is not in open time. */
function openIntervalEnd(calendar: BusinessCalendar, t: number): number | undefined {
  const local = DateTime.fromMillis(t, { zone: calendar.zone });
  const isoDate = local.toISODate() ?? '';
  if (holidaysInYear(calendar, local.year).some((h) => h.date === isoDate)) return undefined;
  if (calendar.closures.some((c) => Date.parse(c.start) <= t && t < Date.parse(c.end))) return undefined;
  const key = WEEKDAY_KEYS[local.weekday - 1];
  for (const interval of (key && calendar.week[key]) || []) {
    const open = localInstant(calendar.zone, isoDate, minutesOfWallTime(interval.open));
    const close = localInstant(calendar.zone, isoDate, minutesOfWallTime(interval.close));
    if (open <= t && t < close) return close;
  }
  return undefined;
}

const add = (calendar: BusinessCalendar, start: number, ms: number) => addBusinessTime(calendar, new Date(start), ms).getTime();

describe('the SLA clock on any calendar', () => {
  test.prop([calendarAndStartArb, budgetArb], { numRuns: 60 })(
    'comes due inside open hours, after exactly the business time asked for',
    ([calendar, start], ms) => {
      const due = add(calendar, start, ms);
      // Due is the end of the last counted millisecond, so that millisecond was open.
      expect(isOpenAt(calendar, due - 1), new Date(due).toISOString()).toBe(true);
      expect(due - start).toBeGreaterThanOrEqual(ms);
      expect(businessMsBetween(calendar, new Date(start), new Date(due))).toBe(ms);
    },
  );

  test.prop([calendarAndOpenStartArb, budgetArb], { numRuns: 60 })(
    'counts wall time one for one while the calendar stays open, on whatever local date that is',
    ([calendar, start], ms) => {
      const end = openIntervalEnd(calendar, start);
      fc.pre(end !== undefined);
      const budget = Math.min(ms, (end ?? start) - start);
      const closed = calendar.closures.some((c) => Date.parse(c.start) < start + budget && start < Date.parse(c.end));
      fc.pre(!closed);
      expect(add(calendar, start, budget)).toBe(start + budget);
    },
  );

  test.prop([calendarAndStartArb, fc.integer({ min: 0, max: 5 * 86_400_000 }), budgetArb], { numRuns: 50 })(
    'never comes due earlier for a later start',
    ([calendar, start], later, ms) => {
      expect(add(calendar, start + later, ms)).toBeGreaterThanOrEqual(add(calendar, start, ms));
    },
  );

  test.prop([calendarAndStartArb, budgetArb, budgetArb], { numRuns: 50 })(
    'never comes due earlier for a longer target, and adding a then b is adding a + b',
    ([calendar, start], a, b) => {
      const afterA = add(calendar, start, a);
      expect(add(calendar, start, a + b)).toBeGreaterThanOrEqual(afterA);
      expect(add(calendar, afterA, b)).toBe(add(calendar, start, a + b));
    },
  );
});

const targetArb = fc.record({ amount: fc.integer({ min: 1, max: 3 }), unit: fc.constantFrom('business-hours' as const, 'business-days' as const) });
const policyArb: fc.Arbitrary<SlaPolicy> = fc
  .record({ calendar: calendarArb, targets: fc.tuple(...PRIORITIES.map(() => targetArb)) })
  .map(({ calendar, targets }) =>
    slaPolicySchema.parse({
      id: 'generated',
      name: 'Generated policy',
      calendar,
      targets: Object.fromEntries(PRIORITIES.map((priority, i) => [priority, targets[i]])),
    }),
  );

describe('due times per priority', () => {
  test.prop([fc.oneof(policyArb, fc.constantFrom(VENDOR_SUPPORT_POLICY, DEFAULT_DISTRICT_POLICY)), instantArb], { numRuns: 30 })(
    "lie in open hours for every priority, after exactly that priority's target",
    (policy, start) => {
      for (const priority of PRIORITIES) {
        const due = dueAt(policy, priority, new Date(start));
        expect(isOpenAt(policy.calendar, due.getTime() - 1)).toBe(true);
        expect(businessMsBetween(policy.calendar, new Date(start), due)).toBe(targetMs(policy, priority));
      }
    },
  );

  test.prop([fc.constantFrom(VENDOR_SUPPORT_POLICY, DEFAULT_DISTRICT_POLICY), instantArb], { numRuns: 60 })(
    'on the real policies, a more urgent priority never comes due later',
    (policy, start) => {
      const dues = PRIORITIES.map((priority) => dueAt(policy, priority, new Date(start)).getTime());
      dues.slice(1).forEach((due, i) => expect(due).toBeGreaterThanOrEqual(dues[i] ?? Infinity));
    },
  );
});

/** One question asked of a calendar: a due time, or the business time between two instants. */
type Query = { kind: 'add'; start: number; ms: number } | { kind: 'between'; from: number; to: number };
const queryArb: fc.Arbitrary<Query> = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), start: instantArb, ms: budgetArb }),
  fc
    .record({ kind: fc.constant('between' as const), from: instantArb, span: fc.integer({ min: -7 * 86_400_000, max: 7 * 86_400_000 }) })
    .map(({ kind, from, span }) => ({ kind, from, to: from + span })),
);
let fresh = 0;
const ask = (calendar: BusinessCalendar, q: Query): number =>
  q.kind === 'add' ? add(calendar, q.start, q.ms) : businessMsBetween(calendar, new Date(q.from), new Date(q.to));

describe('calendars never share state', () => {
  test.prop([fc.array(fc.tuple(fc.nat(), queryArb), { minLength: 1, maxLength: 8 }), calendarArb], { numRuns: 20 })(
    'the district, vendor and any other calendar (even one reusing the vendor id) answer alike interleaved or alone',
    (asked, generated) => {
      // A generated calendar that claims the vendor's id: a cache keyed by id would mix them up.
      const impostor = { ...generated, id: VENDOR_SUPPORT_CALENDAR.id, name: VENDOR_SUPPORT_CALENDAR.name };
      const calendars = [DEFAULT_DISTRICT_POLICY.calendar, VENDOR_SUPPORT_CALENDAR, impostor];
      const interleaved = asked.map(([which, q]) => ask(calendars[which % calendars.length] ?? impostor, q));
      // Alone: each question asked of a fresh copy under an id of its own, so nothing cached (by
      // object or by id) can answer it.
      const alone = asked.map(([which, q]) => ask({ ...structuredClone(calendars[which % calendars.length] ?? impostor), id: `alone-${(fresh += 1)}` }, q));
      expect(interleaved).toEqual(alone);
      // District, then vendor, then district again: the second district answers equal the first.
      const district = asked.map(([, q]) => ask(DEFAULT_DISTRICT_POLICY.calendar, q));
      const vendor = asked.map(([, q]) => ask(VENDOR_SUPPORT_CALENDAR, q));
      expect(asked.map(([, q]) => ask(DEFAULT_DISTRICT_POLICY.calendar, q))).toEqual(district);
      expect(asked.map(([, q]) => ask({ ...structuredClone(VENDOR_SUPPORT_CALENDAR), id: `alone-${(fresh += 1)}` }, q))).toEqual(vendor);
    },
  );
});

describe('a calendar open past 18:00 Central, where the UTC date is already tomorrow', () => {
  const evening = businessCalendarSchema.parse({
    id: 'evening',
    name: 'Evening desk',
    zone: 'America/Chicago',
    week: { '1': [{ open: '12:00', close: '22:00' }], '2': [{ open: '12:00', close: '22:00' }], '3': [{ open: '12:00', close: '22:00' }] },
  });

  test('counts the rest of the local evening, in daylight time and in standard time', () => {
    // Wed 2026-10-14 19:30 CDT is Thu 00:30Z; one hour later is 20:30 CDT the same local day.
    expect(addBusinessTime(evening, new Date('2026-10-14T19:30:00-05:00'), HOUR).toISOString()).toBe('2026-10-15T01:30:00.000Z');
    // Wed 2027-01-13 18:30 CST is Thu 00:30Z; the 3h30 left that evening, then Monday noon.
    expect(addBusinessTime(evening, new Date('2027-01-13T18:30:00-06:00'), 4 * HOUR).toISOString()).toBe('2027-01-18T18:30:00.000Z');
    expect(businessMsBetween(evening, new Date('2027-01-13T18:00:00-06:00'), new Date('2027-01-14T12:00:00-06:00'))).toBe(4 * HOUR);
  });
});
