import { z } from 'zod';
import { DeskbookError, isSignInCode } from '../../../shared/result';
import { exchange } from '../http';
import type { HttpDeps, HttpRequestInit, HttpResponseLike, NetworkFailure } from '../http';
import { classifyNetworkFailure, classifyStatus } from '../outcome';
import type { FailureOutcome } from '../outcome';

/** How to reach one Zendesk account: its origin, the agent's e-mail and the vault's API token. */
export interface ZendeskClient {
  deps: HttpDeps;
  /** `https://<subdomain>.zendesk.com`, without a trailing slash. */
  origin: string;
  email: string;
  token: () => Promise<string>;
}

/** Zendesk's error envelope (Errors: `error`, `description`, `details` of field-keyed records). */
export interface ZendeskErrorBody {
  error?: string;
  description?: string;
}

/**
 * One Support API call: parsed JSON on 2xx, or a classified failure with the status and Zendesk's
 * error name (`IdempotentRequestError`, `UpdateConflict`...) so a caller can branch on them.
 */
export type ZendeskResult =
  | { ok: true; status: number; json: unknown; headers: HttpResponseLike['headers'] }
  | { ok: false; outcome: FailureOutcome; status?: number; network?: NetworkFailure; error?: ZendeskErrorBody };

export interface CallOptions {
  body?: unknown;
  /** The request writes (create, comment, update): a drop or a 5xx then "may have landed". */
  mutating?: boolean;
  headers?: Record<string, string>;
  /** What a 2xx should have carried, for the words when it did not ("the ticket it created"). */
  expect: string;
}

/**
 * Calls `<origin><path>` with HTTP Basic `<email>/token:<api token>` (Security and
 * authentication: API token). Never throws for I/O: a vault that cannot hand out the token is
 * `auth` (sign in again), a network failure or non-2xx is classified, and a 2xx that is not
 * Zendesk's JSON (a proxy's or SSO login page, a body carrying `error`) is never taken as
 * success: for a write it is a retry that "may have landed", so the next attempt looks first.
 */
export async function zendeskCall(client: ZendeskClient, method: HttpRequestInit['method'], path: string, options: CallOptions): Promise<ZendeskResult> {
  const mutating = options.mutating ?? false;
  const auth = await authorization(client);
  if (!auth.ok) return auth;
  const headers: Record<string, string> = { Authorization: auth.value, Accept: 'application/json', ...options.headers };
  const init: HttpRequestInit = { method, headers };
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json; charset=utf-8';
    init.body = JSON.stringify(options.body);
  }
  const res = await exchange(client.deps, `${client.origin}${path}`, init);
  if (!res.ok) return { ok: false, outcome: classifyNetworkFailure(res.failure, { mutating }), network: res.failure };
  const error = errorBody(res.body);
  if (res.status < 200 || res.status > 299) {
    const now = (client.deps.now ?? Date.now)();
    const words = zendeskMessage(res.body);
    // 409 is Zendesk's "try again" for a write that collided with another (a locked ticket, a
    // request with the same Idempotency-Key still running): never a verdict on the request.
    const outcome: FailureOutcome =
      res.status === 409
        ? { kind: 'retry', reason: `HTTP 409${words ? `: ${words}` : ''}`, maybeDelivered: mutating }
        : classifyStatus(res.status, res.headers, words, { mutating, now });
    return error ? { ok: false, status: res.status, outcome, error } : { ok: false, status: res.status, outcome };
  }
  const json = parseJson(res.body);
  if (json === undefined || error !== undefined) {
    const reason =
      json === undefined
        ? `Zendesk answered HTTP ${res.status} with ${describeNonJson(res.body)}, not ${options.expect}: is the URL in Settings your Zendesk address (https://<subdomain>.zendesk.com)?`
        : `Zendesk answered HTTP ${res.status} with an error (${zendeskMessage(res.body)}), not ${options.expect}.`;
    const outcome: FailureOutcome = mutating
      ? { kind: 'retry', reason: `${reason} Deskbook will look for the ticket before sending again.`, maybeDelivered: true }
      : { kind: 'failed', status: res.status, message: reason };
    return { ok: false, status: res.status, outcome };
  }
  return { ok: true, status: res.status, json, headers: res.headers };
}

async function authorization(client: ZendeskClient): Promise<{ ok: true; value: string } | { ok: false; outcome: FailureOutcome; status: number }> {
  let token: string;
  try {
    token = await client.token();
  } catch (error) {
    if (error instanceof DeskbookError && isSignInCode(error.code)) return { ok: false, status: 401, outcome: { kind: 'auth', status: 401, message: error.message } };
    throw error;
  }
  if (!token.trim()) return { ok: false, status: 401, outcome: { kind: 'auth', status: 401, message: 'No Zendesk API token is stored: sign in again in Settings' } };
  return { ok: true, value: `Basic ${Buffer.from(`${client.email}/token:${token.trim()}`, 'utf8').toString('base64')}` };
}

