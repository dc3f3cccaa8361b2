import type { ReviewItem } from '../../../shared/review/schema';
import { vendorPolicyFor } from '../../../shared/sla';
import type { SlaPolicy } from '../../../shared/sla';

/** The vendor's clock for one escalation: which policy it runs on and when it started (null: not yet). */
export interface VendorClock {
  readonly policy: SlaPolicy;
  /** When the vendor case was submitted (ISO); null until an Authorized Contact records it. */
  readonly startedAt: string | null;
}

/**
 * The vendor clock of a review item, or null when the escalation is not (becoming) a vendor case.
 * It runs on the 24/7 Hosting Support clock for a hosted outage, else on the vendor's business
 * hours, and starts when the vendor case was submitted, never when the district ticket was
 * created: Infinite Campus's targets count from their case, and before there is one nothing runs.
 */
export function vendorClockOf(item: Pick<ReviewItem, 'escalation' | 'reviewState' | 'vendorCase'>): VendorClock | null {
  const draft = item.escalation?.draft;
  if (!draft) return null;
  if (draft.kind !== 'vendor-case' && item.reviewState !== 'forwarded' && !item.vendorCase) return null;
  return { policy: vendorPolicyFor(draft), startedAt: item.vendorCase?.submittedAt ?? null };
}
