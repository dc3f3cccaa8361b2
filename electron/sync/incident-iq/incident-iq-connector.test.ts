import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callLogFromRun } from '../../../shared/call-log/build';
import { ANALYST, CALL_DOC, RUN_ID, finishedRun } from '../../../shared/call-log/call-log.testkit';
import { htmlToText } from '../../../tests/connectors/targets/incident-iq';
import { CANARY_PASSWORD, makeEscalation } from '../../../tests/support/escalation-fixture';
import { iiqRules, startIncidentIqServer } from '../../../tests/support/incident-iq-server';
import type { IncidentIqServer } from '../../../tests/support/incident-iq-server';
import { closedPort } from '../../../tests/support/loopback-server';
import type { Connector, SealedNote } from '../connector';
import { deliver } from '../deliver-once';
import type { SyncLog } from '../http';
import { ConnectorError } from '../outcome';
import { RESOLVED_CLOSE_REASON, createIncidentIqConnector, incidentIqMessage } from './index';
import type { IncidentIqConnectorOptions } from './index';

const REQUEST = '5f0b7a52-1c1e-4d7e-9a55-0c6a9d3f2b11';
const OTHER_REQUEST = '9d2c4e1a-7b3f-4c8d-8e6a-1f2b3c4d5e6f';
const NOTE: SealedNote = { label: 'Parent HAC password', plaintext: CANARY_PASSWORD };

let server: IncidentIqServer;
let connector: Connector;
let logged: { event: string; detail: Readonly<Record<string, string | number | boolean>> | undefined }[];

function build(overrides: Partial<IncidentIqConnectorOptions> = {}): Connector {
  const log: SyncLog = (event, detail) => logged.push({ event, detail });
  return createIncidentIqConnector({
    fetch: globalThis.fetch,
    url: server.url,
    siteId: server.siteId,
    requestIdField: server.requestIdField,
    issueId: server.issueId,
    token: () => Promise.resolve(server.token),
    log,
    ...overrides,
  });
}

beforeEach(async () => {
  server = await startIncidentIqServer();
  logged = [];
  connector = build();
});

afterEach(async () => {
  await server.close();
});

const onlyTicket = () => {
  const all = server.tickets();
  expect(all).toHaveLength(1);
  return all[0]!;
};
const requestIdOf = (ticketId: string) => server.tickets().find((t) => t.TicketId === ticketId)?.CustomFieldValues.find((v) => v.CustomFieldTypeId === server.requestIdField)?.Value;
const posts = (path: RegExp) => server.requests.filter((r) => r.method === 'POST' && path.test(new URL(r.url, 'http://x').pathname));
const isCreate = (r: { method: string; path: string }) => r.method === 'POST' && r.path === '/api/v1.0/tickets/new';
const isComment = (r: { method: string; path: string }) => r.method === 'POST' && /\/activities\/new/.test(r.path);

