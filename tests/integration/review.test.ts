import { randomUUID } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Escalation } from '../../shared/escalation/schema';
import { reviewDetailSchema, reviewPageSchema } from '../../shared/review/schema';
import type { Decision } from '../../shared/review/schema';
import type { Connector, DecideOptions, DecisionOutcome, DeliveryOutcome, ReviewConnector } from '../../electron/sync/connector';
import { createRtConnector, parseEscalationField } from '../../electron/sync/rt';
import type { RtConnectorOptions } from '../../electron/sync/rt';
import { startRt } from '../rt/rt-server';
import type { RtInstance } from '../rt/rt-server';
import { CANARY_PASSWORD, makeEscalation } from '../support/escalation-fixture';
import { startFaultProxy } from '../support/fault-proxy';
import type { FaultProxy } from '../support/fault-proxy';
import { rtInspector } from './rt-inspect';
import { anchorsOnTicket, decide, expectOk, supervisorMain } from './supervisor-main';
import type { TestServices } from '../support/main-services';

let rt: RtInstance;
let inspect: ReturnType<typeof rtInspector>;
let proxy: FaultProxy | undefined;

const SAM = { id: 'sup-1', name: 'Sam Supervisor' };
const COMMENT_PATH = /^\/REST\/2\.0\/ticket\/\d+\/comment/;

beforeAll(async () => {
  rt = await startRt();
  inspect = rtInspector(rt);
});

afterAll(async () => {
  await rt?.stop();
});

afterEach(async () => {
  await proxy?.close();
  proxy = undefined;
});

/** The analyst's machine: the sync account, which creates tickets. */
function analyst(overrides: Partial<RtConnectorOptions> = {}): Connector {
  return createRtConnector({ fetch: globalThis.fetch, baseUrl: rt.baseUrl, token: rt.token, queue: rt.queue, ...overrides });
}

function reviewOf(connector: Connector): ReviewConnector {
  if (!connector.review) throw new Error('the RT connector has no review capability');
  return connector.review;
}

/** A supervisor's machine: its own RT account, whose RT time zone is America/Chicago. */
function supervisor(overrides: Partial<RtConnectorOptions> = {}): ReviewConnector {
  return reviewOf(analyst({ token: rt.supervisor.token, ...overrides }));
}

async function delivered(escalation: Escalation = makeEscalation()): Promise<string> {
  const outcome = await analyst().create(escalation, randomUUID(), [{ label: 'Parent HAC password', plaintext: CANARY_PASSWORD }]);
  if (outcome.kind !== 'sent') throw new Error(`expected sent, got ${JSON.stringify(outcome)}`);
  return outcome.remoteId;
}

function options(overrides: Partial<DecideOptions> = {}): DecideOptions {
  return { decisionId: randomUUID(), expectedEtag: null, actor: SAM, maybeDelivered: false, ...overrides };
}

function expectSent(outcome: DeliveryOutcome | DecisionOutcome): void {
  if (outcome.kind !== 'sent') throw new Error(`expected sent, got ${JSON.stringify(outcome)}`);
}

const RETURN: Decision = { kind: 'return', comment: 'Add the student number and the school, please.' };
const FORWARD: Decision = {
  kind: 'forward',
  priority: 'high',
  replicationSteps: 'Log in to the parent portal as the parent; the lockout banner shows after a reset.',
  caseText: 'HAC lockout persists after two password resets for one parent account.',
};

/** A delivered ticket the supervisor forwarded as a vendor case. */
async function forwardedTicket(): Promise<string> {
  const ticketId = await delivered();
  expectSent(await supervisor().decide(ticketId, FORWARD, options()));
  return ticketId;
}

/**
 * An attempt repeated, as the outbox would, while it only says to wait (`again`; by default a
 * retry that wrote nothing): an RT worker may serve a ticket from its record cache for a few
 * seconds, so a forward made just now may not show yet to a vendor case number.
 */
async function settled(attempt: () => Promise<DecisionOutcome>, again = (o: DecisionOutcome) => o.kind === 'retry' && !o.maybeDelivered): Promise<DecisionOutcome> {
  for (let i = 0; ; i++) {
    const outcome = await attempt();
    if (!again(outcome) || i >= 10) return outcome;
    await new Promise((r) => setTimeout(r, 1000));
  }
}

async function decisionComments(ticketId: string) {
  return (await inspect.messages(ticketId)).filter((m) => m.type === 'Comment' && m.subject.includes('[Deskbook decision'));
}

