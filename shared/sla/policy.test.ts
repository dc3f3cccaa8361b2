import { describe, expect, it } from 'vitest';
import { businessCalendarSchema } from './calendar-schema';
import type { SlaPolicy } from './policy';
import { dueAt, slaClock, slaPolicySchema } from './policy';
import type { Priority } from './priority';
import { VENDOR_SUPPORT_POLICY } from './vendor';

// Inputs carry their Central offset (CDT = -05:00 until 2026-11-01 02:00 and from 2027-03-14
// 02:00; CST = -06:00 between); expected due instants are written in UTC, worked out by hand.
const due = (priority: Priority, start: string): string =>
  dueAt(VENDOR_SUPPORT_POLICY, priority, new Date(start)).toISOString();

describe('vendor due times from a mid-day start', () => {
  // Tue 2026-10-13 10:00 CDT (15:00Z); open 06:00–18:00 = 12 business hours a day.
  const start = '2026-10-13T10:00:00-05:00';

  it('makes Critical due one business hour later', () => {
    expect(due('critical', start)).toBe('2026-10-13T16:00:00.000Z'); // Tue 11:00 CDT
  });

  it('makes High due four business hours later', () => {
    expect(due('high', start)).toBe('2026-10-13T19:00:00.000Z'); // Tue 14:00 CDT
  });

  it('makes Medium due at the same time the next business day', () => {
    // Tue 10–18 = 8h, Wed 06:00 + 4h = Wed 10:00 CDT.
    expect(due('medium', start)).toBe('2026-10-14T15:00:00.000Z');
  });

  it('makes Low due at the same time two business days later', () => {
    // Tue 8h + Wed 12h = 20h, Thu 06:00 + 4h = Thu 10:00 CDT.
    expect(due('low', start)).toBe('2026-10-15T15:00:00.000Z');
  });
});

describe('vendor due times around closed time', () => {
  it('starts counting at 06:00 for a ticket opened before opening', () => {
    // Tue 05:15 CDT → counting from 06:00, + 4h = 10:00 CDT.
    expect(due('high', '2026-10-13T05:15:00-05:00')).toBe('2026-10-13T15:00:00.000Z');
  });

  it('starts counting at the next morning for a ticket opened after closing', () => {
    // Tue 19:30 CDT → Wed 06:00 + 1h = Wed 07:00 CDT.
    expect(due('critical', '2026-10-13T19:30:00-05:00')).toBe('2026-10-14T12:00:00.000Z');
  });

  it('starts counting on Monday for a ticket opened on Saturday, and may end exactly at closing', () => {
    // Sat 2026-10-17 → Mon Oct 19 06:00 + 12h = 18:00 CDT, the closing time itself.
    expect(due('medium', '2026-10-17T12:00:00-05:00')).toBe('2026-10-19T23:00:00.000Z');
  });

  it('is due at closing time, not the next opening, when the budget runs out at 18:00', () => {
    // Fri 2026-10-16 17:00 CDT + 1h = Fri 18:00 CDT.
    expect(due('critical', '2026-10-16T17:00:00-05:00')).toBe('2026-10-16T23:00:00.000Z');
  });

  it('carries the rest of the budget over a weekend', () => {
    // Fri 2026-10-16 16:00 CDT: Fri 2h, then Mon Oct 19 06:00 + 2h = 08:00 CDT.
    expect(due('high', '2026-10-16T16:00:00-05:00')).toBe('2026-10-19T13:00:00.000Z');
  });
});

