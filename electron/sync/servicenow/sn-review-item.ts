import { z } from 'zod';
import { reviewStateSchema } from '../../../shared/review/schema';
import type { ReviewItem, ReviewState } from '../../../shared/review/schema';
import type { FailureOutcome } from '../outcome';
import { parseEscalationField, parseVendorCaseField } from '../rt/review-item';
import { incidentUrl } from './sn-api';

/**
 * The incident fields district IT creates for supervisor review (README): the review state, the
 * escalation's JSON copy (sealed-note handles removed) and the vendor case recorded after a
 * forward. An instance without them ignores writes to them and leaves them out of reads, so
 * every review read checks they came back and says which to create when they did not.
 */
export const REVIEW_FIELD = 'u_deskbook_review';
export const ESCALATION_FIELD = 'u_deskbook_escalation';
export const VENDOR_CASE_FIELD = 'u_deskbook_vendor_case';
export const REVIEW_FIELDS = [REVIEW_FIELD, ESCALATION_FIELD, VENDOR_CASE_FIELD] as const;

/** What a review read asks of an incident. */
export const ITEM_FIELDS = ['sys_id', 'number', 'short_description', 'state', 'correlation_id', 'sys_created_on', 'sys_created_by', 'sys_updated_on', 'sys_mod_count', ...REVIEW_FIELDS].join(',');

const text = z.string().nullish().transform((v) => v ?? '');
export const itemRow = z
  .object({
    sys_id: z.string(),
    number: text,
    short_description: text,
    state: text,
    correlation_id: text,
    sys_created_on: text,
    sys_updated_on: text,
    sys_mod_count: z.union([z.string(), z.number()]).nullish().transform((v) => (v === null || v === undefined ? '' : String(v))),
  })
  .catchall(z.unknown());
export type ItemRow = z.output<typeof itemRow>;

/** The baseline incident states, as the review list shows them. */
const STATE_LABEL: Readonly<Record<string, string>> = { '1': 'new', '2': 'in progress', '3': 'on hold', '6': 'resolved', '7': 'closed', '8': 'canceled' };

/** A failure naming the review fields this row lacks, or null when it has them all. */
export function missingReviewFields(row: Record<string, unknown>): FailureOutcome | null {
  const missing = REVIEW_FIELDS.filter((f) => !(f in row));
  if (missing.length === 0) return null;
  return {
    kind: 'failed',
    message: `Supervisor review on ServiceNow needs the incident field${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (string; see Deskbook's ServiceNow setup): ask the instance's admin to create ${missing.length > 1 ? 'them' : 'it'}, readable and writable by this account`,
  };
}

export function fieldText(row: Record<string, unknown>, field: string): string {
  const value = row[field];
  return typeof value === 'string' ? value : '';
}

export function reviewStateOf(row: Record<string, unknown>): ReviewState {
  const parsed = reviewStateSchema.safeParse(fieldText(row, REVIEW_FIELD).trim().toLowerCase());
  return parsed.success ? parsed.data : 'awaiting-review';
}

/** A Table API date (`2026-03-02 19:04:05`, UTC without display values) as ISO; the epoch if unreadable. */
export function snDate(value: string): string {
  const ms = Date.parse(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(value) ? `${value.replace(' ', 'T')}Z` : value);
  return new Date(Number.isNaN(ms) ? 0 : ms).toISOString();
}

/** Only incidents carrying the escalation copy are escalations: logged calls and others are not. */
export function isEscalationRow(row: ItemRow): boolean {
  return fieldText(row, ESCALATION_FIELD) !== '';
}

/** An incident as the review list shows it; `etag` is its `sys_mod_count` (see sn-review-write.ts). */
export function toReviewItem(row: ItemRow, base: string): ReviewItem {
  const { escalation, hasSealedNote } = parseEscalationField(fieldText(row, ESCALATION_FIELD));
  const vendorCase = parseVendorCaseField(fieldText(row, VENDOR_CASE_FIELD) || undefined);
  return {
    remoteId: row.sys_id,
    url: incidentUrl(base, row.sys_id),
    requestId: row.correlation_id,
    subject: row.short_description,
    rtStatus: STATE_LABEL[row.state] ?? row.state,
    reviewState: reviewStateOf(row),
    createdAt: snDate(row.sys_created_on),
    lastUpdated: snDate(row.sys_updated_on),
    escalation,
    hasSealedNote,
    etag: row.sys_mod_count === '' ? null : row.sys_mod_count,
    ...(vendorCase ? { vendorCase } : {}),
  };
}
