import { z } from 'zod';
import type { ReviewDetail, ReviewItem, ReviewPage, ReviewStatus } from '../../../shared/review/schema';
import { ConnectorError } from '../outcome';
import type { FailureOutcome } from '../outcome';
import { pageSizeOf, reviewTicketSchema, rtAllPages, rtCall, transactionSchema } from './rt-api';
import type { RtReviewTicket } from './rt-api';
import { readAttachments, readHistory, searchTransactions } from './rt-context';
import type { Resolved, RtContext } from './rt-context';
import { latestReviewComment, textByTransaction, toReviewHistory, transactionsNeedingText } from './review-history';
import { isCallLogTicket, reviewStateOf, toReviewItem } from './review-item';
import { ticketSqlString } from './ticketsql';

type Ok = Extract<Resolved, { ok: true }>;
const TICKET_FIELDS = 'Subject,Status,Created,LastUpdated,CustomFields';
const CURSOR = /^rt-txn:(\d{1,15})$/;
/** Ids per `id = … OR id = …` query: keeps URLs short. */
const IDS_PER_QUERY = 50;

/**
 * The review cursor is `rt-txn:<n>`, n being the highest RT transaction id already seen in the
 * queue. Transaction ids are exact and time-zone free; `LastUpdated >= '…'` is neither: RT reads
 * a TicketSQL date in the account's own time zone (with or without a `Z` or `+0000`), so a UTC
 * cursor misses updates on an RT set to, say, America/Chicago, and its one-second steps make
 * paging by date shift. Anything else (null, an older format) means "list everything".
 */
export async function listForReview(ctx: RtContext, cursor: string | null): Promise<ReviewPage> {
  const r = await resolved(ctx);
  const since = cursor === null ? undefined : CURSOR.exec(cursor)?.[1];
  let items: ReviewItem[];
  let high: number;
  if (since === undefined) {
    // Read the high-water mark first: whatever changes while the list is read is listed again next time.
    high = await latestTransactionId(ctx, r);
    items = (await allTickets(ctx)).filter((t) => !isCallLogTicket(t, r.ids)).map((t) => toReviewItem(t, r.ids, ctx.client.baseUrl));
  } else {
    high = Number(since);
    const changed = unwrap(await searchTransactions(ctx.client, `ObjectType = 'RT::Ticket' AND TicketQueue = ${Number(r.queueId)} AND id > ${high}`, 'ObjectId'));
    const ticketIds = new Set<string>();
    for (const t of changed) {
      high = Math.max(high, Number(t.id));
      if (t.ObjectId) ticketIds.add(t.ObjectId);
    }
    items = (await ticketsById(ctx, [...ticketIds])).filter((t) => !isCallLogTicket(t, r.ids)).map((t) => toReviewItem(t, r.ids, ctx.client.baseUrl));
  }
  items.sort((a, b) => a.lastUpdated.localeCompare(b.lastUpdated) || Number(a.remoteId) - Number(b.remoteId));
  return { items, cursor: `rt-txn:${high}` };
}

/**
 * One ticket with its ETag and history. The ticket is read before its history so the ETag is
 * never newer than the history shown: a decision on it can only be stale, never blind.
 */
export async function getForReview(ctx: RtContext, remoteId: string): Promise<ReviewDetail> {
  const r = await resolved(ctx);
  const path = `/ticket/${encodeURIComponent(remoteId)}`;
  const res = await rtCall(ctx.client, 'GET', `${path}?fields=${TICKET_FIELDS}`);
  if (!res.ok) throw new ConnectorError(res.outcome);
  const ticket = reviewTicketSchema.safeParse(res.json);
  if (!ticket.success) throw new ConnectorError({ kind: 'failed', message: `RT's answer for ticket #${remoteId} was not a ticket` });
  const transactions = unwrap(await readHistory(ctx.client, remoteId));
  const texts = textByTransaction(unwrap(await readAttachments(ctx.client, transactionsNeedingText(transactions))));
  return {
    ...toReviewItem(ticket.data, r.ids, ctx.client.baseUrl),
    etag: res.etag,
    history: toReviewHistory(transactions, texts, r.ids.review),
  };
}

/**
 * The analyst's view of their own tickets, in a few requests per 50 tickets whatever the history
 * length: the review field of each ticket, then only the transactions that matter (marker
 * comments and review-field changes) for all of them at once. Tickets RT does not return
 * (deleted, or not visible to this account) are left out.
 */
