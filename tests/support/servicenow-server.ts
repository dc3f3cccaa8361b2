/**
 * A ServiceNow CONTRACT server for tests: an in-memory stand-in for the parts of a ServiceNow
 * instance's REST Table API that Deskbook uses, on 127.0.0.1 with a random port. It is NOT
 * ServiceNow and says nothing about how a real instance behaves beyond what it was written from:
 *
 * - "Table API" (REST API reference, c_TableAPI): `GET /api/now/table/{tableName}` with
 *   `sysparm_query` (`=`, `!=`, `>=`, `>`, `IN`, `LIKE`, `STARTSWITH`, `ISNOTEMPTY`, `^` as
 *   AND, `ORDERBY<field>`, `ORDERBYDESC<field>`; a condition on a field the table does not have
 *   is IGNORED, as the section says an instance does by default; `^OR` and other operators are
 *   refused with 400 here), `sysparm_fields` (unknown names ignored),
 *   `sysparm_limit` (default 10000), `sysparm_offset`, `sysparm_display_value` (`true`: journal
 *   fields read as their history, newest first; choice and reference display values are not
 *   modelled), `sysparm_exclude_reference_link` (reference fields are `{ link, value }` unless
 *   true); `GET /{sys_id}` (404 when unknown); `POST` (201, `Location`, `{ "result": {...} }`);
 *   `PUT` and `PATCH /{sys_id}` (200, only the fields sent change). Every value reads back as a
 *   string. `sys_*` fields and `number` are generated and cannot be written.
 * - "REST API HTTP response codes" (r_RESTAPIHTTPResponseCodes): 401 unauthenticated; 403 for an
 *   ACL, business rule or data policy refusal; 404 not found; 400 bad request; errors as
 *   `{ "error": { "message", "detail" }, "status": "failure" }`.
 * - "Retrieve journal entries using direct web services" (retrieving-journal-entries):
 *   `work_notes` (staff only) and `comments` (customer-visible) are journal fields; writing one
 *   adds a row to `sys_journal_field` (`element_id` = the incident's sys_id, `element` = the
 *   field, `value`), and reading the field on the incident gives "" without display values.
 * - "Inbound REST API rate limiting": past a configured number of requests, 429 with
 *   `Retry-After` and `X-RateLimit-Limit` / `X-RateLimit-Reset`.
 * - Incident defaults: `number` INC0010001 upwards, `state` 1 (New) ... 6 (Resolved), 7 (Closed),
 *   8 (Canceled); `priority` from impact × urgency by the baseline priority lookup (1-1 → 1,
 *   1-2/2-1 → 2, 1-3/2-2/3-1 → 3, 2-3/3-2 → 4, 3-3 → 5); `sys_mod_count` counts updates, journal
 *   entries included.
 *
 * Deliberate choices, documented so no test mistakes them for ServiceNow's:
 * - NO CONCURRENCY CONTROL: like the Table API (no ETag, no If-Match), the last write wins.
 * - A write naming a field the table does not have is refused with 400 (`strictFields`, default
 *   on), so a misspelt field fails a test; a real instance ignores it silently (`strictFields:
 *   false` models that). Custom `u_` fields the instance lacks are always ignored silently, as
 *   on an instance whose admin has not created them (`customFields: false`).
 * - Custom fields `u_deskbook_review`, `u_deskbook_escalation`, `u_deskbook_vendor_case` exist
 *   by default: what Deskbook's README asks district IT to create for supervisor review.
 * - Resolving (state 6 or 7) without `close_code` and `close_notes` is refused with 403 "Data
 *   Policy Exception": baseline instances make both mandatory on the form, and many districts
 *   add the data policy that enforces it for the API too; a connector must always send both.
 * - `sys_journal_field` can be hidden (`journalReadable: false`): ACLs commonly keep it from
 *   non-admin accounts, and the list then answers 200 with no rows, indistinguishable from none.
 * - A hibernating developer instance (`hibernate(true)`) answers every request 200 with a web
 *   page: reported by developers, not documented; the page here is a stand-in.
 * Test-only inspection and faults are methods on the returned object, never HTTP.
 */
