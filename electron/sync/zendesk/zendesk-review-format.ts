import type { Escalation } from '../../../shared/escalation/schema';
import { DECISION_STATE, REVIEW_STATES, vendorCaseSchema } from '../../../shared/review/schema';
import type { ReviewEvent, ReviewItem, ReviewState, VendorCase } from '../../../shared/review/schema';
import { escalationFieldValue, isoDate, parseEscalationField } from '../rt/review-item';
import { parseMarker, withoutAnchor } from '../rt/review-markers';
import type { ParsedMarker } from '../rt/review-markers';
import type { ZendeskComment, ZendeskTicket } from './zendesk-api';
import { SEALED_NOTES_HEADER, SEALED_NOTE_PREFIX } from './zendesk-render';

/**
 * How supervisor review lives on a Zendesk ticket:
 * - the state is one of four tags (`deskbook_awaiting_review`...), changed with `additional_tags`
 *   and `remove_tags` in the same update that adds the decision's comment;
 * - the escalation (JSON, without sealed-note handles) is the last line of the description, so
 *   it lands with the ticket, and each resubmission's comment carries the corrected one;
 * - decisions and resubmissions are internal comments whose first line is the marker RT's
 *   connector also writes (`[Deskbook decision <uuid>] approved by …`); a decision's text ends
 *   with the audit anchor line.
 */
export const REVIEW_TAG: Readonly<Record<ReviewState, string>> = {
  'awaiting-review': 'deskbook_awaiting_review',
  returned: 'deskbook_returned',
  approved: 'deskbook_approved',
  forwarded: 'deskbook_forwarded',
};

/** On every ticket with a decision: `auditAnchors` reads only those. */
export const DECIDED_TAG = 'deskbook_decided';

/** The review state the tags say; none, or several (edited by hand), reads as awaiting review. */
export function reviewStateOfTags(tags: readonly string[] | undefined): ReviewState {
  const states = REVIEW_STATES.filter((state) => (tags ?? []).includes(REVIEW_TAG[state]));
  return states.length === 1 ? states[0]! : 'awaiting-review';
}

/** The tag changes that leave a ticket in `state` and no other. */
export function stateTags(state: ReviewState): { additional_tags: string[]; remove_tags: string[] } {
  return { additional_tags: [REVIEW_TAG[state]], remove_tags: REVIEW_STATES.filter((s) => s !== state).map((s) => REVIEW_TAG[s]) };
}

export const DATA_PREFIX = 'Deskbook escalation data: ';

/**
 * The line carrying an escalation's structured copy (`escalationFieldValue`: ASCII JSON, without
 * sealed-note handles): the last line of the description, and of each resubmission comment.
 */
export function escalationDataLine(escalation: Escalation): string {
  return `${DATA_PREFIX}${escalationFieldValue(escalation)}`;
}

export type CommentKind =
  | { kind: 'sealed-notes' }
  | { kind: 'decision'; marker: ParsedMarker; text: string }
  | { kind: 'resubmission'; marker: ParsedMarker; text: string }
  | { kind: 'comment'; text: string };

/**
 * What one comment is to review. A comment with any sealed-note marker line is sealed notes,
 * whatever else it holds and even if someone made it public, and is never shown; only internal
 * comments can be Deskbook's decisions and resubmissions.
 */
export function classifyComment(comment: ZendeskComment): CommentKind {
  const body = (comment.body ?? '').replace(/\r\n/g, '\n');
  const lines = body.split('\n');
  const first = (lines[0] ?? '').trim();
  if (first === SEALED_NOTES_HEADER || lines.some((line) => line.trim().startsWith(SEALED_NOTE_PREFIX))) return { kind: 'sealed-notes' };
  if (comment.public) return { kind: 'comment', text: body.trim() };
  const marker = parseMarker(first);
  const rest = lines.slice(1).join('\n').trim();
  if (marker?.kind === 'decision') return { kind: 'decision', marker, text: withoutAnchor(rest) };
  if (marker?.kind === 'resubmission') return { kind: 'resubmission', marker, text: withoutData(rest) };
  return { kind: 'comment', text: body.trim() };
}

function withoutData(text: string): string {
  return text
    .split('\n')
    .filter((line) => !line.startsWith(DATA_PREFIX))
    .join('\n')
    .trim();
}

