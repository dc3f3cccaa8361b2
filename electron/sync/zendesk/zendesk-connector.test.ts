import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callLogFromRun } from '../../../shared/call-log/build';
import { ANALYST, CALL_DOC, RUN_ID, finishedRun } from '../../../shared/call-log/call-log.testkit';
import { CANARY_PASSWORD, makeEscalation } from '../../../tests/support/escalation-fixture';
import { closedPort } from '../../../tests/support/loopback-server';
import { IDEMPOTENCY_WINDOW_MS, startZendeskServer } from '../../../tests/support/zendesk-server';
import type { ZendeskServer, ZendeskServerOptions } from '../../../tests/support/zendesk-server';
import type { Connector, SealedNote } from '../connector';
import { deliver } from '../deliver-once';
import { ConnectorError } from '../outcome';
import type { DeliveryOutcome } from '../outcome';
import { DeskbookError } from '../../../shared/result';
import { createZendeskConnector, sealedNoteMarker, zendeskMessage, zendeskOrigin, ZENDESK_PRIORITY } from '.';
import type { ZendeskConnectorOptions } from '.';

const SEALED: SealedNote[] = [{ label: 'Parent HAC password', plaintext: CANARY_PASSWORD }];
const HTML_LOGIN = '<!DOCTYPE html><html><head><title>Sign in to Zendesk</title></head><body><form>…</form></body></html>';
const isCreate = (r: { method: string; path: string }) => r.method === 'POST' && /^\/api\/v2\/tickets\/?$/.test(r.path);
const isTicketPut = (r: { method: string; path: string }) => r.method === 'PUT' && /^\/api\/v2\/tickets\/\d+$/.test(r.path);
const isSealedNotesPut = (r: { method: string; path: string; body: string }) => isTicketPut(r) && r.body.includes('[Deskbook sealed note ');

let server: ZendeskServer;
let clock: number;
let events: { event: string; detail?: Readonly<Record<string, string | number | boolean>> }[];

async function start(options: ZendeskServerOptions = {}): Promise<void> {
  server = await startZendeskServer({ now: () => clock, ...options });
}

beforeEach(async () => {
  clock = Date.parse('2026-03-02T15:00:00Z');
  events = [];
  await start();
});

afterEach(async () => {
  await server.close();
});

function connector(overrides: Partial<ZendeskConnectorOptions> = {}): Connector {
  return createZendeskConnector({
    fetch: globalThis.fetch,
    url: server.url,
    email: server.email,
    group: String(server.groups[0]!.id),
    token: () => Promise.resolve(server.token),
    now: () => clock,
    log: (event, detail) => events.push(detail === undefined ? { event } : { event, detail }),
    ...overrides,
  });
}

function expectSent(outcome: DeliveryOutcome): string {
  if (outcome.kind !== 'sent') throw new Error(`expected sent, got ${JSON.stringify(outcome)}`);
  return outcome.remoteId;
}

const internalNotes = (id: string) => server.comments(id).filter((c) => !c.public);
/** The internal notes carrying sealed notes. */
const sealedNotesOn = (id: string) => internalNotes(id).filter((c) => c.body.includes('[Deskbook sealed note '));
const publicText = (id: string) => server.comments(id).filter((c) => c.public).map((c) => c.body).join('\n');
const creates = () => server.requests.filter((r) => r.method === 'POST' && new URL(r.url, 'http://x').pathname === '/api/v2/tickets');

