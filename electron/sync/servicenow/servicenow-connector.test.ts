import { afterEach, describe, expect, it } from 'vitest';
import type { CallLogRecord } from '../../../shared/call-log/schema';
import { CANARY_PASSWORD, makeEscalation } from '../../../tests/support/escalation-fixture';
import { closedPort } from '../../../tests/support/loopback-server';
import { serviceNowErrorBody, startServiceNowServer } from '../../../tests/support/servicenow-server';
import type { ServiceNowServer, ServiceNowServerOptions } from '../../../tests/support/servicenow-server';
import type { Connector, SealedNote } from '../connector';
import { callLogJob } from '../call-log-job';
import { createDeliverOnce, deliver } from '../deliver-once';
import { createLogger } from '../../../shared/log';
import { ConnectorError } from '../outcome';
import { createServiceNowConnector } from './sn-connector';
import type { ServiceNowConnectorOptions } from './sn-context';
import { sealedNoteMarker, sealedNotesWorkNote, shortDescription } from './sn-render';
import { serviceNowMessage } from './sn-api';

const REQUEST = '5f0b7a52-1c1e-4d7e-9a55-0c6a9d3f2b11';
const OTHER_REQUEST = '9d2c4e1a-7b3f-4c8d-8e6a-1f2b3c4d5e6f';
const GROUP = 'Tier 2 Support';
const NOTE: SealedNote = { label: 'Parent HAC password', plaintext: CANARY_PASSWORD };

let server: ServiceNowServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(options: ServiceNowServerOptions = {}): Promise<ServiceNowServer> {
  server = await startServiceNowServer({ groups: [{ name: GROUP }], ...options });
  return server;
}

function connect(s: ServiceNowServer, extra: Partial<ServiceNowConnectorOptions> = {}, events: string[] = []): Connector {
  return createServiceNowConnector({
    fetch: globalThis.fetch,
    url: s.url,
    auth: 'basic',
    username: s.username,
    group: GROUP,
    token: () => Promise.resolve(s.password),
    log: (event, detail) => events.push(`${event} ${JSON.stringify(detail ?? {})}`),
    ...extra,
  });
}

const isIncidentPost = (r: { method: string; path: string }) => r.method === 'POST' && r.path === '/api/now/table/incident';
const workNotes = (s: ServiceNowServer, sysId: string) => s.journal(sysId).filter((j) => j.element === 'work_notes').map((j) => j.value);

function callLog(overrides: Partial<CallLogRecord> = {}): CallLogRecord {
  return {
    version: 1,
    runId: REQUEST,
    sop: { id: 'hac-login', version: '3', title: 'HAC login', packId: 'hac-support' },
    path: [{ nodeId: 'identify-caller', title: 'Identify the caller' }],
    outcome: { type: 'resolved', nodeId: 'reset-done', title: 'Password reset', summary: 'Reset the HAC password; the parent signed in.' },
    startedAt: '2026-03-02T15:00:00.000Z',
    finishedAt: '2026-03-02T15:04:00.000Z',
    durationSeconds: 240,
    analyst: { id: 'analyst-7', name: 'Dana Analyst' },
    ...overrides,
  };
}

