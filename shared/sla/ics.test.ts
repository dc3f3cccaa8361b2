import { describe, expect, it } from 'vitest';
import { businessCalendarSchema } from './calendar-schema';
import { parseIcsClosures } from './ics';
import { dueAt } from './policy';
import { VENDOR_SUPPORT_CALENDAR, VENDOR_SUPPORT_POLICY } from './vendor';

const ics = (...lines: string[]) => lines.join('\r\n') + '\r\n';
const event = (...props: string[]) => ['BEGIN:VEVENT', ...props, 'END:VEVENT'];
const calendarOf = (...events: string[][]) => ics('BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Test//EN', ...events.flat(), 'END:VCALENDAR');
const ZONE = 'America/Chicago';

describe('parseIcsClosures', () => {
  it('turns an all-day event into the whole local day in the calendar zone', () => {
    // Wed 2027-01-06 00:00 CST = 06:00Z; DTEND is exclusive: Thu 00:00 CST = Jan 7 06:00Z.
    const text = calendarOf(event('UID:a', 'SUMMARY:Ice storm', 'DTSTART;VALUE=DATE:20270106', 'DTEND;VALUE=DATE:20270107'));
    expect(parseIcsClosures(text, ZONE)).toEqual([
      { start: '2027-01-06T06:00:00.000Z', end: '2027-01-07T06:00:00.000Z', reason: 'Ice storm' },
    ]);
  });

  it('makes an all-day event without DTEND one local day, 25 hours long on the fall-back day', () => {
    // 2026-11-01 00:00 CDT = 05:00Z; 2026-11-02 00:00 CST = 06:00Z.
    const text = calendarOf(event('UID:b', 'SUMMARY:Clock change', 'DTSTART;VALUE=DATE:20261101'));
    expect(parseIcsClosures(text, ZONE)).toEqual([
      { start: '2026-11-01T05:00:00.000Z', end: '2026-11-02T06:00:00.000Z', reason: 'Clock change' },
    ]);
  });

  it('reads timed events in UTC, an IANA TZID, a file VTIMEZONE, or floating in the calendar zone', () => {
    const text = calendarOf(
      [
        'BEGIN:VTIMEZONE', 'TZID:Central Standard Time',
        'BEGIN:STANDARD', 'DTSTART:16010101T020000', 'TZOFFSETFROM:-0500', 'TZOFFSETTO:-0600', 'RRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=11', 'END:STANDARD',
        'BEGIN:DAYLIGHT', 'DTSTART:16010101T020000', 'TZOFFSETFROM:-0600', 'TZOFFSETTO:-0500', 'RRULE:FREQ=YEARLY;BYDAY=2SU;BYMONTH=3', 'END:DAYLIGHT',
        'END:VTIMEZONE',
      ],
      // Thu 2027-01-07 09:00–11:00 America/Chicago (CST) = 15:00Z–17:00Z.
      event('UID:c', 'SUMMARY:All-staff meeting', 'DTSTART;TZID=America/Chicago:20270107T090000', 'DTEND;TZID=America/Chicago:20270107T110000'),
      // 20:00Z for PT1H30M = 21:30Z; the SUMMARY is folded over two lines.
      event('UID:d', 'SUMMARY:Network maint', ' enance', 'DTSTART:20270108T200000Z', 'DURATION:PT1H30M'),
      // Floating 13:00–14:00 on Mon 2027-01-11, read in CST = 19:00Z–20:00Z.
      event('UID:e', 'SUMMARY:Fire drill', 'DTSTART:20270111T130000', 'DTEND:20270111T140000'),
      // Outlook-style zone name defined by the VTIMEZONE above; July is daylight time (-05:00).
      event('UID:f', 'SUMMARY:Summer cleanup', 'DTSTART;TZID=Central Standard Time:20270712T090000', 'DTEND;TZID=Central Standard Time:20270712T100000'),
    );
    expect(parseIcsClosures(text, ZONE)).toEqual([
      { start: '2027-01-07T15:00:00.000Z', end: '2027-01-07T17:00:00.000Z', reason: 'All-staff meeting' },
      { start: '2027-01-08T20:00:00.000Z', end: '2027-01-08T21:30:00.000Z', reason: 'Network maintenance' },
      { start: '2027-01-11T19:00:00.000Z', end: '2027-01-11T20:00:00.000Z', reason: 'Fire drill' },
      { start: '2027-07-12T14:00:00.000Z', end: '2027-07-12T15:00:00.000Z', reason: 'Summer cleanup' },
    ]);
  });

  it('skips cancelled events and names unnamed ones', () => {
    const text = calendarOf(
      event('UID:g', 'SUMMARY:Called off', 'STATUS:CANCELLED', 'DTSTART;VALUE=DATE:20270106'),
      event('UID:h', 'DTSTART;VALUE=DATE:20270108'),
    );
    expect(parseIcsClosures(text, ZONE)).toEqual([
      { start: '2027-01-08T06:00:00.000Z', end: '2027-01-09T06:00:00.000Z', reason: 'Closed (imported from calendar)' },
    ]);
  });

  it('produces closures that the calendar schema accepts and that due times skip', () => {
    const closures = parseIcsClosures(
      calendarOf(
        event('UID:a', 'SUMMARY:Ice storm', 'DTSTART;VALUE=DATE:20270106', 'DTEND;VALUE=DATE:20270107'),
        event('UID:c', 'SUMMARY:All-staff meeting', 'DTSTART;TZID=America/Chicago:20270107T090000', 'DTEND;TZID=America/Chicago:20270107T110000'),
      ),
      ZONE,
    );
    const calendar = businessCalendarSchema.parse({ ...VENDOR_SUPPORT_CALENDAR, closures });
    // Medium (12h) opened Tue 2027-01-05 17:00 CST: Tue 1h; Wed closed all day; Thu 06–09 3h (4h),
    // closed 09–11, 11–18 7h (11h); Fri Jan 8 06:00 + 1h = 07:00 CST = 13:00Z.
    const due = dueAt({ ...VENDOR_SUPPORT_POLICY, calendar }, 'medium', new Date('2027-01-05T17:00:00-06:00'));
    expect(due.toISOString()).toBe('2027-01-08T13:00:00.000Z');
  });
});

