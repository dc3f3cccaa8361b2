/**
 * A Zendesk Support contract server for tests: an in-memory HTTP server on 127.0.0.1 that answers
 * the part of the Support API Deskbook uses, as Zendesk's published documents describe it. It is
 * a contract server, not Zendesk: where the documents are silent it makes the strictest choice
 * that a real account could also make, and says so below.
 *
 * Followed (developer.zendesk.com, API reference):
 * - Introduction, "Security and authentication": HTTP Basic with `{email}/token:{api_token}`;
 *   anything else is 401 `{"error":"Couldn't authenticate you"}`. `GET /users/me` without
 *   credentials answers the anonymous user (`id: null`, role `end-user`).
 * - Introduction, "Idempotency" (ticket creation): `Idempotency-Key` on `POST /api/v2/tickets`;
 *   a key is remembered for 2 hours (by the injected clock, `now`); a repeat with the same body
 *   gets the original answer and `x-idempotency-lookup: hit` (a first use: `miss`); the same key
 *   with another body is 400 `IdempotentRequestError`. Only successful creates are remembered
 *   (a refused request can be corrected and sent again under its key).
 * - Tickets: Create Ticket (`ticket.comment` becomes the first comment, the description; public
 *   unless `public: false`), Show Ticket, Update Ticket (`comment` adds a comment; `safe_update`
 *   with `updated_stamp` is 409 `UpdateConflict` when `updated_at` moved), List Tickets with
 *   `external_id` ("external ids don't have to be unique": `insertTicket` adds a second one),
 *   offset pagination (`page`, `per_page`, `next_page`). Zendesk documents no default order for
 *   that list; `listOrder` picks one so a test can show the client does not rely on it.
 * - Tickets: Show Multiple Tickets (`show_many?ids=`); Update Ticket's `additional_tags` and
 *   `remove_tags`.
 * - Ticket Comments: List Comments, with cursor pagination (`page[size]`, `page[after]`,
 *   `meta.has_more`, `meta.after_cursor`) or offset pagination, and `include=users`
 *   (Side-loading) for the authors.
 * - Search: Export Search Results (`/api/v2/search/export`, `filter[type]=ticket`, cursor
 *   pagination) for the terms `type:ticket`, `tags:`, `updated>`/`<`, `created>`/`<`; any other
 *   term is a 400 here. The index lags writes by `searchDelayMs` (default 0), as Zendesk's does.
 * - Users: Show Self (`role`, `role_type`, `active`, `suspended`). Light agents, chat-only agents
 *   and contributors (role types 1-3) and end users get 403 on ticket writes.
 * - Groups: Show Group, List Groups (404 `RecordNotFound` for an unknown id).
 * - Errors (Introduction, "Response format" / Errors): `{"error", "description", "details"}`, a
 *   422 `RecordInvalid` naming the field in `details` (blank subject or comment, unknown
 *   priority, status, group or assignee), 404 `RecordNotFound`.
 * - Rate limits: 429 with `Retry-After` in seconds (`rateLimit(n)`).
 * Simplification: `updated_at` has whole seconds, as Zendesk shows it, and moves at least one
 * second with every change, so `updated_stamp` always sees a change made in the same second.
 * Test-only inspection and hooks are methods on the returned object, never HTTP routes.
 */
import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { sendJson, startLoopbackServer } from './loopback-server';
import type { SeenRequest } from './loopback-server';

export const IDEMPOTENCY_WINDOW_MS = 2 * 60 * 60 * 1000;

export interface ZendeskUserRecord {
  id: number;
  name: string;
  email: string;
  role: 'admin' | 'agent' | 'end-user';
  /** 0 custom, 1 light agent, 2 chat-only, 3 contributor, 4 admin; null for the legacy agent role. */
  role_type: number | null;
  active: boolean;
  suspended: boolean;
}

export interface ZendeskTicketRecord {
  id: number;
  external_id: string | null;
  subject: string;
  description: string;
  priority: string | null;
  status: string;
  group_id: number | null;
  assignee_id: number | null;
  requester_id: number;
  tags: string[];
  created_at: number;
  updated_at: number;
}

export interface ZendeskCommentRecord {
  id: number;
  ticket_id: number;
  body: string;
  public: boolean;
  author_id: number;
  created_at: number;
}

