import { describe, expect, it } from 'vitest';
import { PRIORITIES, VENDOR_PRIORITY_MATRIX, prioritySchema } from './priority';

describe('priorities', () => {
  it('lists the four vendor priorities from most to least urgent', () => {
    expect(PRIORITIES).toEqual(['critical', 'high', 'medium', 'low']);
  });

  it('rejects a priority outside the closed set with a message naming the choices', () => {
    const result = prioritySchema.safeParse('urgent');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('Priority: choose critical, high, medium or low');
  });

  it('quotes the vendor response-time table verbatim, punctuation included', () => {
    // Copied by hand from seeds/001 "Response Times"; only Critical's example ends with a period.
    expect(VENDOR_PRIORITY_MATRIX).toEqual({
      critical: {
        label: 'Critical',
        response: 'Within 1 business hour',
        example: 'System-wide outage or major functionality failure affecting all users.',
      },
      high: {
        label: 'High',
        response: 'Within 4 business hours',
        example: 'High-impact or time-sensitive issue affecting many users',
      },
      medium: {
        label: 'Medium',
        response: 'Within 1 business day',
        example: 'Functionality is affected but usable, affecting a limited number of users',
      },
      low: { label: 'Low', response: 'Within 2 business days', example: 'General questions or advice' },
    });
  });
});