describe('vendor due times around holidays', () => {
  it('skips Thanksgiving and the day after (Nov 26–27, 2026) and the weekend', () => {
    // Wed Nov 25 15:00 CST: Wed 3h; Thu, Fri holidays; Sat, Sun; Mon Nov 30 06:00 + 9h = 15:00 CST.
    expect(due('medium', '2026-11-25T15:00:00-06:00')).toBe('2026-11-30T21:00:00.000Z');
  });

  it('starts counting on the next business day for a ticket opened on Thanksgiving', () => {
    // Thu Nov 26 09:00 CST → Mon Nov 30 06:00 + 1h = 07:00 CST.
    expect(due('critical', '2026-11-26T09:00:00-06:00')).toBe('2026-11-30T13:00:00.000Z');
  });

  it('treats the day after Thanksgiving as a holiday on its own', () => {
    // Fri Nov 27 10:00 CST → Mon Nov 30 06:00 + 4h = 10:00 CST.
    expect(due('high', '2026-11-27T10:00:00-06:00')).toBe('2026-11-30T16:00:00.000Z');
  });

  it('skips Juneteenth on its Friday (2026)', () => {
    // Thu Jun 18 17:00 CDT: Thu 1h; Fri Jun 19 holiday; Mon Jun 22 06:00 + 3h = 09:00 CDT.
    expect(due('high', '2026-06-18T17:00:00-05:00')).toBe('2026-06-22T14:00:00.000Z');
  });

  it('skips Juneteenth observed on Friday when it falls on Saturday (2027)', () => {
    // Thu 2027-06-17 12:00 CDT: Thu 6h; Fri Jun 18 observed; Mon Jun 21 06:00 + 6h = 12:00 CDT.
    expect(due('medium', '2027-06-17T12:00:00-05:00')).toBe('2027-06-21T17:00:00.000Z');
  });

  it('skips New Year’s Day when a Low ticket is opened on New Year’s Eve afternoon', () => {
    // Thu 2026-12-31 14:00 CST, 24h: Thu 4h; Fri Jan 1 holiday; Mon Jan 4 12h (16h);
    // Tue Jan 5 06:00 + 8h = 14:00 CST.
    expect(due('low', '2026-12-31T14:00:00-06:00')).toBe('2027-01-05T20:00:00.000Z');
  });

  it('skips Christmas Eve and Day on Thu 23 and Fri 24 Dec when Christmas is a Saturday (2027)', () => {
    // Wed 2027-12-22 14:00 CST: Wed 4h; Thu 23 (Christmas Eve), Fri 24 (Christmas observed),
    // weekend; Mon Dec 27 06:00 + 8h = 14:00 CST.
    expect(due('medium', '2027-12-22T14:00:00-06:00')).toBe('2027-12-27T20:00:00.000Z');
  });

  it('skips Fri Dec 31, 2027, where New Year 2028 (a Saturday) is observed', () => {
    // Thu 2027-12-30 12:00 CST, 24h: Thu 6h; Fri Dec 31 closed; weekend; Mon Jan 3 12h (18h);
    // Tue Jan 4 06:00 + 6h = 12:00 CST.
    expect(due('low', '2027-12-30T12:00:00-06:00')).toBe('2028-01-04T18:00:00.000Z');
  });
});

describe('vendor due times across daylight-saving changes', () => {
  it('keeps 06:00–18:00 wall-clock after spring-forward (Sun 2027-03-14)', () => {
    // Fri Mar 12 15:00 CST (21:00Z), Low 24h: Fri 3h; Mon Mar 15 12h (15h); Tue Mar 16 06:00
    // + 9h = 15:00 CDT = 20:00Z (a fixed -06:00 would wrongly give 21:00Z).
    expect(due('low', '2027-03-12T15:00:00-06:00')).toBe('2027-03-16T20:00:00.000Z');
    // Fri Mar 12 10:00 CST, Medium 12h: Fri 8h; Mon 06:00 + 4h = 10:00 CDT = 15:00Z.
    expect(due('medium', '2027-03-12T10:00:00-06:00')).toBe('2027-03-15T15:00:00.000Z');
  });

  it('keeps 06:00–18:00 wall-clock after fall-back (Sun 2026-11-01)', () => {
    // Fri Oct 30 16:00 CDT, High 4h: Fri 2h; Mon Nov 2 06:00 + 2h = 08:00 CST = 14:00Z.
    expect(due('high', '2026-10-30T16:00:00-05:00')).toBe('2026-11-02T14:00:00.000Z');
    // Fri Oct 30 10:00 CDT, Medium 12h: Fri 8h; Mon 06:00 + 4h = 10:00 CST = 16:00Z.
    expect(due('medium', '2026-10-30T10:00:00-05:00')).toBe('2026-11-02T16:00:00.000Z');
  });
});