describe('Incident IQ connector: creating a ticket', () => {
  it('files the ticket with the request id in its custom field, IsUrgent for high priority and HasSensitiveInformation for a sealed note', async () => {
    const escalation = makeEscalation({ priority: 'high' });
    const outcome = await connector.create(escalation, REQUEST, [NOTE]);
    const ticket = onlyTicket();
    expect(outcome).toEqual({ kind: 'sent', remoteId: ticket.TicketId, url: `${server.url}/agent/tickets/${ticket.TicketId}` });
    expect(requestIdOf(ticket.TicketId)).toBe(REQUEST);
    expect(ticket).toMatchObject({ Subject: escalation.draft.subject, IsUrgent: true, HasSensitiveInformation: true, IssueId: server.issueId, ForId: server.userId });
    expect(ticket.IssueDescription).toContain(`Request ID: ${REQUEST}`);
    // The default rule (a team assignment) changed the ticket without touching what Deskbook checks.
    expect(ticket.AssignedToTeam?.TeamName).toBe('Help Desk Tier 2');
  });

  it.each([
    ['critical', true],
    ['medium', false],
    ['low', false],
  ] as const)('priority %s files IsUrgent %s, and no sealed note means HasSensitiveInformation false', async (priority, urgent) => {
    const outcome = await connector.create(makeEscalation({ priority, sealedNotes: [] }), REQUEST, []);
    expect(outcome.kind).toBe('sent');
    expect(onlyTicket()).toMatchObject({ IsUrgent: urgent, HasSensitiveInformation: false });
  });

  it('puts sealed notes only into private comments that are not e-mailed, never into the subject, description or a public comment', async () => {
    const second: SealedNote = { label: 'Vendor <b>portal</b> PIN', plaintext: 'pin & "8842"' };
    const outcome = await connector.create(makeEscalation(), REQUEST, [NOTE, second]);
    expect(outcome.kind).toBe('sent');
    const ticket = onlyTicket();
    expect(`${ticket.Subject}\n${ticket.IssueDescription}`).not.toContain(CANARY_PASSWORD);
    const comments = server.comments(ticket.TicketId);
    expect(comments).toHaveLength(2);
    expect(comments.every((c) => !c.IsPublic && !c.notified)).toBe(true);
    expect(comments.filter((c) => c.IsPublic).map((c) => c.Comments).join('')).not.toContain(CANARY_PASSWORD);
    expect(htmlToText(comments[0]!.Comments)).toContain(CANARY_PASSWORD);
    expect(comments[0]!.Comments).toMatch(new RegExp(`^\\[Deskbook sealed note ${REQUEST} 1/2\\] Parent HAC password`));
    // Escaped, so a label or a note is never read as markup; and read back as typed.
    expect(comments[1]!.Comments).toContain('Vendor &lt;b&gt;portal&lt;/b&gt; PIN');
    expect(htmlToText(comments[1]!.Comments)).toContain('pin & "8842"');
    expect(comments.map((c) => c.ExternalId)).toEqual([`deskbook:${REQUEST}:sealed-note:1`, `deskbook:${REQUEST}:sealed-note:2`]);
    expect(logged.map((l) => JSON.stringify(l)).join('')).not.toContain(CANARY_PASSWORD);
  });

  it('fails loudly, naming the field and the ticket, when a rule blanks the request id after the create, and adds no sealed note', async () => {
    server.addRule(iiqRules.blankCustomField(server.requestIdField));
    const outcome = await deliver(connector, makeEscalation(), REQUEST, [NOTE], { maybeDelivered: false });
    const ticket = onlyTicket();
    expect(outcome.kind).toBe('failed');
    const message = outcome.kind === 'failed' ? outcome.message : '';
    expect(message).toContain(`Incident IQ ticket #${ticket.TicketNumber} was created`);
    expect(message).toContain(`custom field 'Deskbook Request ID' (${server.requestIdField})`);
    expect(message).toContain('a retry could not find this ticket');
    expect(server.comments(ticket.TicketId)).toEqual([]);
  });

  it.each([
    ['IsUrgent', iiqRules.clearUrgent(), 'IsUrgent is false, not true'],
    ['Subject', iiqRules.rewriteSubject((s) => `[Auto] ${s}`), 'its Subject was changed'],
    ['HasSensitiveInformation', iiqRules.clearSensitive(), 'HasSensitiveInformation was cleared'],
  ])('fails loudly, naming %s, when a rule changes it after the create', async (_field, rule, words) => {
    server.addRule(rule);
    const outcome = await connector.create(makeEscalation({ priority: 'critical' }), REQUEST, [NOTE]);
    expect(outcome).toMatchObject({ kind: 'failed' });
    expect(outcome.kind === 'failed' && outcome.message).toContain(words);
    expect(outcome.kind === 'failed' && outcome.message).toContain(`#${onlyTicket().TicketNumber}`);
  });

  it('refuses to create when tickets have no request-id custom field, naming it, before anything is filed', async () => {
    server.removeCustomField(server.requestIdField);
    const outcome = await connector.create(makeEscalation(), REQUEST, [NOTE]);
    expect(outcome).toMatchObject({ kind: 'failed' });
    expect(outcome.kind === 'failed' && outcome.message).toContain(`no ticket custom field ${server.requestIdField}`);
    expect(server.tickets()).toEqual([]);
  });

  it('accepts the ticket mapping id (CustomFieldId) in Settings as well as the CustomFieldTypeId', async () => {
    const byMapping = build({ requestIdField: server.requestIdMappingId });
    expect((await byMapping.create(makeEscalation(), REQUEST, [])).kind).toBe('sent');
    expect(requestIdOf(onlyTicket().TicketId)).toBe(REQUEST);
    expect(await byMapping.findByRequestId(REQUEST)).toMatchObject({ remoteId: onlyTicket().TicketId });
  });

  it("without an Issue configured, Incident IQ's own words say what is missing", async () => {
    const outcome = await build({ issueId: undefined }).create(makeEscalation(), REQUEST, []);
    expect(outcome).toEqual({ kind: 'failed', status: 400, message: 'HTTP 400: Validation failed; IssueId: IssueId is required' });
  });
});

