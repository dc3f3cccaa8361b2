import type { Escalation } from '../../../shared/escalation/schema';
import { DECISION_STATE } from '../../../shared/review/schema';
import type { Decision } from '../../../shared/review/schema';
import { ConnectorError } from '../outcome';
import type { DeliveryOutcome, FailureOutcome } from '../outcome';
import type { DecideOptions, DecisionOutcome, ResubmitOptions } from '../review';
import { renderTicketBody } from '../rt/render';
import { SEALED_NOTES_GO_TO } from './zendesk-render';
import { decisionContent, decisionSubject, hasMarker, isMarkerId, resubmissionSubject } from '../rt/review-markers';
import { ticketAnswerSchema, ZENDESK_ID, zendeskCall } from './zendesk-api';
import type { TicketComments, ZendeskResult, ZendeskTicket } from './zendesk-api';
import type { ZendeskContext } from './zendesk-context';
import { comments, findDecision, getForReview, readTicket } from './zendesk-review-read';
import { DECIDED_TAG, escalationDataLine, escalationOf, REVIEW_TAG, reviewStateOfTags, stateTags } from './zendesk-review-format';

/**
 * A supervisor's decision, exactly once and never over a version they did not see:
 * 1. look for the decision's marker among the ticket's comments: found means an earlier attempt
 *    landed → `sent` (always checked, not only when `maybeDelivered`), with the anchor it carries;
 * 2. ONE update (`PUT /api/v2/tickets/<id>`) carrying the internal comment (marker, text, audit
 *    anchor), the state tags (and status `open` for an approval) and, with an `expectedEtag`,
 *    `safe_update` with `updated_stamp`: Zendesk answers 409 when the ticket changed since, and
 *    writes nothing → `conflict` with the current version. Check and write are one request, so
 *    no change can slip in between;
 * 3. the answer's tags must hold the new state (a trigger could take it off).
 * A recorded vendor case number needs a forwarded ticket and changes no state tag.
 */
export async function decide(ctx: ZendeskContext, remoteId: string, decision: Decision, options: DecideOptions): Promise<DecisionOutcome> {
  if (!ZENDESK_ID.test(remoteId)) return { kind: 'failed', message: `'${remoteId.slice(0, 80)}' is not a Zendesk ticket id` };
  if (!isMarkerId(options.decisionId)) return { kind: 'failed', message: `decision id '${options.decisionId.slice(0, 80)}' is not a UUID` };
  const remote = ctx.remote(remoteId);

  const read = await attempt(() => comments(ctx, remoteId));
  if (!read.ok) return options.maybeDelivered ? maybeDelivered(read.outcome) : read.outcome;
  const earlier = findDecision(read.value, options.decisionId);
  if (earlier) return options.anchor ? { kind: 'sent', ...remote, earlier: { anchor: earlier.anchor } } : { kind: 'sent', ...remote };

  const comment = { body: `${decisionSubject(options.decisionId, decision, options.actor.name)}\n\n${decisionContent(decision, options.anchor)}`, public: false };
  let update: Record<string, unknown>;
  let expectedTag: string | undefined;
  if (decision.kind === 'vendor-case') {
    const current = await attempt(() => readTicket(ctx, remoteId));
    if (!current.ok) return current.outcome;
    const state = reviewStateOfTags(current.value.tags);
    if (state === 'awaiting-review') {
      return { kind: 'retry', reason: `Zendesk ticket #${remoteId} does not show the forward to the vendor yet; the case number is recorded once it does.`, maybeDelivered: false };
    }
    if (state !== 'forwarded') {
      return { kind: 'failed', message: `Zendesk ticket #${remoteId} was not forwarded to the vendor (its review state is "${state}"), so no vendor case number was recorded.` };
    }
    update = { comment, additional_tags: [DECIDED_TAG] };
  } else {
    const state = DECISION_STATE[decision.kind];
    const tags = stateTags(state);
    expectedTag = REVIEW_TAG[state];
    update = { comment, additional_tags: [...tags.additional_tags, DECIDED_TAG], remove_tags: tags.remove_tags, ...(decision.kind === 'approve' ? { status: 'open' } : {}) };
  }
  if (options.expectedEtag !== null) Object.assign(update, { safe_update: true, updated_stamp: options.expectedEtag });

  const res = await zendeskCall(ctx.client, 'PUT', `/api/v2/tickets/${remoteId}`, { mutating: true, body: { ticket: update }, expect: `ticket #${remoteId} with the decision` });
  if (!res.ok) return options.expectedEtag !== null && isSafeUpdateConflict(res) ? conflict(ctx, remoteId) : res.outcome;
  const after = ticketAnswerSchema.safeParse(res.json);
  if (expectedTag && after.success && !(after.data.ticket.tags ?? []).includes(expectedTag)) {
    return {
      kind: 'failed',
      message: `Zendesk ticket #${remoteId} got the decision comment, but its tag '${expectedTag}' did not stay: does a trigger or automation remove deskbook_ tags?`,
    };
  }
  return { kind: 'sent', ...remote };
}

