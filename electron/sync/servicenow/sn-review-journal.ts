import { z } from 'zod';
import { DECISION_STATE } from '../../../shared/review/schema';
import type { ReviewEvent } from '../../../shared/review/schema';
import type { FailureOutcome } from '../outcome';
import { parseMarker, withoutAnchor } from '../rt/review-markers';
import type { MarkerKind, ParsedMarker } from '../rt/review-markers';
import { snCall, tablePath } from './sn-api';
import type { SnClient } from './sn-api';
import type { ItemRow } from './sn-review-item';
import { fieldText, snDate } from './sn-review-item';

/** One journal entry of an incident, as `sys_journal_field` holds it. */
export interface JournalEntry {
  sysId: string;
  incident: string;
  element: string;
  value: string;
  createdOn: string;
  createdBy: string;
}

const row = z.object({
  sys_id: z.string().nullish(),
  element_id: z.string().nullish(),
  element: z.string().nullish(),
  value: z.string().nullish(),
  sys_created_on: z.string().nullish(),
  sys_created_by: z.string().nullish(),
});
const FIELDS = 'sys_id,element_id,element,value,sys_created_on,sys_created_by';

type Read = { ok: true; entries: JournalEntry[] } | { ok: false; outcome: FailureOutcome };

/**
 * Entries per page: journal rows only ever append, so offset paging in creation order is stable.
 * `sys_created_on` has one-second steps: entries of the same second come in sys_id order (a
 * total order, so no page boundary can drop or repeat one), not necessarily the order written.
 */
const PAGE = 1000;

/**
 * Journal entries matching an encoded query, oldest first, every page read. Review needs the
 * entries themselves (author, time, one text each), which only `sys_journal_field` gives; when
 * an ACL hides it, it answers no rows, so `readIncidentJournal` checks that "none" is true.
 */
export async function searchJournal(client: SnClient, query: string, maxPages = 100): Promise<Read> {
  const entries: JournalEntry[] = [];
  for (let page = 0; page < maxPages; page++) {
    const res = await snCall(
      client,
      'GET',
      tablePath('sys_journal_field', { sysparm_query: `${query}^ORDERBYsys_created_on^ORDERBYsys_id`, sysparm_fields: FIELDS, sysparm_limit: String(PAGE), sysparm_offset: String(page * PAGE) }),
    );
    if (!res.ok) return res;
    const rows = z.array(row).safeParse(res.result);
    if (!rows.success) return { ok: false, outcome: { kind: 'retry', reason: "ServiceNow's list of journal entries (sys_journal_field) was unreadable", maybeDelivered: false } };
    for (const r of rows.data) {
      entries.push({
        sysId: r.sys_id ?? '',
        incident: r.element_id ?? '',
        element: r.element ?? '',
        value: r.value ?? '',
        createdOn: r.sys_created_on ?? '',
        createdBy: r.sys_created_by ?? '',
      });
    }
    if (rows.data.length < PAGE) return { ok: true, entries };
  }
  return { ok: false, outcome: { kind: 'failed', message: `ServiceNow's journal list did not end after ${maxPages * PAGE} entries` } };
}

/**
 * Every work note and comment of one incident. No rows while the incident itself shows journal
 * text means `sys_journal_field` is hidden from this account: that fails in words (review could
 * otherwise miss a decision and write it twice), it does not read as an empty history.
 */
export async function readIncidentJournal(client: SnClient, sysId: string): Promise<Read> {
  const read = await searchJournal(client, `element_id=${sysId}^elementINwork_notes,comments`);
  if (!read.ok || read.entries.length > 0) return read;
  const shown = await snCall(client, 'GET', tablePath('incident', { sysparm_display_value: 'true', sysparm_fields: 'work_notes,comments' }, sysId));
  if (!shown.ok) return shown;
  const text = z.object({ work_notes: z.string().nullish(), comments: z.string().nullish() }).safeParse(shown.result);
  if (text.success && (text.data.work_notes || text.data.comments)) {
    return {
      ok: false,
      outcome: { kind: 'failed', message: `This account cannot read the journal (sys_journal_field) of incident ${sysId}, which supervisor review needs: ask the instance's admin for read access to sys_journal_field` },
    };
  }
  return read;
}

/**
 * For a write that found no marker in the journal rows: whether the incident's work notes (as
 * the incident itself shows them) carry `marker` all the same, which means an ACL hides some
 * `sys_journal_field` rows. A write then must not go ahead: it could be a second one.
 */
export async function markerHidden(client: SnClient, sysId: string, marker: string): Promise<{ ok: true; hidden: boolean } | { ok: false; outcome: FailureOutcome }> {
  const shown = await snCall(client, 'GET', tablePath('incident', { sysparm_display_value: 'true', sysparm_fields: 'work_notes' }, sysId));
  if (!shown.ok) return shown;
  const text = z.object({ work_notes: z.string().nullish() }).safeParse(shown.result);
  if (!text.success) return { ok: false, outcome: { kind: 'retry', reason: `ServiceNow's answer for the work notes of incident ${sysId} was unreadable`, maybeDelivered: false } };
  return { ok: true, hidden: (text.data.work_notes ?? '').includes(marker) };
}

/** True for the work note that carries sealed notes: never shown, never returned by review. */
export function isSealedEntry(value: string): boolean {
  return value.includes('[Deskbook sealed note ') || value.startsWith('Sealed notes from Deskbook');
}

/** A journal entry's marker (its first line) and the text after it. */
export function entryMarker(entry: Pick<JournalEntry, 'element' | 'value'>): { marker: ParsedMarker | null; body: string } {
  const [first = '', ...rest] = entry.value.split(/\r?\n/);
  const marker = entry.element === 'work_notes' ? parseMarker(first) : null;
  return marker ? { marker, body: rest.join('\n').replace(/^\s+|\s+$/g, '') } : { marker: null, body: entry.value.replace(/\s+$/, '') };
}

/** The entry carrying this marker, or undefined. */
export function findMarker(entries: readonly JournalEntry[], kind: MarkerKind, id: string): JournalEntry | undefined {
  const wanted = id.toLowerCase();
  return entries.find((e) => {
    const { marker } = entryMarker(e);
    return marker?.kind === kind && marker.id === wanted;
  });
}

const DECISION_KINDS: ReadonlyMap<string, ReviewEvent['kind']> = new Map([
  ...Object.values(DECISION_STATE).map((state) => [state, state] as const),
  ['vendor-case', 'vendor-case'] as const,
]);

/**
 * The review history of one incident, oldest first: `created`, then each work note or comment,
 * decisions and resubmissions by their markers (author = the person the marker names), anything
 * else as `comment`. The sealed-notes work note is left out entirely; a decision's audit anchor
 * line is for `audit:verify`, not for people, and is left out of its text.
 */
export function toReviewHistory(incident: ItemRow, entries: readonly JournalEntry[]): ReviewEvent[] {
  const events: ReviewEvent[] = [{ at: snDate(incident.sys_created_on), author: fieldText(incident, 'sys_created_by'), kind: 'created', text: 'Escalation created in ServiceNow.' }];
  for (const entry of entries) {
    if (isSealedEntry(entry.value)) continue;
    const { marker, body } = entryMarker(entry);
    const kind: ReviewEvent['kind'] = !marker ? 'comment' : marker.kind === 'resubmission' ? 'resubmitted' : (DECISION_KINDS.get(marker.verb) ?? 'comment');
    events.push({
      at: snDate(entry.createdOn),
      author: marker?.author || entry.createdBy,
      kind,
      text: marker?.kind === 'decision' ? withoutAnchor(body) : body,
    });
  }
  return events;
}
