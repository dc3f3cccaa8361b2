import type { Escalation } from '../../../shared/escalation/schema';
import { DECISION_STATE } from '../../../shared/review/schema';
import type { Decision } from '../../../shared/review/schema';
import { ConnectorError } from '../outcome';
import type { DeliveryOutcome, FailureOutcome } from '../outcome';
import type { DecideOptions, DecisionOutcome, ResubmitOptions } from '../review';
import { renderTicketBody } from '../rt/render';
import { SEALED_NOTES_GO_TO } from './sn-render';
import { escalationFieldValue, parseEscalationField, vendorCaseFieldValue } from '../rt/review-item';
import { decisionContent, decisionSubject, isMarkerId, parseAnchor, resubmissionSubject } from '../rt/review-markers';
import { isSysId, notSysId } from './sn-api';
import type { SnContext } from './sn-context';
import { updateIncident } from './sn-incident';
import { shortDescription } from './sn-render';
import { entryMarker, findMarker, markerHidden, readIncidentJournal } from './sn-review-journal';
import { ESCALATION_FIELD, REVIEW_FIELD, VENDOR_CASE_FIELD, fieldText, reviewStateOf } from './sn-review-item';
import { getForReview, readItem } from './sn-review-read';

/**
 * A supervisor's decision, exactly once, and not over a version they did not see, as far as the
 * Table API allows:
 * 1. read the incident and its journal; a work note carrying this decision's marker means an
 *    earlier attempt landed → `sent` (with the audit anchor that note carries). No marker in the
 *    rows is checked against the incident's own work notes too: an ACL hiding some journal rows
 *    must not turn into a second decision;
 * 2. with an `expectedEtag`, compare it with `sys_mod_count` as just read → `conflict` when it
 *    moved. ServiceNow's Table API has no ETag and no If-Match, so this is a check, NOT A LOCK:
 *    a change landing between this read and the write (one round trip) is not detected, and the
 *    write then lands over it (last write wins);
 * 3. one update carrying the marker work note (ending with the audit anchor, when given) and the
 *    review field, so they land together. The incident's own state is left to the technicians'
 *    process (a district data policy on In Progress would otherwise refuse an approval);
 * 4. the update's answer must show the review field holding the new state: an instance drops a
 *    field it does not have or this account may not write, without an error.
 * A recorded vendor case number takes steps 1 and 2, needs a forwarded escalation, and writes
 * its marker note with `u_deskbook_vendor_case`.
 */
export async function decide(ctx: SnContext, remoteId: string, decision: Decision, options: DecideOptions): Promise<DecisionOutcome> {
  if (!isSysId(remoteId)) return notSysId(remoteId);
  if (!isMarkerId(options.decisionId)) return { kind: 'failed', message: `decision id '${options.decisionId}' is not a UUID` };
  const read = await readItem(ctx, remoteId);
  if (!read.ok) return maybe(read.outcome, options.maybeDelivered);
  const journal = await readIncidentJournal(ctx.client, remoteId);
  if (!journal.ok) return maybe(journal.outcome, options.maybeDelivered);

  const earlier = findMarker(journal.entries, 'decision', options.decisionId);
  if (earlier) {
    if (!options.anchor) return { kind: 'sent', ...ctx.remote(remoteId) };
    // The audit trail records the entry this note carries, which may be an earlier attempt's.
    return { kind: 'sent', ...ctx.remote(remoteId), earlier: { anchor: parseAnchor(entryMarker(earlier).body) } };
  }
  const unseen = await notHidden(ctx, remoteId, `[Deskbook decision ${options.decisionId.toLowerCase()}]`, options.maybeDelivered);
  if (unseen) return unseen;
  if (options.expectedEtag !== null && read.value.sys_mod_count !== options.expectedEtag) return conflict(ctx, remoteId);

  const note = `${decisionSubject(options.decisionId, decision, options.actor.name)}\n${decisionContent(decision, options.anchor)}`;
  if (decision.kind === 'vendor-case') {
    const state = reviewStateOf(read.value);
    if (state === 'awaiting-review') {
      return { kind: 'retry', reason: `ServiceNow incident ${read.value.number} does not show the forward to the vendor yet; the case number is recorded once it does.`, maybeDelivered: false };
    }
    if (state !== 'forwarded') return { kind: 'failed', message: `ServiceNow incident ${read.value.number} was not forwarded to the vendor (its review state is "${state}"), so no vendor case number was recorded.` };
    return write(ctx, remoteId, { work_notes: note, [VENDOR_CASE_FIELD]: vendorCaseFieldValue(decision) }, VENDOR_CASE_FIELD);
  }
  const state = DECISION_STATE[decision.kind];
  return write(ctx, remoteId, { work_notes: note, [REVIEW_FIELD]: state }, REVIEW_FIELD);
}