describe('parseIcsClosures on malformed input', () => {
  const fails = (text: string, zone = ZONE) => () => parseIcsClosures(text, zone);

  it('says the file is empty', () => {
    expect(fails('\r\n  \r\n')).toThrow('ICS import: the file is empty');
  });

  it('says what it found instead of BEGIN:VCALENDAR', () => {
    expect(fails('hello\r\n')).toThrow('ICS import, line 1: expected BEGIN:VCALENDAR, found "hello"');
  });

  it('names the line of a line that is not NAME:value', () => {
    expect(fails(ics('BEGIN:VCALENDAR', 'VERSION:2.0', 'garbage', 'END:VCALENDAR'))).toThrow(
      'ICS import, line 3: "garbage" is not a NAME:value line',
    );
  });

  it('names the END that closes the wrong component, and where that component began', () => {
    // Line 2 opens a VEVENT that is never ended before END:VCALENDAR on line 4.
    expect(fails(ics('BEGIN:VCALENDAR', 'BEGIN:VEVENT', 'DTSTART;VALUE=DATE:20270106', 'END:VCALENDAR'))).toThrow(
      'ICS import, line 4: END:VCALENDAR does not close BEGIN:VEVENT from line 2',
    );
  });

  it('names a calendar that is never closed', () => {
    expect(fails(ics('BEGIN:VCALENDAR', 'VERSION:2.0'))).toThrow('ICS import, line 1: BEGIN:VCALENDAR is never closed (END:VCALENDAR missing)');
  });

  it('names the line of malformed parameters, found by the ical.js parser', () => {
    // Lines: 1 BEGIN:VCALENDAR, 2 VERSION, 3 PRODID, 4 BEGIN:VEVENT, 5 UID, 6 DTSTART.
    expect(fails(calendarOf(event('UID:x', 'DTSTART;TZID:20270107T090000')))).toThrow(/^ICS import, line 6: Invalid parameters/);
  });

  it('names an event without DTSTART by its summary and line', () => {
    // Line 4 is BEGIN:VEVENT (after BEGIN:VCALENDAR, VERSION, PRODID).
    expect(fails(calendarOf(event('UID:x', 'SUMMARY:Inservice')))).toThrow('ICS import, line 4: event "Inservice" (line 4) has no DTSTART');
  });

  it('names DTSTART or DTEND when its date or time does not exist, instead of rolling it over', () => {
    // Line 6 is DTSTART, line 7 DTEND (4 BEGIN:VEVENT, 5 SUMMARY).
    expect(fails(calendarOf(event('SUMMARY:Typo', 'DTSTART:20271345T090000', 'DTEND:20271346T090000')))).toThrow(
      'ICS import, line 6: DTSTART of event "Typo" (line 4): "2027-13-45T09:00:00" is not a real date or time',
    );
    expect(fails(calendarOf(event('SUMMARY:Typo', 'DTSTART;VALUE=DATE:20270227', 'DTEND;VALUE=DATE:20270230')))).toThrow(
      'ICS import, line 7: DTEND of event "Typo" (line 4): "2027-02-30" is not a real date or time',
    );
  });

  it('names DTSTART when its value is not a date-time at all', () => {
    expect(fails(calendarOf(event('SUMMARY:Typo', 'DTSTART:2027-13-45')))).toThrow(
      /^ICS import, line 6: DTSTART of event "Typo" \(line 4\): invalid date-time value/,
    );
  });

  it('names DTEND when the event ends before it starts', () => {
    expect(fails(calendarOf(event('SUMMARY:Backwards', 'DTSTART:20270107T110000Z', 'DTEND:20270107T090000Z')))).toThrow(
      'ICS import, line 7: event "Backwards" (line 4) ends before or when it starts',
    );
  });

  it('refuses a timed event with no end, since it would close nothing', () => {
    expect(fails(calendarOf(event('SUMMARY:Blip', 'DTSTART:20270107T110000Z')))).toThrow(
      /line 4: event "Blip" \(line 4\) has a start time but neither DTEND nor DURATION/,
    );
  });

  it('names a TZID that is neither IANA nor defined in the file', () => {
    expect(fails(calendarOf(event('SUMMARY:Away', 'DTSTART;TZID=Mars/Olympus:20270107T090000', 'DTEND;TZID=Mars/Olympus:20270107T100000')))).toThrow(
      'ICS import, line 6: DTSTART of event "Away" (line 4): TZID "Mars/Olympus" is neither an IANA time zone nor defined by a VTIMEZONE in the file',
    );
  });

  it('refuses recurring events rather than importing only the first occurrence', () => {
    expect(fails(calendarOf(event('SUMMARY:Weekly', 'DTSTART;VALUE=DATE:20270106', 'RRULE:FREQ=WEEKLY;COUNT=3')))).toThrow(
      /^ICS import, line 7: event "Weekly" \(line 4\) repeats \(RRULE\)/,
    );
  });

  it('refuses a calendar zone that is not IANA', () => {
    expect(fails(calendarOf(), 'Central')).toThrow('ICS import: "Central" is not an IANA time zone name such as "America/Chicago"');
  });

  it('refuses content after the calendar ends', () => {
    expect(fails(ics('BEGIN:VCALENDAR', 'END:VCALENDAR', 'BEGIN:VCALENDAR', 'END:VCALENDAR'))).toThrow(
      'ICS import, line 3: content after END:VCALENDAR (one calendar per file)',
    );
  });
});
