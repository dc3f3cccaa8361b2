import ICAL from 'ical.js';
import { DateTime, IANAZone } from 'luxon';
import type { Closure } from './calendar-schema';
import type { IcsEventLines } from './ics-lines';
import { icsError, lineQuotedIn, scanIcs } from './ics-lines';

type IcalComponent = InstanceType<typeof ICAL.Component>;
type IcalTime = InstanceType<typeof ICAL.Time>;
type IcalProperty = InstanceType<typeof ICAL.Property>;

/** A DATE or DATE-TIME as ical.js stores it in jCal, before it decodes (and normalises) it. */
const RAW_DATE_TIME = /^\d{4}-\d\d-\d\d(?:T\d\d:\d\d:\d\dZ?)?$/;

const REASON_MAX = 200;

interface Where {
  readonly lines: IcsEventLines;
  readonly label: string;
}

function lineOf(where: Where, prop: string): number {
  return where.lines.props.get(prop) ?? where.lines.begin;
}

/** An error about one field of one event: "line 9: DTEND of event "Ice storm" (line 5): …". */
function fieldError(where: Where, prop: string, problem: string): Error {
  return icsError(lineOf(where, prop), `${prop} of ${where.label}: ${problem}`);
}

/** ical.js decodes values lazily and throws plain Errors; this pins them to the field. */
function decoded(property: IcalProperty, where: Where, prop: string): ReturnType<IcalProperty['getFirstValue']> {
  try {
    return property.getFirstValue();
  } catch (e) {
    throw fieldError(where, prop, e instanceof Error ? e.message : String(e));
  }
}

interface TimeField {
  readonly time: IcalTime;
  readonly tzid: string | undefined;
}

/** The DTSTART/DTEND value as an ical.js Time plus its TZID parameter; undefined if absent. */
function timeValue(event: IcalComponent, prop: 'DTSTART' | 'DTEND', where: Where): TimeField | undefined {
  const property = event.getFirstProperty(prop.toLowerCase());
  if (!property) return undefined;
  // ical.js silently rolls impossible dates over (2027-13-45 → 2028-02-14), so the raw jCal
  // text is checked first; luxon rejects month 13, Feb 30 or hour 25.
  const raw: unknown = property.jCal[3];
  if (typeof raw === 'string' && RAW_DATE_TIME.test(raw) && !DateTime.fromISO(raw, { zone: 'utc' }).isValid) {
    throw fieldError(where, prop, `"${raw}" is not a real date or time`);
  }
  const value = decoded(property, where, prop);
  if (!(value instanceof ICAL.Time)) throw fieldError(where, prop, 'not a date or date-time');
  const tzid = property.getParameter('tzid');
  return { time: value, tzid: typeof tzid === 'string' ? tzid : undefined };
}

/**
 * The instant of a DTSTART/DTEND as a luxon DateTime: all-day dates and floating times in the
 * calendar's zone; UTC ("Z") as such; an IANA TZID through luxon; any other TZID through the
 * file's own VTIMEZONE (ical.js resolves it); an unknown TZID is an error, not a guess.
 */
function toDateTime({ time, tzid }: TimeField, zone: string, prop: string, where: Where): DateTime {
  const date = { year: time.year, month: time.month, day: time.day };
  const wall = { ...date, hour: time.hour, minute: time.minute, second: time.second };
  let result: DateTime;
  if (time.isDate) result = DateTime.fromObject(date, { zone });
  else if (time.zone?.tzid === 'UTC') result = DateTime.fromObject(wall, { zone: 'utc' });
  else if (tzid === undefined) result = DateTime.fromObject(wall, { zone });
  else if (IANAZone.isValidZone(tzid)) result = DateTime.fromObject(wall, { zone: tzid });
  else if (time.zone?.tzid === tzid) result = DateTime.fromMillis(time.toUnixTime() * 1000, { zone: 'utc' });
  else throw fieldError(where, prop, `TZID "${tzid}" is neither an IANA time zone nor defined by a VTIMEZONE in the file`);
  if (!result.isValid) throw fieldError(where, prop, `"${time.toString()}" is not a real date or time`);
  return result;
}

