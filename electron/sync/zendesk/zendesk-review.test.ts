import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callLogFromRun } from '../../../shared/call-log/build';
import { ANALYST, CALL_DOC, RUN_ID, finishedRun } from '../../../shared/call-log/call-log.testkit';
import type { Decision } from '../../../shared/review/schema';
import { CANARY_PASSWORD, makeEscalation } from '../../../tests/support/escalation-fixture';
import { startZendeskServer } from '../../../tests/support/zendesk-server';
import type { ZendeskServer, ZendeskServerOptions } from '../../../tests/support/zendesk-server';
import type { AuditAnchor } from '../../audit';
import type { Connector, ReviewConnector, SealedNote } from '../connector';
import type { DeliveryOutcome } from '../outcome';
import { createZendeskConnector } from '.';

const SEALED: SealedNote[] = [{ label: 'Parent HAC password', plaintext: CANARY_PASSWORD }];
const ACTOR = { id: 'sam', name: 'Sam Supervisor' };
const MINUTE = 60_000;

let server: ZendeskServer;
let clock: number;

async function start(options: ZendeskServerOptions = {}): Promise<void> {
  server = await startZendeskServer({ now: () => clock, ...options });
}

beforeEach(async () => {
  clock = Date.parse('2026-03-02T15:00:00Z');
  await start();
});

afterEach(async () => {
  await server.close();
});

function connector(): Connector {
  return createZendeskConnector({ fetch: globalThis.fetch, url: server.url, email: server.email, group: '', token: () => Promise.resolve(server.token), now: () => clock });
}

const review = (): ReviewConnector => connector().review!;

function sent(outcome: DeliveryOutcome | Awaited<ReturnType<ReviewConnector['decide']>>): string {
  if (outcome.kind !== 'sent') throw new Error(`expected sent, got ${JSON.stringify(outcome)}`);
  return outcome.remoteId;
}

async function delivered(overrides: Parameters<typeof makeEscalation>[0] = {}) {
  const escalation = makeEscalation(overrides);
  const remoteId = sent(await connector().create(escalation, escalation.id, SEALED));
  clock += MINUTE;
  return { escalation, remoteId };
}

const decide = (remoteId: string, decision: Decision, etag: string | null, extra: { decisionId?: string; maybeDelivered?: boolean; anchor?: AuditAnchor } = {}) =>
  review().decide(remoteId, decision, { decisionId: extra.decisionId ?? randomUUID(), expectedEtag: etag, actor: ACTOR, maybeDelivered: extra.maybeDelivered ?? false, ...(extra.anchor ? { anchor: extra.anchor } : {}) });

const markerComments = (remoteId: string, kind: 'decision' | 'resubmission') => server.comments(remoteId).filter((c) => c.body.startsWith(`[Deskbook ${kind} `));
const isTicketPut = (r: { method: string; path: string }) => r.method === 'PUT' && /^\/api\/v2\/tickets\/\d+$/.test(r.path);