describe('review data on delivered tickets', () => {
  it('a delivered ticket carries the escalation as JSON without sealed-note handles, awaiting review', async () => {
    const escalation = makeEscalation({ description: 'Caf\u00e9 portal says \u201clocked\u201d after two resets \u2713' });
    const ticketId = await delivered(escalation);
    const t = await inspect.ticket(ticketId);
    expect(inspect.fieldValue(t, rt.customFields.review)).toEqual(['awaiting-review']);
    const [json] = inspect.fieldValue(t, rt.customFields.escalation);
    expect(json).not.toContain('vault:note-1');
    expect(parseEscalationField(json)).toEqual({
      hasSealedNote: true,
      escalation: { ...escalation, draft: { ...escalation.draft, replicationSteps: undefined, sealedNotes: [] } },
    });
  });

  it('the review list returns delivered escalations with their structured copy and a cursor', async () => {
    const escalation = makeEscalation();
    const ticketId = await delivered(escalation);
    const page = reviewPageSchema.parse(await supervisor().listForReview(null));
    expect(page.cursor).toMatch(/^rt-txn:\d+$/);
    const item = page.items.find((i) => i.remoteId === ticketId);
    expect(item).toMatchObject({ reviewState: 'awaiting-review', hasSealedNote: true, etag: null, subject: escalation.draft.subject, rtStatus: 'new' });
    expect(item?.escalation?.id).toBe(escalation.id);
    const updated = page.items.map((i) => i.lastUpdated);
    expect(updated).toEqual([...updated].sort());
  });

  it('the incremental cursor returns only tickets changed since it, for an account outside UTC', async () => {
    const [a, b] = [await delivered(), await delivered()];
    const first = await supervisor().listForReview(null);
    expect(first.items.map((i) => i.remoteId)).toEqual(expect.arrayContaining([a, b]));
    await analyst().addInternalNote(a, 'Tier 2: called the parent back.');
    const second = await supervisor().listForReview(first.cursor);
    expect(second.items.map((i) => i.remoteId)).toEqual([a]);
    const third = await supervisor().listForReview(second.cursor);
    expect(third).toEqual({ items: [], cursor: second.cursor });
  });

  it('reads every page of changes and of tickets (pages of 4 here; 100, REST2\'s cap, by default)', async () => {
    const paged = supervisor({ pageSize: 4 });
    const before = await paged.listForReview(null);
    const created = await createQuickly(11);
    const changed = await paged.listForReview(before.cursor);
    expect(changed.items.map((i) => i.remoteId).sort()).toEqual([...created].sort());
    const all = await paged.listForReview(null);
    expect(all.items.map((i) => i.remoteId).sort()).toEqual((await supervisor().listForReview(null)).items.map((i) => i.remoteId).sort());
    expect(all.items.map((i) => i.remoteId)).toEqual(expect.arrayContaining(created));
    expect(new Set(all.items.map((i) => i.remoteId)).size).toBe(all.items.length);
  });

  it('the detail carries the ETag RT sends for the ticket, and no sealed-note text', async () => {
    const ticketId = await delivered();
    const detail = reviewDetailSchema.parse(await supervisor().getForReview(ticketId));
    expect(detail.etag).toBe(await inspect.etag(ticketId));
    expect(detail.history.map((e) => e.kind)).toEqual(['created']);
    expect(JSON.stringify(detail)).not.toContain(CANARY_PASSWORD);
  });
});

