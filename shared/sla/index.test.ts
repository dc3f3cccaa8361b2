import { describe, expect, it } from 'vitest';
import * as sla from './index';

describe('shared/sla public API', () => {
  it('exports the functions, constants and schemas other layers rely on', () => {
    for (const name of [
      'dueAt',
      'slaClock',
      'businessMsBetween',
      'holidaysInYear',
      'parseIcsClosures',
      'formatBusinessDuration',
    ] as const) {
      expect(typeof sla[name]).toBe('function');
    }
    expect(sla.PRIORITIES).toEqual(['critical', 'high', 'medium', 'low']);
    expect(sla.VENDOR_SUPPORT_POLICY.calendar).toBe(sla.VENDOR_SUPPORT_CALENDAR);
    expect(sla.businessCalendarSchema.safeParse(sla.VENDOR_SUPPORT_CALENDAR).success).toBe(true);
    expect(sla.prioritySchema.parse('medium')).toBe('medium');
  });

  it('keeps the vendor constants frozen so their cached day spans cannot go stale', () => {
    expect(Object.isFrozen(sla.VENDOR_SUPPORT_CALENDAR)).toBe(true);
    expect(Object.isFrozen(sla.VENDOR_SUPPORT_CALENDAR.holidays[0])).toBe(true);
    expect(Object.isFrozen(sla.VENDOR_SUPPORT_POLICY.targets.low)).toBe(true);
  });
});