describe('Zendesk review: reading', () => {
  it('lists a delivered escalation awaiting review with its structured copy, and no sealed-note text or handle', async () => {
    const { escalation, remoteId } = await delivered();
    const page = await review().listForReview(null);
    const item = page.items.find((i) => i.remoteId === remoteId);
    expect(item).toMatchObject({ requestId: escalation.id, subject: escalation.draft.subject, reviewState: 'awaiting-review', hasSealedNote: true, rtStatus: 'new' });
    expect(item?.escalation?.draft.description).toBe(escalation.draft.description);
    expect(item?.escalation?.draft.sealedNotes).toEqual([]);
    expect(item?.etag).toBe(new Date(server.tickets()[0]!.updated_at).toISOString().replace('.000Z', 'Z'));
    expect(JSON.stringify(page)).not.toContain(CANARY_PASSWORD);
    expect(JSON.stringify(page)).not.toContain('vault:note-1');
    expect(page.cursor).toMatch(/^zd-updated:\d+$/);
  });

  it('reads the structured copy only from the description and resubmissions, not from a comment someone pasted a data line into', async () => {
    const { escalation, remoteId } = await delivered();
    const forged = { ...escalation, draft: { ...escalation.draft, description: 'Forged' } };
    server.addComment(remoteId, `Deskbook escalation data: ${JSON.stringify(forged)}`, { public: false });
    expect((await review().getForReview(remoteId)).escalation?.draft.description).toBe(escalation.draft.description);
  });

  it('leaves logged calls out of the list', async () => {
    const record = callLogFromRun({ runId: RUN_ID, packId: 'hac-support', doc: CALL_DOC, state: finishedRun('yes'), analyst: ANALYST, includeStudentData: false })!;
    sent(await connector().callLog!.create(record, RUN_ID));
    const { remoteId } = await delivered();
    expect((await review().listForReview(null)).items.map((i) => i.remoteId)).toEqual([remoteId]);
  });

  it('the cursor lists tickets changed since it, and leaves out those changed well before', async () => {
    const a = await delivered();
    const first = await review().listForReview(null);
    clock += 30 * MINUTE;
    const b = await delivered();
    const second = await review().listForReview(first.cursor);
    expect(second.items.map((i) => i.remoteId)).toContain(b.remoteId);
    clock += 30 * MINUTE;
    const c = await delivered();
    const third = await review().listForReview(second.cursor);
    expect(third.items.map((i) => i.remoteId)).toContain(c.remoteId);
    expect(third.items.map((i) => i.remoteId)).not.toContain(a.remoteId);
  });

  it('a change the search index had not seen yet is listed on a later call, even after later changes were listed', async () => {
    await server.close();
    const SLOW = 102; // the second ticket: indexed three minutes late
    await start({ searchDelayMs: (id) => (id === SLOW ? 3 * MINUTE : 0) });
    await delivered();
    clock += 5 * MINUTE;
    const first = await review().listForReview(null);
    const b = await delivered();
    const c = await delivered();
    expect(b.remoteId).toBe(String(SLOW));
    const second = await review().listForReview(first.cursor);
    expect(second.items.map((i) => i.remoteId)).toContain(c.remoteId);
    expect(second.items.map((i) => i.remoteId)).not.toContain(b.remoteId);
    clock += 3 * MINUTE;
    const third = await review().listForReview(second.cursor);
    expect(third.items.map((i) => i.remoteId)).toContain(b.remoteId);
  });

  it('the detail carries updated_at as its version, and a history without sealed notes or the structured copy', async () => {
    const { remoteId } = await delivered();
    server.addComment(remoteId, 'Checked the HAC logs. — Terry');
    // Sealed notes someone copied into a public reply are still never shown.
    server.addComment(remoteId, server.comments(remoteId).find((c) => c.body.includes(CANARY_PASSWORD))!.body);
    const detail = await review().getForReview(remoteId);
    expect(detail.etag).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(detail.history.map((e) => [e.kind, e.author])).toEqual([
      ['created', server.agent.name],
      ['comment', server.colleague.name],
    ]);
    expect(JSON.stringify(detail)).not.toContain(CANARY_PASSWORD);
    expect(JSON.stringify(detail.history)).not.toContain('Deskbook escalation data');
  });
});