/**
 * The analyst's corrected escalation, exactly once by its marker: only to an incident a
 * supervisor returned and only from the analyst who escalated it (as the stored copy names
 * them); one update with the resubmission work note (the re-rendered ticket text, built from the
 * escalation, whose sealed notes are handles only), the new JSON copy, review state
 * `awaiting-review` and the new short description.
 */
export async function resubmit(ctx: SnContext, remoteId: string, escalation: Escalation, options: ResubmitOptions): Promise<DeliveryOutcome> {
  if (!isSysId(remoteId)) return notSysId(remoteId);
  if (!isMarkerId(options.resubmitId)) return { kind: 'failed', message: `resubmission id '${options.resubmitId}' is not a UUID` };
  const read = await readItem(ctx, remoteId);
  if (!read.ok) return maybe(read.outcome, options.maybeDelivered);
  const journal = await readIncidentJournal(ctx.client, remoteId);
  if (!journal.ok) return maybe(journal.outcome, options.maybeDelivered);
  if (findMarker(journal.entries, 'resubmission', options.resubmitId)) return { kind: 'sent', ...ctx.remote(remoteId) };
  const unseen = await notHidden(ctx, remoteId, `[Deskbook resubmission ${options.resubmitId.toLowerCase()}]`, options.maybeDelivered);
  if (unseen) return unseen;

  const row = read.value;
  const state = reviewStateOf(row);
  if (state !== 'returned') return { kind: 'failed', message: `ServiceNow incident ${row.number} is not waiting for a fix (its review state is "${state}"), so this correction was not sent.` };
  const owner = parseEscalationField(fieldText(row, ESCALATION_FIELD)).escalation?.analyst.id;
  if (owner !== options.analystId) return { kind: 'failed', message: `ServiceNow incident ${row.number} was escalated by another analyst; only they can send its fix.` };

  const requestId = row.correlation_id || '(unknown)';
  const fields = {
    work_notes: `${resubmissionSubject(options.resubmitId, escalation.analyst.name)}\n${renderTicketBody(escalation, requestId, SEALED_NOTES_GO_TO)}`,
    [ESCALATION_FIELD]: escalationFieldValue(escalation),
    [REVIEW_FIELD]: 'awaiting-review',
    short_description: shortDescription(escalation.draft.subject).text,
  };
  return write(ctx, remoteId, fields, REVIEW_FIELD);
}

/**
 * Null when the marker is not on the incident at all; a failure when it is there but the journal
 * rows did not show it (an ACL hides some of them), or when that could not be checked.
 */
async function notHidden(ctx: SnContext, sysId: string, marker: string, maybeDelivered: boolean): Promise<FailureOutcome | null> {
  const check = await markerHidden(ctx.client, sysId, marker);
  if (!check.ok) return maybe(check.outcome, maybeDelivered);
  if (!check.hidden) return null;
  return {
    kind: 'failed',
    message: `ServiceNow incident ${sysId} shows this write in its work notes, but this account cannot read that entry in sys_journal_field, so Deskbook cannot check it: ask the instance's admin for read access to sys_journal_field`,
  };
}

/** One update; `sent` only when its answer shows `check` holding the value written. */
async function write(ctx: SnContext, sysId: string, fields: Record<string, string>, check: string): Promise<DeliveryOutcome> {
  const res = await updateIncident(ctx.client, sysId, fields, [check]);
  if (!res.ok) return res.outcome;
  if (res.row[check] !== fields[check]) {
    return {
      kind: 'failed',
      message: `ServiceNow incident ${res.number} got the review work note, but field ${check} did not change: does the incident table have it, and may this account write it?`,
    };
  }
  return { kind: 'sent', ...ctx.remote(sysId) };
}

async function conflict(ctx: SnContext, remoteId: string): Promise<DecisionOutcome> {
  try {
    const current = await getForReview(ctx, remoteId);
    return {
      kind: 'conflict',
      message: `ServiceNow incident ${current.subject ? `"${current.subject}" ` : ''}changed after this version was opened (now ${current.reviewState}): review the current version and decide again`,
      current,
    };
  } catch (error) {
    if (error instanceof ConnectorError) return error.outcome;
    throw error;
  }
}

/** A failed read before a write: after an ambiguous attempt it stays "maybe delivered". */
function maybe(outcome: FailureOutcome, maybeDelivered: boolean): FailureOutcome {
  return maybeDelivered && outcome.kind === 'retry' ? { ...outcome, maybeDelivered: true } : outcome;
}
