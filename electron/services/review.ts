import { decisionTexts, escalationTexts } from '../../shared/escalation/outgoing-texts';
import type { DecisionResult } from '../../shared/ipc/sync';
import type { UserProfile } from '../../shared/ipc/settings';
import { connectorName } from '../../shared/ipc/settings';
import type { Decision, DecisionRequest, ResubmitRequest } from '../../shared/review/schema';
import { decisionRequestSchema, resubmitRequestSchema, vendorCaseTimeRefusal } from '../../shared/review/schema';
import type { AuditAnchorReport } from '../../shared/ipc/contract';
import { DeskbookError, isSignInCode } from '../../shared/result';
import { anchorOf } from '../audit';
import type { AuditInput, AuditTrail, PreparedEntry } from '../audit';
import { ConnectorError } from '../sync/connector';
import type { Connector, DecisionOutcome, ReviewConnector } from '../sync/connector';
import type { DeliveryOutcome } from '../sync/outcome';
import { createAuditAnchoring } from './audit-anchoring';
import { vaultDeliverOnce } from './delivery';
import type { SyncDeps } from './delivery';

export interface ReviewServiceOptions extends SyncDeps {
  user: () => UserProfile;
  audit: AuditTrail;
  machine: string;
}

/** What the audit trail's `detail` says of a decision. */
function detailOf(d: Decision): string {
  switch (d.kind) {
    case 'approve':
      return d.note ?? '';
    case 'return':
      return d.comment;
    case 'forward':
      return `vendor case, priority ${d.priority}`;
    case 'vendor-case':
      return `Infinite Campus case ${d.caseNumber}, submitted ${d.submittedAt}${d.note ? `: ${d.note}` : ''}`;
  }
}

/**
 * Opening a vendor case and recording its case number are the Authorized Contacts' alone (the
 * vendor takes cases only from them), refused here whatever the renderer shows or sends.
 */
const AUTHORIZED_CONTACT_ONLY: Partial<Record<Decision['kind'], string>> = {
  forward: "decision.kind: only the district's Authorized Contacts may open vendor cases; ask one of them to forward it.",
  'vendor-case': "decision.kind: only the district's Authorized Contacts may record a vendor case number; ask one of them to record it.",
};

/** What crosses IPC: main's own `earlier` (which anchor a found decision carries) stays here. */
function withoutEarlier(outcome: DecisionOutcome): DecisionResult {
  if (!('earlier' in outcome)) return outcome;
  const { earlier: _earlier, ...sent } = outcome;
  return sent;
}

/** The review capability of a connector the job already checked has one. */
const reviewOf = (connector: { review?: ReviewConnector }): ReviewConnector => connector.review!;

/**
 * Supervisor review in main: reads pass through to the connector's review capability; decisions
 * and resubmissions take the one delivery road (deliverOnce), so they share its rules: one in
 * flight per id, reconcile when the last attempt may have landed, a missing token pauses with
 * "sign in". Forwarding to the vendor and recording the vendor's case number are refused here,
 * not only hidden in the UI, unless the signed-in user is one of the district's Authorized
 * Contacts; a case submission time in the future (main's clock) is refused too. Each decision's
 * audit entry is anchored in the ticketing system (./audit-anchoring.ts): decisions go one at a
 * time, and the entry's time is main's clock when it is prepared, never the renderer's `decidedAt`.
 */
