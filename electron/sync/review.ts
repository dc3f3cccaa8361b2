import type { Escalation } from '../../shared/escalation/schema';
import type { DecisionResult } from '../../shared/ipc/sync';
import type { Decision, ReviewDetail, ReviewPage, ReviewStatus } from '../../shared/review/schema';
import type { AuditAnchor, RecordedAnchor } from '../audit';
import type { DeliveryOutcome } from './outcome';

/** Who decided, as the ticket history names them (the audit trail adds role and machine). */
export interface ReviewActor {
  id: string;
  name: string;
}

export interface DecideOptions {
  /** The decision's UUID: written into the ticket as a marker, so a retry can find it. */
  decisionId: string;
  /** The ticket version the supervisor decided on (`ReviewDetail.etag`); null skips the check. */
  expectedEtag: string | null;
  actor: ReviewActor;
  /** The previous attempt ended ambiguously: look for the marker before writing again. */
  maybeDelivered: boolean;
  /**
   * The audit trail's anchor for this decision (its entry's place and the chain's head hash
   * after it), written with the decision in the same request. When the decision turns out to be
   * written already, the outcome says which anchor that write carries (`earlier`).
   */
  anchor?: AuditAnchor;
}

export interface ResubmitOptions {
  /** The resubmission's UUID: written into the ticket as a marker, so a retry can find it. */
  resubmitId: string;
  maybeDelivered: boolean;
  /**
   * The signed-in analyst, as main knows them (never the renderer's word): a fix is accepted only
   * for a ticket this analyst escalated and a supervisor returned.
   */
  analystId: string;
}

/**
 * A decision attempt: a delivery outcome, or `conflict` when the ticket changed since the
 * supervisor saw it (another decision, a resubmission, a technician's comment). `current` is the
 * ticket as it is now, so the supervisor sees both versions and decides again; nothing was written.
 * A `sent` for an anchored decision an earlier attempt had already written says what that write
 * carries (`earlier.anchor`, null for a comment written without one), so the audit trail records
 * the entry the ticketing system holds, not a new one. Main's own field: it never crosses IPC.
 */
export type DecisionOutcome = DecisionResult | (Extract<DecisionResult, { kind: 'sent' }> & { earlier: EarlierDecision });

export interface EarlierDecision {
  anchor: AuditAnchor | null;
}

/** What the ticketing system holds for one decision: nothing, or its comment and the anchor in it. */
export type DecisionAnchorLookup = { found: false } | { found: true; anchor: AuditAnchor | null };

/**
 * Supervisor review on the ticketing system itself, so every supervisor's machine and the
 * analyst's see one state and one history. Contract shared by implementations:
 * - reads (`listForReview`, `getForReview`, `reviewStatus`, `decisionAnchor`, `auditAnchors`)
 *   throw `ConnectorError` on failure;
 * - writes (`decide`, `resubmit`) return outcomes and never throw for HTTP or network failures;
 * - writes are exactly once: each carries a marker with its UUID, and a `maybeDelivered` retry
 *   looks for the marker before writing again;
 * - nothing returned ever contains sealed-note text.
 */
export interface ReviewConnector {
  /**
   * Escalations changed since `cursor` (null: all of them), oldest change first, every page read.
   * The returned cursor is opaque: store it and pass it back. An item may repeat across calls;
   * key the cache by `remoteId`.
   */
  listForReview(cursor: string | null): Promise<ReviewPage>;
  /** One escalation with its current version (`etag`) and its review history. */
  getForReview(remoteId: string): Promise<ReviewDetail>;
  decide(remoteId: string, decision: Decision, options: DecideOptions): Promise<DecisionOutcome>;
  /** The analyst's corrected escalation after a return: back to `awaiting-review`. */
  resubmit(remoteId: string, escalation: Escalation, options: ResubmitOptions): Promise<DeliveryOutcome>;
  /** For the analyst's machine: each ticket's review state and its latest review comment. */
  reviewStatus(remoteIds: readonly string[]): Promise<ReviewStatus[]>;
  /**
   * Whether this decision is on the ticket, and the audit anchor its comment carries: how the
   * review service settles an entry whose write may have landed. `found: false` only when the
   * server positively has no such decision.
   */
  decisionAnchor(remoteId: string, decisionId: string): Promise<DecisionAnchorLookup>;
  /** Every audit anchor in the decision comments this account can read, oldest first, for `audit:verify`. */
  auditAnchors(): Promise<RecordedAnchor[]>;
}
