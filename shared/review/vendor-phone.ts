import type { Priority } from '../sla/priority';

/**
 * What the Authorized Contact does after forwarding a vendor case, from Infinite Campus's
 * "Working With Support" (Phone Support Process): for urgent issues, submit the case first, then
 * call to expedite; the phone system routes the call by case number, so the caller chooses
 * "existing case" (press 1), never "new case" (press 2), which would open a second one. Press 8
 * reports an outage of a Campus-hosted site, 24/7. "Urgent" is Critical and High; Medium and
 * Low need no call. Returns null when no call is needed.
 */
export function vendorPhoneAdvice(priority: Priority): string | null {
  if (priority !== 'critical' && priority !== 'high') return null;
  return 'Submit the case in the Support Case Portal first, then call Campus Support to expedite it: press 1 (existing case) and give the case number, so the call reaches its case owner. For an outage of a Campus-hosted site, press 8 (24/7).';
}
