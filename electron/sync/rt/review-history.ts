import type { ReviewEvent, ReviewState } from '../../../shared/review/schema';
import { sealedNotesSubject } from './render';
import type { RtAttachment, RtTransaction } from './rt-api';
import { isoDate } from './review-item';
import { DECISION_STATE } from '../../../shared/review/schema';
import { parseMarker, unfoldHeader, withoutAnchor } from './review-markers';
import type { ParsedMarker } from './review-markers';

const SEALED_PREFIX = sealedNotesSubject('').replace(/\)$/, '');
const DECISION_KINDS: ReadonlyMap<string, ReviewEvent['kind']> = new Map([
  ...Object.values(DECISION_STATE).map((state) => [state, state] as const),
  ['vendor-case', 'vendor-case'] as const,
]);

/** True for the staff-only comment carrying sealed notes: never shown, its text never fetched. */
export function isSealedNotesComment(t: Pick<RtTransaction, 'Type' | 'Data'>): boolean {
  return t.Type === 'Comment' && unfoldHeader(t.Data).trim().startsWith(SEALED_PREFIX);
}

/** The transactions whose text the history shows: comments and replies, never sealed notes. */
export function transactionsNeedingText(transactions: readonly RtTransaction[]): string[] {
  return transactions.filter((t) => (t.Type === 'Comment' || t.Type === 'Correspond') && !isSealedNotesComment(t)).map((t) => t.id);
}

/**
 * Each transaction's text: its first non-empty text/plain part (a mail reply may also carry an
 * HTML alternative, and a multipart container has no content of its own).
 */
export function textByTransaction(attachments: readonly RtAttachment[]): Map<string, string> {
  const texts = new Map<string, string>();
  for (const a of attachments) {
    if (texts.has(a.TransactionId)) continue;
    if (!/^text\/plain\b/i.test(a.ContentType) || a.Content.trim() === '') continue;
    texts.set(a.TransactionId, a.Content.replace(/\s+$/, ''));
  }
  return texts;
}

/**
 * A ticket's review history from its RT transactions, oldest first:
 * - Create → `created`;
 * - a comment with a decision marker → `approved`/`returned`/`forwarded` (or `vendor-case`, a
 *   vendor case number recorded), by the supervisor the subject names, with the comment's text;
 *   a resubmission marker → `resubmitted`;
 * - other comments and replies → `comment` (sealed-notes comments are left out entirely);
 * - a change of the review field made in RT itself (not the one a marker comment carried) →
 *   the state's kind, so a decision taken in RT's web UI is not invisible.
 * Everything else (status, other fields, the JSON copy) is left out.
 */
export function toReviewHistory(
  transactions: readonly RtTransaction[],
  texts: ReadonlyMap<string, string>,
  reviewFieldId: string,
): ReviewEvent[] {
  const events: ReviewEvent[] = [];
  // The review-field change that a marker comment's own request made: already told by the comment.
  let carried: { state: ReviewState; creator: string } | null = null;
  const ordered = [...transactions].sort((a, b) => Number(a.id) - Number(b.id));
  for (const t of ordered) {
    const at = isoDate(t.Created);
    if (t.Type === 'CustomField' && t.Field === reviewFieldId) {
      const state = t.NewValue.trim().toLowerCase();
      if (carried && carried.state === state && carried.creator === t.Creator) {
        carried = null;
        continue;
      }
      events.push({
        at,
        author: t.Creator,
        kind: DECISION_KINDS.get(state) ?? 'comment',
        text: `Review state changed in Request Tracker${t.OldValue ? ` from ${t.OldValue}` : ''} to ${t.NewValue || '(none)'}.`,
      });
      continue;
    }
    if (t.Type === 'Create') {
      carried = null;
      events.push({ at, author: t.Creator, kind: 'created', text: 'Escalation created in Request Tracker.' });
      continue;
    }
    if (t.Type !== 'Comment' && t.Type !== 'Correspond') continue;
    if (isSealedNotesComment(t)) continue;
    const marker = t.Type === 'Comment' ? parseMarker(t.Data) : null;
    const raw = texts.get(t.id) ?? unfoldHeader(t.Data).trim();
    // The audit anchor a decision comment ends with is for `audit:verify`, not for people.
    const text = marker?.kind === 'decision' ? withoutAnchor(raw) : raw;
    const kind = marker ? markerKind(marker) : 'comment';
    // A recorded vendor case leaves the review field alone: nothing carried to skip.
    carried = marker && kind !== 'comment' && kind !== 'vendor-case' ? { state: markerState(kind), creator: t.Creator } : null;
    events.push({ at, author: marker?.author || t.Creator, kind, text });
  }
  return events;
}

/** The latest decision or resubmission in a history: what the analyst's machine shows. */
export function latestReviewComment(events: readonly ReviewEvent[]): ReviewEvent | null {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i];
    if (e && e.kind !== 'created' && e.kind !== 'comment') return e;
  }
  return null;
}

function markerKind(marker: ParsedMarker): ReviewEvent['kind'] {
  if (marker.kind === 'resubmission') return 'resubmitted';
  return DECISION_KINDS.get(marker.verb) ?? 'comment';
}

function markerState(kind: ReviewEvent['kind']): ReviewState {
  return kind === 'approved' || kind === 'returned' || kind === 'forwarded' ? kind : 'awaiting-review';
}
