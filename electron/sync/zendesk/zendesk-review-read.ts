import { z } from 'zod';
import type { ReviewDetail, ReviewItem, ReviewPage, ReviewStatus } from '../../../shared/review/schema';
import type { RecordedAnchor } from '../../audit';
import { ConnectorError } from '../outcome';
import type { DecisionAnchorLookup } from '../review';
import { isMarkerId, parseAnchor } from '../rt/review-markers';
import { latestReviewComment } from '../rt/review-history';
import { readComments, searchTickets, ticketAnswerSchema, ticketSchema, ZENDESK_ID, zendeskCall } from './zendesk-api';
import type { TicketComments, ZendeskTicket } from './zendesk-api';
import type { ZendeskContext } from './zendesk-context';
import { ESCALATION_TAG } from './zendesk-render';
import { classifyComment, DECIDED_TAG, reviewStateOfTags, toReviewHistory, toReviewItem } from './zendesk-review-format';

const CURSOR = /^zd-updated:(\d{1,15})$/;
/**
 * How far back an incremental list looks before its cursor. Zendesk's search index follows
 * writes by up to a few minutes; a change it had not indexed yet is listed next time (an item may
 * repeat across calls), not lost.
 */
export const SEARCH_LAG_MS = 10 * 60 * 1000;
const IDS_PER_REQUEST = 100;

/**
 * Escalations changed since `cursor` (`zd-updated:<ms>`, the newest `updated_at` seen; null or
 * anything else lists them all), oldest change first. One search (Export Search Results, for
 * tickets tagged `deskbook_escalation`, `updated>` the cursor less `SEARCH_LAG_MS`), then each
 * ticket's comments, where its structured copy lives.
 */
export async function listForReview(ctx: ZendeskContext, cursor: string | null): Promise<ReviewPage> {
  const since = cursor === null ? undefined : CURSOR.exec(cursor)?.[1];
  let query = `type:ticket tags:${ESCALATION_TAG}`;
  if (since !== undefined) query += ` updated>${searchDate(Number(since) - SEARCH_LAG_MS)}`;
  const found = await searchTickets(ctx.client, query);
  if (!found.ok) throw new ConnectorError(found.outcome);
  let high = since === undefined ? 0 : Number(since);
  const items: ReviewItem[] = [];
  for (const ticket of unique(found.tickets)) {
    // The index may hold a ticket whose tags changed since: only Deskbook escalations count.
    if (!(ticket.tags ?? []).includes(ESCALATION_TAG)) continue;
    const read = await comments(ctx, ticket.id);
    items.push(toReviewItem(ticket, read.comments, ctx.remote(ticket.id).url));
    const updated = Date.parse(ticket.updated_at ?? '');
    if (!Number.isNaN(updated)) high = Math.max(high, updated);
  }
  items.sort((a, b) => a.lastUpdated.localeCompare(b.lastUpdated) || Number(a.remoteId) - Number(b.remoteId));
  return { items, cursor: high > 0 ? `zd-updated:${high}` : cursor };
}

/**
 * One escalation, its version (`etag`: the ticket's `updated_at`, which `safe_update` compares)
 * and its review history. The ticket is read before its comments, so the version is never newer
 * than the history shown: a decision on it can only be stale, never blind.
 */
export async function getForReview(ctx: ZendeskContext, remoteId: string): Promise<ReviewDetail> {
  const ticket = await readTicket(ctx, remoteId);
  const read = await comments(ctx, ticket.id);
  return { ...toReviewItem(ticket, read.comments, ctx.remote(ticket.id).url), history: toReviewHistory(read.comments, read.authors) };
}

/**
 * For the analyst's machine: each ticket's review state (its tags, by Show Many Tickets, 100 at a
 * time) and its latest decision or resubmission (its comments, read only for tickets a decision
 * has tagged `deskbook_decided`). Tickets Zendesk does not return (deleted, or out of this
 * agent's reach) are left out.
 */