describe('Incident IQ connector: answers that are not the contract', () => {
  it.each([
    ['an HTML sign-in page with HTTP 200', { status: 200, contentType: 'text/html', body: '<html><body>Sign in to Incident IQ</body></html>' }, 'not JSON'],
    ['JSON without a ticket id', { status: 201, body: JSON.stringify({ Item: { Subject: 'x' }, StatusCode: 201 }) }, 'without a ticket id'],
    ['a 200 carrying an error', { status: 200, body: JSON.stringify({ Item: null, StatusCode: 500, Message: 'Object reference not set to an instance of an object.' }) }, 'carries an error (500: Object reference not set'],
  ])('a create answered with %s is never sent: a maybe-delivered retry', async (_what, answer, words) => {
    server.intercept(isCreate, answer);
    const outcome = await connector.create(makeEscalation(), REQUEST, [NOTE]);
    expect(outcome).toMatchObject({ kind: 'retry', maybeDelivered: true });
    expect(outcome.kind === 'retry' && outcome.reason).toContain(words);
  });

  it.each([
    [401, 'auth', 'the token was not accepted: Invalid or expired token'],
    [403, 'auth', 'the account is not allowed to do this: Invalid or expired token'],
    [404, 'failed', 'HTTP 404: Invalid or expired token'],
    [422, 'failed', 'HTTP 422: Invalid or expired token'],
  ])('HTTP %i to a create is %s with Incident IQ\'s own words', async (status, kind, words) => {
    server.intercept(isCreate, { status, body: JSON.stringify({ StatusCode: status, Message: 'Invalid or expired token' }) });
    const outcome = await connector.create(makeEscalation(), REQUEST, []);
    expect(outcome.kind).toBe(kind);
    expect(outcome.kind !== 'sent' && outcome.kind !== 'retry' && outcome.message).toContain(words);
  });

  it('429 with Retry-After is a retry after that long that did not deliver; a 503 may have delivered', async () => {
    server.intercept(isCreate, { status: 429, body: JSON.stringify({ StatusCode: 429, Message: 'Rate limit exceeded', RetryAfter: 30 }) });
    const limited = await build().create(makeEscalation(), REQUEST, []);
    expect(limited).toMatchObject({ kind: 'retry', maybeDelivered: false, reason: 'HTTP 429: Rate limit exceeded' });
    server.intercept(isCreate, { status: 503, body: JSON.stringify({ StatusCode: 503, Message: 'Service Unavailable' }) });
    expect(await connector.create(makeEscalation(), REQUEST, [])).toMatchObject({ kind: 'retry', maybeDelivered: true });
  });

  it('incidentIqMessage reads Message and each Errors entry, and falls back to the text', () => {
    const body = JSON.stringify({ StatusCode: 422, Message: 'Validation failed', Errors: [{ Field: 'Subject', Message: 'Subject cannot be empty' }, { Field: 'CategoryId', Message: 'Invalid category ID' }] });
    expect(incidentIqMessage(body)).toBe('Validation failed; Subject: Subject cannot be empty; CategoryId: Invalid category ID');
    expect(incidentIqMessage('<html>Bad gateway</html>')).toBe('<html>Bad gateway</html>');
  });
});