import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { startLoopbackServer } from './loopback-server';
import type { LoopbackServer, SeenRequest } from './loopback-server';

export type SnRecord = Record<string, string>;

export type SnJournalEntry = {
  sys_id: string;
  name: string;
  element: 'work_notes' | 'comments';
  element_id: string;
  value: string;
  sys_created_on: string;
  sys_created_by: string;
};

export interface ServiceNowServerOptions {
  /** Basic sign-in; default `deskbook.integration` / `s3cret-Integration!`. */
  username?: string;
  password?: string;
  /** An OAuth access token accepted as `Authorization: Bearer …` (for the same user). */
  bearerToken?: string;
  /** Rows of `sys_user_group`; default one active group, "Tier 2 Support". */
  groups?: { name: string; sys_id?: string; active?: boolean }[];
  /** False: `sys_journal_field` answers no rows, as an ACL does for a non-admin. Default true. */
  journalReadable?: boolean;
  /** False: inserting an incident is refused by an ACL (403). Default true. */
  canCreate?: boolean;
  /** Refuse writes naming unknown fields with 400 (default); false ignores them, like an instance. */
  strictFields?: boolean;
  /** False: the instance has no u_deskbook_* fields (writes to them vanish, reads leave them out). */
  customFields?: boolean;
  /** Refuse resolving without close_code and close_notes (default), as a data policy does. */
  resolveNeedsCloseFields?: boolean;
  /** At most `requests` per `windowMs`, then 429 with `Retry-After: retryAfterSeconds` (default 1). */
  rateLimit?: { requests: number; windowMs: number; retryAfterSeconds?: number };
  /** Wall clock for sys_created_on / sys_updated_on. Default `Date.now`. */
  now?: () => number;
}

/** A canned answer for the next request `match` accepts; `apply` first lets the request land. */
export interface CannedAnswer {
  status: number;
  body: string;
  contentType?: string;
  headers?: Record<string, string>;
  apply?: boolean;
}

export interface ServiceNowServer {
  /** `http://127.0.0.1:<port>`: the instance URL as Settings takes it. */
  url: string;
  username: string;
  password: string;
  bearerToken: string;
  requests: SeenRequest[];
  /** Every incident, oldest first (copies). */
  incidents(): SnRecord[];
  /** One incident's journal entries, oldest first (copies). */
  journal(sysId: string): SnJournalEntry[];
  groups(): SnRecord[];
  /** Adds an incident as another integration or a technician would; fields as ServiceNow stores them. */
  seedIncident(fields: SnRecord): SnRecord;
  /** A journal entry by another user (a technician's comment, say): bumps sys_mod_count. */
  addJournal(sysId: string, element: 'work_notes' | 'comments', value: string, by: string): void;
  /** While on, every request is answered 200 with the "instance hibernating" web page. */
  hibernate(on: boolean): void;
  answerNext(match: (req: { method: string; path: string }) => boolean, answer: CannedAnswer): void;
  setLatency(ms: number): void;
  close(): Promise<void>;
}

const TABLE_PREFIX = '/api/now/table/';

/** The incident dictionary modelled here: name → kind. */
const INCIDENT_FIELDS: Readonly<Record<string, 'string' | 'journal' | 'reference' | 'system' | 'custom'>> = {
  sys_id: 'system',
  number: 'system',
  sys_created_on: 'system',
  sys_created_by: 'system',
  sys_updated_on: 'system',
  sys_updated_by: 'system',
  sys_mod_count: 'system',
  sys_class_name: 'system',
  priority: 'system',
  active: 'system',
  opened_at: 'system',
  resolved_at: 'system',
  short_description: 'string',
  description: 'string',
  urgency: 'string',
  impact: 'string',
  state: 'string',
  close_code: 'string',
  close_notes: 'string',
  correlation_id: 'string',
  correlation_display: 'string',
  contact_type: 'string',
  category: 'string',
  assignment_group: 'reference',
  caller_id: 'reference',
  work_notes: 'journal',
  comments: 'journal',
  u_deskbook_review: 'custom',
  u_deskbook_escalation: 'custom',
  u_deskbook_vendor_case: 'custom',
};
const REFERENCE_TABLE: Readonly<Record<string, string>> = { assignment_group: 'sys_user_group', caller_id: 'sys_user' };
const JOURNAL_FIELDS = ['sys_id', 'name', 'element', 'element_id', 'value', 'sys_created_on', 'sys_created_by'];
const GROUP_FIELDS = ['sys_id', 'name', 'active', 'description'];
const RESOLVED = new Set(['6', '7']);

