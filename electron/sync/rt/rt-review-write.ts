import type { Escalation } from '../../../shared/escalation/schema';
import type { Decision } from '../../../shared/review/schema';
import { ConnectorError, failedAfterLanding } from '../outcome';
import type { DeliveryOutcome, FailureOutcome } from '../outcome';
import type { DecideOptions, DecisionOutcome, ResubmitOptions } from '../review';
import { renderTicketBody } from './render';
import { reviewTicketSchema, rtCall } from './rt-api';
import type { RtReviewTicket } from './rt-api';
import { missingFieldsMessage } from './rt-fields';
import type { RtFieldIds } from './rt-fields';
import { commentAnchor, findMarker } from './rt-anchors';
import type { RtContext } from './rt-context';
import { escalationFieldValue, fieldValue, parseEscalationField, reviewStateOf, vendorCaseFieldValue } from './review-item';
import { DECISION_STATE } from '../../../shared/review/schema';
import { decisionContent, decisionSubject, isMarkerId, resubmissionSubject } from './review-markers';
import { getForReview } from './rt-review-read';

const TICKET_ID = /^\d{1,15}$/;

/**
 * A supervisor's decision, exactly once and never over a version they did not see:
 * 1. look for the decision's marker on the ticket: found means an earlier attempt landed → `sent`
 *    (always checked, not only when `maybeDelivered`: it is one small query, and it makes an
 *    outbox entry retried after a "failed" safe too), with the anchor that comment carries;
 * 2. with an `expectedEtag`, a PUT carrying only `If-Match`: RT answers 412 when the ticket changed
 *    → `conflict` with the current version. REST2 checks If-Match only on `PUT /ticket/:id` (a
 *    comment is a different resource, which answers 412 to any If-Match), so the check and the
 *    write are two requests: a change landing between them (one round trip) is not detected;
 * 3. one internal comment that carries the marker, the text (ending with the audit anchor, when
 *    given), the review field (and Status open for an approval), so they all land together;
 * 4. re-read the ticket: RT ignores a review value it does not accept without an error.
 * A recorded vendor case number takes steps 1 and 2, then `recordVendorCase`.
 */
export async function decide(ctx: RtContext, remoteId: string, decision: Decision, options: DecideOptions): Promise<DecisionOutcome> {
  if (!TICKET_ID.test(remoteId)) return { kind: 'failed', message: `'${remoteId}' is not an RT ticket number` };
  if (!isMarkerId(options.decisionId)) return { kind: 'failed', message: `decision id '${options.decisionId}' is not a UUID` };
  const r = await ctx.resolve();
  if (!r.ok) return r.outcome;

  const earlier = await findMarker(ctx, remoteId, 'decision', options.decisionId);
  if (!earlier.ok) return options.maybeDelivered ? maybeDelivered(earlier.outcome) : earlier.outcome;
  if (earlier.found) {
    if (!options.anchor || earlier.transactionId === null) return { kind: 'sent', ...ctx.remote(remoteId) };
    // The audit trail must record the entry this comment carries, which may not be the one
    // prepared now (an earlier attempt's, before a restart): read it back.
    const written = await commentAnchor(ctx, earlier.transactionId);
    if (!written.ok) return maybeDelivered(written.outcome);
    return { kind: 'sent', ...ctx.remote(remoteId), earlier: { anchor: written.anchor } };
  }

  const path = `/ticket/${remoteId}`;
  if (options.expectedEtag !== null) {
    const gate = await rtCall(ctx.client, 'PUT', path, { body: {}, ifMatch: options.expectedEtag });
    if (!gate.ok) return gate.status === 412 ? conflict(ctx, remoteId) : gate.outcome;
  }
  if (decision.kind === 'vendor-case') return recordVendorCase(ctx, r.ids, remoteId, decision, options);

  const state = DECISION_STATE[decision.kind];
  const res = await rtCall(ctx.client, 'POST', `${path}/comment`, {
    mutating: true,
    body: {
      Subject: decisionSubject(options.decisionId, decision, options.actor.name),
      Content: decisionContent(decision, options.anchor),
      ContentType: 'text/plain',
      CustomFields: { [r.ids.review]: state },
      ...(decision.kind === 'approve' ? { Status: 'open' } : {}),
    },
  });
  if (!res.ok) return res.outcome;

  const check = await checkFields(ctx, remoteId, { [r.ids.review]: { name: ctx.names.review, value: state } });
  return check ?? { kind: 'sent', ...ctx.remote(remoteId) };
}

