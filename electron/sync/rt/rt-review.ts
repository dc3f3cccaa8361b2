import type { ReviewConnector } from '../review';
import { auditAnchors, decisionAnchor } from './rt-anchors';
import type { RtContext } from './rt-context';
import { getForReview, listForReview, reviewStatus } from './rt-review-read';
import { decide, resubmit } from './rt-review-write';

/**
 * Supervisor review on Request Tracker. The state lives in the "Deskbook Review" custom field,
 * the escalation in "Deskbook Escalation" (JSON, no sealed-note handles), and every decision and
 * resubmission is an internal comment whose subject carries a `[Deskbook decision <uuid>]` or
 * `[Deskbook resubmission <uuid>]` marker: RT's history is the review history. A decision's
 * comment ends with the audit trail's anchor (`Deskbook audit: #7 <hash> …`), read back by
 * `decisionAnchor` and `auditAnchors`.
 */
export function createRtReview(ctx: RtContext): ReviewConnector {
  return {
    listForReview: (cursor) => listForReview(ctx, cursor),
    getForReview: (remoteId) => getForReview(ctx, remoteId),
    decide: (remoteId, decision, options) => decide(ctx, remoteId, decision, options),
    resubmit: (remoteId, escalation, options) => resubmit(ctx, remoteId, escalation, options),
    reviewStatus: (remoteIds) => reviewStatus(ctx, remoteIds),
    decisionAnchor: (remoteId, decisionId) => decisionAnchor(ctx, remoteId, decisionId),
    auditAnchors: () => auditAnchors(ctx),
  };
}