describe('creating an incident', () => {
  it('carries the request id as correlation_id, "Deskbook" as correlation_display, impact and urgency, and the group', async () => {
    const s = await start();
    const outcome = await connect(s).create(makeEscalation({ priority: 'high' }), REQUEST, []);
    const [incident] = s.incidents();
    expect(outcome).toEqual({ kind: 'sent', remoteId: incident!.sys_id, url: `${s.url}/nav_to.do?uri=%2Fincident.do%3Fsys_id%3D${incident!.sys_id}` });
    expect(incident).toMatchObject({
      correlation_id: REQUEST,
      correlation_display: 'Deskbook',
      short_description: 'HAC login fails after password reset',
      impact: '2',
      urgency: '1',
      priority: '2',
      contact_type: 'phone',
      assignment_group: s.groups()[0]!.sys_id,
      number: 'INC0010001',
    });
    expect(incident!.description).toContain(`Request ID: ${REQUEST}`);
  });

  it('cuts a subject past 160 characters at a word and keeps it whole in the description', async () => {
    const s = await start();
    const subject = `${'Gradebook sync stalls for every section '.repeat(5)}at Lincoln`;
    await connect(s).create(makeEscalation({ subject }), REQUEST, []);
    const [incident] = s.incidents();
    const cut = incident!.short_description!;
    expect(cut.length).toBeLessThanOrEqual(160);
    expect(cut.endsWith('…')).toBe(true);
    // Cut between words: what is kept is the subject's start, and a space came next.
    const kept = cut.slice(0, -1);
    expect(subject.startsWith(kept)).toBe(true);
    expect(subject[kept.length]).toBe(' ');
    expect(incident!.description).toContain(`Subject: ${subject.trim()}`);
  });

  it('puts sealed notes only in work notes: the canary is never in the subject, description, comments or logs', async () => {
    const s = await start();
    const events: string[] = [];
    const outcome = await deliver(connect(s, {}, events), makeEscalation(), REQUEST, [NOTE], { maybeDelivered: false });
    expect(outcome.kind).toBe('sent');
    const [incident] = s.incidents();
    const notes = workNotes(s, incident!.sys_id!);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toContain(`${sealedNoteMarker(REQUEST, 0, 1)} Parent HAC password\n${CANARY_PASSWORD}`);
    expect(incident!.short_description).not.toContain(CANARY_PASSWORD);
    expect(incident!.description).not.toContain(CANARY_PASSWORD);
    expect(s.journal(incident!.sys_id!).filter((j) => j.element === 'comments')).toEqual([]);
    expect(events.join('\n')).not.toContain(CANARY_PASSWORD);
    // On the wire, the canary travels in the work_notes field and nowhere else.
    for (const req of s.requests.filter((r) => r.body.includes(CANARY_PASSWORD))) {
      const { work_notes: _notes, ...rest } = JSON.parse(req.body) as Record<string, string>;
      expect(JSON.stringify(rest)).not.toContain(CANARY_PASSWORD);
    }
  });

  it('is a failure, not a success, when the instance clears correlation_id (a retry could not find it)', async () => {
    const s = await start();
    s.answerNext(isIncidentPost, { status: 201, apply: true, body: JSON.stringify({ result: { sys_id: 'a'.repeat(32), number: 'INC0010001', correlation_id: '' } }) });
    const outcome = await connect(s).create(makeEscalation(), REQUEST, []);
    expect(outcome).toMatchObject({ kind: 'failed', message: expect.stringContaining('correlation_id did not keep') as unknown });
  });
});

describe('answers that break the contract are never "sent"', () => {
  it.each([
    ['a 201 without a sys_id', { status: 201, body: JSON.stringify({ result: { number: 'INC0010001' } }) }, 'without the new incident'],
    ['a 200 web page (a hibernating instance)', { status: 200, body: '<html><head><title>Instance Hibernating page</title></head></html>', contentType: 'text/html' }, 'hibernating'],
    ['a 200 that says "failure"', { status: 200, body: serviceNowErrorBody('Operation Failed', 'Error during insert of incident') }, 'Operation Failed: Error during insert of incident'],
    ['a 201 that is not JSON', { status: 201, body: 'OK' }, 'not JSON'],
  ])('%s is a retry that may have delivered', async (_name, answer, words) => {
    const s = await start();
    s.answerNext(isIncidentPost, { ...answer, apply: true });
    const outcome = await connect(s).create(makeEscalation(), REQUEST, [NOTE]);
    expect(outcome).toMatchObject({ kind: 'retry', maybeDelivered: true, reason: expect.stringContaining(words) as unknown });
  });

  it('the retry that follows finds the incident the broken answer hid, and sends nothing twice', async () => {
    const s = await start();
    const connector = connect(s);
    s.answerNext(isIncidentPost, { status: 201, apply: true, body: JSON.stringify({ result: {} }) });
    const first = await deliver(connector, makeEscalation(), REQUEST, [NOTE], { maybeDelivered: false });
    expect(first).toMatchObject({ kind: 'retry', maybeDelivered: true });
    const second = await deliver(connector, makeEscalation(), REQUEST, [NOTE], { maybeDelivered: true });
    const incidents = s.incidents();
    expect(incidents).toHaveLength(1);
    expect(second).toMatchObject({ kind: 'sent', remoteId: incidents[0]!.sys_id });
    // The create carried the note; the reconcile read it back and did not add it again.
    expect(workNotes(s, incidents[0]!.sys_id!)).toHaveLength(1);
  });
});

