import { afterEach, describe, expect, it } from 'vitest';
import type { Decision } from '../../../shared/review/schema';
import type { AuditAnchor } from '../../audit';
import { CANARY_PASSWORD, makeEscalation } from '../../../tests/support/escalation-fixture';
import { startServiceNowServer } from '../../../tests/support/servicenow-server';
import type { ServiceNowServer, ServiceNowServerOptions } from '../../../tests/support/servicenow-server';
import type { Connector, ReviewConnector } from '../connector';
import { ConnectorError } from '../outcome';
import { createServiceNowConnector } from './sn-connector';

const REQUEST = '5f0b7a52-1c1e-4d7e-9a55-0c6a9d3f2b11';
const DECISION = '0b6c9c1e-8a51-4f0e-9d8e-3c2b1a0f9e8d';
const OTHER_DECISION = '7e1d2c3b-4a59-4687-9a1b-2c3d4e5f6a7b';
const RESUBMIT = '3a4b5c6d-7e8f-4a0b-9c1d-2e3f4a5b6c7d';
const ACTOR = { id: 'sup-1', name: 'Sam Supervisor' };
const ANCHOR: AuditAnchor = { seq: 7, hash: 'a'.repeat(64), trail: '11111111-2222-4333-8444-555555555555', at: '2026-03-02T16:00:00.000Z', machine: 'DESK-07' };
const RETURN: Decision = { kind: 'return', comment: 'Add the student number, please.' };

let server: ServiceNowServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A server on a clock the test moves, a connector, and one delivered escalation with a sealed note. */
async function setup(options: ServiceNowServerOptions = {}) {
  const clock = { t: Date.parse('2026-03-02T10:00:00Z') };
  const s = await startServiceNowServer({ groups: [{ name: 'Tier 2 Support' }], now: () => clock.t, ...options });
  server = s;
  const connector: Connector = createServiceNowConnector({
    fetch: globalThis.fetch,
    url: s.url,
    auth: 'basic',
    username: s.username,
    group: '',
    token: () => Promise.resolve(s.password),
  });
  const escalation = makeEscalation();
  const created = await connector.create(escalation, REQUEST, [{ label: 'Parent HAC password', plaintext: CANARY_PASSWORD }]);
  if (created.kind !== 'sent') throw new Error(`setup: ${JSON.stringify(created)}`);
  return { s, clock, connector, review: connector.review!, escalation, id: created.remoteId };
}

const decideOptions = (review: ReviewConnector, decisionId = DECISION) => ({ decisionId, expectedEtag: null, actor: ACTOR, maybeDelivered: false, anchor: ANCHOR, review });
const workNotes = (s: ServiceNowServer, id: string) => s.journal(id).filter((j) => j.element === 'work_notes');