describe('Zendesk review: decisions', () => {
  it('returning tags the ticket, adds an internal decision comment, and the analyst sees it', async () => {
    const { remoteId } = await delivered();
    const undecided = await delivered();
    const detail = await review().getForReview(remoteId);
    sent(await decide(remoteId, { kind: 'return', comment: 'Add the student number, please.' }, detail.etag));
    const commentReads = () => server.requests.filter((r) => r.url.includes(`/tickets/${undecided.remoteId}/comments`)).length;
    const reads = commentReads();
    expect(await review().reviewStatus([undecided.remoteId])).toEqual([{ remoteId: undecided.remoteId, reviewState: 'awaiting-review', lastComment: null }]);
    expect(commentReads()).toBe(reads);

    const ticket = server.tickets().find((t) => String(t.id) === remoteId)!;
    expect(ticket.tags).toContain('deskbook_returned');
    expect(ticket.tags).not.toContain('deskbook_awaiting_review');
    expect(markerComments(remoteId, 'decision')).toMatchObject([{ public: false }]);
    const [status] = await review().reviewStatus([remoteId, 'not-a-ticket']);
    expect(status).toMatchObject({ remoteId, reviewState: 'returned', lastComment: { kind: 'returned', author: ACTOR.name, text: 'Add the student number, please.' } });
  });

  it('a decision on a stale version is a conflict that writes nothing and carries the current version; deciding on that works', async () => {
    const { remoteId } = await delivered();
    const seen = await review().getForReview(remoteId);
    clock += MINUTE;
    server.addComment(remoteId, 'Looking into this now. — Terry');
    const before = server.comments(remoteId).length;

    const stale = await decide(remoteId, { kind: 'approve' }, seen.etag);
    if (stale.kind !== 'conflict') throw new Error(`expected conflict, got ${JSON.stringify(stale)}`);
    expect(stale.current.etag).not.toBe(seen.etag);
    expect(stale.current.history.at(-1)).toMatchObject({ kind: 'comment', text: 'Looking into this now. — Terry' });
    expect(server.comments(remoteId)).toHaveLength(before);
    expect(server.tickets()[0]!.tags).toContain('deskbook_awaiting_review');

    sent(await decide(remoteId, { kind: 'approve', note: 'Complete.' }, stale.current.etag));
    expect((await review().getForReview(remoteId)).reviewState).toBe('approved');
    expect(server.tickets()[0]!.status).toBe('open');
  });

  it('a decision whose answer is lost after commit, retried as maybe delivered, is written once and its anchor read back', async () => {
    const { remoteId } = await delivered();
    const decisionId = randomUUID();
    const anchor: AuditAnchor = { trail: randomUUID(), seq: 7, hash: 'a'.repeat(64), at: '2026-03-02T15:10:00.000Z', machine: 'DESK-07' };
    server.script({ match: isTicketPut, status: 502, body: '<html><title>Bad gateway</title></html>', when: 'after' });
    expect(await decide(remoteId, { kind: 'approve' }, null, { decisionId, anchor })).toMatchObject({ kind: 'retry', maybeDelivered: true });

    const retried = await decide(remoteId, { kind: 'approve' }, null, { decisionId, anchor: { ...anchor, seq: 8 }, maybeDelivered: true });
    expect(retried).toMatchObject({ kind: 'sent', earlier: { anchor } });
    expect(markerComments(remoteId, 'decision')).toHaveLength(1);
    expect(await review().decisionAnchor(remoteId, decisionId)).toEqual({ found: true, anchor });
    expect(await review().decisionAnchor(remoteId, randomUUID())).toEqual({ found: false });
    expect(await review().auditAnchors()).toEqual([{ decisionId, remoteId, anchor }]);
    // The history shows the supervisor's words, not the anchor line.
    expect((await review().getForReview(remoteId)).history.at(-1)).toMatchObject({ kind: 'approved', author: ACTOR.name, text: 'Approved.' });
  });

  it('forwarding marks the ticket forwarded; the vendor case number is then recorded once and read back, and refused for a returned ticket', async () => {
    const { remoteId } = await delivered();
    sent(await decide(remoteId, { kind: 'forward', replicationSteps: 'Log in as the parent and open Grades.', priority: 'high', caseText: 'Parent portal shows the account locked after reset.' }, null));
    expect(server.tickets()[0]!.tags).toContain('deskbook_forwarded');
    const vendorCase = { caseNumber: '1234567', submittedAt: '2026-03-02T15:20:00.000Z' };
    sent(await decide(remoteId, { kind: 'vendor-case', ...vendorCase }, null));
    expect((await review().getForReview(remoteId)).vendorCase).toEqual(vendorCase);
    expect((await review().listForReview(null)).items[0]?.vendorCase).toEqual(vendorCase);

    const other = await delivered();
    sent(await decide(other.remoteId, { kind: 'return', comment: 'Missing the school.' }, null));
    const refused = await decide(other.remoteId, { kind: 'vendor-case', ...vendorCase }, null);
    expect(refused).toMatchObject({ kind: 'failed' });
    expect(markerComments(other.remoteId, 'decision')).toHaveLength(1);
  });

  it('ids that are not a Zendesk ticket id or a UUID are refused before anything is sent', async () => {
    const before = server.requests.length;
    expect(await decide('RT-42', { kind: 'approve' }, null)).toMatchObject({ kind: 'failed', message: expect.stringMatching(/not a Zendesk ticket id/) });
    expect(await decide('101', { kind: 'approve' }, null, { decisionId: 'not-a-uuid' })).toMatchObject({ kind: 'failed' });
    expect(await review().decisionAnchor('RT-42', randomUUID())).toEqual({ found: false });
    expect(server.requests.length).toBe(before);
  });
});

