import type { ReviewConnector } from '../review';
import type { ZendeskContext } from './zendesk-context';
import { auditAnchors, decisionAnchor, getForReview, listForReview, reviewStatus } from './zendesk-review-read';
import { decide, resubmit } from './zendesk-review-write';

/**
 * Supervisor review on Zendesk (the mapping is in ./zendesk-review-format.ts): the state in
 * tags, the escalation's structured copy in an internal note, each decision and resubmission an
 * internal comment that starts with its marker; a decision's version check is Zendesk's own
 * `safe_update`, in the same request as the decision.
 */
export function createZendeskReview(ctx: ZendeskContext): ReviewConnector {
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