describe('a district policy with a short Friday', () => {
  it('counts one business day as the common day length, here ending exactly at Friday noon', () => {
    // Mon–Thu 07:30–16:00 (510 min), Fri 07:30–12:00 → 1 business day = 510 min. Thu 2026-10-15
    // 12:00 CDT: Thu 240 min, Fri 07:30–12:00 = 270 min → 510 at Fri 12:00 CDT = 17:00Z.
    const long = [{ open: '07:30', close: '16:00' }];
    const policy: SlaPolicy = slaPolicySchema.parse({
      id: 'district',
      name: 'District tier 2',
      calendar: businessCalendarSchema.parse({
        id: 'district',
        name: 'District',
        zone: 'America/Chicago',
        week: { '1': long, '2': long, '3': long, '4': long, '5': [{ open: '07:30', close: '12:00' }] },
      }),
      targets: {
        critical: { amount: 2, unit: 'business-hours' },
        high: { amount: 8, unit: 'business-hours' },
        medium: { amount: 1, unit: 'business-days' },
        low: { amount: 3, unit: 'business-days' },
      },
    });
    expect(dueAt(policy, 'medium', new Date('2026-10-15T12:00:00-05:00')).toISOString()).toBe('2026-10-16T17:00:00.000Z');
  });
});

describe('slaClock', () => {
  // Critical opened Tue 2026-10-13 10:00 CDT; target 1h = 3,600,000 ms; due 11:00 CDT (16:00Z).
  const start = new Date('2026-10-13T10:00:00-05:00');
  const at = (now: string) => slaClock(VENDOR_SUPPORT_POLICY, 'critical', start, new Date(now));

  it('reports the due time and half the budget left half way through', () => {
    expect(at('2026-10-13T10:30:00-05:00')).toEqual({
      dueAt: new Date('2026-10-13T16:00:00.000Z'),
      remainingMs: 1_800_000,
      fractionRemaining: 0.5,
      state: 'ok',
    });
  });

  it('stays ok with 16 of 60 minutes left and warns at 15 (25 %)', () => {
    expect(at('2026-10-13T10:44:00-05:00')).toMatchObject({ remainingMs: 960_000, state: 'ok' });
    expect(at('2026-10-13T10:45:00-05:00')).toMatchObject({ remainingMs: 900_000, fractionRemaining: 0.25, state: 'warning' });
  });

  it('is not breached at the due instant itself, only after it', () => {
    expect(at('2026-10-13T11:00:00-05:00')).toMatchObject({ remainingMs: 0, state: 'warning' });
    expect(at('2026-10-13T11:00:00.001-05:00')).toMatchObject({ remainingMs: -1, state: 'breached' });
  });

  it('counts overdue time as negative business time', () => {
    expect(at('2026-10-13T11:30:00-05:00')).toMatchObject({ remainingMs: -1_800_000, fractionRemaining: 0, state: 'breached' });
  });

  it('reads a clock that is behind the ticket (now before start) as nothing elapsed', () => {
    expect(at('2026-10-13T09:00:00-05:00')).toMatchObject({ remainingMs: 3_600_000, fractionRemaining: 1, state: 'ok' });
  });

  it('shows breached over a weekend after a Friday-evening deadline, with the overdue time only growing on Monday', () => {
    // High opened Fri 2026-10-16 14:00 CDT → due Fri 18:00 CDT (23:00Z).
    const friday = new Date('2026-10-16T14:00:00-05:00');
    expect(slaClock(VENDOR_SUPPORT_POLICY, 'high', friday, new Date('2026-10-17T12:00:00-05:00'))).toMatchObject({
      dueAt: new Date('2026-10-16T23:00:00.000Z'),
      remainingMs: 0,
      state: 'breached',
    });
    // Mon 07:00 CDT: one open hour (06:00–07:00) past due.
    expect(slaClock(VENDOR_SUPPORT_POLICY, 'high', friday, new Date('2026-10-19T07:00:00-05:00'))).toMatchObject({
      remainingMs: -3_600_000,
      state: 'breached',
    });
  });

  it('does not run down while the vendor is closed', () => {
    // Medium opened Sat 2026-10-17 09:00; on Sunday nothing has elapsed: 12h = 43,200,000 ms left.
    const clock = slaClock(VENDOR_SUPPORT_POLICY, 'medium', new Date('2026-10-17T09:00:00-05:00'), new Date('2026-10-18T09:00:00-05:00'));
    expect(clock).toMatchObject({ remainingMs: 43_200_000, fractionRemaining: 1, state: 'ok' });
  });

  it('counts only open hours on both sides of a weekend', () => {
    // Medium opened Fri 2026-10-16 15:00 CDT; Mon 09:00: Fri 3h + Mon 3h = 6h elapsed of 12h.
    const clock = slaClock(VENDOR_SUPPORT_POLICY, 'medium', new Date('2026-10-16T15:00:00-05:00'), new Date('2026-10-19T09:00:00-05:00'));
    expect(clock).toMatchObject({ remainingMs: 21_600_000, fractionRemaining: 0.5, state: 'ok' });
  });
});