describe('ServiceNow review: reading', () => {
  it('lists escalations with their state, stored copy and sys_mod_count as etag, and leaves logged calls out', async () => {
    const { s, connector, review, escalation, id } = await setup();
    await connector.callLog!.create(
      {
        version: 1,
        runId: '9d2c4e1a-7b3f-4c8d-8e6a-1f2b3c4d5e6f',
        sop: { id: 'hac-login', version: '3', title: 'HAC login', packId: 'hac-support' },
        path: [],
        outcome: { type: 'resolved', nodeId: 'done', title: 'Done', summary: 'Fixed on the call.' },
        startedAt: '2026-03-02T10:00:00.000Z',
        finishedAt: '2026-03-02T10:01:00.000Z',
        durationSeconds: 60,
        analyst: { id: 'analyst-7', name: 'Dana Analyst' },
      },
      '9d2c4e1a-7b3f-4c8d-8e6a-1f2b3c4d5e6f',
    );
    const page = await review.listForReview(null);
    expect(page.items).toHaveLength(1);
    const [item] = page.items;
    expect(item).toMatchObject({ remoteId: id, requestId: REQUEST, reviewState: 'awaiting-review', hasSealedNote: true, etag: s.incidents()[0]!.sys_mod_count, rtStatus: 'new' });
    expect(item!.escalation).toEqual({ ...escalation, draft: { ...escalation.draft, sealedNotes: [] } });
    expect(page.cursor).toBe('sn-updated:2026-03-02 10:00:00');
  });

  it('a cursor lists only incidents changed since (the last second again), including a technician\u2019s comment', async () => {
    const { s, clock, connector, review, id } = await setup();
    clock.t += 5000;
    await connector.create(makeEscalation(), '9d2c4e1a-7b3f-4c8d-8e6a-1f2b3c4d5e6f', []);
    const first = await review.listForReview(null);
    expect(first.items).toHaveLength(2);
    clock.t += 60_000;
    s.addJournal(id, 'comments', 'Called the parent back.', 'tech.one');
    const next = await review.listForReview(first.cursor);
    // The second escalation (updated at the cursor's second) may repeat; the touched one must be there.
    expect(next.items.map((i) => i.remoteId)).toContain(id);
    const quiet = await review.listForReview(next.cursor);
    expect(quiet.items.map((i) => i.remoteId)).toEqual([id]);
  });

  it('the history shows decisions and comments, never the sealed-notes work note or the audit anchor line', async () => {
    const { s, clock, review, id } = await setup();
    clock.t += 1000;
    expect((await review.decide(id, RETURN, decideOptions(review))).kind).toBe('sent');
    clock.t += 1000;
    s.addJournal(id, 'comments', 'Parent called back.', 'tech.one');
    const detail = await review.getForReview(id);
    expect(detail.history.map((e) => [e.kind, e.author, e.text])).toEqual([
      ['created', s.username, 'Escalation created in ServiceNow.'],
      ['returned', 'Sam Supervisor', 'Add the student number, please.'],
      ['comment', 'tech.one', 'Parent called back.'],
    ]);
    expect(detail.reviewState).toBe('returned');
    expect(JSON.stringify(detail)).not.toContain(CANARY_PASSWORD);
    expect(JSON.stringify(detail)).not.toContain('Deskbook audit:');
  });

  it('reviewStatus gives each incident its state and latest review entry', async () => {
    const { review, id } = await setup();
    await review.decide(id, RETURN, decideOptions(review));
    expect(await review.reviewStatus([id, 'not-a-sys-id'])).toEqual([
      { remoteId: id, reviewState: 'returned', lastComment: expect.objectContaining({ kind: 'returned', text: 'Add the student number, please.' }) as unknown },
    ]);
  });

  it('an instance without the review fields fails review in words, and the probe warns', async () => {
    const { connector, review } = await setup({ customFields: false });
    await expect(review.listForReview(null)).rejects.toMatchObject({ outcome: { kind: 'failed', message: expect.stringContaining('u_deskbook_review') as unknown } });
    expect(await connector.probe()).toMatchObject({ ok: true, warnings: [expect.stringContaining('u_deskbook_escalation') as unknown] });
  });
});