describe('Incident IQ connector: reconciling by the request-id custom field', () => {
  it('finds the ticket an interrupted attempt made and adds only the sealed notes it is missing', async () => {
    let comments = 0;
    server.intercept((r) => isComment(r) && ++comments === 2, { status: 503, body: JSON.stringify({ StatusCode: 503, Message: 'Service Unavailable' }) });
    const first = await connector.create(makeEscalation(), REQUEST, [NOTE, { label: 'Second', plaintext: 'second secret' }]);
    expect(first).toMatchObject({ kind: 'retry', maybeDelivered: true });
    expect(first.kind === 'retry' && first.reason).toContain('was created, but its sealed notes could not be added');

    const retry = await deliver(build(), makeEscalation(), REQUEST, [NOTE, { label: 'Second', plaintext: 'second secret' }], { maybeDelivered: true });
    const ticket = onlyTicket();
    expect(retry).toEqual({ kind: 'sent', remoteId: ticket.TicketId, url: `${server.url}/agent/tickets/${ticket.TicketId}` });
    expect(server.comments(ticket.TicketId).map((c) => c.ExternalId)).toEqual([`deskbook:${REQUEST}:sealed-note:1`, `deskbook:${REQUEST}:sealed-note:2`]);
    expect(posts(/\/tickets\/new$/)).toHaveLength(1);
  });

  it('with several tickets for one request id, the oldest is the one and the others are logged', async () => {
    const newer = server.seedTicket({ subject: 'newer', requestId: REQUEST, createdDate: '2026-03-02T15:10:00.000Z' });
    const older = server.seedTicket({ subject: 'older', requestId: REQUEST, createdDate: '2026-03-02T15:05:00.000Z' });
    server.seedTicket({ subject: 'another request', requestId: OTHER_REQUEST, createdDate: '2026-03-02T15:00:00.000Z' });
    expect(await connector.findByRequestId(REQUEST)).toEqual({ remoteId: older, url: `${server.url}/agent/tickets/${older}` });
    expect(logged).toContainEqual({ event: 'sync.incident-iq.duplicates', detail: { requestId: REQUEST, kept: older, others: newer } });
  });

  it('answers null only when the search positively finds none, and throws for a failed or unreadable search', async () => {
    server.seedTicket({ subject: 'another request', requestId: OTHER_REQUEST, createdDate: '2026-03-02T15:00:00.000Z' });
    expect(await connector.findByRequestId(REQUEST)).toBeNull();
    const isSearch = (r: { method: string; path: string }) => r.method === 'POST' && r.path === '/api/v1.0/tickets';
    server.intercept(isSearch, { status: 500, body: JSON.stringify({ StatusCode: 500, Message: 'An internal server error occurred.' }) });
    await expect(connector.findByRequestId(REQUEST)).rejects.toMatchObject({ outcome: { kind: 'retry', reason: 'HTTP 500: An internal server error occurred.' } });
    server.intercept(isSearch, { status: 200, contentType: 'text/html', body: '<html>Sign in</html>' });
    await expect(connector.findByRequestId(REQUEST)).rejects.toBeInstanceOf(ConnectorError);
  });

  it('confirms search results that leave out custom fields by re-reading them', async () => {
    const id = server.seedTicket({ subject: 'mine', requestId: REQUEST, createdDate: '2026-03-02T15:05:00.000Z' });
    server.setSearchListsCustomFields(false);
    expect(await connector.findByRequestId(REQUEST)).toMatchObject({ remoteId: id });
    expect(server.requests.some((r) => r.method === 'GET' && r.url === `/api/v1.0/tickets/${id}`)).toBe(true);
  });

  it('fails rather than guess when the search returns a ticket without the request id (the filter was not applied)', async () => {
    server.seedTicket({ subject: 'another request', requestId: OTHER_REQUEST, createdDate: '2026-03-02T15:00:00.000Z' });
    const unfiltered = server.tickets().map((t) => ({ ...t }));
    server.intercept((r) => r.method === 'POST' && r.path === '/api/v1.0/tickets', { status: 200, body: JSON.stringify({ Items: unfiltered, ItemCount: 1, StatusCode: 200 }) });
    await expect(connector.findByRequestId(REQUEST)).rejects.toMatchObject({ outcome: { kind: 'failed', message: expect.stringContaining('was not applied') as unknown } });
  });
});

describe('Incident IQ connector: notes and ids', () => {
  it('adds an internal note as a private comment', async () => {
    const outcome = await connector.create(makeEscalation(), REQUEST, []);
    if (outcome.kind !== 'sent') throw new Error(`not sent: ${outcome.kind}`);
    await connector.addInternalNote(outcome.remoteId, 'Called the parent back <at 3pm>.');
    expect(server.comments(outcome.remoteId)).toMatchObject([{ IsPublic: false, notified: false, Comments: 'Called the parent back &lt;at 3pm&gt;.' }]);
  });

  it('never puts an id from another system into a URL', async () => {
    const before = server.requests.length;
    const refused = { outcome: { kind: 'failed', message: expect.stringContaining('is not an Incident IQ ticket id') as unknown } };
    await expect(connector.addInternalNote('42', 'note')).rejects.toMatchObject(refused);
    await expect(connector.ensureSealedNotes({ remoteId: '../users/me', url: '' }, REQUEST, [NOTE])).rejects.toMatchObject(refused);
    await expect(connector.callLog!.close({ remoteId: 'INC0010001', url: '' })).rejects.toMatchObject(refused);
    expect(server.requests.length).toBe(before);
  });
});