/**
 * The analyst's corrected escalation, exactly once by its marker: a fix goes only to a ticket a
 * supervisor returned, from the analyst who escalated it. ONE update carries the internal comment
 * (marker, the re-rendered ticket body, the new structured copy), the new subject and the tags
 * back to awaiting review, with `safe_update` on the version just read: a change in between
 * (a decision, say) is a 409 that wrote nothing, retried from the start.
 */
export async function resubmit(ctx: ZendeskContext, remoteId: string, escalation: Escalation, options: ResubmitOptions): Promise<DeliveryOutcome> {
  if (!ZENDESK_ID.test(remoteId)) return { kind: 'failed', message: `'${remoteId.slice(0, 80)}' is not a Zendesk ticket id` };
  if (!isMarkerId(options.resubmitId)) return { kind: 'failed', message: `resubmission id '${options.resubmitId.slice(0, 80)}' is not a UUID` };
  const remote = ctx.remote(remoteId);

  const ticket = await attempt(() => readTicket(ctx, remoteId));
  if (!ticket.ok) return options.maybeDelivered ? maybeDelivered(ticket.outcome) : ticket.outcome;
  const read = await attempt(() => comments(ctx, remoteId));
  if (!read.ok) return options.maybeDelivered ? maybeDelivered(read.outcome) : read.outcome;
  if (read.value.comments.some((c) => !c.public && hasMarker((c.body ?? '').split('\n')[0] ?? '', 'resubmission', options.resubmitId))) {
    return { kind: 'sent', ...remote };
  }
  const refused = resubmitRefusal(ticket.value, read.value, remoteId, options.analystId);
  if (refused) return refused;

  const requestId = ticket.value.external_id ?? '(unknown)';
  const body = `${resubmissionSubject(options.resubmitId, escalation.analyst.name)}\n\n${renderTicketBody(escalation, requestId, SEALED_NOTES_GO_TO)}${escalationDataLine(escalation)}\n`;
  const update = {
    comment: { body, public: false },
    subject: escalation.draft.subject,
    ...stateTags('awaiting-review'),
    safe_update: true,
    updated_stamp: ticket.value.updated_at,
  };
  const res = await zendeskCall(ctx.client, 'PUT', `/api/v2/tickets/${remoteId}`, { mutating: true, body: { ticket: update }, expect: `ticket #${remoteId} with the fix` });
  if (!res.ok && isSafeUpdateConflict(res)) {
    return { kind: 'retry', reason: `Zendesk ticket #${remoteId} changed while the fix was being sent; nothing was written, and Deskbook will try again.`, maybeDelivered: false };
  }
  return res.ok ? { kind: 'sent', ...remote } : res.outcome;
}

function resubmitRefusal(ticket: ZendeskTicket, read: TicketComments, remoteId: string, analystId: string): FailureOutcome | null {
  const state = reviewStateOfTags(ticket.tags);
  if (state !== 'returned') {
    return { kind: 'failed', message: `Zendesk ticket #${remoteId} is not waiting for a fix (its review state is "${state}"), so this correction was not sent.` };
  }
  const owner = escalationOf(read.comments).escalation?.analyst.id;
  if (owner !== analystId) return { kind: 'failed', message: `Zendesk ticket #${remoteId} was escalated by another analyst; only they can send its fix.` };
  return null;
}

/** Zendesk's answer to a `safe_update` whose `updated_stamp` is no longer the ticket's (Tickets: "Protecting against ticket update collisions"). */
function isSafeUpdateConflict(res: Extract<ZendeskResult, { ok: false }>): boolean {
  return res.status === 409 && (res.error?.error === 'UpdateConflict' || /safe update/i.test(res.error?.description ?? ''));
}

async function conflict(ctx: ZendeskContext, remoteId: string): Promise<DecisionOutcome> {
  const current = await attempt(() => getForReview(ctx, remoteId));
  if (!current.ok) return current.outcome;
  return {
    kind: 'conflict',
    message: `Zendesk ticket #${remoteId} changed after this version was opened (now ${current.value.reviewState}): review the current version and decide again`,
    current: current.value,
  };
}

/** Runs a read that throws ConnectorError, as a result. */
async function attempt<T>(read: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; outcome: FailureOutcome }> {
  try {
    return { ok: true, value: await read() };
  } catch (error) {
    if (error instanceof ConnectorError) return { ok: false, outcome: error.outcome };
    throw error;
  }
}

function maybeDelivered(outcome: FailureOutcome): FailureOutcome {
  return outcome.kind === 'retry' ? { ...outcome, maybeDelivered: true } : outcome;
}