/** The baseline priority lookup (dl_u_priority): impact and urgency 1-3 → priority 1-5. */
export function baselinePriority(impact: string, urgency: string): string {
  const i = Number(impact) || 3;
  const u = Number(urgency) || 3;
  return String(Math.min(5, Math.max(1, i + u - 1)));
}

const HIBERNATING_PAGE =
  '<!DOCTYPE html><html><head><title>Instance Hibernating page</title></head><body><h1>Your instance is hibernating</h1><p>Sign in to the developer portal to wake it up.</p></body></html>';

interface Answer {
  status: number;
  body: string;
  headers: Record<string, string>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly detail: string | null,
  ) {
    super(message);
  }
}

/** ServiceNow's error body: `{ "error": { "message", "detail" }, "status": "failure" }`. */
export function serviceNowErrorBody(message: string, detail: string | null = null): string {
  return JSON.stringify({ error: { message, detail }, status: 'failure' });
}

export async function startServiceNowServer(options: ServiceNowServerOptions = {}): Promise<ServiceNowServer> {
  const username = options.username ?? 'deskbook.integration';
  const password = options.password ?? 's3cret-Integration!';
  const bearerToken = options.bearerToken ?? 'oauth-access-token-0123456789';
  const now = options.now ?? Date.now;
  const strict = options.strictFields ?? true;
  const incidents: SnRecord[] = [];
  const journal: SnJournalEntry[] = [];
  const groups: SnRecord[] = (options.groups ?? [{ name: 'Tier 2 Support' }]).map((g) => ({
    sys_id: g.sys_id ?? newSysId(),
    name: g.name,
    active: String(g.active ?? true),
    description: '',
  }));
  const canned: { match: (req: { method: string; path: string }) => boolean; answer: CannedAnswer }[] = [];
  const window: number[] = [];
  let hibernating = false;
  let latencyMs = 0;
  let nextNumber = 10001;
  let origin = '';

  const stamp = () => new Date(now()).toISOString().slice(0, 19).replace('T', ' ');

  function authenticate(req: SeenRequest): string {
    const header = String(req.headers.authorization ?? '');
    if (header.startsWith('Basic ')) {
      const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
      if (decoded === `${username}:${password}`) return username;
    } else if (header.startsWith('Bearer ') && header.slice(7) === bearerToken) {
      return username;
    }
    throw new HttpError(401, 'User Not Authenticated', 'Required to provide Auth information');
  }

  function rateLimited(): Answer | undefined {
    const limit = options.rateLimit;
    if (!limit) return undefined;
    const t = now();
    while (window.length > 0 && window[0]! <= t - limit.windowMs) window.shift();
    if (window.length < limit.requests) {
      window.push(t);
      return undefined;
    }
    const retryAfter = limit.retryAfterSeconds ?? 1;
    return {
      status: 429,
      body: serviceNowErrorBody('Too many requests', `Rate limit of ${limit.requests} requests exceeded`),
      headers: {
        'Content-Type': 'application/json',
        'Retry-After': String(retryAfter),
        'X-RateLimit-Limit': String(limit.requests),
        'X-RateLimit-Reset': String(Math.ceil((t + retryAfter * 1000) / 1000)),
      },
    };
  }

  function handle(req: SeenRequest): Answer {
    if (hibernating) return { status: 200, body: HIBERNATING_PAGE, headers: { 'Content-Type': 'text/html; charset=utf-8' } };
    try {
      const user = authenticate(req);
      const limited = rateLimited();
      if (limited) return limited;
      return route(req, user);
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      return { status: error.status, body: serviceNowErrorBody(error.message, error.detail), headers: { 'Content-Type': 'application/json' } };
    }
  }

  function route(req: SeenRequest, user: string): Answer {
    const url = new URL(req.url, 'http://instance.invalid');
    if (!url.pathname.startsWith(TABLE_PREFIX)) throw new HttpError(400, 'Requested URI does not represent any resource', url.pathname);
    const [table = '', sysId, ...rest] = url.pathname.slice(TABLE_PREFIX.length).split('/');
    if (rest.length > 0) throw new HttpError(400, 'Requested URI does not represent any resource', url.pathname);
    const params = url.searchParams;
    const rows = tableRows(table);
    if (req.method === 'GET') {
      if (sysId) {
        const row = rows.find((r) => r.sys_id === sysId);
        if (!row) throw new HttpError(404, 'No Record found', "Record doesn't exist or ACL restricts the record retrieval");
        return json(200, { result: present(table, row, params) });
      }
      const visible = table === 'sys_journal_field' && options.journalReadable === false ? [] : rows;
      const found = query(visible, params.get('sysparm_query') ?? '', fieldsOf(table));
      const offset = Number(params.get('sysparm_offset') ?? 0);
      const limit = Number(params.get('sysparm_limit') ?? 10000);
      const page = found.slice(offset, offset + limit).map((r) => present(table, r, params));
      return json(200, { result: page }, { 'X-Total-Count': String(found.length) });
    }
    if (table !== 'incident') throw new HttpError(403, 'Operation Failed', `ACL Exception ${req.method} Failed due to security constraints`);
    const body = parseBody(req.body);
    if (req.method === 'POST' && !sysId) {
      if (options.canCreate === false) throw new HttpError(403, 'Operation Failed', 'ACL Exception Insert Failed due to security constraints');
      const row = insert(body, user);
      return json(201, { result: present(table, row, params) }, { Location: `${origin}${TABLE_PREFIX}incident/${row.sys_id}` });
    }
    if ((req.method === 'PUT' || req.method === 'PATCH') && sysId) {
      const row = incidents.find((r) => r.sys_id === sysId);
      if (!row) throw new HttpError(404, 'No Record found', "Record doesn't exist or ACL restricts the record retrieval");
      update(row, body, user);
      return json(200, { result: present(table, row, params) });
    }
    throw new HttpError(405, 'Method not Supported', `${req.method} is not supported for this resource`);
  }

  function tableRows(table: string): SnRecord[] {
    if (table === 'incident') return incidents;
    if (table === 'sys_journal_field') return journal;
    if (table === 'sys_user_group') return groups;
    throw new HttpError(400, `Invalid table ${table}`, null);
  }

  function fieldsOf(table: string): readonly string[] {
    if (table === 'incident') return Object.keys(INCIDENT_FIELDS).filter((f) => options.customFields !== false || INCIDENT_FIELDS[f] !== 'custom');
    return table === 'sys_journal_field' ? JOURNAL_FIELDS : GROUP_FIELDS;
  }

  function parseBody(text: string): Record<string, string> {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new HttpError(400, 'Exception while reading request', 'The payload is not valid JSON.');
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new HttpError(400, 'Exception while reading request', 'The payload is not a JSON object.');
    const out: Record<string, string> = {};
    const known = fieldsOf('incident');
    for (const [key, value] of Object.entries(parsed)) {
      if (!known.includes(key)) {
        if (strict && !key.startsWith('u_')) throw new HttpError(400, 'Invalid field', `incident has no field '${key}' (contract server: a real instance ignores it)`);
        continue;
      }
      if (value !== null && typeof value === 'object') throw new HttpError(400, 'Exception while reading request', `field '${key}' must be a string`);
      out[key] = value === null ? '' : String(value as string | number | boolean);
    }
    return out;
  }

  function insert(body: Record<string, string>, user: string): SnRecord {
    const t = stamp();
    const row: SnRecord = Object.fromEntries(fieldsOf('incident').map((f) => [f, '']));
    Object.assign(row, {
      sys_id: newSysId(),
      number: `INC${String(nextNumber++).padStart(7, '0')}`,
      sys_class_name: 'incident',
      sys_created_on: t,
      sys_created_by: user,
      sys_updated_on: t,
      sys_updated_by: user,
      sys_mod_count: '0',
      opened_at: t,
      state: '1',
      urgency: '3',
      impact: '3',
    });
    applyWrite(row, body, user);
    incidents.push(row);
    return row;
  }

  function update(row: SnRecord, body: Record<string, string>, user: string): void {
    applyWrite(row, body, user);
    row.sys_mod_count = String(Number(row.sys_mod_count) + 1);
    row.sys_updated_on = stamp();
    row.sys_updated_by = user;
  }

  /** Checks the whole write before changing anything, so a refused write leaves no trace. */
  function applyWrite(row: SnRecord, body: Record<string, string>, user: string): void {
    const next = { ...row };
    for (const [field, value] of Object.entries(body)) {
      const kind = INCIDENT_FIELDS[field];
      if (kind === 'string' || kind === 'reference' || kind === 'custom') next[field] = value;
    }
    if (options.resolveNeedsCloseFields !== false && RESOLVED.has(next.state ?? '') && (!next.close_code || !next.close_notes)) {
      throw new HttpError(403, 'Operation Failed', 'Data Policy Exception: \n The following fields are mandatory: Resolution code, Resolution notes');
    }
    next.priority = baselinePriority(next.impact ?? '', next.urgency ?? '');
    next.active = String(!RESOLVED.has(next.state ?? '') && next.state !== '8');
    if (RESOLVED.has(next.state ?? '') && !next.resolved_at) next.resolved_at = stamp();
    Object.assign(row, next);
    for (const element of ['work_notes', 'comments'] as const) {
      const value = body[element];
      if (value) journal.push(journalEntry(row.sys_id!, element, value, user));
    }
  }

  function journalEntry(sysId: string, element: 'work_notes' | 'comments', value: string, by: string): SnJournalEntry {
    return { sys_id: newSysId(), name: 'incident', element, element_id: sysId, value, sys_created_on: stamp(), sys_created_by: by };
  }

  /** A row as the Table API shows it: sysparm_fields, journal display values, reference links. */
  function present(table: string, row: SnRecord, params: URLSearchParams): Record<string, unknown> {
    const requested = (params.get('sysparm_fields') ?? '').split(',').map((f) => f.trim()).filter(Boolean);
    const known = fieldsOf(table);
    const names = requested.length > 0 ? requested.filter((f) => known.includes(f)) : known;
    const display = params.get('sysparm_display_value') === 'true';
    const noLinks = params.get('sysparm_exclude_reference_link') === 'true';
    const out: Record<string, unknown> = {};
    for (const name of names) {
      const kind = table === 'incident' ? INCIDENT_FIELDS[name] : 'string';
      const value = row[name] ?? '';
      if (kind === 'journal') out[name] = display ? journalHistory(row.sys_id!, name) : '';
      else if (kind === 'reference' && value && !noLinks) out[name] = { link: `${origin}${TABLE_PREFIX}${REFERENCE_TABLE[name]}/${value}`, value };
      else out[name] = value;
    }
    return out;
  }

  function journalHistory(sysId: string, element: string): string {
    const label = element === 'work_notes' ? 'Work notes' : 'Additional comments';
    return journal
      .filter((j) => j.element_id === sysId && j.element === element)
      .reverse()
      .map((j) => `${j.sys_created_on} - ${j.sys_created_by} (${label})\n${j.value}\n\n`)
      .join('');
  }

  const server: LoopbackServer = await startLoopbackServer(async (req, res) => {
    const path = new URL(req.url, 'http://instance.invalid').pathname;
    const index = canned.findIndex((c) => c.match({ method: req.method, path }));
    let answer: Answer;
    if (index >= 0) {
      const [{ answer: c }] = canned.splice(index, 1) as [(typeof canned)[number]];
      if (c.apply) handle(req);
      answer = { status: c.status, body: c.body, headers: { 'Content-Type': c.contentType ?? 'application/json', ...c.headers } };
    } else {
      answer = handle(req);
    }
    if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
    send(res, answer);
  });
  origin = server.url;

  return {
    url: server.url,
    username,
    password,
    bearerToken,
    requests: server.requests,
    incidents: () => incidents.map((r) => ({ ...r })),
    journal: (sysId) => journal.filter((j) => j.element_id === sysId).map((j) => ({ ...j })),
    groups: () => groups.map((g) => ({ ...g })),
    seedIncident: (fields) => {
      const row = insert({}, String(fields.sys_created_by ?? 'someone.else'));
      Object.assign(row, fields);
      return { ...row };
    },
    addJournal: (sysId, element, value, by) => {
      const row = incidents.find((r) => r.sys_id === sysId);
      if (!row) throw new Error(`no incident ${sysId}`);
      journal.push(journalEntry(sysId, element, value, by));
      row.sys_mod_count = String(Number(row.sys_mod_count) + 1);
      row.sys_updated_on = stamp();
      row.sys_updated_by = by;
    },
    hibernate: (on) => {
      hibernating = on;
    },
    answerNext: (match, answer) => {
      canned.push({ match, answer });
    },
    setLatency: (ms) => {
      latencyMs = ms;
    },
    close: () => server.close(),
  };
}