function parseJson(body: string): unknown {
  if (!body.trim()) return undefined;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

function describeNonJson(body: string): string {
  if (!body.trim()) return 'an empty body';
  if (/^\s*</.test(body)) {
    const title = /<title[^>]*>([^<]{1,120})<\/title>/i.exec(body)?.[1]?.trim();
    return title ? `a web page ("${title}")` : 'a web page';
  }
  return 'a body that is not JSON';
}

function errorBody(body: string): ZendeskErrorBody | undefined {
  const parsed = parseJson(body);
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const record = parsed as Record<string, unknown>;
  const error = record.error;
  if (error === undefined || error === null) return undefined;
  const name = typeof error === 'string' ? error : typeof error === 'object' && error !== null ? stringField(error, 'title') : undefined;
  const description = typeof record.description === 'string' ? record.description : undefined;
  return { ...(name === undefined ? { error: 'error' } : { error: name }), ...(description === undefined ? {} : { description }) };
}

function stringField(value: object, key: string): string | undefined {
  const field = (value as Record<string, unknown>)[key];
  return typeof field === 'string' && field ? field : undefined;
}

/**
 * Zendesk's own words from an error body (Errors): `{ error, description, details }` where
 * `details` maps each field to `[{ description, error }]` (a 422 RecordInvalid names the field
 * that failed there); `{ error: { title, message } }` on some 403s and 404s; `{ errors: [...] }`
 * from newer endpoints. Anything else is summarised, an HTML page by its title. At most 300
 * characters, so a long page never floods a message.
 */
export function zendeskMessage(body: string): string {
  const parsed = parseJson(body);
  if (parsed === undefined) return body.trim() ? describeNonJson(body) : '';
  if (typeof parsed !== 'object' || parsed === null) return String(parsed).slice(0, 300);
  const record = parsed as Record<string, unknown>;
  const parts: string[] = [];
  const error = record.error;
  if (typeof error === 'string' && error) parts.push(error);
  if (typeof error === 'object' && error !== null) {
    for (const key of ['title', 'message']) {
      const value = stringField(error, key);
      if (value) parts.push(value);
    }
  }
  if (typeof record.description === 'string' && record.description) parts.push(record.description);
  const details = detailWords(record.details);
  if (details) parts.push(details);
  if (Array.isArray(record.errors)) {
    for (const item of record.errors) {
      if (typeof item !== 'object' || item === null) continue;
      const words = [stringField(item, 'title'), stringField(item, 'detail')].filter((w) => w !== undefined).join(': ');
      if (words) parts.push(words);
    }
  }
  const unique = parts.filter((part, i) => parts.indexOf(part) === i);
  return unique.join(' — ').replace(/\s+/g, ' ').slice(0, 300);
}

function detailWords(details: unknown): string {
  if (typeof details !== 'object' || details === null) return '';
  const words: string[] = [];
  for (const [field, entries] of Object.entries(details as Record<string, unknown>)) {
    const list = Array.isArray(entries) ? entries : [entries];
    for (const entry of list) {
      const text = typeof entry === 'string' ? entry : typeof entry === 'object' && entry !== null ? stringField(entry, 'description') : undefined;
      if (text) words.push(text.toLowerCase().startsWith(field.toLowerCase()) ? text : `${field}: ${text}`);
    }
  }
  return words.join('; ');
}

const zendeskId = z.union([z.number().int().positive().max(Number.MAX_SAFE_INTEGER), z.string().regex(/^\d{1,16}$/)]).transform(String);

export const ticketSchema = z.object({
  id: zendeskId,
  external_id: z.string().nullable().optional(),
  subject: z.string().nullable().optional(),
  status: z.string().optional(),
  assignee_id: z.union([z.number(), z.string()]).nullable().optional(),
  tags: z.array(z.string()).optional(),
  created_at: z.string().optional(),
  updated_at: z.string().optional(),
});
export type ZendeskTicket = z.output<typeof ticketSchema>;

export const ticketAnswerSchema = z.object({ ticket: ticketSchema });
export const ticketListSchema = z.object({ tickets: z.array(ticketSchema), next_page: z.string().nullable().optional() });

export const commentSchema = z.object({
  id: zendeskId,
  body: z.string().nullable().optional(),
  public: z.boolean(),
  author_id: z.union([z.number(), z.string()]).nullable().optional(),
  created_at: z.string().optional(),
});
export type ZendeskComment = z.output<typeof commentSchema>;

export const commentPageSchema = z.object({
  comments: z.array(commentSchema),
  /** Sideloaded with `include=users`: the authors, for names in the review history. */
  users: z.array(z.object({ id: zendeskId, name: z.string().nullable().optional() })).optional(),
  meta: z.object({ has_more: z.boolean(), after_cursor: z.string().nullable().optional() }).optional(),
});

export const userSchema = z.object({
  user: z.object({
    id: z.union([z.number(), z.string()]).nullable(),
    name: z.string().nullable().optional(),
    email: z.string().nullable().optional(),
    role: z.string().nullable().optional(),
    role_type: z.number().nullable().optional(),
    active: z.boolean().optional(),
    suspended: z.boolean().optional(),
  }),
});
export type ZendeskUser = z.output<typeof userSchema>['user'];

export const groupSchema = z.object({ group: z.object({ id: zendeskId, name: z.string(), deleted: z.boolean().optional() }) });

/** Digits only: a remote id goes into a URL path, and an id from another system is never one. */
export const ZENDESK_ID = /^\d{1,16}$/;

/** The most pages any list read follows: a server that never stops paging is a failure, not a hang. */
export const MAX_PAGES = 50;

/** A ticket's comments, oldest first, with the names of their authors by user id. */
export interface TicketComments {
  comments: ZendeskComment[];
  authors: Map<string, string>;
}

/**
 * Every comment of one ticket, oldest first, with their authors sideloaded (Ticket Comments:
 * List Comments, `include=users`, cursor pagination `page[size]`/`page[after]`). The next page's
 * URL is built here from the cursor, never taken from the answer, so the token goes only to the
 * configured origin. Zendesk has no way to leave a comment's text out, so this also reads sealed
 * notes: callers must drop them (`classifyComment`), never pass them on.
 */
export async function readComments(client: ZendeskClient, ticketId: string): Promise<({ ok: true } & TicketComments) | { ok: false; outcome: FailureOutcome }> {
  const comments: ZendeskComment[] = [];
  const authors = new Map<string, string>();
  let after: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const query = new URLSearchParams({ 'page[size]': '100', include: 'users' });
    if (after) query.set('page[after]', after);
    const res = await zendeskCall(client, 'GET', `/api/v2/tickets/${ticketId}/comments?${query.toString()}`, { expect: `the comments of ticket #${ticketId}` });
    if (!res.ok) return res;
    const parsed = commentPageSchema.safeParse(res.json);
    if (!parsed.success) return { ok: false, outcome: { kind: 'failed', message: `Zendesk's list of the comments of ticket #${ticketId} was not a comments list` } };
    comments.push(...parsed.data.comments);
    for (const user of parsed.data.users ?? []) if (user.name) authors.set(user.id, user.name);
    const meta = parsed.data.meta;
    if (!meta?.has_more) return { ok: true, comments, authors };
    if (!meta.after_cursor) return { ok: false, outcome: { kind: 'failed', message: `Zendesk said ticket #${ticketId} has more comments but gave no cursor to read them` } };
    after = meta.after_cursor;
  }
  return { ok: false, outcome: { kind: 'failed', message: `ticket #${ticketId} has more than ${MAX_PAGES * 100} comments; Deskbook stopped reading them` } };
}