describe('HTTP failures', () => {
  it('a wrong password is a sign-in pause (auth 401)', async () => {
    const s = await start();
    const outcome = await connect(s, { token: () => Promise.resolve('wrong') }).create(makeEscalation(), REQUEST, []);
    expect(outcome).toMatchObject({ kind: 'auth', status: 401, message: expect.stringContaining('User Not Authenticated') as unknown });
  });

  it('an ACL refusal is auth 403; a data policy refusal is failed with ServiceNow\u2019s words', async () => {
    const refused = await start({ canCreate: false });
    expect(await connect(refused).create(makeEscalation(), REQUEST, [])).toMatchObject({ kind: 'auth', status: 403 });
    await refused.close();
    const s = await start();
    const outcome = await connect(s, { closeCodes: { resolved: '', referred: '' } }).callLog!.create(callLog(), REQUEST);
    expect(outcome).toMatchObject({ kind: 'failed', status: 403, message: expect.stringContaining('Data Policy Exception') as unknown });
    expect(s.incidents()).toEqual([]);
  });

  it.each([400, 404, 422])('%i is failed with the error message and detail', async (status) => {
    const s = await start();
    s.answerNext(isIncidentPost, { status, body: serviceNowErrorBody('Invalid value', 'urgency must be 1, 2 or 3') });
    expect(await connect(s).create(makeEscalation(), REQUEST, [])).toEqual({ kind: 'failed', status, message: `HTTP ${status}: Invalid value: urgency must be 1, 2 or 3` });
  });

  it('a rate-limited request is retried after Retry-After, and a 5xx on create may have delivered', async () => {
    const s = await start({ rateLimit: { requests: 1, windowMs: 60_000, retryAfterSeconds: 7 } });
    const connector = connect(s, { group: '' });
    expect((await connector.create(makeEscalation(), REQUEST, [])).kind).toBe('sent');
    expect(await connector.create(makeEscalation(), OTHER_REQUEST, [])).toMatchObject({ kind: 'retry', retryAfterMs: 7000, maybeDelivered: false });
    await s.close();
    const t = await start();
    t.answerNext(isIncidentPost, { status: 503, body: serviceNowErrorBody('Service Unavailable') });
    expect(await connect(t).create(makeEscalation(), REQUEST, [])).toMatchObject({ kind: 'retry', maybeDelivered: true });
  });

  it('a group given by sys_id is checked, then used as is', async () => {
    const s = await start();
    const sysId = s.groups()[0]!.sys_id!;
    expect((await connect(s, { group: sysId }).create(makeEscalation(), REQUEST, [])).kind).toBe('sent');
    expect(s.incidents()[0]!.assignment_group).toBe(sysId);
    const missing = await connect(s, { group: 'd'.repeat(32) }).create(makeEscalation(), OTHER_REQUEST, []);
    expect(missing).toMatchObject({ kind: 'failed', message: expect.stringContaining(`no group has sys_id ${'d'.repeat(32)}`) as unknown });
    expect(s.incidents()).toHaveLength(1);
  });

  it('a redirect to the wake-up page of a hibernating instance is a retry, any other redirect is not followed', async () => {
    const s = await start();
    s.answerNext(isIncidentPost, { status: 302, body: '', headers: { Location: 'https://developer.servicenow.com/dev.do#!/home?wu=true' } });
    expect(await connect(s).create(makeEscalation(), REQUEST, [])).toMatchObject({ kind: 'retry', maybeDelivered: false, reason: expect.stringContaining('hibernating') as unknown });
    s.answerNext(isIncidentPost, { status: 302, body: '', headers: { Location: 'https://sso.district.example/login' } });
    expect(await connect(s).create(makeEscalation(), REQUEST, [])).toMatchObject({ kind: 'failed', status: 302 });
    expect(s.incidents()).toEqual([]);
  });

  it('a missing assignment group fails before anything is created', async () => {
    const s = await start();
    const outcome = await connect(s, { group: 'Tier 3 Nobody' }).create(makeEscalation(), REQUEST, [NOTE]);
    expect(outcome).toMatchObject({ kind: 'failed', message: expect.stringContaining("no group named 'Tier 3 Nobody'") as unknown });
    expect(s.requests.filter((r) => r.method === 'POST')).toEqual([]);
  });
});