/** `sysparm_query`: `^`-joined conditions (`=`, `!=`) and ORDERBY / ORDERBYDESC terms. */
function query(rows: readonly SnRecord[], encoded: string, fields: readonly string[]): SnRecord[] {
  const conditions: ((r: SnRecord) => boolean)[] = [];
  const order: { field: string; desc: boolean }[] = [];
  for (const term of encoded.split('^').filter(Boolean)) {
    const orderBy = /^ORDERBY(DESC)?(\w+)$/.exec(term);
    if (orderBy) {
      order.push({ field: orderBy[2]!, desc: Boolean(orderBy[1]) });
      continue;
    }
    const cond = /^(\w+?)(ISNOTEMPTY|STARTSWITH|LIKE|IN|!=|>=|>|=)(.*)$/s.exec(term);
    if (!cond) throw new HttpError(400, 'Invalid query', `contract server: unsupported sysparm_query term '${term}'`);
    const [, field = '', op = '', value = ''] = cond;
    // Table API: a condition on a field the table does not have is ignored, not refused.
    if (!fields.includes(field)) continue;
    const test = OPERATORS[op]!;
    conditions.push((r) => test(r[field] ?? '', value));
  }
  const found = rows.filter((r) => conditions.every((c) => c(r)));
  for (const { field, desc } of [...order].reverse()) {
    found.sort((a, b) => (desc ? -1 : 1) * (a[field] ?? '').localeCompare(b[field] ?? ''));
  }
  return found;
}

const OPERATORS: Readonly<Record<string, (actual: string, value: string) => boolean>> = {
  '=': (a, v) => a === v,
  '!=': (a, v) => a !== v,
  '>=': (a, v) => a >= v,
  '>': (a, v) => a > v,
  IN: (a, v) => v.split(',').includes(a),
  LIKE: (a, v) => a.includes(v),
  STARTSWITH: (a, v) => a.startsWith(v),
  ISNOTEMPTY: (a) => a !== '',
};

function json(status: number, body: unknown, headers: Record<string, string> = {}): Answer {
  return { status, body: JSON.stringify(body), headers: { 'Content-Type': 'application/json;charset=UTF-8', ...headers } };
}

function send(res: ServerResponse, answer: Answer): void {
  res.writeHead(answer.status, { 'Content-Length': String(Buffer.byteLength(answer.body)), ...answer.headers });
  res.end(answer.body);
}

function newSysId(): string {
  return randomBytes(16).toString('hex');
}