describe('Zendesk review: resubmissions', () => {
  it('a fix goes back to awaiting review with the corrected escalation, subject and a resubmitted event', async () => {
    const { escalation, remoteId } = await delivered();
    sent(await decide(remoteId, { kind: 'return', comment: 'Add the school, please.' }, null));
    const corrected = { ...escalation, draft: { ...escalation.draft, subject: 'HAC login fails after reset (Lincoln)', school: 'Lincoln Elementary (main office)' } };
    sent(await review().resubmit(remoteId, corrected, { resubmitId: randomUUID(), maybeDelivered: false, analystId: escalation.analyst.id }));

    const detail = await review().getForReview(remoteId);
    expect(detail).toMatchObject({ reviewState: 'awaiting-review', subject: corrected.draft.subject });
    expect(detail.escalation?.draft.school).toBe('Lincoln Elementary (main office)');
    expect(detail.history.map((e) => e.kind)).toEqual(['created', 'returned', 'resubmitted']);
    expect(detail.history.at(-1)?.text).not.toContain('Deskbook escalation data');
  });

  it('a fix is refused for a ticket that was not returned, or from another analyst, writing nothing', async () => {
    const { escalation, remoteId } = await delivered();
    const count = server.comments(remoteId).length;
    expect(await review().resubmit(remoteId, escalation, { resubmitId: randomUUID(), maybeDelivered: false, analystId: escalation.analyst.id })).toMatchObject({
      kind: 'failed',
      message: expect.stringMatching(/not waiting for a fix/),
    });
    sent(await decide(remoteId, { kind: 'return', comment: 'Add the school, please.' }, null));
    expect(await review().resubmit(remoteId, escalation, { resubmitId: randomUUID(), maybeDelivered: false, analystId: 'someone-else' })).toMatchObject({
      kind: 'failed',
      message: expect.stringMatching(/another analyst/),
    });
    expect(server.comments(remoteId)).toHaveLength(count + 1);
  });

  it('a fix whose answer is lost after commit is not written twice', async () => {
    const { escalation, remoteId } = await delivered();
    sent(await decide(remoteId, { kind: 'return', comment: 'Add the school, please.' }, null));
    const resubmitId = randomUUID();
    server.script({ match: isTicketPut, status: 500, body: '{"error":"InternalError"}', when: 'after' });
    expect(await review().resubmit(remoteId, escalation, { resubmitId, maybeDelivered: false, analystId: escalation.analyst.id })).toMatchObject({ kind: 'retry', maybeDelivered: true });
    sent(await review().resubmit(remoteId, escalation, { resubmitId, maybeDelivered: true, analystId: escalation.analyst.id }));
    expect(markerComments(remoteId, 'resubmission')).toHaveLength(1);
  });
});