describe('decisions', () => {
  it('returning sets the review field, adds an internal comment to the history, and the analyst sees it', async () => {
    const ticketId = await delivered();
    const seen = await supervisor().getForReview(ticketId);
    expectSent(await supervisor().decide(ticketId, RETURN, options({ expectedEtag: seen.etag })));

    expect(inspect.fieldValue(await inspect.ticket(ticketId), rt.customFields.review)).toEqual(['returned']);
    const messages = await inspect.messages(ticketId);
    expect(messages.filter((m) => m.type === 'Correspond')).toHaveLength(0);
    expect(await decisionComments(ticketId)).toMatchObject([{ content: RETURN.comment, subject: expect.stringMatching(/\] returned\s+by Sam Supervisor$/) }]);

    const detail = await supervisor().getForReview(ticketId);
    expect(detail.reviewState).toBe('returned');
    expect(detail.history.at(-1)).toMatchObject({ kind: 'returned', author: 'Sam Supervisor', text: RETURN.comment });
    expect(await reviewOf(analyst()).reviewStatus([ticketId, '999999'])).toEqual([
      { remoteId: ticketId, reviewState: 'returned', lastComment: detail.history.at(-1) },
    ]);
  });

  it('a resubmission goes back to awaiting review with the corrected escalation and a resubmitted event', async () => {
    const escalation = makeEscalation();
    const ticketId = await delivered(escalation);
    expectSent(await supervisor().decide(ticketId, RETURN, options()));
    const corrected = { ...escalation, draft: { ...escalation.draft, subject: 'HAC login fails for Sam Student (#123456)', school: 'Lincoln Elementary' } };
    expectSent(await reviewOf(analyst()).resubmit(ticketId, corrected, { resubmitId: randomUUID(), maybeDelivered: false, analystId: escalation.analyst.id }));

    const detail = await supervisor().getForReview(ticketId);
    expect(detail).toMatchObject({ reviewState: 'awaiting-review', subject: corrected.draft.subject });
    expect(detail.escalation?.draft.subject).toBe(corrected.draft.subject);
    expect(detail.history.map((e) => e.kind)).toEqual(['created', 'returned', 'resubmitted']);
    expect(detail.history.at(-1)).toMatchObject({ author: 'Dana Analyst', text: expect.stringContaining(`Escalation ID: ${escalation.id}`) });
    expect(JSON.stringify(detail)).not.toContain(CANARY_PASSWORD);
    expect((await reviewOf(analyst()).reviewStatus([ticketId]))[0]).toMatchObject({ reviewState: 'awaiting-review', lastComment: { kind: 'resubmitted' } });
  });

  it('approving a version from before a resubmission is a conflict carrying the current one; approving that works', async () => {
    const escalation = makeEscalation();
    const ticketId = await delivered(escalation);
    expectSent(await supervisor().decide(ticketId, RETURN, options()));
    const stale = await supervisor().getForReview(ticketId);
    expectSent(await reviewOf(analyst()).resubmit(ticketId, escalation, { resubmitId: randomUUID(), maybeDelivered: false, analystId: escalation.analyst.id }));

    const conflict = await supervisor().decide(ticketId, { kind: 'approve' }, options({ expectedEtag: stale.etag }));
    if (conflict.kind !== 'conflict') throw new Error(`expected conflict, got ${JSON.stringify(conflict)}`);
    expect(conflict.current).toMatchObject({ reviewState: 'awaiting-review', etag: await inspect.etag(ticketId) });
    expect(conflict.current.etag).not.toBe(stale.etag);
    expect(conflict.current.history.at(-1)?.kind).toBe('resubmitted');
    expect(await decisionComments(ticketId)).toHaveLength(1);

    expectSent(await supervisor().decide(ticketId, { kind: 'approve', note: 'Complete now.' }, options({ expectedEtag: conflict.current.etag })));
    const t = await inspect.ticket(ticketId);
    expect(inspect.fieldValue(t, rt.customFields.review)).toEqual(['approved']);
    expect((await supervisor().getForReview(ticketId)).rtStatus).toBe('open');
    expect((await decisionComments(ticketId)).map((c) => c.content)).toEqual([RETURN.comment, 'Complete now.']);

    // The same history and status read in pages of 2 (history, texts and transaction searches).
    const detail = await supervisor().getForReview(ticketId);
    expect(detail.history.map((e) => e.kind)).toEqual(['created', 'returned', 'resubmitted', 'approved']);
    expect((await supervisor({ pageSize: 2 }).getForReview(ticketId)).history).toEqual(detail.history);
    expect(await reviewOf(analyst({ pageSize: 2 })).reviewStatus([ticketId])).toEqual([
      { remoteId: ticketId, reviewState: 'approved', lastComment: detail.history.at(-1) },
    ]);
  });

  it('forwarding writes the vendor case into an internal comment and marks the ticket forwarded', async () => {
    const ticketId = await delivered();
    const forward: Decision = {
      kind: 'forward',
      priority: 'high',
      replicationSteps: 'Log in to the parent portal as the parent; the lockout banner shows after a reset.',
      caseText: 'HAC lockout persists after two password resets for one parent account.',
    };
    expectSent(await supervisor().decide(ticketId, forward, options({ expectedEtag: (await supervisor().getForReview(ticketId)).etag })));
    expect(inspect.fieldValue(await inspect.ticket(ticketId), rt.customFields.review)).toEqual(['forwarded']);
    const [comment] = await decisionComments(ticketId);
    expect(comment?.content).toContain('Priority: High (vendor target: within 4 business hours)');
    expect(comment?.content).toContain(forward.replicationSteps);
    expect(comment?.content).toContain(forward.caseText);
    expect((await inspect.messages(ticketId)).filter((m) => m.type === 'Correspond')).toHaveLength(0);
  });

  it("an Authorized Contact's vendor case number is written to the ticket's field and a comment, and RT reads it back in list and detail", async () => {
    const ticketId = await forwardedTicket();
    const record: Decision = { kind: 'vendor-case', caseNumber: '1234567', submittedAt: '2026-03-02T15:30:00.000Z', note: 'Called after submitting; routed to the case owner.' };
    expectSent(await settled(() => supervisor().decide(ticketId, record, options())));

    expect(inspect.fieldValue(await inspect.ticket(ticketId), rt.customFields.vendorCase)).toEqual(['1234567 submitted 2026-03-02T15:30:00.000Z']);
    expect(inspect.fieldValue(await inspect.ticket(ticketId), rt.customFields.review)).toEqual(['forwarded']);
    const comments = await decisionComments(ticketId);
    expect(comments).toHaveLength(2);
    expect(comments[1]).toMatchObject({ subject: expect.stringMatching(/\]\s+vendor-case\s+by Sam Supervisor$/), content: expect.stringContaining('Infinite Campus case 1234567') });
    expect((await inspect.messages(ticketId)).filter((m) => m.type === 'Correspond')).toHaveLength(0);

    const vendorCase = { caseNumber: '1234567', submittedAt: '2026-03-02T15:30:00.000Z' };
    const listed = (await supervisor().listForReview(null)).items.find((i) => i.remoteId === ticketId);
    expect(reviewPageSchema.parse({ items: [listed], cursor: null }).items[0]).toMatchObject({ reviewState: 'forwarded', vendorCase });
    const detail = reviewDetailSchema.parse(await supervisor().getForReview(ticketId));
    expect(detail.vendorCase).toEqual(vendorCase);
    expect(detail.history.map((e) => e.kind)).toEqual(['created', 'forwarded', 'vendor-case']);
    expect(detail.history.at(-1)).toMatchObject({ author: 'Sam Supervisor', text: expect.stringContaining('Called after submitting') });
  });

  it('a vendor case number whose answer is lost after commit is written once; one for a returned ticket is refused, writing nothing', async () => {
    const ticketId = await forwardedTicket();
    proxy = await startFaultProxy({ upstream: rt.baseUrl, match: (r) => r.method === 'POST' && COMMENT_PATH.test(r.path) });
    proxy.enqueue({ kind: 'drop-after-commit' });
    const review = supervisor({ baseUrl: proxy.url });
    const record: Decision = { kind: 'vendor-case', caseNumber: '7654321', submittedAt: '2026-03-02T16:00:00.000Z' };
    const decisionId = randomUUID();
    expect(await settled(() => review.decide(ticketId, record, options({ decisionId })), (o) => o.kind === 'retry' && !o.maybeDelivered)).toMatchObject({
      kind: 'retry',
      maybeDelivered: true,
    });
    expectSent(await review.decide(ticketId, record, options({ decisionId, maybeDelivered: true })));
    expect(proxy.counters['drop-after-commit']).toBe(1);
    expect((await decisionComments(ticketId)).filter((c) => c.subject.includes('vendor-case'))).toHaveLength(1);
    expect(inspect.fieldValue(await inspect.ticket(ticketId), rt.customFields.vendorCase)).toEqual(['7654321 submitted 2026-03-02T16:00:00.000Z']);

    const returned = await delivered();
    expectSent(await supervisor().decide(returned, RETURN, options()));
    const before = (await inspect.messages(returned)).length;
    expect(await settled(() => supervisor().decide(returned, record, options()))).toMatchObject({ kind: 'failed', message: expect.stringContaining('was not forwarded to the vendor') });
    expect((await inspect.messages(returned)).length).toBe(before);
    expect(inspect.fieldValue(await inspect.ticket(returned), rt.customFields.vendorCase)).toEqual([]);
  });

  it('a decision whose answer is lost after commit, retried as maybe delivered, leaves exactly one decision comment', async () => {
    const ticketId = await delivered();
    proxy = await startFaultProxy({ upstream: rt.baseUrl, match: (r) => r.method === 'POST' && COMMENT_PATH.test(r.path) });
    proxy.enqueue({ kind: 'drop-after-commit' });
    const review = supervisor({ baseUrl: proxy.url });
    const etag = (await review.getForReview(ticketId)).etag;
    const decisionId = randomUUID();

    const first = await review.decide(ticketId, RETURN, options({ decisionId, expectedEtag: etag }));
    expect(first).toMatchObject({ kind: 'retry', maybeDelivered: true });
    // The retry carries the same decision and the same (now stale) ETag: the marker wins.
    expectSent(await review.decide(ticketId, RETURN, options({ decisionId, expectedEtag: etag, maybeDelivered: true })));
    expect(proxy.counters['drop-after-commit']).toBe(1);
    expect(await decisionComments(ticketId)).toHaveLength(1);
  });

  it('a fix is refused for a ticket that was not returned, or that another analyst escalated, writing nothing', async () => {
    const escalation = makeEscalation();
    const ticketId = await delivered(escalation);
    const before = (await inspect.messages(ticketId)).length;
    expect(await reviewOf(analyst()).resubmit(ticketId, escalation, { resubmitId: randomUUID(), maybeDelivered: false, analystId: escalation.analyst.id })).toMatchObject({
      kind: 'failed',
      message: expect.stringContaining('not waiting for a fix'),
    });
    expectSent(await supervisor().decide(ticketId, RETURN, options()));
    const returned = (await inspect.messages(ticketId)).length;
    expect(await reviewOf(analyst()).resubmit(ticketId, escalation, { resubmitId: randomUUID(), maybeDelivered: false, analystId: 'someone-else' })).toMatchObject({
      kind: 'failed',
      message: expect.stringContaining('escalated by another analyst'),
    });
    expect((await inspect.messages(ticketId)).length).toBe(returned);
    expect(returned).toBeGreaterThan(before);
  });

  it('a resubmission whose answer is lost after commit is not written twice', async () => {
    const escalation = makeEscalation();
    const ticketId = await delivered(escalation);
    expectSent(await supervisor().decide(ticketId, RETURN, options()));
    proxy = await startFaultProxy({ upstream: rt.baseUrl, match: (r) => r.method === 'POST' && COMMENT_PATH.test(r.path) });
    proxy.enqueue({ kind: 'drop-after-commit' });
    const review = reviewOf(analyst({ baseUrl: proxy.url }));
    const resubmitId = randomUUID();
    const corrected = { ...escalation, draft: { ...escalation.draft, subject: 'Corrected: HAC login fails after reset' } };

    expect(await review.resubmit(ticketId, corrected, { resubmitId, maybeDelivered: false, analystId: escalation.analyst.id })).toMatchObject({ kind: 'retry', maybeDelivered: true });
    expectSent(await review.resubmit(ticketId, corrected, { resubmitId, maybeDelivered: true, analystId: escalation.analyst.id }));
    const resubmissions = (await inspect.messages(ticketId)).filter((m) => m.subject.includes('[Deskbook resubmission'));
    expect(resubmissions).toHaveLength(1);
    expect((await inspect.ticket(ticketId)).Subject).toBe(corrected.draft.subject);
  });

  it('a refused token is an auth outcome and writes nothing', async () => {
    const ticketId = await delivered();
    const outcome = await supervisor({ token: '1-27-00000000000000000000000000000000' }).decide(ticketId, RETURN, options());
    expect(outcome).toMatchObject({ kind: 'auth', status: 401 });
    expect(await decisionComments(ticketId)).toHaveLength(0);
  });
});

