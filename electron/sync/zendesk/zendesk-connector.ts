import type { Escalation } from '../../../shared/escalation/schema';
import type { Connector, SealedNote } from '../connector';
import { ConnectorError, failedAfterLanding } from '../outcome';
import type { DeliveryOutcome, FailureOutcome, RemoteTicket } from '../outcome';
import { isSafeRequestId } from '../request-id';
import { renderTicketBody } from '../rt/render';
import { readComments } from './zendesk-api';
import { createZendeskCallLog } from './zendesk-call-log';
import { createZendeskContext } from './zendesk-context';
import type { ZendeskConnectorOptions, ZendeskContext } from './zendesk-context';
import { addComment, createTicket } from './zendesk-create';
import { probeZendesk } from './zendesk-probe';
import { ESCALATION_TAGS, SEALED_NOTES_GO_TO, ZENDESK_PRIORITY, missingSealedNotes, renderSealedNotes } from './zendesk-render';
import { escalationDataLine, REVIEW_TAG } from './zendesk-review-format';
import { createZendeskReview } from './zendesk-review';

/**
 * Zendesk Support (Tickets API). A ticket is created once per request id: the request id is the
 * `Idempotency-Key` (Zendesk replays the original answer for two hours) and the ticket's
 * `external_id`, which a later retry looks up (several tickets may carry it: the oldest wins).
 * The description (the ticket's first, public comment) is rendered from the escalation, which
 * holds sealed notes only as handles, and ends with the escalation's structured copy (JSON,
 * without the handles) that supervisor review reads back. The sealed notes go into one internal
 * note added right after, each under a marker line naming the request id, so a retry adds only
 * what is missing. Review (tags, marker
 * comments, `safe_update`) is in ./zendesk-review*.ts; logged calls in ./zendesk-call-log.ts.
 */
export function createZendeskConnector(options: ZendeskConnectorOptions): Connector {
  const ctx = createZendeskContext(options);

  async function create(escalation: Escalation, requestId: string, sealedNotes: readonly SealedNote[]): Promise<DeliveryOutcome> {
    if (!isSafeRequestId(requestId)) return { kind: 'failed', message: `request id '${requestId.slice(0, 80)}' is not a UUID` };
    const created = await createTicket(ctx, requestId, {
      subject: escalation.draft.subject,
      // The structured copy review reads back rides in the description: it lands with the ticket or not at all.
      comment: { body: `${renderTicketBody(escalation, requestId, SEALED_NOTES_GO_TO)}\n${escalationDataLine(escalation)}\n` },
      priority: ZENDESK_PRIORITY[escalation.draft.priority],
      tags: [...ESCALATION_TAGS, REVIEW_TAG['awaiting-review']],
      ...(ctx.groupId === undefined ? {} : { group_id: ctx.groupId }),
    });
    if (!created.ok) return created.outcome;
    const failure = await completeTicket(ctx, created.remote, requestId, sealedNotes, created.earlier);
    if (failure) return failure;
    return { kind: 'sent', ...created.remote };
  }

  async function addInternalNote(remoteId: string, text: string): Promise<void> {
    const failure = await addComment(ctx, remoteId, text, false);
    if (failure) throw new ConnectorError(failure);
  }

  async function ensureSealedNotes(remote: RemoteTicket, requestId: string, notes: readonly SealedNote[]): Promise<void> {
    if (!isSafeRequestId(requestId)) throw new ConnectorError({ kind: 'failed', message: `request id '${requestId.slice(0, 80)}' is not a UUID` });
    const failure = await completeTicket(ctx, remote, requestId, notes, true);
    if (failure) throw new ConnectorError(failure);
  }

  return {
    kind: 'zendesk',
    probe: () => probeZendesk(ctx),
    create,
    findByRequestId: (requestId) => ctx.findByRequestId(requestId),
    addInternalNote,
    ensureSealedNotes,
    review: createZendeskReview(ctx),
    callLog: createZendeskCallLog(ctx),
  };
}

/**
 * Adds the sealed notes to a ticket in one internal note. For a ticket that may come from an
 * earlier attempt (`earlier`), its comments are read first and only the notes whose marker line
 * is missing are added; only internal notes count (a marker quoted in a public comment is not
 * the note).
 */
async function completeTicket(ctx: ZendeskContext, remote: RemoteTicket, requestId: string, notes: readonly SealedNote[], earlier: boolean): Promise<FailureOutcome | null> {
  const ticketId = remote.remoteId;
  const path = ctx.ticketPath(ticketId);
  if (!path.ok) return path.outcome;
  if (notes.length === 0) return null;
  const state = earlier ? 'exists' : 'was created';
  let internal: string[] = [];
  if (earlier) {
    const read = await readComments(ctx.client, ticketId);
    if (!read.ok) return failedAfterLanding(`Zendesk ticket #${ticketId} ${state}, but its comments could not be read to check its sealed notes`, read.outcome);
    internal = read.comments.filter((c) => !c.public).map((c) => c.body ?? '');
  }
  const missing = missingSealedNotes(requestId, notes, internal);
  if (missing.length === 0) return null;
  if (earlier) ctx.log('zendesk.sealed-notes', { ticket: ticketId, adding: missing.length, of: notes.length });
  const failure = await addComment(ctx, ticketId, renderSealedNotes(requestId, notes, missing), false);
  return failure ? failedAfterLanding(`Zendesk ticket #${ticketId} ${state}, but its sealed notes could not be added`, failure) : null;
}
