import { describe, expect, it } from 'vitest';
import { DEFAULT_DISTRICT_POLICY } from './district';
import { dueAt, slaPolicySchema } from './policy';
import { VENDOR_SUPPORT_CALENDAR, VENDOR_SUPPORT_POLICY } from './vendor';

const due = (priority: 'critical' | 'high' | 'medium' | 'low', start: string) => dueAt(DEFAULT_DISTRICT_POLICY, priority, new Date(start)).toISOString();

/**
 * The placeholder a district runs on until it sets its own calendar: what Settings tells the
 * analyst it is (Monday to Friday 07:00–17:00 Central, the vendor's holidays less two, the
 * vendor's targets), so a district ticket is never due later than the vendor case behind it.
 */
describe('the placeholder district policy', () => {
  it('is a valid policy that says it is a placeholder', () => {
    expect(slaPolicySchema.parse(DEFAULT_DISTRICT_POLICY)).toEqual(DEFAULT_DISTRICT_POLICY);
    expect(DEFAULT_DISTRICT_POLICY.id).toBe('district-default');
    expect(DEFAULT_DISTRICT_POLICY.name).toMatch(/placeholder/i);
    expect(DEFAULT_DISTRICT_POLICY.calendar).toMatchObject({ id: 'district-default', name: 'District help desk', zone: 'America/Chicago', closures: [] });
  });

  it('is open Monday to Friday, 07:00 to 17:00, and closed at the weekend', () => {
    const day = [{ open: '07:00', close: '17:00' }];
    expect(DEFAULT_DISTRICT_POLICY.calendar.week).toEqual({ '1': day, '2': day, '3': day, '4': day, '5': day });
    // High (4 business hours) on Friday 15:00 CT: two hours Friday, two from Monday 07:00.
    expect(due('high', '2026-10-16T15:00:00-05:00')).toBe('2026-10-19T14:00:00.000Z');
    // Critical (1 business hour) on Tuesday 06:30 CT starts at opening.
    expect(due('critical', '2026-10-20T06:30:00-05:00')).toBe('2026-10-20T13:00:00.000Z');
  });

  it("keeps the vendor's observed holidays except Juneteenth and Christmas Eve", () => {
    const ids = DEFAULT_DISTRICT_POLICY.calendar.holidays.map((h) => h.id);
    expect(ids).toEqual(VENDOR_SUPPORT_CALENDAR.holidays.map((h) => h.id).filter((id) => id !== 'juneteenth' && id !== 'christmas-eve'));
    expect(ids.length).toBeGreaterThan(0);
    // Medium (1 business day) on Wednesday 2026-11-25 10:00 CT skips Thanksgiving and the day after.
    expect(due('medium', '2026-11-25T10:00:00-06:00')).toBe('2026-11-30T16:00:00.000Z');
    // ...but not Juneteenth: Thursday 2026-06-18 10:00 CT is due Friday the 19th, the district being open.
    expect(due('medium', '2026-06-18T10:00:00-05:00')).toBe('2026-06-19T15:00:00.000Z');
  });

  it("has the vendor's targets, so a district ticket is never due after the vendor case behind it", () => {
    expect(DEFAULT_DISTRICT_POLICY.targets).toEqual({
      critical: { amount: 1, unit: 'business-hours' },
      high: { amount: 4, unit: 'business-hours' },
      medium: { amount: 1, unit: 'business-days' },
      low: { amount: 2, unit: 'business-days' },
    });
    expect(DEFAULT_DISTRICT_POLICY.targets).toEqual(VENDOR_SUPPORT_POLICY.targets);
  });
});
