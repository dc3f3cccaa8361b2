import type { SlaPolicy } from './policy';

const SCHOOL_DAY = [{ open: '07:00', close: '17:00' }];

/**
 * The district help desk's own targets until a district sets its calendar in Settings:
 * Monday–Friday 07:00–17:00 in the district's zone, the same observed holidays as the vendor,
 * and the vendor's targets (so a district ticket is never slower than the vendor case behind it).
 */
export const DEFAULT_DISTRICT_POLICY: SlaPolicy = {
  id: 'district-default',
  name: 'District help desk (default hours)',
  calendar: {
    id: 'district-default',
    name: 'District help desk',
    zone: 'America/Chicago',
    week: { '1': SCHOOL_DAY, '2': SCHOOL_DAY, '3': SCHOOL_DAY, '4': SCHOOL_DAY, '5': SCHOOL_DAY },
    holidays: [
      { kind: 'fixed', id: 'new-years-day', name: "New Year's Day", month: 1, day: 1, observed: 'nearest-weekday' },
      { kind: 'nth-weekday', id: 'memorial-day', name: 'Memorial Day', month: 5, weekday: 1, n: -1 },
      { kind: 'fixed', id: 'independence-day', name: 'Independence Day', month: 7, day: 4, observed: 'nearest-weekday' },
      { kind: 'nth-weekday', id: 'labor-day', name: 'Labor Day', month: 9, weekday: 1, n: 1 },
      { kind: 'nth-weekday', id: 'thanksgiving', name: 'Thanksgiving', month: 11, weekday: 4, n: 4 },
      { kind: 'relative', id: 'day-after-thanksgiving', name: 'Day after Thanksgiving', of: 'thanksgiving', offset: 1, count: 'days' },
      { kind: 'fixed', id: 'christmas-day', name: 'Christmas Day', month: 12, day: 25, observed: 'nearest-weekday' },
    ],
    closures: [],
  },
  targets: {
    critical: { amount: 1, unit: 'business-hours' },
    high: { amount: 4, unit: 'business-hours' },
    medium: { amount: 1, unit: 'business-days' },
    low: { amount: 2, unit: 'business-days' },
  },
};
