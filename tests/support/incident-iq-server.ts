/**
 * A contract server for Incident IQ's API v1.0, in memory on 127.0.0.1 (a random port). It is NOT
 * Incident IQ: it answers the part of the published contract Deskbook uses, as the Incident IQ API
 * reference (apihub.incidentiq.com; its generated pages as published in the
 * scopousiiq/iiq-docusaurus-docs repository) describes it, so the connector can be tested without
 * a district's site. Sections followed:
 *
 * - "Access and API Keys": every request carries `Authorization: Bearer <token>`, `SiteId` and
 *   `Client: ApiClient`; 401 "Missing or invalid token", 403 "Token valid but lacks permission".
 * - "Error Handling": errors are `{ StatusCode, Message, Errors: [{ Field, Message }] }`, with the
 *   reference's example words ("Invalid or expired token", "Validation failed", "Ticket not
 *   found"); successes are the `ItemGetResponse` (`{ Item, StatusCode, … }`) and
 *   `ListGetResponse` (`{ Items, ItemCount, Paging }`) envelopes.
 * - Tickets: "Create ticket" `POST /api/v1.0/tickets/new` (201; minimal fields Subject,
 *   IssueDescription, IssueId, ForId; `IsUrgent`, `HasSensitiveInformation`, `CustomFieldValues`;
 *   "rules fire asynchronously after ticket submission so ticket data initially returned may
 *   subsequently be updated"), "Get ticket" `GET /api/v1.0/tickets/{ticketId}`, "Search tickets"
 *   `POST /api/v1.0/tickets?$s=&$p=&$o=` (`Filters[]` with the `ticketcustomfield` facet: `Id` =
 *   CustomFieldTypeId, `Value` = the value; `Schema`), "Close ticket"
 *   `POST /api/v1.0/tickets/{ticketId}/close` (`CloseReasonTypeId`).
 * - Activities: "Create ticket activity" `POST /api/v1.0/tickets/{ticketId}/activities/new[/{sendActivityEmail}]`
 *   (comment items of `$type` `Spark.Shared.Models.TicketActivityComment, Spark.Shared`, type 6,
 *   `ByUserId`, HTML `Comments`, `ExternalId`; the top-level `IsPublic` is cloned to every item),
 *   "Get ticket activities" `GET /api/v1.0/tickets/{ticketId}/activities?$s=&$p=`.
 * - Custom fields: "Get custom fields for ticket" `POST /api/v1.0/custom-fields/for/ticket`.
 *
 * Inferred, where the reference says nothing: `GET /api/v1.0/users/me` answers the token's user
 * as `{ Item: { UserId, SiteId, Name } }`; a wrong or missing SiteId is answered 401 with the
 * reference's ErrorResponse example ("Attempted to perform an unauthorized operation."), since a
 * token is issued for one site; a comment without any `IsPublic` is public; custom field values
 * for a field tickets do not have are dropped without an error; a search without `$o` lists the
 * newest first; any path outside `/api/` answers the web app's HTML sign-in page.
 *
 * Test-only inspection and control are methods on the returned object, never HTTP.
 */

import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { sendJson, startLoopbackServer } from './loopback-server';
import type { SeenRequest } from './loopback-server';

export const TICKET_COMMENT_TYPE = 'Spark.Shared.Models.TicketActivityComment, Spark.Shared';

export type IiqRight = 'tickets.read' | 'tickets.create' | 'tickets.comment' | 'tickets.close' | 'customfields.read';
const ALL_RIGHTS: readonly IiqRight[] = ['tickets.read', 'tickets.create', 'tickets.comment', 'tickets.close', 'customfields.read'];

export interface IiqServerCustomFieldValue {
  CustomFieldTypeId: string;
  CustomFieldId: string | null;
  Value: string | null;
}

/** A ticket as the server holds it; rules receive it to change it. */
export interface IiqServerTicket {
  TicketId: string;
  TicketNumber: string;
  SiteId: string;
  Subject: string;
  IssueDescription: string;
  IssueId: string;
  ForId: string;
  OwnerId: string;
  IsUrgent: boolean;
  HasSensitiveInformation: boolean;
  IsClosed: boolean;
  ClosedDate: string | null;
  CloseReasonTypeId: string | null;
  CreatedDate: string;
  ModifiedDate: string;
  SourceId: number | null;
  AssignedToTeamId: string | null;
  AssignedToTeam: { TeamId: string; TeamName: string } | null;
  CustomFieldValues: IiqServerCustomFieldValue[];
}

