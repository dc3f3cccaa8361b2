import { z } from 'zod';
import type { ReviewDetail, ReviewItem, ReviewPage, ReviewStatus } from '../../../shared/review/schema';
import { ConnectorError } from '../outcome';
import type { FailureOutcome } from '../outcome';
import { latestReviewComment } from '../rt/review-history';
import { isSysId, notSysId, snCall, tablePath } from './sn-api';
import type { SnContext } from './sn-context';
import { readIncidentJournal, searchJournal, toReviewHistory } from './sn-review-journal';
import type { JournalEntry } from './sn-review-journal';
import { ESCALATION_FIELD, ITEM_FIELDS, isEscalationRow, itemRow, missingReviewFields, reviewStateOf, toReviewItem } from './sn-review-item';
import type { ItemRow } from './sn-review-item';

const CURSOR = /^sn-updated:(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2})$/;
const PAGE = 200;
/** sys_ids per `sys_idIN…` query: keeps URLs short. */
const IDS_PER_QUERY = 50;

function unwrap<T>(read: { ok: true; value: T } | { ok: false; outcome: FailureOutcome }): T {
  if (!read.ok) throw new ConnectorError(read.outcome);
  return read.value;
}

/** Incidents matching an encoded query (ITEM_FIELDS), checked for the review fields. */
async function searchIncidents(ctx: SnContext, query: string, offset: number, limit: number): Promise<{ ok: true; value: ItemRow[] } | { ok: false; outcome: FailureOutcome }> {
  const res = await snCall(
    ctx.client,
    'GET',
    tablePath('incident', { sysparm_query: query, sysparm_fields: ITEM_FIELDS, sysparm_exclude_reference_link: 'true', sysparm_limit: String(limit), sysparm_offset: String(offset) }),
  );
  if (!res.ok) return res;
  const rows = z.array(itemRow).safeParse(res.result);
  if (!rows.success) return { ok: false, outcome: { kind: 'retry', reason: "ServiceNow's answer to an incident search was not a list of incidents", maybeDelivered: false } };
  const first = rows.data[0];
  const missing = first ? missingReviewFields(first) : null;
  if (missing) return { ok: false, outcome: missing };
  return { ok: true, value: rows.data.filter((r) => isSysId(r.sys_id)) };
}

/**
 * Deskbook's escalations (incidents carrying the escalation copy; an instance without that field
 * ignores the condition, and the first row then fails the field check) changed since `cursor` (`sn-updated:<sys_updated_on>`), oldest change
 * first. Keyset paging on `sys_updated_on >= last`: an incident that changes while the list is
 * read moves to a later time and is read again further on, where offset paging would shift a
 * page and skip one. The same second is read again next time (`>=`), so items may repeat, which
 * the contract allows; `sysparm_offset` counts only rows of the last second already read (more
 * than a page of incidents updated in one second, one of which changes mid-read, could shift
 * that offset by one: the only gap left, and it closes when that incident next changes).
 */
export async function listForReview(ctx: SnContext, cursor: string | null): Promise<ReviewPage> {
  const since = cursor === null ? undefined : CURSOR.exec(cursor)?.[1];
  const byId = new Map<string, ItemRow>();
  let last = since;
  let sameSecond = 0;
  for (let guard = 0; guard < 10_000; guard++) {
    const query = `${ESCALATION_FIELD}ISNOTEMPTY${last ? `^sys_updated_on>=${last}` : ''}^ORDERBYsys_updated_on^ORDERBYsys_id`;
    const page = unwrap(await searchIncidents(ctx, query, sameSecond, PAGE));
    for (const row of page) byId.set(row.sys_id, row);
    const tail = page[page.length - 1];
    if (page.length < PAGE || !tail) break;
    sameSecond = tail.sys_updated_on === last ? sameSecond + page.length : page.filter((r) => r.sys_updated_on === tail.sys_updated_on).length;
    last = tail.sys_updated_on;
  }
  const rows = [...byId.values()];
  const newest = rows.reduce<string | undefined>((max, r) => (max === undefined || r.sys_updated_on > max ? r.sys_updated_on : max), since);
  const items: ReviewItem[] = rows.filter(isEscalationRow).map((r) => toReviewItem(r, ctx.client.base));
  items.sort((a, b) => a.lastUpdated.localeCompare(b.lastUpdated) || a.remoteId.localeCompare(b.remoteId));
  return { items, cursor: newest ? `sn-updated:${newest}` : cursor };
}

/** One incident as review reads it (ITEM_FIELDS), checked for the review fields. */
export async function readItem(ctx: SnContext, sysId: string): Promise<{ ok: true; value: ItemRow } | { ok: false; outcome: FailureOutcome }> {
  if (!isSysId(sysId)) return { ok: false, outcome: notSysId(sysId) };
  const res = await snCall(ctx.client, 'GET', tablePath('incident', { sysparm_fields: ITEM_FIELDS, sysparm_exclude_reference_link: 'true' }, sysId));
  if (!res.ok) return res;
  const parsed = itemRow.safeParse(res.result);
  if (!parsed.success || parsed.data.sys_id !== sysId) return { ok: false, outcome: { kind: 'retry', reason: `ServiceNow's answer for incident ${sysId} was not that incident`, maybeDelivered: false } };
  const missing = missingReviewFields(parsed.data);
  return missing ? { ok: false, outcome: missing } : { ok: true, value: parsed.data };
}

/**
 * One escalation with its version (`etag` = `sys_mod_count`) and history. The incident is read
 * before its journal, so the version is never newer than the history shown: a decision on it
 * can only be stale, never blind.
 */
export async function getForReview(ctx: SnContext, remoteId: string): Promise<ReviewDetail> {
  const row = unwrap(await readItem(ctx, remoteId));
  const journal = await readIncidentJournal(ctx.client, remoteId);
  if (!journal.ok) throw new ConnectorError(journal.outcome);
  return { ...toReviewItem(row, ctx.client.base), history: toReviewHistory(row, journal.entries) };
}

/**
 * For the analyst's machine: each incident's review state and latest review entry, in two
 * requests per 50 incidents (the incidents, then only their Deskbook-marked work notes).
 * Incidents ServiceNow does not return (deleted, not visible) are left out. Where an ACL hides
 * `sys_journal_field` the state is still right but the latest comment reads as none.
 */
export async function reviewStatus(ctx: SnContext, remoteIds: readonly string[]): Promise<ReviewStatus[]> {
  const ids = [...new Set(remoteIds)].filter(isSysId);
  const out: ReviewStatus[] = [];
  for (let i = 0; i < ids.length; i += IDS_PER_QUERY) {
    const chunk = ids.slice(i, i + IDS_PER_QUERY);
    const rows = unwrap(await searchIncidents(ctx, `sys_idIN${chunk.join(',')}`, 0, chunk.length));
    const journal = await searchJournal(ctx.client, `element_idIN${chunk.join(',')}^element=work_notes^valueSTARTSWITH[Deskbook`);
    if (!journal.ok) throw new ConnectorError(journal.outcome);
    const byIncident = new Map<string, JournalEntry[]>();
    for (const e of journal.entries) byIncident.set(e.incident, [...(byIncident.get(e.incident) ?? []), e]);
    for (const row of rows) {
      const history = toReviewHistory(row, byIncident.get(row.sys_id) ?? []);
      out.push({ remoteId: row.sys_id, reviewState: reviewStateOf(row), lastComment: latestReviewComment(history) });
    }
  }
  return out;
}