describe('ServiceNow review: deciding', () => {
  it('a decision is written once: a retry finds its marker, and reports the anchor that note carries', async () => {
    const { s, review, id } = await setup();
    const before = workNotes(s, id).length;
    expect((await review.decide(id, { kind: 'approve' }, decideOptions(review))).kind).toBe('sent');
    const again = await review.decide(id, { kind: 'approve' }, { ...decideOptions(review), maybeDelivered: true, anchor: { ...ANCHOR, seq: 8 } });
    expect(again).toMatchObject({ kind: 'sent', earlier: { anchor: ANCHOR } });
    expect(workNotes(s, id)).toHaveLength(before + 1);
    expect(s.incidents()[0]).toMatchObject({ u_deskbook_review: 'approved', state: '1' });
    expect(await review.decisionAnchor(id, DECISION)).toEqual({ found: true, anchor: ANCHOR });
    expect(await review.decisionAnchor(id, OTHER_DECISION)).toEqual({ found: false });
    expect(await review.auditAnchors()).toEqual([{ decisionId: DECISION, remoteId: id, anchor: ANCHOR }]);
  });

  it('a decision on a version that changed since is a conflict, with the current version, and writes nothing', async () => {
    const { s, review, id } = await setup();
    const seen = await review.getForReview(id);
    s.addJournal(id, 'comments', 'Technician: reset the account.', 'tech.one');
    const notes = s.journal(id).length;
    const outcome = await review.decide(id, RETURN, { ...decideOptions(review), expectedEtag: seen.etag });
    expect(outcome).toMatchObject({ kind: 'conflict', current: { etag: String(Number(seen.etag) + 1) } });
    expect(s.journal(id)).toHaveLength(notes);
    expect(s.incidents()[0]!.u_deskbook_review).toBe('awaiting-review');
    expect((await review.decide(id, RETURN, { ...decideOptions(review), expectedEtag: String(Number(seen.etag) + 1) })).kind).toBe('sent');
  });

  it('a vendor case number needs a forwarded escalation and lands in u_deskbook_vendor_case', async () => {
    const { review, id } = await setup();
    const vendorCase: Decision = { kind: 'vendor-case', caseNumber: '1234567', submittedAt: '2026-03-02T15:00:00.000Z' };
    expect(await review.decide(id, vendorCase, decideOptions(review))).toMatchObject({ kind: 'retry', maybeDelivered: false });
    const forward: Decision = { kind: 'forward', replicationSteps: 'Sign in to HAC as the parent.', priority: 'high', caseText: 'HAC shows locked after reset.' };
    expect((await review.decide(id, forward, decideOptions(review, OTHER_DECISION))).kind).toBe('sent');
    expect((await review.decide(id, vendorCase, decideOptions(review))).kind).toBe('sent');
    expect((await review.getForReview(id)).vendorCase).toEqual({ caseNumber: '1234567', submittedAt: '2026-03-02T15:00:00.000Z' });
  });

  it('with sys_journal_field hidden, a decision fails in words instead of risking a second write', async () => {
    const { s, review, id } = await setup({ journalReadable: false });
    const outcome = await review.decide(id, RETURN, decideOptions(review));
    expect(outcome).toMatchObject({ kind: 'failed', message: expect.stringContaining('sys_journal_field') as unknown });
    expect(workNotes(s, id)).toHaveLength(1);
    await expect(review.getForReview(id)).rejects.toBeInstanceOf(ConnectorError);
  });
});

describe('ServiceNow review: a journal partly hidden by an ACL', () => {
  it('a retry whose marker the journal rows do not show, but the incident does, is refused rather than written twice', async () => {
    const { s, review, id } = await setup();
    expect((await review.decide(id, RETURN, decideOptions(review))).kind).toBe('sent');
    const visible = s.journal(id).filter((j) => !j.value.includes('[Deskbook decision'));
    s.answerNext((r) => r.method === 'GET' && r.path === '/api/now/table/sys_journal_field', { status: 200, body: JSON.stringify({ result: visible }) });
    const retry = await review.decide(id, RETURN, { ...decideOptions(review), maybeDelivered: true });
    expect(retry).toMatchObject({ kind: 'failed', message: expect.stringContaining('cannot read that entry') as unknown });
    expect(workNotes(s, id).filter((j) => j.value.includes('[Deskbook decision'))).toHaveLength(1);
  });
});

describe('ServiceNow review: resubmitting', () => {
  it('goes only to a returned incident, from its analyst, once; then it awaits review again', async () => {
    const { s, review, id, escalation } = await setup();
    const fixed = { ...escalation, draft: { ...escalation.draft, subject: 'HAC login fails after reset (student #123456)' } };
    const options = { resubmitId: RESUBMIT, maybeDelivered: false, analystId: 'analyst-7' };
    expect(await review.resubmit(id, fixed, options)).toMatchObject({ kind: 'failed', message: expect.stringContaining('not waiting for a fix') as unknown });
    await review.decide(id, RETURN, decideOptions(review));
    expect(await review.resubmit(id, fixed, { ...options, analystId: 'someone-else' })).toMatchObject({ kind: 'failed', message: expect.stringContaining('another analyst') as unknown });
    expect((await review.resubmit(id, fixed, options)).kind).toBe('sent');
    expect((await review.resubmit(id, fixed, { ...options, maybeDelivered: true })).kind).toBe('sent');
    const detail = await review.getForReview(id);
    expect(detail).toMatchObject({ reviewState: 'awaiting-review', subject: fixed.draft.subject });
    expect(detail.escalation?.draft.subject).toBe(fixed.draft.subject);
    expect(detail.history.filter((e) => e.kind === 'resubmitted')).toHaveLength(1);
    expect(JSON.stringify(s.journal(id).filter((j) => j.value.includes('resubmission')))).not.toContain(CANARY_PASSWORD);
  });
});