/**
 * The vendor case number an Authorized Contact recorded after forwarding (its marker was already
 * looked for by `decide`): one internal comment carrying the marker, the case number and
 * submission time (and the audit anchor), and the "Deskbook Vendor Case" field, then a re-read of
 * the field. Only for a forwarded ticket. A ticket that still reads as awaiting review may be one
 * whose forward landed seconds ago and that an RT worker serves from its record cache, so that is
 * a retry (nothing written); returned or approved tickets are refused.
 */
async function recordVendorCase(
  ctx: RtContext,
  ids: RtFieldIds,
  remoteId: string,
  decision: Extract<Decision, { kind: 'vendor-case' }>,
  options: DecideOptions,
): Promise<DecisionOutcome> {
  const fieldId = ids.vendorCase;
  if (fieldId === undefined) {
    ctx.forget(); // Look again next time: the field may be applied meanwhile.
    return { kind: 'failed', message: `The vendor case number was not recorded: ${missingFieldsMessage([ctx.names.vendorCase], ctx.queue, ctx.names)}` };
  }
  const path = `/ticket/${remoteId}`;
  const current = await rtCall(ctx.client, 'GET', path);
  if (!current.ok) return current.outcome;
  const ticket = reviewTicketSchema.safeParse(current.json);
  if (!ticket.success) return { kind: 'failed', message: `RT's answer for ticket #${remoteId} was not a ticket` };
  const state = reviewStateOf(ticket.data, ids.review);
  if (state === 'awaiting-review') {
    return { kind: 'retry', reason: `RT ticket #${remoteId} does not show the forward to the vendor yet; the case number is recorded once it does.`, maybeDelivered: false };
  }
  if (state !== 'forwarded') {
    return { kind: 'failed', message: `RT ticket #${remoteId} was not forwarded to the vendor (its review state is "${state}"), so no vendor case number was recorded.` };
  }

  const value = vendorCaseFieldValue(decision);
  const res = await rtCall(ctx.client, 'POST', `${path}/comment`, {
    mutating: true,
    body: {
      Subject: decisionSubject(options.decisionId, decision, options.actor.name),
      Content: decisionContent(decision, options.anchor),
      ContentType: 'text/plain',
      CustomFields: { [fieldId]: value },
    },
  });
  if (!res.ok) return res.outcome;
  const check = await checkFields(ctx, remoteId, { [fieldId]: { name: ctx.names.vendorCase, value } });
  return check ?? { kind: 'sent', ...ctx.remote(remoteId) };
}

/**
 * The analyst's corrected escalation, exactly once by its marker like a decision: one internal
 * comment with the re-rendered ticket body (built from the escalation, whose sealed notes are
 * handles only), the new JSON copy and review state `awaiting-review`; then the subject. A retry
 * that finds the marker only completes the subject (when this is still the latest resubmission).
 */
export async function resubmit(ctx: RtContext, remoteId: string, escalation: Escalation, options: ResubmitOptions): Promise<DeliveryOutcome> {
  if (!TICKET_ID.test(remoteId)) return { kind: 'failed', message: `'${remoteId}' is not an RT ticket number` };
  if (!isMarkerId(options.resubmitId)) return { kind: 'failed', message: `resubmission id '${options.resubmitId}' is not a UUID` };
  const r = await ctx.resolve();
  if (!r.ok) return r.outcome;
  const path = `/ticket/${remoteId}`;
  const subject = { Subject: escalation.draft.subject };

  const earlier = await findMarker(ctx, remoteId, 'resubmission', options.resubmitId);
  if (!earlier.ok) return options.maybeDelivered ? maybeDelivered(earlier.outcome) : earlier.outcome;
  if (earlier.found) {
    if (!earlier.latest) return { kind: 'sent', ...ctx.remote(remoteId) };
    const put = await rtCall(ctx.client, 'PUT', path, { mutating: true, body: subject });
    return put.ok ? { kind: 'sent', ...ctx.remote(remoteId) } : failedAfterLanding(`RT ticket #${remoteId} was resubmitted, but its subject could not be updated`, put.outcome);
  }

  const current = await rtCall(ctx.client, 'GET', path);
  if (!current.ok) return current.outcome;
  const ticket = reviewTicketSchema.safeParse(current.json);
  if (!ticket.success) return { kind: 'failed', message: `RT's answer for ticket #${remoteId} was not a ticket` };
  const requestId = fieldValue(ticket.data, r.ids.requestId) ?? '(unknown)';
  const refused = resubmitRefusal(ticket.data, r.ids, remoteId, options.analystId);
  if (refused) return refused;

  const json = escalationFieldValue(escalation);
  const res = await rtCall(ctx.client, 'POST', `${path}/comment`, {
    mutating: true,
    body: {
      Subject: resubmissionSubject(options.resubmitId, escalation.analyst.name),
      Content: renderTicketBody(escalation, requestId),
      ContentType: 'text/plain',
      CustomFields: { [r.ids.escalation]: json, [r.ids.review]: 'awaiting-review' },
    },
  });
  if (!res.ok) return res.outcome;
  const put = await rtCall(ctx.client, 'PUT', path, { mutating: true, body: subject });
  // The re-read decides, not the PUT's answer: an update whose answer was lost may have landed.
  const check = await checkFields(
    ctx,
    remoteId,
    {
      [r.ids.escalation]: { name: ctx.names.escalation, value: json },
      [r.ids.review]: { name: ctx.names.review, value: 'awaiting-review' },
    },
    subject.Subject,
  );
  if (check && !put.ok) return failedAfterLanding(`RT ticket #${remoteId} was resubmitted, but its subject could not be updated`, put.outcome);
  return check ?? { kind: 'sent', ...ctx.remote(remoteId) };
}