export async function reviewStatus(ctx: RtContext, remoteIds: readonly string[]): Promise<ReviewStatus[]> {
  const r = await resolved(ctx);
  const ids = [...new Set(remoteIds)].filter((id) => /^\d{1,15}$/.test(id));
  const out: ReviewStatus[] = [];
  for (let i = 0; i < ids.length; i += IDS_PER_QUERY) {
    const chunk = ids.slice(i, i + IDS_PER_QUERY);
    const tickets = await ticketsById(ctx, chunk, false);
    const query =
      `ObjectType = 'RT::Ticket' AND (${chunk.map((id) => `ObjectId = ${id}`).join(' OR ')}) AND ` +
      `((Type = 'Comment' AND (Data LIKE 'Deskbook decision' OR Data LIKE 'Deskbook resubmission')) OR (Type = 'CustomField' AND Field = ${ticketSqlString(r.ids.review)}))`;
    const transactions = unwrap(await searchTransactions(ctx.client, query));
    const texts = textByTransaction(unwrap(await readAttachments(ctx.client, transactionsNeedingText(transactions))));
    const byTicket = groupBy(transactions, (t) => t.ObjectId ?? '');
    for (const t of tickets) {
      const history = toReviewHistory(byTicket.get(t.id) ?? [], texts, r.ids.review);
      out.push({ remoteId: t.id, reviewState: reviewStateOf(t, r.ids.review), lastComment: latestReviewComment(history) });
    }
  }
  return out;
}

async function resolved(ctx: RtContext): Promise<Ok> {
  const r = await ctx.resolve();
  if (!r.ok) throw new ConnectorError(r.outcome);
  return r;
}

function unwrap<T>(read: { ok: true; items: T[] } | { ok: false; outcome: FailureOutcome }): T[] {
  if (!read.ok) throw new ConnectorError(read.outcome);
  return read.items;
}

async function latestTransactionId(ctx: RtContext, r: Ok): Promise<number> {
  const params = new URLSearchParams({
    query: `ObjectType = 'RT::Ticket' AND TicketQueue = ${Number(r.queueId)}`,
    fields: 'ObjectId',
    orderby: 'id',
    order: 'DESC',
    per_page: '1',
  });
  const res = await rtCall(ctx.client, 'GET', `/transactions?${params.toString()}`);
  if (!res.ok) throw new ConnectorError(res.outcome);
  const first = z.object({ items: z.array(transactionSchema.pick({ id: true })) }).safeParse(res.json);
  if (!first.success) throw new ConnectorError({ kind: 'failed', message: "RT's answer for the latest transaction was not a list" });
  return Number(first.data.items[0]?.id ?? 0);
}

/**
 * Every ticket in the queue, by id (keyset paging: `id > last`), so tickets changing while the
 * list is read cannot shift a page boundary and be skipped.
 */
async function allTickets(ctx: RtContext): Promise<RtReviewTicket[]> {
  const out: RtReviewTicket[] = [];
  const perPage = pageSizeOf(ctx.client);
  for (let last = 0; ; ) {
    const query = `Queue = ${ticketSqlString(ctx.queue)} AND id > ${last}`;
    const page = await ticketSearch(ctx, query, `&per_page=${perPage}&page=1`);
    out.push(...page);
    const tail = page[page.length - 1];
    if (page.length < perPage || !tail) return out;
    last = Number(tail.id);
  }
}

async function ticketsById(ctx: RtContext, ids: readonly string[], inQueue = true): Promise<RtReviewTicket[]> {
  const out: RtReviewTicket[] = [];
  for (let i = 0; i < ids.length; i += IDS_PER_QUERY) {
    const chunk = ids.slice(i, i + IDS_PER_QUERY).filter((id) => /^\d{1,15}$/.test(id));
    if (chunk.length === 0) continue;
    const byId = `(${chunk.map((id) => `id = ${id}`).join(' OR ')})`;
    const query = inQueue ? `Queue = ${ticketSqlString(ctx.queue)} AND ${byId}` : byId;
    const read = await rtAllPages(ctx.client, `/tickets?${searchParams(query)}`, reviewTicketSchema, 'tickets');
    out.push(...unwrap(read));
  }
  return out;
}

async function ticketSearch(ctx: RtContext, query: string, paging: string): Promise<RtReviewTicket[]> {
  const res = await rtCall(ctx.client, 'GET', `/tickets?${searchParams(query)}${paging}`);
  if (!res.ok) throw new ConnectorError(res.outcome);
  const parsed = z.object({ items: z.array(reviewTicketSchema) }).safeParse(res.json);
  if (!parsed.success) throw new ConnectorError({ kind: 'failed', message: "RT's answer to a ticket search was not a list of tickets" });
  return parsed.data.items;
}

function searchParams(query: string): string {
  return new URLSearchParams({ query, fields: TICKET_FIELDS, orderby: 'id', order: 'ASC' }).toString();
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}