export interface IiqServerComment {
  TicketActivityId: string;
  ByUserId: string;
  Comments: string;
  IsPublic: boolean;
  ExternalId: string | null;
  /** Whether Incident IQ would have e-mailed it (`/activities/new` or `/true`, not `/false`). */
  notified: boolean;
  CreatedDate: string;
}

/** A rule that runs after a create, as Incident IQ's ticket rules do. */
export type IiqRule = (ticket: IiqServerTicket) => void;

export const iiqRules = {
  /** The harmless default: routes new tickets to a team. */
  assignTeam: (teamName: string): IiqRule => {
    const teamId = randomUUID();
    return (t) => {
      t.AssignedToTeamId = teamId;
      t.AssignedToTeam = { TeamId: teamId, TeamName: teamName };
    };
  },
  clearUrgent: (): IiqRule => (t) => {
    t.IsUrgent = false;
  },
  blankCustomField: (customFieldTypeId: string): IiqRule => (t) => {
    for (const v of t.CustomFieldValues) if (v.CustomFieldTypeId === customFieldTypeId) v.Value = null;
  },
  rewriteSubject: (rewrite: (subject: string) => string): IiqRule => (t) => {
    t.Subject = rewrite(t.Subject);
  },
  clearSensitive: (): IiqRule => (t) => {
    t.HasSensitiveInformation = false;
  },
};

/** A canned answer for the next matching request, instead of the contract's (contract-mismatch tests). */
export interface IiqCannedAnswer {
  status: number;
  body: string;
  contentType?: string;
}

export interface IncidentIqServer {
  /** `http://127.0.0.1:<port>`: what Settings take as the Incident IQ address. */
  url: string;
  siteId: string;
  /** A token the server accepts, for the default API user (every right). */
  token: string;
  userId: string;
  /** The request-id custom field's CustomFieldTypeId (what Settings take). */
  requestIdField: string;
  /** The same field's ticket mapping id (CustomFieldId). */
  requestIdMappingId: string;
  /** An Issue new tickets may be filed under. */
  issueId: string;
  requests: SeenRequest[];
  tickets(): IiqServerTicket[];
  comments(ticketId: string): IiqServerComment[];
  /** Adds a rule that runs after each create (after the create has been answered). */
  addRule(rule: IiqRule): void;
  /** Removes every rule, the default team assignment included. */
  clearRules(): void;
  setLatency(ms: number): void;
  /** Another API user: its token, with only `rights`. */
  addAccount(name: string, rights: readonly IiqRight[]): { token: string; userId: string };
  removeCustomField(customFieldTypeId: string): void;
  /** A ticket that exists already (another attempt's, say), created without rules. */
  seedTicket(ticket: { subject: string; requestId: string | null; createdDate: string }): string;
  /** Answers the next request matching `match` (method and path without query) with `answer`. */
  intercept(match: (req: { method: string; path: string }) => boolean, answer: IiqCannedAnswer): void;
  /** Whether search results list each ticket's custom fields (default) or leave them out. */
  setSearchListsCustomFields(value: boolean): void;
  close(): Promise<void>;
}

interface Account {
  name: string;
  userId: string;
  rights: ReadonlySet<IiqRight>;
}

interface CustomField {
  CustomFieldId: string;
  CustomFieldTypeId: string;
  Name: string;
}

interface StoredActivity extends IiqServerComment {
  TicketId: string;
}

const TICKET_ENTITY_TYPE = '888891ac-91aa-e711-80c2-100dffa00001';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface IncidentIqServerOptions {
  /**
   * Refuse a create without the site's `IssueId`, as the reference's minimal fields say (default).
   * Off for set-ups whose Settings cannot name an Issue yet.
   */
  requireIssueId?: boolean;
}