/**
 * A fix goes only to a ticket a supervisor returned, and only from the analyst who escalated it
 * (as the ticket's stored escalation names them): anything else is refused before a byte is
 * written, in words that say why.
 */
function resubmitRefusal(ticket: RtReviewTicket, ids: RtFieldIds, remoteId: string, analystId: string): FailureOutcome | null {
  const state = reviewStateOf(ticket, ids.review);
  if (state !== 'returned') {
    return { kind: 'failed', message: `RT ticket #${remoteId} is not waiting for a fix (its review state is "${state}"), so this correction was not sent.` };
  }
  const owner = parseEscalationField(fieldValue(ticket, ids.escalation)).escalation?.analyst.id;
  if (owner !== analystId) {
    return { kind: 'failed', message: `RT ticket #${remoteId} was escalated by another analyst; only they can send its fix.` };
  }
  return null;
}

async function conflict(ctx: RtContext, remoteId: string): Promise<DecisionOutcome> {
  try {
    const current = await getForReview(ctx, remoteId);
    return {
      kind: 'conflict',
      message: `RT ticket #${remoteId} changed after this version was opened (now ${current.reviewState}): review the current version and decide again`,
      current,
    };
  } catch (error) {
    if (error instanceof ConnectorError) return error.outcome;
    throw error;
  }
}

/** Re-reads the ticket; null when every field (and the subject) holds its value, else why not. */
async function checkFields(
  ctx: RtContext,
  remoteId: string,
  expected: Record<string, { name: string; value: string }>,
  subject?: string,
): Promise<FailureOutcome | null> {
  const res = await rtCall(ctx.client, 'GET', `/ticket/${remoteId}`);
  if (!res.ok) return failedAfterLanding(`RT ticket #${remoteId} was updated, but could not be re-read to check its custom fields`, res.outcome);
  const ticket = reviewTicketSchema.safeParse(res.json);
  if (!ticket.success) return { kind: 'failed', message: `RT ticket #${remoteId} was updated, but RT's answer when re-reading it was not a ticket` };
  const notStuck = Object.entries(expected)
    .filter(([id, f]) => fieldValue(ticket.data, id) !== f.value)
    .map(([, f]) => `'${f.name}'`);
  if (notStuck.length === 0) {
    if (subject === undefined || ticket.data.Subject === subject) return null;
    return { kind: 'failed', message: `RT ticket #${remoteId} got the resubmission, but its subject did not change: may this account modify tickets (ModifyTicket)?` };
  }
  ctx.forget();
  return {
    kind: 'failed',
    message: `RT ticket #${remoteId} got the review comment, but custom field ${notStuck.join(', ')} did not change: is it applied to queue '${ctx.queue}', does it accept the value, and may this account modify it (ModifyCustomField)?`,
  };
}

function maybeDelivered(outcome: FailureOutcome): FailureOutcome {
  return outcome.kind === 'retry' ? { ...outcome, maybeDelivered: true } : outcome;
}