describe('Zendesk connector: creating a ticket', () => {
  it('creates one ticket carrying the request id as Idempotency-Key and external_id, with priority, group, tags and a public description', async () => {
    const requestId = randomUUID();
    const escalation = makeEscalation({ priority: 'critical' });
    const id = expectSent(await connector().create(escalation, requestId, []));

    const [ticket] = server.tickets();
    expect(ticket).toMatchObject({ id: Number(id), external_id: requestId, subject: escalation.draft.subject, priority: 'urgent', group_id: server.groups[0]!.id });
    expect(ticket!.tags).toEqual(['deskbook', 'deskbook_escalation', 'deskbook_awaiting_review']);
    expect(creates()[0]!.headers['idempotency-key']).toBe(requestId);
    const [description] = server.comments(id);
    expect(description).toMatchObject({ public: true });
    expect(description!.body).toContain(escalation.draft.description);
    expect(description!.body).toContain(`Request ID: ${requestId}`);
    // The structured copy review reads back ends the description, without sealed-note handles.
    expect(description!.body).toMatch(/\n\nDeskbook escalation data: \{.*\}\n$/);
    expect(JSON.parse(description!.body.trimEnd().split('\n').at(-1)!.slice('Deskbook escalation data: '.length))).toMatchObject({ id: escalation.id, hasSealedNote: true, draft: { sealedNotes: [] } });
  });

  it("maps Deskbook's priorities onto Zendesk's four", () => {
    expect(ZENDESK_PRIORITY).toEqual({ critical: 'urgent', high: 'high', medium: 'normal', low: 'low' });
  });

  it('links to the agent view of the ticket', async () => {
    const outcome = await connector().create(makeEscalation(), randomUUID(), []);
    expect(outcome).toMatchObject({ kind: 'sent', url: `${server.url}/agent/tickets/${expectSent(outcome)}` });
  });

  it('leaves the group out when none is set', async () => {
    expectSent(await connector({ group: '' }).create(makeEscalation(), randomUUID(), []));
    expect(server.tickets()[0]!.group_id).toBeNull();
  });

  it('puts sealed notes in one internal note, never in the subject, the public description or the log', async () => {
    const requestId = randomUUID();
    const id = expectSent(await connector().create(makeEscalation(), requestId, SEALED));

    expect(server.tickets()[0]!.subject).not.toContain(CANARY_PASSWORD);
    expect(publicText(id)).not.toContain(CANARY_PASSWORD);
    const notes = sealedNotesOn(id);
    expect(notes).toHaveLength(1);
    expect(notes[0]!.body).toContain(sealedNoteMarker(requestId, 0, 'Parent HAC password'));
    expect(notes[0]!.body).toContain(CANARY_PASSWORD);
    expect(JSON.stringify(events)).not.toContain(CANARY_PASSWORD);
    expect(server.requests.filter((r) => r.body.includes(CANARY_PASSWORD)).map((r) => r.method)).toEqual(['PUT']);
  });
});