export interface ZendeskGroupRecord {
  id: number;
  name: string;
  deleted?: boolean;
}

/** A canned answer for the next request `match` accepts: `instead` of handling it, or `after` handling it. */
export interface ScriptedAnswer {
  match: (req: { method: string; path: string; body: string }) => boolean;
  status: number;
  body: string;
  headers?: Record<string, string>;
  when: 'instead' | 'after';
}

export interface ZendeskServerOptions {
  email?: string;
  token?: string;
  /** The server's clock in ms (idempotency window, timestamps). Default `Date.now`. */
  now?: () => number;
  groups?: ZendeskGroupRecord[];
  /** The order List Tickets answers in (by id). Default ascending. */
  listOrder?: 'asc' | 'desc';
  /** How long a change takes to reach search (Zendesk's index lags writes, not always in order). Default 0. */
  searchDelayMs?: number | ((ticketId: number) => number);
}

export interface ZendeskServer {
  url: string;
  email: string;
  token: string;
  /** The agent the token belongs to, and a colleague (for out-of-band changes). */
  agent: ZendeskUserRecord;
  colleague: ZendeskUserRecord;
  groups: ZendeskGroupRecord[];
  requests: SeenRequest[];
  tickets(): ZendeskTicketRecord[];
  comments(ticketId: number | string): ZendeskCommentRecord[];
  /** Inserts a ticket directly (no idempotency), e.g. a second one with the same `external_id`. */
  insertTicket(fields: { external_id: string | null; subject?: string; body?: string; createdAt?: number }): ZendeskTicketRecord;
  /** A comment by someone else, out of band: moves `updated_at` as any change does. */
  addComment(ticketId: number | string, body: string, options?: { public?: boolean; authorId?: number }): void;
  /** Changes the signed-in user (role, role type...); `anonymous` makes `/users/me` answer the anonymous user. */
  setUser(patch: Partial<ZendeskUserRecord> & { anonymous?: boolean }): void;
  /** The next `count` requests get 429 with `Retry-After: retryAfter` (seconds). */
  rateLimit(count: number, retryAfter?: string): void;
  script(answer: ScriptedAnswer): void;
  setLatency(ms: number): void;
  close(): Promise<void>;
}

interface IdempotencyEntry {
  fingerprint: string;
  at: number;
  status: number;
  body: unknown;
}

const PRIORITIES = new Set(['urgent', 'high', 'normal', 'low']);
const STATUSES = new Set(['new', 'open', 'pending', 'hold', 'solved', 'closed']);
const NO_TICKET_WRITES = new Set([1, 2, 3]);

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const wholeSeconds = (ms: number) => Math.floor(ms / 1000) * 1000;

type Answer = { status: number; body: unknown; headers?: Record<string, string> };

const notFound = (): Answer => ({ status: 404, body: { error: 'RecordNotFound', description: 'Not found' } });
const invalid = (field: string, description: string, error = 'InvalidValue'): Answer => ({
  status: 422,
  body: { error: 'RecordInvalid', description: 'Record validation errors', details: { [field]: [{ description, error }] } },
});