export async function reviewStatus(ctx: ZendeskContext, remoteIds: readonly string[]): Promise<ReviewStatus[]> {
  const ids = [...new Set(remoteIds)].filter((id) => ZENDESK_ID.test(id));
  const out: ReviewStatus[] = [];
  for (let i = 0; i < ids.length; i += IDS_PER_REQUEST) {
    const chunk = ids.slice(i, i + IDS_PER_REQUEST);
    const res = await zendeskCall(ctx.client, 'GET', `/api/v2/tickets/show_many?ids=${chunk.join(',')}`, { expect: 'a list of tickets' });
    if (!res.ok) throw new ConnectorError(res.outcome);
    const parsed = z.object({ tickets: z.array(ticketSchema) }).safeParse(res.json);
    if (!parsed.success) throw new ConnectorError({ kind: 'failed', message: "Zendesk's answer to Show Many Tickets was not a list of tickets" });
    for (const ticket of parsed.data.tickets) {
      // No decision was ever written (no `deskbook_decided`), so there is no review comment to read.
      if (!(ticket.tags ?? []).includes(DECIDED_TAG)) {
        out.push({ remoteId: ticket.id, reviewState: reviewStateOfTags(ticket.tags), lastComment: null });
        continue;
      }
      const read = await comments(ctx, ticket.id);
      out.push({ remoteId: ticket.id, reviewState: reviewStateOfTags(ticket.tags), lastComment: latestReviewComment(toReviewHistory(read.comments, read.authors)) });
    }
  }
  return out;
}

/** Whether this decision's comment is on the ticket, and the audit anchor its text ends with. */
export async function decisionAnchor(ctx: ZendeskContext, remoteId: string, decisionId: string): Promise<DecisionAnchorLookup> {
  // `decide` refuses such ids before writing anything: a decision with one is positively not there.
  if (!ZENDESK_ID.test(remoteId) || !isMarkerId(decisionId)) return { found: false };
  const read = await comments(ctx, remoteId);
  const found = findDecision(read, decisionId);
  return found === null ? { found: false } : { found: true, anchor: found.anchor };
}

/**
 * Every audit anchor in the decision comments this agent can read, oldest first: the tickets
 * tagged `deskbook_decided` (each decision adds the tag), then their comments.
 */
export async function auditAnchors(ctx: ZendeskContext): Promise<RecordedAnchor[]> {
  const found = await searchTickets(ctx.client, `type:ticket tags:${DECIDED_TAG}`);
  if (!found.ok) throw new ConnectorError(found.outcome);
  const anchors: (RecordedAnchor & { commentId: number })[] = [];
  for (const ticket of unique(found.tickets)) {
    const read = await comments(ctx, ticket.id);
    for (const c of read.comments) {
      const kind = classifyComment(c);
      if (kind.kind !== 'decision') continue;
      const anchor = parseAnchor(c.body ?? '');
      if (anchor) anchors.push({ decisionId: kind.marker.id, remoteId: ticket.id, anchor, commentId: Number(c.id) });
    }
  }
  return anchors.sort((a, b) => a.commentId - b.commentId).map(({ commentId: _, ...anchor }) => anchor);
}

/** The comment carrying this decision's marker, and the anchor it ends with; null when none does. */
export function findDecision(read: TicketComments, decisionId: string): { anchor: RecordedAnchor['anchor'] | null } | null {
  for (const c of read.comments) {
    const kind = classifyComment(c);
    if (kind.kind === 'decision' && kind.marker.id === decisionId.toLowerCase()) return { anchor: parseAnchor(c.body ?? '') };
  }
  return null;
}

/** Show Ticket; throws ConnectorError. */
export async function readTicket(ctx: ZendeskContext, remoteId: string): Promise<ZendeskTicket> {
  const path = ctx.ticketPath(remoteId);
  if (!path.ok) throw new ConnectorError(path.outcome);
  const res = await zendeskCall(ctx.client, 'GET', path.path, { expect: `ticket #${remoteId}` });
  if (!res.ok) throw new ConnectorError(res.outcome);
  const parsed = ticketAnswerSchema.safeParse(res.json);
  if (!parsed.success) throw new ConnectorError({ kind: 'failed', message: `Zendesk's answer for ticket #${remoteId} was not a ticket` });
  return parsed.data.ticket;
}

/** Every comment of a ticket; throws ConnectorError. */
export async function comments(ctx: ZendeskContext, remoteId: string): Promise<TicketComments> {
  const path = ctx.ticketPath(remoteId);
  if (!path.ok) throw new ConnectorError(path.outcome);
  const read = await readComments(ctx.client, remoteId);
  if (!read.ok) throw new ConnectorError(read.outcome);
  return read;
}

function unique(tickets: readonly ZendeskTicket[]): ZendeskTicket[] {
  const seen = new Map<string, ZendeskTicket>();
  for (const t of tickets) seen.set(t.id, t);
  return [...seen.values()];
}

/** Search's date form: ISO 8601 to the second, in UTC. */
function searchDate(ms: number): string {
  return new Date(Math.max(0, ms)).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
