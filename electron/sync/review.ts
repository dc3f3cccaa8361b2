import type { Escalation } from '../../shared/escalation/schema';
import type { DecisionResult } from '../../shared/ipc/sync';
import type { Decision, ReviewDetail, ReviewPage, ReviewStatus } from '../../shared/review/schema';
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
 */
export type DecisionOutcome = DecisionResult;

/**
 * Supervisor review on the ticketing system itself, so every supervisor's machine and the
 * analyst's see one state and one history. Contract shared by implementations:
 * - reads (`listForReview`, `getForReview`, `reviewStatus`) throw `ConnectorError` on failure;
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
}