describe('Zendesk connector: exactly once', () => {
  it('a repeat within the key window is an idempotency hit: the same ticket, and its sealed notes are not added again', async () => {
    const requestId = randomUUID();
    const escalation = makeEscalation();
    const first = expectSent(await connector().create(escalation, requestId, SEALED));
    const second = expectSent(await connector().create(escalation, requestId, SEALED));

    expect(second).toBe(first);
    expect(server.tickets()).toHaveLength(1);
    expect(sealedNotesOn(first)).toHaveLength(1);
    expect(events.filter((e) => e.event === 'zendesk.create').map((e) => e.detail?.idempotency)).toEqual(['miss', 'hit']);
  });

  it('a create whose sealed notes failed is a maybe-delivered retry, and the retry adds them once to the same ticket', async () => {
    const requestId = randomUUID();
    const escalation = makeEscalation();
    server.script({ match: isSealedNotesPut, status: 500, body: '{"error":"InternalError"}', when: 'instead' });
    const failed = await connector().create(escalation, requestId, SEALED);
    expect(failed).toMatchObject({ kind: 'retry', maybeDelivered: true });
    expect(failed.kind === 'retry' && failed.reason).toMatch(/Zendesk ticket #\d+ was created, but its sealed notes could not be added/);

    const id = expectSent(await deliver(connector(), escalation, requestId, SEALED, { maybeDelivered: true }));
    expect(server.tickets()).toHaveLength(1);
    expect(sealedNotesOn(id)).toHaveLength(1);
    expect(sealedNotesOn(id)[0]!.body).toContain(CANARY_PASSWORD);
    // Once more: the notes are there now, so nothing is added.
    expectSent(await deliver(connector(), escalation, requestId, SEALED, { maybeDelivered: true }));
    expect(sealedNotesOn(id)).toHaveLength(1);
  });

  it('the key window is real: after two hours a plain create makes a second ticket', async () => {
    const requestId = randomUUID();
    const escalation = makeEscalation();
    expectSent(await connector().create(escalation, requestId, []));
    clock += IDEMPOTENCY_WINDOW_MS + 1000;
    expectSent(await connector().create(escalation, requestId, []));
    expect(server.tickets()).toHaveLength(2);
  });

  it('after the key window a maybe-delivered retry finds the ticket by external_id instead of creating another', async () => {
    const requestId = randomUUID();
    const escalation = makeEscalation();
    const id = expectSent(await connector().create(escalation, requestId, SEALED));
    clock += IDEMPOTENCY_WINDOW_MS + 1000;

    expect(expectSent(await deliver(connector(), escalation, requestId, SEALED, { maybeDelivered: true }))).toBe(id);
    expect(server.tickets()).toHaveLength(1);
    expect(creates()).toHaveLength(1);
    expect(sealedNotesOn(id)).toHaveLength(1);
  });

  it('the same key with a different body (IdempotentRequestError) is reconciled by external_id, not failed', async () => {
    const requestId = randomUUID();
    const id = expectSent(await connector().create(makeEscalation(), requestId, SEALED));
    const edited = makeEscalation({ subject: 'HAC login fails after password reset (edited)' });

    expect(expectSent(await connector().create(edited, requestId, SEALED))).toBe(id);
    expect(server.tickets()).toHaveLength(1);
    expect(sealedNotesOn(id)).toHaveLength(1);
    expect(events.some((e) => e.event === 'zendesk.create' && e.detail?.idempotency === 'mismatch')).toBe(true);
  });

  it('of several tickets with one external_id the oldest is found, whatever order Zendesk lists them in, and the others are logged', async () => {
    await server.close();
    await start({ listOrder: 'desc' });
    const requestId = randomUUID();
    const id = expectSent(await connector().create(makeEscalation(), requestId, []));
    clock += 60_000;
    const newer = server.insertTicket({ external_id: requestId });
    server.insertTicket({ external_id: randomUUID() });

    expect(await connector().findByRequestId(requestId)).toEqual({ remoteId: id, url: `${server.url}/agent/tickets/${id}` });
    const logged = events.find((e) => e.event === 'zendesk.duplicate-tickets');
    expect(logged?.detail).toMatchObject({ requestId, kept: id, others: String(newer.id), count: 2 });
  });

  it('the oldest is the earliest created_at even when it has the higher id', async () => {
    const requestId = randomUUID();
    expectSent(await connector().create(makeEscalation(), requestId, []));
    const older = server.insertTicket({ external_id: requestId, createdAt: clock - 3_600_000 });
    expect((await connector().findByRequestId(requestId))?.remoteId).toBe(String(older.id));
  });

  it('finds nothing only when Zendesk positively lists no ticket', async () => {
    server.insertTicket({ external_id: 'someone-else' });
    expect(await connector().findByRequestId(randomUUID())).toBeNull();
    // A list that ignored the external_id filter still holds no ticket of this request.
    const unfiltered = JSON.stringify({ tickets: [{ id: 101, external_id: 'someone-else', created_at: '2026-03-02T15:00:00Z' }], next_page: null });
    server.script({ match: (r) => r.method === 'GET' && r.path === '/api/v2/tickets', status: 200, body: unfiltered, when: 'instead' });
    expect(await connector().findByRequestId(randomUUID())).toBeNull();
    server.script({ match: (r) => r.method === 'GET' && r.path === '/api/v2/tickets', status: 200, body: HTML_LOGIN, when: 'instead' });
    await expect(connector().findByRequestId(randomUUID())).rejects.toBeInstanceOf(ConnectorError);
  });
});

describe('Zendesk connector: answers that break the contract are never "sent"', () => {
  const cases: { name: string; status: number; body: string; when: 'instead' | 'after' }[] = [
    { name: 'a web page (a login page) instead of the ticket', status: 200, body: HTML_LOGIN, when: 'instead' },
    { name: 'a web page after the ticket was created', status: 200, body: HTML_LOGIN, when: 'after' },
    { name: 'JSON without a ticket id', status: 201, body: '{"ticket":{"subject":"x"}}', when: 'after' },
    { name: 'a 200 carrying an error beside a ticket', status: 200, body: '{"ticket":{"id":1},"error":"RecordInvalid","description":"Record validation errors"}', when: 'instead' },
  ];
  for (const c of cases) {
    it(`${c.name}: a retry that may have delivered`, async () => {
      const requestId = randomUUID();
      const escalation = makeEscalation();
      server.script({ match: isCreate, status: c.status, body: c.body, when: c.when });
      const outcome = await connector().create(escalation, requestId, SEALED);
      expect(outcome).toMatchObject({ kind: 'retry', maybeDelivered: true });

      // The retry looks first, and ends with exactly one ticket whichever way the first went.
      expectSent(await deliver(connector(), escalation, requestId, SEALED, { maybeDelivered: true }));
      expect(server.tickets()).toHaveLength(1);
      expect(sealedNotesOn(String(server.tickets()[0]!.id))).toHaveLength(1);
    });
  }

  it('says in plain words that Zendesk answered with a web page', async () => {
    server.script({ match: isCreate, status: 200, body: HTML_LOGIN, when: 'instead' });
    const outcome = await connector().create(makeEscalation(), randomUUID(), []);
    expect(outcome.kind === 'retry' && outcome.reason).toMatch(/Zendesk answered HTTP 200 with a web page \("Sign in to Zendesk"\), not the ticket it created/);
  });
});

describe('Zendesk connector: failures', () => {
  it("a refused create fails with Zendesk's own words from details", async () => {
    const outcome = await connector({ group: '424242' }).create(makeEscalation(), randomUUID(), SEALED);
    expect(outcome).toMatchObject({ kind: 'failed', status: 422 });
    expect(outcome.kind === 'failed' && outcome.message).toContain('Group: is invalid');
    expect(server.tickets()).toHaveLength(0);
  });

  it('a token Zendesk does not accept is auth (sign in again)', async () => {
    const outcome = await connector({ token: () => Promise.resolve('wrong') }).create(makeEscalation(), randomUUID(), []);
    expect(outcome).toMatchObject({ kind: 'auth', status: 401 });
    expect(server.tickets()).toHaveLength(0);
  });

  it('a rate limit is a retry after Retry-After, known not to have delivered', async () => {
    server.rateLimit(1, '7');
    expect(await connector().create(makeEscalation(), randomUUID(), [])).toMatchObject({ kind: 'retry', retryAfterMs: 7000, maybeDelivered: false });
  });

  it('a 5xx on create may have delivered', async () => {
    server.script({ match: isCreate, status: 503, body: '{"error":"ServiceUnavailable"}', when: 'instead' });
    expect(await connector().create(makeEscalation(), randomUUID(), [])).toMatchObject({ kind: 'retry', maybeDelivered: true });
  });

  it('a refused connection is a retry that did not deliver', async () => {
    const c = connector({ url: `http://127.0.0.1:${await closedPort()}` });
    expect(await c.create(makeEscalation(), randomUUID(), [])).toMatchObject({ kind: 'retry', maybeDelivered: false });
  });

  it('an id from another system is refused before any request is made', async () => {
    const before = server.requests.length;
    const c = connector();
    await expect(c.addInternalNote('RT-42', 'hello')).rejects.toThrow(/not a Zendesk ticket id/);
    await expect(c.ensureSealedNotes({ remoteId: '42/../../users', url: '' }, randomUUID(), SEALED)).rejects.toThrow(/not a Zendesk ticket id/);
    expect(server.requests.length).toBe(before);
  });

  it('a vault that cannot hand out the token is auth (sign in), with nothing sent', async () => {
    const before = server.requests.length;
    const locked = connector({ token: () => Promise.reject(new DeskbookError('SIGNED_OUT', 'Sign in again to unlock the vault')) });
    expect(await locked.create(makeEscalation(), randomUUID(), [])).toEqual({ kind: 'auth', status: 401, message: 'Sign in again to unlock the vault' });
    expect(await connector({ token: () => Promise.resolve('  ') }).create(makeEscalation(), randomUUID(), [])).toMatchObject({ kind: 'auth' });
    expect(server.requests.length).toBe(before);
  });

  it('a 409 on create (a request under the same key still running) is a retry that may have delivered', async () => {
    server.script({ match: isCreate, status: 409, body: '{"error":"IdempotentRequestInProgress","description":"in progress"}', when: 'instead' });
    expect(await connector().create(makeEscalation(), randomUUID(), [])).toMatchObject({ kind: 'retry', maybeDelivered: true });
  });

  it('takes the address with or without a trailing slash or /api/v2', async () => {
    expect(zendeskOrigin('https://district.zendesk.com/')).toBe('https://district.zendesk.com');
    expect(zendeskOrigin('https://district.zendesk.com/api/v2/')).toBe('https://district.zendesk.com');
    expectSent(await connector({ url: `${server.url}/api/v2` }).create(makeEscalation(), randomUUID(), []));
  });

  it('bad settings are refused at construction, naming the field', () => {
    expect(() => connector({ url: 'zendesk' })).toThrow(/^Zendesk URL:/);
    expect(() => connector({ email: 'agent' })).toThrow(/^Agent email:/);
    expect(() => connector({ group: 'Tier 2' })).toThrow(/^Group:/);
  });
});

describe('Zendesk connector: notes', () => {
  it('ensureSealedNotes adds only the notes whose marker is missing, and nothing once all are there', async () => {
    const requestId = randomUUID();
    const notes: SealedNote[] = [
      { label: 'Parent HAC password', plaintext: CANARY_PASSWORD },
      { label: 'Second note', plaintext: 'second-secret-4411' },
    ];
    const id = expectSent(await connector().create(makeEscalation(), requestId, []));
    server.addComment(id, `${sealedNoteMarker(requestId, 0, notes[0]!.label)}\n${CANARY_PASSWORD}`, { public: false, authorId: server.agent.id });
    // A marker quoted in a public comment is not the note.
    server.addComment(id, sealedNoteMarker(requestId, 1, notes[1]!.label));

    await connector().ensureSealedNotes({ remoteId: id, url: '' }, requestId, notes);
    const added = sealedNotesOn(id).slice(1);
    expect(added).toHaveLength(1);
    expect(added[0]!.body).toContain(sealedNoteMarker(requestId, 1, 'Second note'));
    expect(added[0]!.body).not.toContain(CANARY_PASSWORD);

    await connector().ensureSealedNotes({ remoteId: id, url: '' }, requestId, notes);
    expect(sealedNotesOn(id)).toHaveLength(2);
  });

  it('ensureSealedNotes reads every page of comments before deciding a note is missing', async () => {
    const requestId = randomUUID();
    const id = expectSent(await connector().create(makeEscalation(), requestId, []));
    for (let i = 0; i < 130; i++) server.addComment(id, `chatter ${i}`);
    server.addComment(id, `${sealedNoteMarker(requestId, 0, SEALED[0]!.label)}\n${CANARY_PASSWORD}`, { public: false, authorId: server.agent.id });
    await connector().ensureSealedNotes({ remoteId: id, url: '' }, requestId, SEALED);
    expect(sealedNotesOn(id)).toHaveLength(1);
  });

  it('addInternalNote writes a comment that is not public', async () => {
    const id = expectSent(await connector().create(makeEscalation(), randomUUID(), []));
    await connector().addInternalNote(id, 'Supervisor returned the escalation');
    expect(server.comments(id).at(-1)).toMatchObject({ body: 'Supervisor returned the escalation', public: false });
  });
});

describe('Zendesk connector: probe', () => {
  it('names who signed in and the group', async () => {
    const report = await connector().probe();
    expect(report).toMatchObject({ ok: true });
    expect(report.ok && report.detail).toContain(`${server.agent.name} <${server.email}> (agent)`);
    expect(report.ok && report.detail).toContain("group 'Tier 2' (#360001)");
  });

  it('a wrong token is unauthorized', async () => {
    expect(await connector({ token: () => Promise.resolve('wrong') }).probe()).toMatchObject({ ok: false, problem: 'unauthorized', status: 401 });
  });

  it('an anonymous answer is unauthorized', async () => {
    server.setUser({ anonymous: true });
    const report = await connector().probe();
    expect(report).toMatchObject({ ok: false, problem: 'unauthorized' });
    expect(!report.ok && report.message).toMatch(/anonymous/);
  });

  it('an end user is unauthorized, a light agent forbidden', async () => {
    server.setUser({ role: 'end-user' });
    expect(await connector().probe()).toMatchObject({ ok: false, problem: 'unauthorized' });
    server.setUser({ role: 'agent', role_type: 1 });
    const report = await connector().probe();
    expect(report).toMatchObject({ ok: false, problem: 'forbidden' });
    expect(!report.ok && report.message).toMatch(/light agent/);
  });

  it('an unknown group is unknown-queue, naming the group', async () => {
    const report = await connector({ group: '777' }).probe();
    expect(report).toMatchObject({ ok: false, problem: 'unknown-queue' });
    expect(!report.ok && report.message).toContain('#777');
  });

  it('an address that is not Zendesk is an unexpected response, and a closed port refused', async () => {
    server.script({ match: (r) => r.path === '/api/v2/users/me', status: 200, body: HTML_LOGIN, when: 'instead' });
    expect(await connector().probe()).toMatchObject({ ok: false, problem: 'unexpected-response' });
    expect(await connector({ url: `http://127.0.0.1:${await closedPort()}` }).probe()).toMatchObject({ ok: false, problem: 'refused' });
  });
});

describe('Zendesk connector: logged calls', () => {
  const record = () => callLogFromRun({ runId: RUN_ID, packId: 'hac-support', doc: CALL_DOC, state: finishedRun('yes'), analyst: ANALYST, includeStudentData: false })!;

  it('creates one solved ticket, assigned to the agent, found again by the run id', async () => {
    const c = connector();
    const id = expectSent(await c.callLog!.create(record(), RUN_ID));
    expect(server.tickets()[0]).toMatchObject({ id: Number(id), status: 'solved', external_id: RUN_ID, assignee_id: server.agent.id, group_id: null });
    expect(server.tickets()[0]!.tags).toContain('deskbook_call_log');
    expect((await c.findByRequestId(RUN_ID))?.remoteId).toBe(id);

    expect(expectSent(await c.callLog!.create(record(), RUN_ID))).toBe(id);
    expect(server.tickets()).toHaveLength(1);
  });

  it('close solves a ticket an earlier attempt left open, and leaves a solved one alone', async () => {
    const open = server.insertTicket({ external_id: RUN_ID });
    await connector().callLog!.close({ remoteId: String(open.id), url: '' });
    expect(server.tickets()[0]!.status).toBe('solved');
    const puts = server.requests.filter((r) => r.method === 'PUT').length;
    await connector().callLog!.close({ remoteId: String(open.id), url: '' });
    expect(server.requests.filter((r) => r.method === 'PUT').length).toBe(puts);
  });
});

describe('zendeskMessage', () => {
  it("reads Zendesk's error formats", () => {
    expect(zendeskMessage('{"error":"RecordInvalid","description":"Record validation errors","details":{"subject":[{"description":"Subject: cannot be blank","error":"BlankValue"}]}}')).toBe(
      'RecordInvalid — Record validation errors — Subject: cannot be blank',
    );
    expect(zendeskMessage('{"error":{"title":"Forbidden","message":"You do not have access"}}')).toBe('Forbidden — You do not have access');
    expect(zendeskMessage('{"errors":[{"code":"InvalidValue","title":"Invalid","detail":"page[size] too large"}]}')).toBe('Invalid: page[size] too large');
    expect(zendeskMessage(HTML_LOGIN)).toBe('a web page ("Sign in to Zendesk")');
    expect(zendeskMessage('')).toBe('');
  });
});
