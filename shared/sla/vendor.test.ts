import { describe, expect, it } from 'vitest';
import { businessCalendarSchema } from './calendar-schema';
import { dueAt, slaClock, slaPolicySchema } from './policy';
import { VENDOR_HOSTED_OUTAGE_POLICY, VENDOR_HOSTING_CALENDAR, VENDOR_SUPPORT_POLICY, vendorPolicyFor } from './vendor';

const due = (hostedOutage: boolean, priority: 'critical' | 'high' | 'medium' | 'low', start: string) =>
  dueAt(vendorPolicyFor({ hostedOutage }), priority, new Date(start)).toISOString();

describe('the vendor clock for an outage of a Campus Hosted site (24/7 Hosting Support)', () => {
  it('is a valid, frozen policy on a calendar open every hour of every day', () => {
    expect(slaPolicySchema.parse(VENDOR_HOSTED_OUTAGE_POLICY)).toEqual(VENDOR_HOSTED_OUTAGE_POLICY);
    expect(businessCalendarSchema.safeParse(VENDOR_HOSTING_CALENDAR).success).toBe(true);
    expect(Object.isFrozen(VENDOR_HOSTED_OUTAGE_POLICY.targets.critical)).toBe(true);
  });

  it('is chosen for a hosted outage, and the business-hours calendar for anything else', () => {
    expect(vendorPolicyFor({ hostedOutage: true })).toBe(VENDOR_HOSTED_OUTAGE_POLICY);
    expect(vendorPolicyFor({ hostedOutage: false })).toBe(VENDOR_SUPPORT_POLICY);
    expect(vendorPolicyFor({})).toBe(VENDOR_SUPPORT_POLICY);
  });

  it('runs through the night and the weekend: Critical reported Saturday 02:00 CT is due 03:00 CT, not Monday 07:00', () => {
    expect(due(true, 'critical', '2026-10-17T02:00:00-05:00')).toBe('2026-10-17T08:00:00.000Z');
    expect(due(false, 'critical', '2026-10-17T02:00:00-05:00')).toBe('2026-10-19T12:00:00.000Z');
  });

  it('runs through the vendor holidays: High reported on Christmas Day at 20:00 CT is due at midnight', () => {
    expect(due(true, 'high', '2026-12-25T20:00:00-06:00')).toBe('2026-12-26T06:00:00.000Z');
  });

  it('counts a business day as 24 hours, across a daylight-saving change in real elapsed time', () => {
    // Medium from Sat 2026-10-31 12:00 CDT; clocks fall back Sun 02:00: due Sun 11:00 CST.
    expect(due(true, 'medium', '2026-10-31T12:00:00-05:00')).toBe('2026-11-01T17:00:00.000Z');
    expect(due(true, 'low', '2026-10-13T10:00:00-05:00')).toBe('2026-10-15T15:00:00.000Z');
  });

  it('keeps counting down at night: half a Critical hour left at 02:30 on a Sunday', () => {
    const clock = slaClock(VENDOR_HOSTED_OUTAGE_POLICY, 'critical', new Date('2026-10-18T02:00:00-05:00'), new Date('2026-10-18T02:30:00-05:00'));
    expect(clock).toMatchObject({ remainingMs: 1_800_000, fractionRemaining: 0.5, state: 'ok' });
  });
});
