import { escalationSchema } from '../../../shared/escalation/schema';
import type { Escalation } from '../../../shared/escalation/schema';
import { reviewStateSchema, vendorCaseSchema } from '../../../shared/review/schema';
import type { ReviewItem, ReviewState, VendorCase } from '../../../shared/review/schema';
import type { RtReviewTicket } from './rt-api';
import { ticketUrl } from './rt-api';
import type { RtFieldIds } from './rt-fields';

/**
 * The "Deskbook Escalation" field's value: the escalation as JSON with its sealed-note handles
 * removed (a handle is useless to anyone but the vault that made it, and the list of labels is
 * nobody's business on the ticket) and `hasSealedNote` saying whether there were any.
 *
 * Pure ASCII (`\uXXXX` escapes): RT 5.0.3's comment endpoint echoes custom-field changes in its
 * answer without encoding them, and a character above U+00FF there kills the Starlet worker
 * after the change is committed ("Wide character in syswrite"), which reads as a reset.
 */
export function escalationFieldValue(escalation: Escalation): string {
  const json = JSON.stringify({
    ...escalation,
    draft: { ...escalation.draft, sealedNotes: [] },
    hasSealedNote: escalation.draft.sealedNotes.length > 0,
  });
  return json.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Reads the field back. Anything that is not a valid escalation (absent, edited by hand in RT,
 * written by an older or newer Deskbook) gives `escalation: null` rather than an error, so one
 * odd ticket never hides the rest of the review list.
 */
export function parseEscalationField(value: string | undefined): { escalation: Escalation | null; hasSealedNote: boolean } {
  if (!value) return { escalation: null, hasSealedNote: false };
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return { escalation: null, hasSealedNote: false };
  }
  const flag = typeof parsed === 'object' && parsed !== null ? (parsed as { hasSealedNote?: unknown }).hasSealedNote : undefined;
  const escalation = escalationSchema.safeParse(parsed);
  return { escalation: escalation.success ? escalation.data : null, hasSealedNote: flag === true };
}

/**
 * The "Deskbook Vendor Case" field's value: `1234567 submitted 2026-03-02T15:04:05.000Z`, one line
 * a person reads in RT's web UI and a search (`LIKE '1234567'`) finds.
 */
export function vendorCaseFieldValue(vendorCase: VendorCase): string {
  return `${vendorCase.caseNumber} submitted ${vendorCase.submittedAt}`;
}

const VENDOR_CASE_VALUE = /^\s*(\S+)\s+submitted\s+(\S+)\s*$/;

/** Reads the field back; a value that is not one Deskbook writes (edited by hand) reads as none. */
export function parseVendorCaseField(value: string | undefined): VendorCase | undefined {
  const match = value === undefined ? null : VENDOR_CASE_VALUE.exec(value);
  if (!match) return undefined;
  const parsed = vendorCaseSchema.safeParse({ caseNumber: match[1], submittedAt: match[2] });
  return parsed.success ? parsed.data : undefined;
}

/** The review state stored on the ticket; a ticket without one (or with a foreign value) awaits review. */
export function reviewStateOf(ticket: Pick<RtReviewTicket, 'CustomFields'>, reviewFieldId: string): ReviewState {
  const parsed = reviewStateSchema.safeParse(fieldValue(ticket, reviewFieldId)?.trim().toLowerCase());
  return parsed.success ? parsed.data : 'awaiting-review';
}

/** The first value of a custom field, by the id RT knows it by in this queue. */
export function fieldValue(ticket: Pick<RtReviewTicket, 'CustomFields'>, fieldId: string): string | undefined {
  return ticket.CustomFields.find((cf) => cf.id === fieldId)?.values[0];
}

/**
 * A ticket as the review list shows it. `etag` is left null: REST2 sends a ticket's ETag only on
 * `GET /ticket/:id`, and fetching it per ticket would make a list of thousands cost thousands of
 * requests; `getForReview` supplies it before a decision.
 */
export function toReviewItem(ticket: RtReviewTicket, ids: RtFieldIds, baseUrl: string): ReviewItem {
  const { escalation, hasSealedNote } = parseEscalationField(fieldValue(ticket, ids.escalation));
  const vendorCase = ids.vendorCase === undefined ? undefined : parseVendorCaseField(fieldValue(ticket, ids.vendorCase));
  return {
    remoteId: ticket.id,
    url: ticketUrl(baseUrl, ticket.id),
    requestId: fieldValue(ticket, ids.requestId) ?? '',
    subject: ticket.Subject,
    rtStatus: ticket.Status,
    reviewState: reviewStateOf(ticket, ids.review),
    createdAt: isoDate(ticket.Created),
    lastUpdated: isoDate(ticket.LastUpdated),
    escalation,
    hasSealedNote,
    etag: null,
    ...(vendorCase ? { vendorCase } : {}),
  };
}

/**
 * A logged call (a closed ticket with a request id and no escalation; see rt-call-log.ts) is not
 * an escalation and never awaits review, so the review list leaves it out.
 */
export function isCallLogTicket(ticket: RtReviewTicket, ids: RtFieldIds): boolean {
  return !fieldValue(ticket, ids.escalation) && Boolean(fieldValue(ticket, ids.requestId)) && ticket.Subject.startsWith('Call log · ');
}

/** REST2 dates are UTC W3CDTF (`2026-03-02T19:04:05Z`); anything unreadable becomes the epoch. */
export function isoDate(value: string): string {
  const ms = Date.parse(value);
  return new Date(Number.isNaN(ms) ? 0 : ms).toISOString();
}
