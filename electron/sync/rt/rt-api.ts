import { z } from 'zod';
import { exchange } from '../http';
import type { HttpDeps, HttpRequestInit, NetworkFailure } from '../http';
import { classifyNetworkFailure, classifyStatus, serverMessage } from '../outcome';
import type { FailureOutcome } from '../outcome';

/** How to reach one RT: its web base URL (WebBaseURL + WebPath) and a token source. */
export interface RtClient {
  deps: HttpDeps;
  baseUrl: string;
  token: () => Promise<string>;
  /** Items per page for list reads; default and maximum `RT_PAGE_SIZE`. */
  pageSize?: number;
}

/**
 * One REST2 call: parsed JSON on 2xx (with the `Location` and `ETag` headers), or a classified
 * failure (with its network cause, if any).
 */
export type RtResult =
  | { ok: true; status: number; json: unknown; location: string | null; etag: string | null }
  | { ok: false; outcome: FailureOutcome; status?: number; network?: NetworkFailure };

/**
 * Calls `/REST/2.0<path>` with `Authorization: token …`. `mutating` marks requests whose failure
 * may follow a commit (ticket create, comment). `ifMatch` makes a PUT conditional on the
 * ticket's ETag: RT answers 412 when the ticket changed.
 */
export async function rtCall(
  client: RtClient,
  method: HttpRequestInit['method'],
  path: string,
  options: { body?: unknown; mutating?: boolean; ifMatch?: string } = {},
): Promise<RtResult> {
  const headers: Record<string, string> = {
    Authorization: `token ${await client.token()}`,
    Accept: 'application/json',
  };
  if (options.ifMatch !== undefined) headers['If-Match'] = options.ifMatch;
  const init: HttpRequestInit = { method, headers };
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json; charset=utf-8';
    init.body = JSON.stringify(options.body);
  }
  const mutating = options.mutating ?? false;
  const res = await exchange(client.deps, `${client.baseUrl}/REST/2.0${path}`, init);
  if (!res.ok) return { ok: false, outcome: classifyNetworkFailure(res.failure, { mutating }), network: res.failure };
  if (res.status < 200 || res.status > 299) {
    const now = (client.deps.now ?? Date.now)();
    return { ok: false, status: res.status, outcome: classifyStatus(res.status, res.headers, serverMessage(res.body), { mutating, now }) };
  }
  let json: unknown = null;
  try {
    json = res.body.trim() ? JSON.parse(res.body) : null;
  } catch {
    // RT answered 2xx with a non-JSON body (a proxy's login page, say): report it, do not guess.
    return {
      ok: false,
      status: res.status,
      outcome: { kind: 'failed', status: res.status, message: `RT answered HTTP ${res.status} with a body that is not JSON: is the base URL right?` },
    };
  }
  return { ok: true, status: res.status, json, location: res.headers.get('location'), etag: res.headers.get('etag') };
}

/** Page size for every list read: REST2's maximum (RT silently caps `per_page` there). */
export const RT_PAGE_SIZE = 100;

/** The client's page size, clamped to what RT honours: a larger one would end reads early. */
export function pageSizeOf(client: RtClient): number {
  const size = Math.trunc(client.pageSize ?? RT_PAGE_SIZE);
  return Math.min(RT_PAGE_SIZE, Math.max(1, Number.isFinite(size) ? size : RT_PAGE_SIZE));
}

/**
 * Reads every page of a REST2 list (`per_page=100`). RT 5.0.3 leaves `total` and `next_page` out
 * for accounts that cannot see everything, so it pages until one comes back short. `maxPages`
 * bounds a runaway server. Items that do not parse make the whole read fail: a half-read list
 * would look like "nothing more".
 */
export async function rtAllPages<T extends z.ZodType>(
  client: RtClient,
  path: string,
  item: T,
  what: string,
  maxPages = 1000,
): Promise<{ ok: true; items: z.output<T>[] } | { ok: false; outcome: FailureOutcome }> {
  const items: z.output<T>[] = [];
  const sep = path.includes('?') ? '&' : '?';
  const perPage = pageSizeOf(client);
  for (let page = 1; page <= maxPages; page++) {
    const res = await rtCall(client, 'GET', `${path}${sep}per_page=${perPage}&page=${page}`);
    if (!res.ok) return res;
    const parsed = z.object({ items: z.array(item) }).safeParse(res.json);
    if (!parsed.success) return { ok: false, outcome: { kind: 'failed', message: `RT's answer for ${what} was not a readable list` } };
    items.push(...parsed.data.items);
    if (parsed.data.items.length < perPage) return { ok: true, items };
  }
  return { ok: false, outcome: { kind: 'failed', message: `RT's list of ${what} did not end after ${maxPages} pages` } };
}

/** The page a person opens for a ticket. */
export function ticketUrl(baseUrl: string, ticketId: string): string {
  return `${baseUrl}/Ticket/Display.html?id=${encodeURIComponent(ticketId)}`;
}

const id = z.union([z.string(), z.number()]).transform(String);

export const queueSchema = z.object({
  id,
  Name: z.string(),
  TicketCustomFields: z.array(z.object({ id, name: z.string() })).default([]),
  _hyperlinks: z.array(z.object({ ref: z.string(), type: z.string().optional() })).default([]),
});
export type RtQueue = z.output<typeof queueSchema>;

export const createdSchema = z.object({ id });

export const ticketSchema = z.object({
  id,
  CustomFields: z.array(z.object({ id, name: z.string(), values: z.array(z.string()).default([]) })).default([]),
});
export type RtTicket = z.output<typeof ticketSchema>;

export const searchSchema = z.object({ items: z.array(z.object({ id })) });

export const historySchema = z.object({
  items: z.array(z.object({ Type: z.string().optional(), Data: z.string().nullable().optional() })),
});

const text = z.string().nullish().transform((v) => v ?? '');
const cfValues = z.array(z.object({ id, name: z.string(), values: z.array(z.string()).default([]) })).default([]);

/** A ticket as review reads it: `fields=Subject,Status,Created,LastUpdated,CustomFields`. */
export const reviewTicketSchema = z.object({
  id,
  Subject: text,
  Status: text,
  Created: text,
  LastUpdated: text,
  CustomFields: cfValues,
});
export type RtReviewTicket = z.output<typeof reviewTicketSchema>;

/** REST2 names a transaction's creator as `{ type: 'user', id: '<name>' }`. */
const creator = z
  .union([z.object({ id }), z.string()])
  .nullish()
  .transform((c) => (typeof c === 'string' ? c : (c?.id ?? '')));

/** One transaction of a ticket's history (`fields=Type,Data,Created,Creator,Field,OldValue,NewValue`). */
export const transactionSchema = z.object({
  id,
  Type: text,
  Data: text,
  Created: text,
  Creator: creator,
  Field: text,
  OldValue: text,
  NewValue: text,
  ObjectId: id.optional(),
});
export type RtTransaction = z.output<typeof transactionSchema>;

/** One attachment's text (`fields=TransactionId,ContentType,Content`). */
export const attachmentSchema = z.object({ id, TransactionId: id, ContentType: text, Content: text });
export type RtAttachment = z.output<typeof attachmentSchema>;