const searchPageSchema = z.object({
  results: z.array(ticketSchema),
  meta: z.object({ has_more: z.boolean(), after_cursor: z.string().nullable().optional() }),
});

/**
 * Every ticket a search query finds (Search: Export Search Results, `filter[type]=ticket`,
 * cursor pagination; unlike List Search Results it has no 1,000-result cap). Zendesk's search
 * index lags behind writes by up to a few minutes, so callers allow for that.
 */
export async function searchTickets(client: ZendeskClient, query: string): Promise<{ ok: true; tickets: ZendeskTicket[] } | { ok: false; outcome: FailureOutcome }> {
  const tickets: ZendeskTicket[] = [];
  let after: string | null = null;
  for (let page = 0; page < MAX_PAGES * 4; page++) {
    const params = new URLSearchParams({ query, 'filter[type]': 'ticket', 'page[size]': '100' });
    if (after) params.set('page[after]', after);
    const res = await zendeskCall(client, 'GET', `/api/v2/search/export?${params.toString()}`, { expect: 'search results' });
    if (!res.ok) return res;
    const parsed = searchPageSchema.safeParse(res.json);
    if (!parsed.success) return { ok: false, outcome: { kind: 'failed', message: "Zendesk's answer to a ticket search was not a list of results" } };
    tickets.push(...parsed.data.results);
    if (!parsed.data.meta.has_more) return { ok: true, tickets };
    if (!parsed.data.meta.after_cursor) return { ok: false, outcome: { kind: 'failed', message: 'Zendesk said a search has more results but gave no cursor to read them' } };
    after = parsed.data.meta.after_cursor;
  }
  return { ok: false, outcome: { kind: 'failed', message: `a search found more than ${MAX_PAGES * 400} tickets; Deskbook stopped reading them` } };
}