export async function startIncidentIqServer(options: IncidentIqServerOptions = {}): Promise<IncidentIqServer> {
  const requireIssueId = options.requireIssueId ?? true;
  const siteId = randomUUID();
  const token = `iiq-token-${randomUUID()}`;
  const accounts = new Map<string, Account>();
  const defaultUser: Account = { name: 'Deskbook API', userId: randomUUID(), rights: new Set(ALL_RIGHTS) };
  accounts.set(token, defaultUser);
  const users = new Set([defaultUser.userId]);
  const requestIdField: CustomField = { CustomFieldId: randomUUID(), CustomFieldTypeId: randomUUID(), Name: 'Deskbook Request ID' };
  const customFields: CustomField[] = [requestIdField, { CustomFieldId: randomUUID(), CustomFieldTypeId: randomUUID(), Name: 'Device Tag' }];
  const issueId = randomUUID();
  const tickets: IiqServerTicket[] = [];
  const activities: StoredActivity[] = [];
  let rules: IiqRule[] = [iiqRules.assignTeam('Help Desk Tier 2')];
  let latencyMs = 0;
  let searchListsCustomFields = true;
  let nextNumber = 1000;
  let clock = Date.parse('2026-03-02T16:00:00.000Z');
  const intercepts: { match: (req: { method: string; path: string }) => boolean; answer: IiqCannedAnswer }[] = [];

  /** Strictly increasing timestamps: the order of creates is the order of their dates. */
  const stamp = () => new Date((clock += 1000)).toISOString();

  const envelope = (item: unknown, status = 200) => ({ Item: item, StatusCode: status, Message: null, ErrorKey: null, RequestDate: new Date().toISOString(), ExecutionTime: 1 });
  const list = (items: unknown[], pageSize: number, pageIndex: number, total: number) => ({
    Items: items,
    ItemCount: items.length,
    Paging: { TotalRows: total, PageCount: Math.max(1, Math.ceil(total / pageSize)), PageSize: pageSize, PageIndex: pageIndex },
    StatusCode: 200,
  });
  const error = (res: ServerResponse, status: number, message: string, errors?: { Field: string; Message: string }[]) =>
    sendJson(res, status, errors ? { StatusCode: status, Message: message, Errors: errors } : { StatusCode: status, Message: message });

  const ticketJson = (t: IiqServerTicket, withFields = true) => ({ ...structuredClone(t), CustomFieldValues: withFields ? structuredClone(t.CustomFieldValues) : null });

  function newTicket(fields: Partial<IiqServerTicket> & Pick<IiqServerTicket, 'Subject' | 'IssueDescription'>): IiqServerTicket {
    const created = stamp();
    const ticket: IiqServerTicket = {
      TicketId: randomUUID(),
      TicketNumber: String(++nextNumber),
      SiteId: siteId,
      IssueId: issueId,
      ForId: defaultUser.userId,
      OwnerId: defaultUser.userId,
      IsUrgent: false,
      HasSensitiveInformation: false,
      IsClosed: false,
      ClosedDate: null,
      CloseReasonTypeId: null,
      CreatedDate: created,
      ModifiedDate: created,
      SourceId: null,
      AssignedToTeamId: null,
      AssignedToTeam: null,
      CustomFieldValues: [],
      ...fields,
    };
    tickets.push(ticket);
    return ticket;
  }

  function authenticate(req: SeenRequest, res: ServerResponse): Account | null {
    const auth = headerOf(req, 'authorization');
    if (!auth) {
      error(res, 401, 'Authentication required. Please provide valid credentials.');
      return null;
    }
    const account = accounts.get(auth.replace(/^Bearer\s+/i, ''));
    if (!/^Bearer\s+/i.test(auth) || !account) {
      error(res, 401, 'Invalid or expired token');
      return null;
    }
    if (headerOf(req, 'siteid')?.toLowerCase() !== siteId || headerOf(req, 'client') !== 'ApiClient') {
      error(res, 401, 'Attempted to perform an unauthorized operation.');
      return null;
    }
    return account;
  }

  function allowed(account: Account, right: IiqRight, res: ServerResponse): boolean {
    if (account.rights.has(right)) return true;
    error(res, 403, 'You do not have permission to perform this action.');
    return false;
  }

  function parseBody(req: SeenRequest, res: ServerResponse): Record<string, unknown> | null {
    try {
      const body: unknown = JSON.parse(req.body || '{}');
      if (typeof body === 'object' && body !== null && !Array.isArray(body)) return body as Record<string, unknown>;
    } catch {
      // answered below
    }
    error(res, 400, 'The request body is not a JSON object.');
    return null;
  }

  function createTicket(account: Account, body: Record<string, unknown>, res: ServerResponse): void {
    const errors: { Field: string; Message: string }[] = [];
    const subject = body.Subject;
    if (typeof subject !== 'string' || subject.trim() === '') errors.push({ Field: 'Subject', Message: 'Subject is required' });
    else if (subject.length > 500) errors.push({ Field: 'Subject', Message: 'Subject must be at most 500 characters' });
    if (typeof body.IssueDescription !== 'string') errors.push({ Field: 'IssueDescription', Message: 'IssueDescription is required' });
    if (body.IssueId === undefined ? requireIssueId : body.IssueId !== issueId) {
      errors.push({ Field: 'IssueId', Message: body.IssueId === undefined ? 'IssueId is required' : 'Invalid issue' });
    }
    if (typeof body.ForId !== 'string' || !users.has(body.ForId)) errors.push({ Field: 'ForId', Message: body.ForId === undefined ? 'ForId is required' : 'Unknown user' });
    const values = Array.isArray(body.CustomFieldValues) ? (body.CustomFieldValues as unknown[]) : [];
    if (errors.length > 0) return error(res, 400, 'Validation failed', errors);

    const kept: IiqServerCustomFieldValue[] = [];
    for (const raw of values) {
      if (typeof raw !== 'object' || raw === null) continue;
      const v = raw as Record<string, unknown>;
      // Dropped without a word when tickets have no such field (inferred; the re-read shows it).
      const field = customFields.find((f) => f.CustomFieldTypeId === String(v.CustomFieldTypeId ?? '').toLowerCase());
      if (!field) continue;
      kept.push({ CustomFieldTypeId: field.CustomFieldTypeId, CustomFieldId: field.CustomFieldId, Value: typeof v.Value === 'string' ? v.Value : null });
    }
    const ticket = newTicket({
      Subject: subject as string,
      IssueDescription: body.IssueDescription as string,
      IssueId: typeof body.IssueId === 'string' ? body.IssueId : '',
      ForId: body.ForId as string,
      OwnerId: account.userId,
      IsUrgent: body.IsUrgent === true,
      HasSensitiveInformation: body.HasSensitiveInformation === true,
      SourceId: typeof body.SourceId === 'number' ? body.SourceId : null,
      CustomFieldValues: kept,
    });
    // The create is answered with the ticket as submitted; the rules run after.
    sendJson(res, 201, { ...envelope(ticketJson(ticket), 201), Id: 0, Uid: ticket.TicketId });
    for (const rule of rules) rule(ticket);
    ticket.ModifiedDate = stamp();
  }

  function searchTickets(body: Record<string, unknown>, query: URLSearchParams, res: ServerResponse): void {
    const pageSize = Math.min(100, Math.max(1, Number(query.get('$s') ?? 20) || 20));
    const pageIndex = Math.max(0, Number(query.get('$p') ?? 0) || 0);
    let found = tickets.filter((t) => body.Schema !== 'OpenWithModify' || !t.IsClosed);
    const filters = Array.isArray(body.Filters) ? (body.Filters as Record<string, unknown>[]) : [];
    for (const f of filters) {
      if (f.Facet !== 'ticketcustomfield') return error(res, 400, `Unsupported filter facet '${String(f.Facet)}' on this contract server`);
      const typeId = String(f.Id ?? '').toLowerCase();
      found = found.filter((t) => t.CustomFieldValues.some((v) => v.CustomFieldTypeId === typeId && v.Value === f.Value) !== (f.Negative === true));
    }
    const order = /^TicketCreatedDate\s+asc$/i.test(query.get('$o') ?? '') ? 1 : -1;
    found = [...found].sort((a, b) => order * a.CreatedDate.localeCompare(b.CreatedDate));
    const page = found.slice(pageIndex * pageSize, (pageIndex + 1) * pageSize);
    sendJson(res, 200, list(page.map((t) => ticketJson(t, searchListsCustomFields)), pageSize, pageIndex, found.length));
  }

  function addActivity(account: Account, ticket: IiqServerTicket, body: Record<string, unknown>, notified: boolean, res: ServerResponse): void {
    if (body.TicketId !== undefined && String(body.TicketId).toLowerCase() !== ticket.TicketId) return error(res, 400, 'TicketId does not match the ticket in the path');
    const items = Array.isArray(body.ActivityItems) ? (body.ActivityItems as Record<string, unknown>[]) : [];
    if (items.length === 0) return error(res, 400, 'Validation failed', [{ Field: 'ActivityItems', Message: 'At least one activity item is required' }]);
    const activityId = randomUUID();
    const created: StoredActivity[] = [];
    for (const item of items) {
      if (item.$type !== TICKET_COMMENT_TYPE || item.TicketActivityTypeId !== 6) {
        return error(res, 400, 'Validation failed', [{ Field: '$type', Message: 'Only comment activities (type 6) are modelled by this contract server' }]);
      }
      if (typeof item.ByUserId !== 'string' || !users.has(item.ByUserId)) return error(res, 400, 'Validation failed', [{ Field: 'ByUserId', Message: 'Unknown user' }]);
      if (typeof item.Comments !== 'string' || item.Comments === '') return error(res, 400, 'Validation failed', [{ Field: 'Comments', Message: 'Comments is required' }]);
      // The top-level IsPublic is cloned to every item; without any, a comment is public.
      const isPublic = typeof body.IsPublic === 'boolean' ? body.IsPublic : typeof item.IsPublic === 'boolean' ? item.IsPublic : true;
      created.push({
        TicketId: ticket.TicketId,
        TicketActivityId: activityId,
        ByUserId: item.ByUserId,
        Comments: item.Comments,
        IsPublic: isPublic,
        ExternalId: typeof item.ExternalId === 'string' ? item.ExternalId : null,
        notified,
        CreatedDate: stamp(),
      });
    }
    activities.push(...created);
    ticket.ModifiedDate = stamp();
    sendJson(res, 201, { ...envelope({ TicketActivityId: activityId, TicketId: ticket.TicketId, OwnerId: account.userId, IsPublic: created[0]?.IsPublic ?? true }, 201), Id: 0, Uid: activityId });
  }

  function activityFeed(ticket: IiqServerTicket, query: URLSearchParams, res: ServerResponse): void {
    const pageSize = Math.min(100, Math.max(1, Number(query.get('$s') ?? 20) || 20));
    const pageIndex = Math.max(0, Number(query.get('$p') ?? 0) || 0);
    const byActivity = new Map<string, StoredActivity[]>();
    for (const a of activities.filter((x) => x.TicketId === ticket.TicketId)) byActivity.set(a.TicketActivityId, [...(byActivity.get(a.TicketActivityId) ?? []), a]);
    const all = [...byActivity.entries()].map(([id, items]) => ({
      TicketActivityId: id,
      TicketId: ticket.TicketId,
      OwnerId: items[0]?.ByUserId ?? null,
      CreatedDate: items[0]?.CreatedDate ?? null,
      IsPublic: items[0]?.IsPublic ?? true,
      IsDeleted: false,
      ActivityItems: items.map((i) => ({
        $type: TICKET_COMMENT_TYPE,
        TicketActivityCommentId: randomUUID(),
        TicketActivityId: id,
        TicketActivityTypeId: 6,
        ByUserId: i.ByUserId,
        Comments: i.Comments,
        ExternalId: i.ExternalId,
        IsPublic: i.IsPublic,
        CreatedDate: i.CreatedDate,
        ModifiedDate: i.CreatedDate,
      })),
    }));
    sendJson(res, 200, list(all.slice(pageIndex * pageSize, (pageIndex + 1) * pageSize), pageSize, pageIndex, all.length));
  }

  async function handle(req: SeenRequest, res: ServerResponse): Promise<void> {
    if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
    const url = new URL(req.url, 'http://contract.invalid');
    const path = url.pathname;
    const canned = intercepts.findIndex((i) => i.match({ method: req.method, path }));
    if (canned >= 0) {
      const [{ answer }] = intercepts.splice(canned, 1) as [(typeof intercepts)[number]];
      res.writeHead(answer.status, { 'Content-Type': answer.contentType ?? 'application/json' });
      res.end(answer.body);
      return;
    }
    if (!path.startsWith('/api/')) {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><html><head><title>Incident IQ - Sign In</title></head><body><form action="/login">Sign in</form></body></html>');
      return;
    }
    const account = authenticate(req, res);
    if (!account) return;
    const route = `${req.method} ${path}`;
    let m: RegExpExecArray | null;

    if (route === 'GET /api/v1.0/users/me') {
      return sendJson(res, 200, envelope({ UserId: account.userId, SiteId: siteId, Name: account.name, Username: 'deskbook-api' }));
    }
    if (route === 'POST /api/v1.0/custom-fields/for/ticket') {
      if (!allowed(account, 'customfields.read', res)) return;
      const items = customFields.map((f) => ({
        SiteId: siteId,
        CustomFieldId: f.CustomFieldId,
        CustomFieldTypeId: f.CustomFieldTypeId,
        CustomFieldType: { CustomFieldTypeId: f.CustomFieldTypeId, Name: f.Name, EditorTypeId: 1 },
        EntityTypeId: TICKET_ENTITY_TYPE,
        IsDeleted: false,
      }));
      return sendJson(res, 200, { Items: items, ItemCount: items.length, StatusCode: 200 });
    }
    if (route === 'POST /api/v1.0/tickets/new') {
      if (!allowed(account, 'tickets.create', res)) return;
      const body = parseBody(req, res);
      return body ? createTicket(account, body, res) : undefined;
    }
    if (route === 'POST /api/v1.0/tickets') {
      if (!allowed(account, 'tickets.read', res)) return;
      const body = parseBody(req, res);
      return body ? searchTickets(body, url.searchParams, res) : undefined;
    }
    if ((m = /^(GET|POST) \/api\/v1\.0\/tickets\/([^/]+)(\/.*)?$/.exec(route))) {
      const [, method, id = '', rest = ''] = m;
      const ticket = GUID.test(id) ? tickets.find((t) => t.TicketId === id.toLowerCase()) : undefined;
      if (!ticket) return error(res, 404, 'Ticket not found');
      if (method === 'GET' && rest === '') {
        if (!allowed(account, 'tickets.read', res)) return;
        return sendJson(res, 200, envelope(ticketJson(ticket)));
      }
      if (method === 'GET' && rest === '/activities') {
        if (!allowed(account, 'tickets.read', res)) return;
        return activityFeed(ticket, url.searchParams, res);
      }
      const activity = /^\/activities\/new(?:\/(true|false))?$/.exec(rest);
      if (method === 'POST' && activity) {
        if (!allowed(account, 'tickets.comment', res)) return;
        const body = parseBody(req, res);
        return body ? addActivity(account, ticket, body, activity[1] !== 'false', res) : undefined;
      }
      if (method === 'POST' && rest === '/close') {
        if (!allowed(account, 'tickets.close', res)) return;
        const body = parseBody(req, res);
        if (!body) return;
        if (!ticket.IsClosed) {
          ticket.IsClosed = true;
          ticket.ClosedDate = stamp();
          ticket.CloseReasonTypeId = typeof body.CloseReasonTypeId === 'string' ? body.CloseReasonTypeId : null;
          ticket.ModifiedDate = ticket.ClosedDate;
        }
        return sendJson(res, 200, { StatusCode: 200, Message: null, ErrorKey: null });
      }
    }
    return error(res, 404, `No route matches ${req.method} ${path}`);
  }

  const server = await startLoopbackServer(handle);

  return {
    url: server.url,
    siteId,
    token,
    userId: defaultUser.userId,
    requestIdField: requestIdField.CustomFieldTypeId,
    requestIdMappingId: requestIdField.CustomFieldId,
    issueId,
    requests: server.requests,
    tickets: () => tickets.map((t) => structuredClone(t)),
    comments: (ticketId) =>
      activities
        .filter((a) => a.TicketId === ticketId)
        .map(({ TicketActivityId, ByUserId, Comments, IsPublic, ExternalId, notified, CreatedDate }) => ({ TicketActivityId, ByUserId, Comments, IsPublic, ExternalId, notified, CreatedDate })),
    addRule: (rule) => {
      rules.push(rule);
    },
    clearRules: () => {
      rules = [];
    },
    setLatency: (ms) => {
      latencyMs = Math.max(0, ms);
    },
    addAccount: (name, rights) => {
      const account: Account = { name, userId: randomUUID(), rights: new Set(rights) };
      const accountToken = `iiq-token-${randomUUID()}`;
      accounts.set(accountToken, account);
      users.add(account.userId);
      return { token: accountToken, userId: account.userId };
    },
    removeCustomField: (typeId) => {
      const i = customFields.findIndex((f) => f.CustomFieldTypeId === typeId.toLowerCase());
      if (i >= 0) customFields.splice(i, 1);
    },
    seedTicket: ({ subject, requestId, createdDate }) => {
      const ticket = newTicket({
        Subject: subject,
        IssueDescription: `Seeded: ${subject}`,
        CustomFieldValues: requestId === null ? [] : [{ CustomFieldTypeId: requestIdField.CustomFieldTypeId, CustomFieldId: requestIdField.CustomFieldId, Value: requestId }],
      });
      ticket.CreatedDate = createdDate;
      ticket.ModifiedDate = createdDate;
      return ticket.TicketId;
    },
    intercept: (match, answer) => {
      intercepts.push({ match, answer });
    },
    setSearchListsCustomFields: (value) => {
      searchListsCustomFields = value;
    },
    close: () => server.close(),
  };
}

function headerOf(req: SeenRequest, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