/**
 * The end of an event without DTEND: DTSTART + DURATION (weeks and days as calendar days, hours
 * and below as elapsed time, per RFC 5545), or one day for an all-day event.
 */
function endFromDuration(event: IcalComponent, start: DateTime, isDate: boolean, where: Where): DateTime {
  const property = event.getFirstProperty('duration');
  if (!property) {
    if (isDate) return start.plus({ days: 1 });
    throw icsError(where.lines.begin, `${where.label} has a start time but neither DTEND nor DURATION, so the closure would last no time`);
  }
  const value = decoded(property, where, 'DURATION');
  if (!(value instanceof ICAL.Duration) || value.isNegative) {
    throw fieldError(where, 'DURATION', 'must be a positive duration such as PT2H or P1D');
  }
  return start
    .plus({ days: value.weeks * 7 + value.days })
    .plus({ hours: value.hours, minutes: value.minutes, seconds: value.seconds });
}

function closureOf(event: IcalComponent, zone: string, where: Where): Closure {
  for (const prop of ['RRULE', 'RDATE', 'RECURRENCE-ID']) {
    if (event.hasProperty(prop.toLowerCase())) {
      throw icsError(
        lineOf(where, prop),
        `${where.label} repeats (${prop}); recurring closures are not supported, so export each occurrence as its own event`,
      );
    }
  }
  const start = timeValue(event, 'DTSTART', where);
  if (!start) throw icsError(where.lines.begin, `${where.label} has no DTSTART`);
  const startDt = toDateTime(start, zone, 'DTSTART', where);
  const end = timeValue(event, 'DTEND', where);
  if (end && end.time.isDate !== start.time.isDate) {
    throw fieldError(where, 'DTEND', `must be a ${start.time.isDate ? 'date' : 'date-time'} like DTSTART`);
  }
  const endDt = end ? toDateTime(end, zone, 'DTEND', where) : endFromDuration(event, startDt, start.time.isDate, where);
  if (endDt.toMillis() <= startDt.toMillis()) {
    throw icsError(lineOf(where, end ? 'DTEND' : 'DURATION'), `${where.label} ends before or when it starts`);
  }
  const summary = textOf(event, 'summary');
  return {
    start: new Date(startDt.toMillis()).toISOString(),
    end: new Date(endDt.toMillis()).toISOString(),
    reason: (summary ?? 'Closed (imported from calendar)').slice(0, REASON_MAX),
  };
}

function textOf(event: IcalComponent, prop: string): string | undefined {
  const value = event.getFirstPropertyValue(prop);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/**
 * Closures from an iCalendar file (a district's closure calendar), sorted by start. Every VEVENT
 * is a closure except STATUS:CANCELLED ones; SUMMARY becomes the reason. An all-day event covers
 * whole local days in `zone` (the calendar's zone: DTEND is exclusive, a missing DTEND means one
 * day), from local midnight to local midnight whatever DST does; a timed event covers its exact
 * instants (UTC, an IANA or VTIMEZONE-defined TZID, or floating = `zone`). Recurring events are
 * refused rather than half-imported. Malformed input throws an Error whose message names the line
 * and field ("ICS import, line 9: DTEND of event "Ice storm" (line 5): …").
 */
export function parseIcsClosures(icsText: string, zone: string): Closure[] {
  if (!IANAZone.isValidZone(zone)) {
    throw icsError(undefined, `"${zone}" is not an IANA time zone name such as "America/Chicago"`);
  }
  const eventLines = scanIcs(icsText);
  let root: IcalComponent;
  try {
    root = ICAL.Component.fromString(icsText);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    throw icsError(lineQuotedIn(icsText, message), message);
  }
  const closures: Closure[] = [];
  root.getAllSubcomponents('vevent').forEach((event, i) => {
    const lines = eventLines[i] ?? { begin: 1, props: new Map<string, number>() };
    if (textOf(event, 'status')?.toUpperCase() === 'CANCELLED') return;
    const summary = textOf(event, 'summary');
    const label = summary === undefined ? `the event on line ${lines.begin}` : `event "${summary}" (line ${lines.begin})`;
    closures.push(closureOf(event, zone, { lines, label }));
  });
  return closures.sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
}