describe('Incident IQ connector: logged calls', () => {
  const record = callLogFromRun({ runId: RUN_ID, packId: 'hac-support', doc: CALL_DOC, state: finishedRun('yes'), analyst: ANALYST, includeStudentData: false })!;

  it('files the call as a ticket closed as Resolved, found again by its request id', async () => {
    const outcome = await connector.callLog!.create(record, RUN_ID);
    const ticket = onlyTicket();
    expect(outcome).toEqual({ kind: 'sent', remoteId: ticket.TicketId, url: `${server.url}/agent/tickets/${ticket.TicketId}` });
    expect(ticket).toMatchObject({ IsClosed: true, CloseReasonTypeId: RESOLVED_CLOSE_REASON, IsUrgent: false, Subject: 'Call log · HAC parent login · resolved on the call' });
    expect(await connector.findByRequestId(RUN_ID)).toMatchObject({ remoteId: ticket.TicketId });
  });

  it('close() closes a ticket a retry found open, and leaves a closed one alone', async () => {
    const id = server.seedTicket({ subject: 'call', requestId: RUN_ID, createdDate: '2026-03-02T15:00:00.000Z' });
    await connector.callLog!.close({ remoteId: id, url: '' });
    expect(onlyTicket().IsClosed).toBe(true);
    await connector.callLog!.close({ remoteId: id, url: '' });
    expect(posts(/\/close$/)).toHaveLength(1);
  });
});

describe('Incident IQ connector: Test connection', () => {
  it('reports the API user and the request-id field when everything is in place', async () => {
    expect(await connector.probe({ warnings: true })).toEqual({
      ok: true,
      detail: `Incident IQ: signed in as Deskbook API on site ${server.siteId}; request ids go into ticket custom field 'Deskbook Request ID'`,
    });
  });

  it('a token Incident IQ does not accept is unauthorized', async () => {
    const report = await build({ token: () => Promise.resolve('not-a-token') }).probe();
    expect(report).toMatchObject({ ok: false, problem: 'unauthorized', status: 401 });
    expect(!report.ok && report.message).toContain('Invalid or expired token');
  });

  it('a wrong Site ID is unauthorized, in words that name the Site ID', async () => {
    const wrongSite = '2f1c0a4e-5b7d-4c3e-9a1f-0d2e3f4a5b6c';
    const report = await build({ siteId: wrongSite }).probe();
    expect(report).toMatchObject({ ok: false, problem: 'unauthorized' });
    expect(!report.ok && report.message).toContain(`for Site ID ${wrongSite}`);
    expect(!report.ok && report.message).toContain('Administration > Developer Tools');
  });

  it('a request-id field tickets do not have is missing-custom-field, naming it', async () => {
    const missing = '7e57c0de-0000-4000-8000-00000000beef';
    const report = await build({ requestIdField: missing }).probe();
    expect(report).toMatchObject({ ok: false, problem: 'missing-custom-field', missing: [missing] });
    expect(!report.ok && report.message).toContain(`no ticket custom field ${missing}`);
  });

  it('an API user that may not search tickets is forbidden, saying why it matters', async () => {
    const limited = server.addAccount('Limited API', ['customfields.read', 'tickets.create']);
    const report = await build({ token: () => Promise.resolve(limited.token) }).probe();
    expect(report).toMatchObject({ ok: false, problem: 'forbidden', status: 403 });
    expect(!report.ok && report.message).toContain('may not search tickets');
  });

  it('an address that answers the web app instead of the API is an unexpected response, and a closed port is refused', async () => {
    const page = await build({ url: `${server.url}/portal` }).probe();
    expect(page).toMatchObject({ ok: false, problem: 'unexpected-response' });
    expect(!page.ok && page.message).toContain('not JSON');
    const port = await closedPort();
    expect(await build({ url: `http://127.0.0.1:${port}` }).probe()).toMatchObject({ ok: false, problem: 'refused' });
  });
});