/**
 * The latest structured copy: the description's (the first comment), or the latest resubmission
 * comment's. A data line anywhere else (a comment someone pasted it into) does not count.
 */
export function escalationOf(comments: readonly ZendeskComment[]): { escalation: Escalation | null; hasSealedNote: boolean } {
  let found: { escalation: Escalation | null; hasSealedNote: boolean } = { escalation: null, hasSealedNote: false };
  comments.forEach((c, i) => {
    if (i > 0 && classifyComment(c).kind !== 'resubmission') return;
    const line = (c.body ?? '').split(/\r?\n/).find((l) => l.startsWith(DATA_PREFIX));
    if (line !== undefined) found = parseEscalationField(line.slice(DATA_PREFIX.length));
  });
  return found;
}

const VENDOR_CASE = /^Infinite Campus case (\S+)\nSubmitted: (\S+)/;

/** The vendor case of the latest `vendor-case` decision comment (decisionContent's first two lines). */
export function vendorCaseOf(comments: readonly ZendeskComment[]): VendorCase | undefined {
  let found: VendorCase | undefined;
  for (const c of comments) {
    const kind = classifyComment(c);
    if (kind.kind !== 'decision' || kind.marker.verb !== 'vendor-case') continue;
    const match = VENDOR_CASE.exec(kind.text);
    const parsed = match ? vendorCaseSchema.safeParse({ caseNumber: match[1], submittedAt: match[2] }) : undefined;
    if (parsed?.success) found = parsed.data;
  }
  return found;
}

const DECISION_KIND: ReadonlyMap<string, ReviewEvent['kind']> = new Map<string, ReviewEvent['kind']>([
  ...Object.values(DECISION_STATE).map((state) => [state, state] as const),
  ['vendor-case', 'vendor-case'],
]);

/**
 * A ticket's review history from its comments, oldest first: the first comment is `created`;
 * decision and resubmission markers are their events, by the person the marker names; other
 * comments, public or internal, are `comment`s. Sealed notes are left out. (A tag changed by hand in Zendesk shows in the state, not here: that needs the audits.)
 */
export function toReviewHistory(comments: readonly ZendeskComment[], authors: ReadonlyMap<string, string>): ReviewEvent[] {
  const events: ReviewEvent[] = [];
  comments.forEach((c, i) => {
    const at = isoDate(c.created_at ?? '');
    const author = authorName(c, authors);
    if (i === 0) {
      events.push({ at, author, kind: 'created', text: 'Escalation created in Zendesk.' });
      return;
    }
    const kind = classifyComment(c);
    switch (kind.kind) {
      case 'sealed-notes':
        return;
      case 'decision':
        events.push({ at, author: kind.marker.author || author, kind: DECISION_KIND.get(kind.marker.verb) ?? 'comment', text: kind.text });
        return;
      case 'resubmission':
        events.push({ at, author: kind.marker.author || author, kind: 'resubmitted', text: kind.text });
        return;
      case 'comment':
        events.push({ at, author, kind: 'comment', text: kind.text });
        return;
    }
  });
  return events;
}

function authorName(comment: ZendeskComment, authors: ReadonlyMap<string, string>): string {
  const id = comment.author_id === null || comment.author_id === undefined ? '' : String(comment.author_id);
  return authors.get(id) ?? (id ? `Zendesk user #${id}` : 'Zendesk');
}

/** A ticket as the review list shows it; `etag` is its `updated_at`, what `safe_update` checks. */
export function toReviewItem(ticket: ZendeskTicket, comments: readonly ZendeskComment[], url: string): ReviewItem {
  const { escalation, hasSealedNote } = escalationOf(comments);
  const vendorCase = vendorCaseOf(comments);
  return {
    remoteId: ticket.id,
    url,
    requestId: ticket.external_id ?? '',
    subject: ticket.subject ?? '',
    rtStatus: ticket.status ?? '',
    reviewState: reviewStateOfTags(ticket.tags),
    createdAt: isoDate(ticket.created_at ?? ''),
    lastUpdated: isoDate(ticket.updated_at ?? ''),
    escalation,
    hasSealedNote,
    etag: ticket.updated_at ?? null,
    ...(vendorCase ? { vendorCase } : {}),
  };
}