describe('the audit trail anchored in Request Tracker, through the real main services', () => {
  let main: TestServices | undefined;
  afterEach(() => {
    main?.dispose();
    main = undefined;
  });

  const entries = async (m: TestServices) => ((await expectOk(m.call('audit:list'))) as { entries: { seq: number; hash: string; at: string; decidedAt: string; decisionId: string; action: string }[] }).entries;
  const verify = async (m: TestServices) => (await expectOk(m.call('audit:verify'))) as { state: string; message: string; firstDifference: number | null; anchors: number };

  it("each decision's comment ends with the chain's head after its entry, stamped by main; verification matches", async () => {
    main = await supervisorMain(rt);
    const tickets = [await delivered(), await delivered()];
    expect((await decide(main, tickets[0]!, RETURN)).kind).toBe('sent');
    expect((await decide(main, tickets[1]!, { kind: 'approve', note: 'Complete.' })).kind).toBe('sent');
    const local = await entries(main);
    expect(local.map((e) => e.seq)).toEqual([1, 2]);
    for (const [i, ticketId] of tickets.entries()) {
      const [comment] = await anchorsOnTicket(rt, ticketId);
      expect(comment?.anchor).toEqual({ seq: local[i]!.seq, hash: local[i]!.hash, at: local[i]!.at });
    }
    expect(local[0]!.decidedAt).toBe(local[0]!.at);
    expect(Date.parse(local[0]!.at)).toBeGreaterThan(Date.parse('2020-01-01T00:00:00Z'));
    // People reading the history see the supervisor's words, not the anchor.
    expect((await supervisor().getForReview(tickets[0]!)).history.at(-1)).toMatchObject({ kind: 'returned', text: RETURN.comment });
    expect(await verify(main)).toMatchObject({ state: 'matches', firstDifference: null, anchors: 2 });
  });

  it('decisions the outbox sends at once get one place each, in one chain RT agrees with', async () => {
    main = await supervisorMain(rt);
    const tickets = await Promise.all([delivered(), delivered(), delivered()]);
    const outcomes = await Promise.all(tickets.map((t) => decide(main!, t, RETURN)));
    expect(outcomes.map((o) => o.kind)).toEqual(['sent', 'sent', 'sent']);
    expect((await entries(main)).map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(await verify(main)).toMatchObject({ state: 'matches', anchors: 3 });
  });

  it('an answer lost after the comment landed: the retry records the entry RT carries, and one comment only', async () => {
    const ticketId = await delivered();
    proxy = await startFaultProxy({ upstream: rt.baseUrl, match: (r) => r.method === 'POST' && COMMENT_PATH.test(r.path) });
    proxy.enqueue({ kind: 'drop-after-commit' });
    main = await supervisorMain(rt, { url: proxy.url });
    const first = await decide(main, ticketId, RETURN);
    expect(first.kind).toBe('retry');
    expect(await entries(main)).toEqual([]);
    expect((await decide(main, ticketId, RETURN, { decisionId: first.decisionId, maybeDelivered: true })).kind).toBe('sent');
    const [entry] = await entries(main);
    const comments = await anchorsOnTicket(rt, ticketId);
    expect(comments).toHaveLength(1);
    expect(comments[0]?.anchor).toEqual({ seq: 1, hash: entry?.hash, at: entry?.at });
  });

  it('after a restart, the next decision first settles the one whose answer was lost, so no place is claimed twice', async () => {
    const [lostOn, nextOn] = [await delivered(), await delivered()];
    proxy = await startFaultProxy({ upstream: rt.baseUrl, match: (r) => r.method === 'POST' && COMMENT_PATH.test(r.path) });
    proxy.enqueue({ kind: 'drop-after-commit' });
    main = await supervisorMain(rt, { url: proxy.url });
    const lost = await decide(main, lostOn, RETURN);
    expect(lost.kind).toBe('retry');
    const { dataDir } = main;
    main.dispose(true);
    main = await supervisorMain(rt, { dataDir });

    expect((await decide(main, nextOn, { kind: 'approve' })).kind).toBe('sent');
    expect((await entries(main)).map((e) => [e.seq, e.decisionId])).toEqual([
      [1, lost.decisionId],
      [2, expect.any(String)],
    ]);
    expect((await decide(main, lostOn, RETURN, { decisionId: lost.decisionId, maybeDelivered: true })).kind).toBe('sent');
    expect(await entries(main)).toHaveLength(2);
    expect((await anchorsOnTicket(rt, lostOn)).map((c) => c.anchor?.seq)).toEqual([1]);
    expect((await anchorsOnTicket(rt, nextOn)).map((c) => c.anchor?.seq)).toEqual([2]);
    expect(await verify(main)).toMatchObject({ state: 'matches', anchors: 2 });
  });

  it("a retry whose prepared entry was lost rebuilds the entry from the anchor RT holds, with main's first time", async () => {
    const ticketId = await delivered();
    proxy = await startFaultProxy({ upstream: rt.baseUrl, match: (r) => r.method === 'POST' && COMMENT_PATH.test(r.path) });
    proxy.enqueue({ kind: 'drop-after-commit' });
    main = await supervisorMain(rt, { url: proxy.url });
    const lost = await decide(main, ticketId, RETURN);
    const { dataDir } = main;
    main.dispose(true);
    await rm(path.join(dataDir, 'audit.pending.json'));
    main = await supervisorMain(rt, { dataDir });

    expect((await decide(main, ticketId, RETURN, { decisionId: lost.decisionId, maybeDelivered: true })).kind).toBe('sent');
    const [comment] = await anchorsOnTicket(rt, ticketId);
    const [entry] = await entries(main);
    expect({ seq: entry?.seq, hash: entry?.hash, at: entry?.at }).toEqual(comment?.anchor);
    expect(await verify(main)).toMatchObject({ state: 'matches', anchors: 1 });
  });

  it('an Authorized Contact records the vendor case number through main: written to RT and audited as vendor-case', async () => {
    main = await supervisorMain(rt);
    const ticketId = await delivered();
    expect((await decide(main, ticketId, FORWARD)).kind).toBe('sent');
    const record: Decision = { kind: 'vendor-case', caseNumber: '24681357', submittedAt: new Date(Date.now() - 5 * 60_000).toISOString() };
    let outcome = await decide(main, ticketId, record);
    for (let i = 0; outcome.kind === 'retry' && i < 10; i++) {
      await new Promise((r) => setTimeout(r, 1000));
      outcome = await decide(main, ticketId, record, { decisionId: outcome.decisionId });
    }
    expect(outcome.kind).toBe('sent');
    expect(inspect.fieldValue(await inspect.ticket(ticketId), rt.customFields.vendorCase)).toEqual([`24681357 submitted ${record.submittedAt}`]);
    expect((await entries(main)).map((e) => e.action)).toEqual(['forward', 'vendor-case']);
    expect(await verify(main)).toMatchObject({ state: 'matches', anchors: 2 });
    expect(((await expectOk(main.call('review:get', { remoteId: ticketId }))) as { vendorCase?: unknown }).vendorCase).toEqual({
      caseNumber: '24681357',
      submittedAt: record.submittedAt,
    });
  });

  it('a conflict appends nothing, and the next decision takes the place', async () => {
    const ticketId = await delivered();
    main = await supervisorMain(rt);
    const stale = await supervisor().getForReview(ticketId);
    await analyst().addInternalNote(ticketId, 'Tier 2: called the parent back.');
    expect((await decide(main, ticketId, RETURN, { expectedEtag: stale.etag })).kind).toBe('conflict');
    expect(await entries(main)).toEqual([]);
    expect((await decide(main, ticketId, RETURN, { expectedEtag: (await supervisor().getForReview(ticketId)).etag })).kind).toBe('sent');
    expect((await entries(main)).map((e) => e.seq)).toEqual([1]);
  });

  it('a trail cut short is named: the local end, and the anchors RT holds past it', async () => {
    main = await supervisorMain(rt);
    for (const ticketId of [await delivered(), await delivered(), await delivered()]) await decide(main, ticketId, RETURN);
    const file = path.join(main.dataDir, 'audit.jsonl');
    const [first] = (await readFile(file, 'utf8')).split('\n');
    await writeFile(file, `${first}\n`);
    expect(await expectOk(main.call('audit:list'))).toMatchObject({ intact: true });
    expect(await verify(main)).toMatchObject({
      state: 'differs',
      firstDifference: 2,
      message: 'The local trail ends at #1, Request Tracker holds anchors up to #3: entries #2–#3 are missing locally.',
    });
  });
});

/** Tickets straight through REST2 (one request each, two at a time): only for the paging test. */
async function createQuickly(count: number): Promise<string[]> {
  const ids: string[] = [];
  const one = async () => {
    const res = await fetch(`${rt.baseUrl}/REST/2.0/ticket`, {
      method: 'POST',
      headers: { Authorization: `token ${rt.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ Queue: rt.queue, Subject: 'Paging test', Content: 'paging', ContentType: 'text/plain' }),
    });
    if (res.status !== 201) throw new Error(`create failed: HTTP ${res.status}`);
    ids.push(z.object({ id: z.string() }).parse(await res.json()).id);
  };
  for (let i = 0; i < count; i += 2) await Promise.all(Array.from({ length: Math.min(2, count - i) }, one));
  return ids;
}
