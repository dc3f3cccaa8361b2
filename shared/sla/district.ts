import type { SlaPolicy } from './policy';
import { VENDOR_SUPPORT_CALENDAR } from './vendor';

const SCHOOL_DAY = [{ open: '07:00', close: '17:00' }];

/**
 * A PLACEHOLDER until a district sets its calendar (Settings or the DistrictSlaCalendar policy):
 * no seed says when a district's help desk is open, so Settings says these hours are not the
 * district's own. It is
 * Monday–Friday 07:00–17:00 in the district's zone, the same observed holidays as the vendor,
 * and the vendor's targets (so a district ticket is never slower than the vendor case behind it).
 */
export const DEFAULT_DISTRICT_POLICY: SlaPolicy = {
  id: 'district-default',
  name: 'Placeholder hours (set your district calendar)',
  calendar: {
    id: 'district-default',
    name: 'District help desk',
    zone: 'America/Chicago',
    week: { '1': SCHOOL_DAY, '2': SCHOOL_DAY, '3': SCHOOL_DAY, '4': SCHOOL_DAY, '5': SCHOOL_DAY },
    // The vendor's observed holidays, less Juneteenth and Christmas Eve (districts differ there;
    // both are one ICS import or setting away).
    holidays: VENDOR_SUPPORT_CALENDAR.holidays.filter((h) => h.id !== 'juneteenth' && h.id !== 'christmas-eve'),
    closures: [],
  },
  targets: {
    critical: { amount: 1, unit: 'business-hours' },
    high: { amount: 4, unit: 'business-hours' },
    medium: { amount: 1, unit: 'business-days' },
    low: { amount: 2, unit: 'business-days' },
  },
};
