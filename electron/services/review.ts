import type { DecisionResult } from '../../shared/ipc/contract';
import type { UserProfile } from '../../shared/ipc/settings';
import type { Logger } from '../../shared/log';
import type { DecisionRequest, ResubmitRequest } from '../../shared/review/schema';
import { decisionRequestSchema, resubmitRequestSchema } from '../../shared/review/schema';
import { DeskbookError } from '../../shared/result';
import type { AuditTrail } from '../audit';
import { ConnectorError } from '../sync/connector';
import type { Connector, ReviewConnector } from '../sync/connector';
import type { DeliveryOutcome } from '../sync/outcome';
import type { Vault } from '../vault/vault';

export interface ReviewServiceOptions {
  connector: () => Promise<Connector | null>;
  /** To hand a fix's sealed notes to the ticket (as internal notes) and mark them delivered. */
  vault: Vault;
  now: () => Date;
  user: () => UserProfile;
  audit: AuditTrail;
  machine: string;
  log: Logger;
}

const DETAIL = {
  approve: (d: { note?: string }) => d.note ?? '',
  return: (d: { comment: string }) => d.comment,
  forward: (d: { priority: string }) => `vendor case, priority ${d.priority}`,
};

/**
 * Supervisor review in main: reads pass through to the connector's review capability; decisions
 * and resubmissions are exactly-once writes (one in flight per id; a second attempt for the same
 * id is treated as "maybe delivered"). Forwarding to the vendor is refused here, not only hidden
 * in the UI, unless the signed-in user is one of the district's Authorized Contacts.
 */
export function createReviewService(options: ReviewServiceOptions) {
  const inflight = new Map<string, Promise<unknown>>();

  const review = async (): Promise<ReviewConnector> => {
    const connector = await options.connector();
    if (!connector) throw new DeskbookError('UNAVAILABLE', 'No ticketing system is configured (Settings).');
    if (!connector.review) throw new DeskbookError('UNAVAILABLE', `The ${connector.kind} connector does not support supervisor review.`);
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

  const once = <T>(id: string, maybeDelivered: boolean, run: (maybe: boolean) => Promise<T>): Promise<T> => {
    const previous = inflight.get(id);
    const next = (previous ?? Promise.resolve())
      .catch(() => undefined)
      .then(() => run(maybeDelivered || previous !== undefined));
    inflight.set(id, next);
    void next.finally(() => {
      if (inflight.get(id) === next) inflight.delete(id);
    }).catch(() => undefined);
    return next;
  };

  return {
    list: (cursor: string | null) => read((r) => r.listForReview(cursor)),
    get: (remoteId: string) => read((r) => r.getForReview(remoteId)),
    status: (remoteIds: readonly string[]) => read((r) => r.reviewStatus(remoteIds)),

    async decide(input: DecisionRequest): Promise<DecisionResult> {
      const request = decisionRequestSchema.parse(input);
      const user = options.user();
      if (request.decision.kind === 'forward' && !user.authorizedContact) {
        throw new DeskbookError(
          'FORBIDDEN',
          "decision.kind: only the district's Authorized Contacts may open vendor cases; ask one of them to forward it.",
          'decision.kind',
        );
      }
      const r = await review();
      const outcome = await once(request.decisionId, request.maybeDelivered, (maybe) =>
        r.decide(request.remoteId, request.decision, {
          decisionId: request.decisionId,
          expectedEtag: request.expectedEtag,
          actor: { id: user.id, name: user.name },
          maybeDelivered: maybe,
        }),
      );
      if (outcome.kind === 'sent') {
        const d = request.decision;
        const detail = d.kind === 'approve' ? DETAIL.approve(d) : d.kind === 'return' ? DETAIL.return(d) : DETAIL.forward(d);
        await options.audit.append({
          actor: { id: user.id, name: user.name, role: user.role },
          machine: options.machine,
          action: d.kind,
          remoteId: request.remoteId,
          requestId: request.requestId,
          decisionId: request.decisionId,
          detail,
          decidedAt: request.decidedAt,
        });
      }
      options.log.info('review decision attempt', { remoteId: request.remoteId, outcome: outcome.kind });
      return outcome;
    },

    async resubmit(input: ResubmitRequest): Promise<DeliveryOutcome> {
      const request = resubmitRequestSchema.parse(input);
      const connector = await options.connector();
      if (!connector?.review) return { kind: 'retry', reason: 'No ticketing system with review is configured yet (Settings).', maybeDelivered: request.maybeDelivered };
      const r = connector.review;
      const handles = request.escalation.draft.sealedNotes.map((n) => n.handle);
      const notes: { label: string; plaintext: string }[] = [];
      for (const handle of handles) {
        try {
          notes.push(await options.vault.open(handle));
        } catch (error) {
          return { kind: 'failed', message: `A sealed note of this fix cannot be read (${(error as Error).message}). Edit it and seal it again.` };
        }
      }
      const outcome = await once(request.resubmitId, request.maybeDelivered, (maybe) =>
        r.resubmit(request.remoteId, request.escalation, { resubmitId: request.resubmitId, maybeDelivered: maybe }),
      );
      if (outcome.kind === 'sent' && notes.length > 0) {
        // Sealed notes go to the same ticket as internal comments, once (marked with the fix's id).
        await connector.ensureSealedNotes({ remoteId: outcome.remoteId, url: outcome.url }, request.resubmitId, notes);
        await options.vault.markDelivered(handles, options.now());
      }
      return outcome;
    },
  };
}