describe('finding an incident by request id', () => {
  it('keeps the oldest by sys_created_on when several carry the id, and logs the others', async () => {
    const s = await start();
    const newer = s.seedIncident({ correlation_id: REQUEST, sys_created_on: '2026-03-02 10:00:00' });
    const older = s.seedIncident({ correlation_id: REQUEST, sys_created_on: '2026-03-01 09:00:00' });
    s.seedIncident({ correlation_id: OTHER_REQUEST, sys_created_on: '2026-02-01 09:00:00' });
    const events: string[] = [];
    const found = await connect(s, {}, events).findByRequestId(REQUEST);
    expect(found?.remoteId).toBe(older.sys_id);
    expect(events.find((e) => e.startsWith('sync.servicenow.duplicate-incidents'))).toContain(newer.number);
  });

  it('is null only when ServiceNow positively lists none', async () => {
    const s = await start();
    const connector = connect(s);
    expect(await connector.findByRequestId(REQUEST)).toBeNull();
    s.hibernate(true);
    await expect(connector.findByRequestId(REQUEST)).rejects.toBeInstanceOf(ConnectorError);
  });

  it('does not trust a search the instance did not apply (rows without the id)', async () => {
    const s = await start();
    s.seedIncident({ correlation_id: '' });
    s.answerNext((r) => r.method === 'GET' && r.path === '/api/now/table/incident', { status: 200, body: JSON.stringify({ result: [{ sys_id: 'b'.repeat(32), correlation_id: '' }] }) });
    await expect(connect(s).findByRequestId(REQUEST)).rejects.toMatchObject({ outcome: { kind: 'failed' } });
  });
});