/** Starts the contract server on a random loopback port. */
export async function startZendeskServer(options: ZendeskServerOptions = {}): Promise<ZendeskServer> {
  const now = options.now ?? Date.now;
  const email = options.email ?? 'deskbook.agent@district.example';
  const token = options.token ?? randomBytes(20).toString('hex');
  const agent: ZendeskUserRecord = { id: 9001, name: 'Deskbook Integration', email, role: 'agent', role_type: null, active: true, suspended: false };
  const colleague: ZendeskUserRecord = { id: 9002, name: 'Terry Technician', email: 'terry@district.example', role: 'agent', role_type: null, active: true, suspended: false };
  const groups = options.groups ?? [{ id: 360001, name: 'Tier 2' }];
  const tickets = new Map<number, ZendeskTicketRecord>();
  const comments: ZendeskCommentRecord[] = [];
  const keys = new Map<string, IdempotencyEntry>();
  const scripts: ScriptedAnswer[] = [];
  /** What search sees of each ticket: its versions, each visible from `at + searchDelayMs`. */
  const indexed = new Map<number, { at: number; ticket: ZendeskTicketRecord }[]>();
  const delayOption = options.searchDelayMs ?? 0;
  const searchDelay = (ticketId: number) => (typeof delayOption === 'number' ? delayOption : delayOption(ticketId));
  let anonymous = false;
  let nextTicket = 101;
  let nextComment = 5001;
  let latency = 0;
  let limited = 0;
  let limitedRetryAfter = '1';
  let origin = '';

  const expectedAuth = `Basic ${Buffer.from(`${email}/token:${token}`).toString('base64')}`;

  const ticketJson = (t: ZendeskTicketRecord) => ({
    url: `${origin}/api/v2/tickets/${t.id}.json`,
    id: t.id,
    external_id: t.external_id,
    type: null,
    subject: t.subject,
    raw_subject: t.subject,
    description: t.description,
    priority: t.priority,
    status: t.status,
    requester_id: t.requester_id,
    submitter_id: t.requester_id,
    assignee_id: t.assignee_id,
    group_id: t.group_id,
    tags: [...t.tags],
    created_at: iso(t.created_at),
    updated_at: iso(t.updated_at),
  });
  const commentJson = (c: ZendeskCommentRecord) => ({
    id: c.id,
    type: 'Comment',
    author_id: c.author_id,
    body: c.body,
    plain_body: c.body,
    public: c.public,
    created_at: iso(c.created_at),
  });
  const userJson = (u: ZendeskUserRecord) => ({ ...u, url: `${origin}/api/v2/users/${u.id}.json`, time_zone: 'Eastern Time (US & Canada)' });

  /** A change at `now`, but always at least a second after the ticket's last one. */
  const touch = (t: ZendeskTicketRecord) => {
    t.updated_at = Math.max(wholeSeconds(now()), t.updated_at + 1000);
    index(t);
  };
  const index = (t: ZendeskTicketRecord) => {
    const versions = indexed.get(t.id) ?? [];
    versions.push({ at: now(), ticket: { ...t, tags: [...t.tags] } });
    indexed.set(t.id, versions);
  };
  const addCommentRecord = (t: ZendeskTicketRecord, body: string, isPublic: boolean, authorId: number) => {
    comments.push({ id: nextComment++, ticket_id: t.id, body, public: isPublic, author_id: authorId, created_at: wholeSeconds(now()) });
  };

  const insertTicket = (fields: { external_id: string | null; subject?: string; body?: string; createdAt?: number; public?: boolean; priority?: string | null; status?: string; group_id?: number | null; assignee_id?: number | null; tags?: string[] }) => {
    const at = wholeSeconds(fields.createdAt ?? now());
    const t: ZendeskTicketRecord = {
      id: nextTicket++,
      external_id: fields.external_id,
      subject: fields.subject ?? 'Inserted by a test',
      description: fields.body ?? 'Inserted by a test',
      priority: fields.priority ?? null,
      status: fields.status ?? 'new',
      group_id: fields.group_id ?? null,
      assignee_id: fields.assignee_id ?? null,
      requester_id: agent.id,
      tags: fields.tags ?? [],
      created_at: at,
      updated_at: at,
    };
    tickets.set(t.id, t);
    comments.push({ id: nextComment++, ticket_id: t.id, body: t.description, public: fields.public ?? true, author_id: agent.id, created_at: at });
    index(t);
    return t;
  };

  const canWriteTickets = () => agent.role !== 'end-user' && !(agent.role_type !== null && NO_TICKET_WRITES.has(agent.role_type));
  const forbidden = (): Answer => ({ status: 403, body: { error: 'Forbidden', description: 'You do not have access to this page. Please contact the account owner of this help desk for further help.' } });

  function createTicket(body: unknown): Answer {
    if (!canWriteTickets()) return forbidden();
    const ticket = typeof body === 'object' && body !== null ? (body as { ticket?: unknown }).ticket : undefined;
    if (typeof ticket !== 'object' || ticket === null) return { status: 400, body: { error: 'InvalidRequest', description: 'The request body must hold a ticket object' } };
    const t = ticket as Record<string, unknown>;
    const subject = typeof t.subject === 'string' ? t.subject.trim() : '';
    if (!subject) return invalid('subject', 'Subject: cannot be blank', 'BlankValue');
    const comment = typeof t.comment === 'object' && t.comment !== null ? (t.comment as Record<string, unknown>) : {};
    const text = typeof comment.body === 'string' ? comment.body : '';
    if (!text.trim()) return invalid('description', 'Description: cannot be blank', 'BlankValue');
    const fields = ticketFields(t);
    if ('answer' in fields) return fields.answer;
    const created = insertTicket({
      external_id: typeof t.external_id === 'string' ? t.external_id : null,
      subject,
      body: text,
      public: comment.public !== false,
      priority: fields.priority ?? null,
      status: fields.status ?? (fields.assignee_id ? 'open' : 'new'),
      group_id: fields.group_id ?? null,
      assignee_id: fields.assignee_id ?? null,
      tags: fields.tags ?? [],
    });
    return { status: 201, body: { ticket: ticketJson(created), audit: { ticket_id: created.id, author_id: agent.id } }, headers: { Location: `${origin}/api/v2/tickets/${created.id}.json` } };
  }

  /** The writable fields both create and update take, checked; an answer when one is invalid. */
  function ticketFields(t: Record<string, unknown>): { priority?: string; status?: string; group_id?: number; assignee_id?: number; tags?: string[] } | { answer: Answer } {
    const out: { priority?: string; status?: string; group_id?: number; assignee_id?: number; tags?: string[] } = {};
    if (t.priority !== undefined) {
      if (typeof t.priority !== 'string' || !PRIORITIES.has(t.priority)) return { answer: invalid('priority', 'Priority: is not valid') };
      out.priority = t.priority;
    }
    if (t.status !== undefined) {
      if (typeof t.status !== 'string' || !STATUSES.has(t.status)) return { answer: invalid('status', 'Status: is not valid') };
      out.status = t.status;
    }
    if (t.group_id !== undefined && t.group_id !== null) {
      const group = groups.find((g) => g.id === Number(t.group_id) && !g.deleted);
      if (!group) return { answer: invalid('group', 'Group: is invalid') };
      out.group_id = group.id;
    }
    if (t.assignee_email !== undefined) {
      const who = [agent, colleague].find((u) => typeof t.assignee_email === 'string' && u.email.toLowerCase() === t.assignee_email.toLowerCase() && u.role !== 'end-user');
      if (!who) return { answer: invalid('assignee', 'Assignee: is not an agent') };
      out.assignee_id = who.id;
    }
    if (t.tags !== undefined) {
      if (!Array.isArray(t.tags) || !t.tags.every((x) => typeof x === 'string')) return { answer: invalid('tags', 'Tags: must be a list of words') };
      out.tags = (t.tags as string[]).map((x) => x.toLowerCase().replace(/\s+/g, '_'));
    }
    return out;
  }

  function updateTicket(id: number, body: unknown): Answer {
    const t = tickets.get(id);
    if (!t) return notFound();
    if (!canWriteTickets()) return forbidden();
    const ticket = typeof body === 'object' && body !== null ? (body as { ticket?: unknown }).ticket : undefined;
    if (typeof ticket !== 'object' || ticket === null) return { status: 400, body: { error: 'InvalidRequest', description: 'The request body must hold a ticket object' } };
    const u = ticket as Record<string, unknown>;
    if (t.status === 'closed') return invalid('status', 'Status: closed prevents ticket update');
    if (u.safe_update === true) {
      if (typeof u.updated_stamp !== 'string') return invalid('updated_stamp', 'Updated stamp: is required with safe_update');
      if (Date.parse(u.updated_stamp) !== t.updated_at) {
        return { status: 409, body: { error: 'UpdateConflict', description: 'Safe Update prevented the update due to outdated ticket data. Please fetch the latest ticket data and try again.' } };
      }
    }
    const fields = ticketFields(u);
    if ('answer' in fields) return fields.answer;
    let comment: { body: string; public: boolean } | undefined;
    if (u.comment !== undefined) {
      const c = typeof u.comment === 'object' && u.comment !== null ? (u.comment as Record<string, unknown>) : {};
      const text = typeof c.body === 'string' ? c.body : '';
      if (!text.trim()) return invalid('comment', 'Comment: cannot be blank', 'BlankValue');
      comment = { body: text, public: c.public !== false };
    }
    if (u.subject !== undefined && (typeof u.subject !== 'string' || !u.subject.trim())) return invalid('subject', 'Subject: cannot be blank', 'BlankValue');
    const next = { ...t, ...fields, ...(typeof u.subject === 'string' ? { subject: u.subject.trim() } : {}) };
    if (Array.isArray(u.additional_tags)) next.tags = [...new Set([...next.tags, ...u.additional_tags.filter((x): x is string => typeof x === 'string')])];
    if (Array.isArray(u.remove_tags)) next.tags = next.tags.filter((x) => !(u.remove_tags as unknown[]).includes(x));
    if (next.status === 'solved' && next.assignee_id === null) next.assignee_id = agent.id;
    Object.assign(t, next);
    if (comment) addCommentRecord(t, comment.body, comment.public, agent.id);
    touch(t);
    return { status: 200, body: { ticket: ticketJson(t), audit: { ticket_id: t.id, author_id: agent.id } } };
  }

  function listTickets(query: URLSearchParams): Answer {
    const externalId = query.get('external_id');
    const perPage = Math.min(100, Math.max(1, Number(query.get('per_page') ?? 100) || 100));
    const page = Math.max(1, Number(query.get('page') ?? 1) || 1);
    const all = [...tickets.values()].filter((t) => externalId === null || t.external_id === externalId).sort((a, b) => (options.listOrder === 'desc' ? b.id - a.id : a.id - b.id));
    const slice = all.slice((page - 1) * perPage, page * perPage);
    const link = (p: number) => {
      const q = new URLSearchParams(query);
      q.set('page', String(p));
      return `${origin}/api/v2/tickets.json?${q.toString()}`;
    };
    return {
      status: 200,
      body: { tickets: slice.map(ticketJson), next_page: page * perPage < all.length ? link(page + 1) : null, previous_page: page > 1 ? link(page - 1) : null, count: all.length },
    };
  }

  function listComments(id: number, query: URLSearchParams): Answer {
    const answer = commentPage(id, query);
    if (answer.status !== 200 || !(query.get('include') ?? '').split(',').includes('users')) return answer;
    const page = answer.body as { comments: { author_id: number }[] };
    const users = [agent, colleague].filter((u) => page.comments.some((c) => c.author_id === u.id)).map((u) => ({ id: u.id, name: u.name, role: u.role }));
    return { ...answer, body: { ...page, users } };
  }

  function commentPage(id: number, query: URLSearchParams): Answer {
    if (!tickets.has(id)) return notFound();
    const all = comments.filter((c) => c.ticket_id === id);
    const size = query.get('page[size]');
    if (size !== null) {
      const n = Math.min(100, Math.max(1, Number(size) || 100));
      const after = query.get('page[after]');
      const start = after === null ? 0 : all.findIndex((c) => c.id === Number(Buffer.from(after, 'base64url').toString())) + 1;
      if (after !== null && start === 0) return { status: 400, body: { error: 'InvalidPaginationParameter', description: 'page[after] is not a cursor this server gave' } };
      const slice = all.slice(start, start + n);
      const cursor = (c: ZendeskCommentRecord | undefined) => (c ? Buffer.from(String(c.id)).toString('base64url') : null);
      const hasMore = start + n < all.length;
      return {
        status: 200,
        body: {
          comments: slice.map(commentJson),
          meta: { has_more: hasMore, after_cursor: cursor(slice[slice.length - 1]), before_cursor: cursor(slice[0]) },
          links: { prev: null, next: hasMore ? `${origin}/api/v2/tickets/${id}/comments.json?page[size]=${n}&page[after]=${cursor(slice[slice.length - 1])}` : null },
        },
      };
    }
    const perPage = Math.min(100, Math.max(1, Number(query.get('per_page') ?? 100) || 100));
    const page = Math.max(1, Number(query.get('page') ?? 1) || 1);
    const slice = all.slice((page - 1) * perPage, page * perPage);
    return { status: 200, body: { comments: slice.map(commentJson), next_page: page * perPage < all.length ? `${origin}/api/v2/tickets/${id}/comments.json?page=${page + 1}` : null, previous_page: null, count: all.length } };
  }

  /**
   * Export Search Results for tickets: `type:ticket`, `tags:<tag>`, `updated>`/`updated<` and
   * `created>`/`created<` with an ISO 8601 time. Any other term is refused (400), so a query this
   * server does not model fails loudly instead of matching everything.
   */
  function searchExport(query: URLSearchParams): Answer {
    if (query.get('filter[type]') !== 'ticket') return { status: 400, body: { error: 'InvalidSearch', description: 'filter[type] is required (this server models ticket)' } };
    const terms = (query.get('query') ?? '').trim().split(/\s+/).filter(Boolean);
    const tests: ((t: ZendeskTicketRecord) => boolean)[] = [];
    for (const term of terms) {
      const date = /^(updated|created)([<>])(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z)$/.exec(term);
      const tag = /^tags:([a-z0-9_]+)$/.exec(term);
      if (term === 'type:ticket') continue;
      if (tag) tests.push((t) => t.tags.includes(tag[1]!));
      else if (date) {
        const at = Date.parse(date[3]!);
        const field = date[1] === 'updated' ? 'updated_at' : 'created_at';
        tests.push(date[2] === '>' ? (t) => t[field] > at : (t) => t[field] < at);
      } else return { status: 400, body: { error: 'InvalidSearch', description: `This contract server does not model the search term '${term}'` } };
    }
    const visible = [...indexed.values()]
      .map((versions) => versions.filter((v) => v.at + searchDelay(v.ticket.id) <= now()).at(-1)?.ticket)
      .filter((t): t is ZendeskTicketRecord => t !== undefined && tickets.has(t.id) && tests.every((test) => test(t)))
      .sort((a, b) => a.id - b.id);
    const size = Math.min(1000, Math.max(1, Number(query.get('page[size]') ?? 100) || 100));
    const after = query.get('page[after]');
    const start = after === null ? 0 : visible.findIndex((t) => t.id === Number(Buffer.from(after, 'base64url').toString())) + 1;
    if (after !== null && start === 0) return { status: 400, body: { error: 'InvalidPaginationParameter', description: 'page[after] is not a cursor this server gave' } };
    const slice = visible.slice(start, start + size);
    const last = slice.at(-1);
    const cursor = last ? Buffer.from(String(last.id)).toString('base64url') : null;
    return {
      status: 200,
      body: { results: slice.map((t) => ({ ...ticketJson(t), result_type: 'ticket' })), meta: { has_more: start + size < visible.length, after_cursor: cursor, before_cursor: null }, links: { prev: null, next: null } },
    };
  }

  function createWithKey(key: string | undefined, body: unknown): Answer {
    if (key === undefined) return createTicket(body);
    const fingerprint = canonical(body);
    const earlier = keys.get(key);
    if (earlier && now() - earlier.at < IDEMPOTENCY_WINDOW_MS) {
      if (earlier.fingerprint !== fingerprint) {
        return { status: 400, body: { error: 'IdempotentRequestError', description: "Request parameters don't match the given idempotency key" } };
      }
      return { status: earlier.status, body: earlier.body, headers: { 'x-idempotency-lookup': 'hit' } };
    }
    const answer = createTicket(body);
    if (answer.status >= 200 && answer.status < 300) keys.set(key, { fingerprint, at: now(), status: answer.status, body: answer.body });
    return { ...answer, headers: { ...answer.headers, 'x-idempotency-lookup': 'miss' } };
  }

  function route(req: SeenRequest): Answer {
    const url = new URL(req.url, 'http://zendesk.invalid');
    const path = url.pathname.replace(/\.json$/, '').replace(/\/+$/, '');
    const auth = req.headers.authorization;
    if (path === '/api/v2/users/me' && req.method === 'GET' && (auth === undefined || anonymous)) {
      return { status: 200, body: { user: { id: null, url: null, name: 'Anonymous user', email: 'invalid@example.com', role: 'end-user', role_type: null, active: true, suspended: false } } };
    }
    if (auth !== expectedAuth) return { status: 401, body: { error: "Couldn't authenticate you" } };
    if (limited > 0) {
      limited--;
      return { status: 429, body: { error: 'APIRateLimitExceeded', description: 'Number of allowed API requests per minute exceeded' }, headers: { 'Retry-After': limitedRetryAfter } };
    }
    let body: unknown;
    if (req.method === 'POST' || req.method === 'PUT') {
      try {
        body = JSON.parse(req.body);
      } catch {
        return { status: 400, body: { error: 'InvalidJSON', description: 'The request body is not JSON' } };
      }
    }
    const ticketMatch = /^\/api\/v2\/tickets\/(\d+)$/.exec(path);
    const commentsMatch = /^\/api\/v2\/tickets\/(\d+)\/comments$/.exec(path);
    const groupMatch = /^\/api\/v2\/groups\/(\d+)$/.exec(path);
    if (path === '/api/v2/users/me' && req.method === 'GET') return { status: 200, body: { user: userJson(agent) } };
    if (path === '/api/v2/groups' && req.method === 'GET') return { status: 200, body: { groups: groups.filter((g) => !g.deleted), next_page: null, count: groups.length } };
    if (groupMatch && req.method === 'GET') {
      const group = groups.find((g) => g.id === Number(groupMatch[1]));
      return group ? { status: 200, body: { group: { ...group, deleted: group.deleted ?? false } } } : notFound();
    }
    if (path === '/api/v2/tickets' && req.method === 'GET') return listTickets(url.searchParams);
    if (path === '/api/v2/tickets/show_many' && req.method === 'GET') {
      const ids = (url.searchParams.get('ids') ?? '').split(',').map(Number);
      return { status: 200, body: { tickets: ids.flatMap((id) => (tickets.has(id) ? [ticketJson(tickets.get(id)!)] : [])) } };
    }
    if (path === '/api/v2/search/export' && req.method === 'GET') return searchExport(url.searchParams);
    if (path === '/api/v2/tickets' && req.method === 'POST') {
      if (url.searchParams.get('async') === 'true') return { status: 400, body: { error: 'InvalidRequest', description: 'This contract server does not model async ticket creation' } };
      const key = req.headers['idempotency-key'];
      return createWithKey(Array.isArray(key) ? key[0] : key, body);
    }
    if (ticketMatch && req.method === 'GET') {
      const t = tickets.get(Number(ticketMatch[1]));
      return t ? { status: 200, body: { ticket: ticketJson(t) } } : notFound();
    }
    if (ticketMatch && req.method === 'PUT') return updateTicket(Number(ticketMatch[1]), body);
    if (commentsMatch && req.method === 'GET') return listComments(Number(commentsMatch[1]), url.searchParams);
    return { status: 404, body: { error: 'InvalidEndpoint', description: 'Not found' } };
  }

  const handler = async (req: SeenRequest, res: ServerResponse) => {
    if (latency > 0) await new Promise((resolve) => setTimeout(resolve, latency));
    const path = new URL(req.url, 'http://zendesk.invalid').pathname;
    const i = scripts.findIndex((s) => s.match({ method: req.method, path, body: req.body }));
    const scripted = i >= 0 ? scripts.splice(i, 1)[0] : undefined;
    if (scripted?.when === 'instead') return sendRaw(res, scripted);
    const answer = route(req);
    if (scripted) return sendRaw(res, scripted);
    sendJson(res, answer.status, answer.body, answer.headers ?? {});
  };

  const server = await startLoopbackServer(handler);
  origin = server.url;

  return {
    url: server.url,
    email,
    token,
    agent,
    colleague,
    groups,
    requests: server.requests,
    tickets: () => [...tickets.values()].map((t) => ({ ...t, tags: [...t.tags] })),
    comments: (ticketId) => comments.filter((c) => c.ticket_id === Number(ticketId)).map((c) => ({ ...c })),
    insertTicket: (fields) => insertTicket(fields),
    addComment: (ticketId, body, opts = {}) => {
      const t = tickets.get(Number(ticketId));
      if (!t) throw new Error(`no ticket #${ticketId}`);
      addCommentRecord(t, body, opts.public ?? true, opts.authorId ?? colleague.id);
      touch(t);
    },
    setUser: (patch) => {
      const { anonymous: anon, ...rest } = patch;
      if (anon !== undefined) anonymous = anon;
      Object.assign(agent, rest);
    },
    rateLimit: (count, retryAfter = '1') => {
      limited = count;
      limitedRetryAfter = retryAfter;
    },
    script: (answer) => scripts.push(answer),
    setLatency: (ms) => {
      latency = ms;
    },
    close: () => server.close(),
  };
}

function sendRaw(res: ServerResponse, answer: ScriptedAnswer): void {
  const type = /^\s*[[{]/.test(answer.body) ? 'application/json; charset=utf-8' : 'text/html; charset=utf-8';
  res.writeHead(answer.status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(answer.body), ...answer.headers });
  res.end(answer.body);
}

/** JSON with sorted keys: "the same request parameters" whatever order the client wrote them in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