export function createReviewService(options: ReviewServiceOptions) {
  const deliverOnce = vaultDeliverOnce(options);
  const anchoring = createAuditAnchoring({ audit: options.audit, machine: options.machine, log: options.log });

  const review = async (): Promise<ReviewConnector> => {
    const connector = await options.connector();
    if (!connector) throw new DeskbookError('UNAVAILABLE', 'No ticketing system is configured (Settings).');
    if (!connector.review) throw new DeskbookError('UNAVAILABLE', `${connectorName(connector.kind)} does not support supervisor review in Deskbook; review these escalations in the ticketing system itself.`);
    return connector.review;
  };

  const read = async <T>(fn: (r: ReviewConnector) => Promise<T>): Promise<T> => {
    try {
      return await fn(await review());
    } catch (error) {
      if (error instanceof ConnectorError) {
        const code = error.outcome.kind === 'auth' ? 'AUTH_REQUIRED' : error.outcome.kind === 'retry' ? 'UNAVAILABLE' : 'NOT_FOUND';
        throw new DeskbookError(code, error.message);
      }
      throw error;
    }
  };

  return {
    list: (cursor: string | null) => read((r) => r.listForReview(cursor)),
    get: (remoteId: string) => read((r) => r.getForReview(remoteId)),
    status: (remoteIds: readonly string[]) => read((r) => r.reviewStatus(remoteIds)),

    async decide(input: DecisionRequest): Promise<DecisionResult> {
      const request = decisionRequestSchema.parse(input);
      const user = options.user();
      const d = request.decision;
      const onlyAuthorized = AUTHORIZED_CONTACT_ONLY[d.kind];
      if (onlyAuthorized && !user.authorizedContact) throw new DeskbookError('FORBIDDEN', onlyAuthorized, 'decision.kind');
      if (d.kind === 'vendor-case') {
        const refused = vendorCaseTimeRefusal(d.submittedAt, options.now());
        if (refused) throw new DeskbookError('BAD_INPUT', refused, 'decision.submittedAt');
      }
      const record: AuditInput = {
        actor: { id: user.id, name: user.name, role: user.role },
        machine: options.machine,
        action: d.kind,
        remoteId: request.remoteId,
        requestId: request.requestId,
        decisionId: request.decisionId,
        detail: detailOf(d),
        // No `decidedAt`: the trail stamps main's clock when the entry is prepared.
      };
      return anchoring.serial(async () => {
        const attempt: { review?: ReviewConnector; prepared?: PreparedEntry; outcome?: DecisionOutcome } = {};
        const outcome = await deliverOnce({
          id: request.decisionId,
          what: 'decision',
          // An earlier attempt that was recorded or left pending may have written it: look first.
          maybeDelivered: request.maybeDelivered || (await anchoring.known(request.decisionId)) !== null,
          sealedNotes: [],
          texts: decisionTexts(d),
          needsReview: true,
          send: async (connector, _notes, maybe) => {
            const review = (attempt.review = reviewOf(connector));
            const waiting = await anchoring.settleOthers(review, request.decisionId, maybe);
            if (waiting) return waiting;
            const prepared = (attempt.prepared = await options.audit.prepare(record));
            return (attempt.outcome = await review.decide(request.remoteId, d, {
              decisionId: request.decisionId,
              expectedEtag: request.expectedEtag,
              actor: { id: user.id, name: user.name },
              maybeDelivered: maybe,
              anchor: anchorOf(prepared.entry, prepared.trail),
            }));
          },
          landed: async () => {
            if (attempt.prepared) await anchoring.landed(record, attempt.prepared, attempt.outcome);
          },
        });
        if (outcome.kind !== 'sent' && attempt.review && attempt.prepared) await anchoring.notSent(attempt.review, attempt.prepared, outcome);
        return withoutEarlier(outcome);
      });
    },

    /** `audit:verify`: the local trail against the anchors the ticketing system holds. */
    verifyAudit(): Promise<AuditAnchorReport> {
      return anchoring.serial(async () => {
        let connector: Connector | null;
        try {
          connector = await options.connector();
        } catch (error) {
          if (error instanceof DeskbookError && isSignInCode(error.code)) return anchoring.verify(null, error.message);
          throw error;
        }
        return anchoring.verify(connector);
      });
    },

    async resubmit(input: ResubmitRequest): Promise<DeliveryOutcome> {
      const request = resubmitRequestSchema.parse(input);
      const user = options.user();
      return deliverOnce({
        id: request.resubmitId,
        what: 'fix',
        maybeDelivered: request.maybeDelivered,
        sealedNotes: request.escalation.draft.sealedNotes,
        texts: escalationTexts(request.escalation.draft),
        needsReview: true,
        send: (connector, _notes, maybe) =>
          reviewOf(connector).resubmit(request.remoteId, request.escalation, { resubmitId: request.resubmitId, maybeDelivered: maybe, analystId: user.id }),
        // Sealed notes go to the same ticket as internal comments, once (marked with the fix's id).
        landed: async (connector, remote, notes) => {
          if (notes.length > 0) await connector.ensureSealedNotes(remote, request.resubmitId, notes);
        },
      });
    },
  };
}