describe('sealed notes and internal notes on an existing incident', () => {
  it('ensureSealedNotes adds only the notes missing from the work notes', async () => {
    const s = await start();
    const notes: SealedNote[] = [NOTE, { label: 'Student portal PIN', plaintext: '4417-canary' }];
    const incident = s.seedIncident({ correlation_id: REQUEST });
    s.addJournal(incident.sys_id!, 'work_notes', sealedNotesWorkNote(REQUEST, [{ note: notes[0]!, index: 0 }], 2), s.username);
    const connector = connect(s);
    const remote = (await connector.findByRequestId(REQUEST))!;
    await connector.ensureSealedNotes(remote, REQUEST, notes);
    const after = workNotes(s, incident.sys_id!);
    expect(after).toHaveLength(2);
    expect(after[1]).toContain(sealedNoteMarker(REQUEST, 1, 2));
    expect(after[1]).not.toContain(CANARY_PASSWORD);
    await connector.ensureSealedNotes(remote, REQUEST, notes);
    expect(workNotes(s, incident.sys_id!)).toHaveLength(2);
  });

  it('finds notes through the incident when an ACL hides sys_journal_field, and does not add them again', async () => {
    const s = await start({ journalReadable: false });
    const connector = connect(s);
    expect((await connector.create(makeEscalation(), REQUEST, [NOTE])).kind).toBe('sent');
    const remote = (await connector.findByRequestId(REQUEST))!;
    await connector.ensureSealedNotes(remote, REQUEST, [NOTE]);
    expect(workNotes(s, remote.remoteId)).toHaveLength(1);
  });

  it('reports a sealed note the instance dropped instead of calling the incident delivered', async () => {
    const s = await start();
    const hideJournal = (r: { method: string; path: string }) => r.method === 'GET' && r.path.startsWith('/api/now/table/sys_journal_field');
    const hideDisplayed = (r: { method: string; path: string }) => r.method === 'GET' && /^\/api\/now\/table\/incident\/[0-9a-f]{32}$/.test(r.path);
    for (let i = 0; i < 2; i++) {
      s.answerNext(hideJournal, { status: 200, body: JSON.stringify({ result: [] }) });
      s.answerNext(hideDisplayed, { status: 200, body: JSON.stringify({ result: { work_notes: '' } }) });
    }
    const outcome = await connect(s).create(makeEscalation(), REQUEST, [NOTE]);
    expect(outcome).toMatchObject({ kind: 'failed', message: expect.stringMatching(/INC0010001 was created: 1 sealed note\(s\) did not appear/) as unknown });
  });

  it('addInternalNote writes a work note, never a comment', async () => {
    const s = await start();
    const incident = s.seedIncident({});
    await connect(s).addInternalNote(incident.sys_id!, 'Supervisor approved the vendor case.');
    expect(s.journal(incident.sys_id!).map((j) => [j.element, j.value])).toEqual([['work_notes', 'Supervisor approved the vendor case.']]);
    expect(s.incidents()[0]!.sys_mod_count).toBe('1');
  });

  it('refuses an id that is not a sys_id before sending anything', async () => {
    const s = await start();
    const connector = connect(s);
    await expect(connector.addInternalNote('42', 'x')).rejects.toMatchObject({ outcome: { kind: 'failed', message: expect.stringContaining('not a ServiceNow sys_id') as unknown } });
    await expect(connector.ensureSealedNotes({ remoteId: 'INC0010001', url: '' }, REQUEST, [NOTE])).rejects.toBeInstanceOf(ConnectorError);
    await expect(connector.callLog!.close({ remoteId: '../sys_user', url: '' })).rejects.toBeInstanceOf(ConnectorError);
    expect(s.requests).toEqual([]);
  });
});

describe('sign-in headers', () => {
  it('basic sends base64(user:password); oauth sends the access token as Bearer', async () => {
    const s = await start();
    await connect(s, { group: '' }).create(makeEscalation(), REQUEST, []);
    expect(s.requests[0]!.headers.authorization).toBe(`Basic ${Buffer.from(`${s.username}:${s.password}`).toString('base64')}`);
    const oauth = connect(s, { auth: 'oauth', username: '', group: '', token: () => Promise.resolve(s.bearerToken) });
    expect((await oauth.create(makeEscalation(), OTHER_REQUEST, [])).kind).toBe('sent');
    expect(s.requests.at(-1)!.headers.authorization).toBe(`Bearer ${s.bearerToken}`);
    expect(await connect(s, { auth: 'oauth', token: () => Promise.resolve('') }).create(makeEscalation(), REQUEST, [])).toMatchObject({ kind: 'auth' });
  });
});

describe('probe', () => {
  it('names the group when everything works', async () => {
    const s = await start();
    expect(await connect(s).probe()).toMatchObject({ ok: true, detail: expect.stringContaining(`assignment group '${GROUP}'`) as unknown });
  });

  it('says which problem stops it: wrong password, missing group, hibernating instance, no role, nothing listening', async () => {
    const s = await start();
    expect(await connect(s, { token: () => Promise.resolve('wrong') }).probe()).toMatchObject({ ok: false, problem: 'unauthorized', status: 401, message: expect.stringContaining(`user '${s.username}'`) as unknown });
    expect(await connect(s, { auth: 'oauth', token: () => Promise.resolve('expired') }).probe()).toMatchObject({ ok: false, problem: 'unauthorized', message: expect.stringContaining('OAuth access token') as unknown });
    expect(await connect(s, { group: 'Tier 3' }).probe()).toMatchObject({ ok: false, problem: 'unknown-queue', message: expect.stringContaining("'Tier 3'") as unknown });
    expect(await connect(s, { group: 'c'.repeat(32) }).probe()).toMatchObject({ ok: false, problem: 'unknown-queue' });
    s.answerNext(() => true, { status: 403, body: serviceNowErrorBody('Operation Failed', 'ACL Exception Read Failed due to security constraints') });
    expect(await connect(s).probe()).toMatchObject({ ok: false, problem: 'forbidden', message: expect.stringContaining('itil') as unknown });
    s.hibernate(true);
    expect(await connect(s).probe()).toMatchObject({ ok: false, problem: 'unexpected-response', message: expect.stringContaining('hibernating') as unknown });
    const port = await closedPort();
    expect(await connect(s, { url: `http://127.0.0.1:${port}` }).probe()).toMatchObject({ ok: false, problem: 'refused' });
  });
});

describe('logged calls', () => {
  it('are created resolved, with close_code and close_notes, and found again by request id', async () => {
    const s = await start();
    const connector = connect(s);
    const outcome = await connector.callLog!.create(callLog(), REQUEST);
    const [incident] = s.incidents();
    expect(outcome).toMatchObject({ kind: 'sent', remoteId: incident!.sys_id });
    expect(incident).toMatchObject({ state: '6', close_code: 'Solution provided', active: 'false', correlation_id: REQUEST });
    expect(incident!.close_notes).toContain('Reset the HAC password');
    expect(s.requests.filter((r) => r.method === 'PUT')).toEqual([]);
    expect((await connector.findByRequestId(REQUEST))?.remoteId).toBe(incident!.sys_id);
  });

  it('a logged call whose create answer was lost is found and left resolved by the retry, never created twice', async () => {
    const s = await start();
    const connector = connect(s);
    const run = createDeliverOnce({ connector: () => Promise.resolve(connector), openNote: () => Promise.reject(new Error('no notes')), markDelivered: () => Promise.resolve(), log: createLogger('test', () => undefined) });
    s.answerNext(isIncidentPost, { status: 502, apply: true, body: '<html><title>Bad Gateway</title></html>', contentType: 'text/html' });
    const first = await run(callLogJob(callLog(), REQUEST, false));
    expect(first).toMatchObject({ kind: 'retry', maybeDelivered: true, reason: expect.stringContaining('a web page titled "Bad Gateway"') as unknown });
    const second = await run(callLogJob(callLog(), REQUEST, true));
    expect(second).toMatchObject({ kind: 'sent', remoteId: s.incidents()[0]!.sys_id });
    expect(s.incidents()).toHaveLength(1);
    expect(s.incidents()[0]!.state).toBe('6');
  });

  it('close resolves an incident a retry found still open, and leaves a resolved one alone', async () => {
    const s = await start();
    const open = s.seedIncident({ correlation_id: REQUEST, state: '2' });
    const connector = connect(s);
    await connector.callLog!.close({ remoteId: open.sys_id!, url: '' });
    expect(s.incidents()[0]).toMatchObject({ state: '6', close_code: 'Solution provided' });
    const count = s.incidents()[0]!.sys_mod_count;
    await connector.callLog!.close({ remoteId: open.sys_id!, url: '' });
    expect(s.incidents()[0]!.sys_mod_count).toBe(count);
  });
});

describe('pure helpers', () => {
  it('serviceNowMessage joins message and detail, and names a page by its title', () => {
    expect(serviceNowMessage(serviceNowErrorBody('No Record found', "Record doesn't exist"))).toBe("No Record found: Record doesn't exist");
    expect(serviceNowMessage('<html><title>Log in | ServiceNow</title><body>…</body></html>')).toBe('a web page titled "Log in | ServiceNow"');
  });

  it('shortDescription leaves short subjects alone and cuts a long word where it stands', () => {
    expect(shortDescription('  Printer\n jams  ')).toEqual({ text: 'Printer jams', cut: false });
    const long = shortDescription('x'.repeat(300));
    expect(long.cut).toBe(true);
    expect(long.text).toHaveLength(160);
  });
});
