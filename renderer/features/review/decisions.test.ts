import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DecisionResult } from '../../../shared/ipc/sync';
import type { Decision, DecisionRequest, ReviewDetail, ReviewItem } from '../../../shared/review/schema';
import { err, ok } from '../../../shared/result';
import type { Result } from '../../../shared/result';
import { DEFAULT_DISTRICT_POLICY } from '../../../shared/sla/district';
import { openDeskbookDb } from '../../db/db';
import type { DecisionRow, DeskbookDb } from '../../db/db';
import { registerDeliveryKinds } from '../../outbox/kinds';
import { drainOnce, testEscalation, testPump } from '../../outbox/pump.testkit';
import { resumePaused } from '../../outbox/store';
import { decisionKind, enqueueDecision } from './decisions';
import { toReviewRow } from './sync';

const NOW = 1_000_000;
let db: DeskbookDb;

beforeAll(() => registerDeliveryKinds(decisionKind));
beforeEach(() => {
  db = openDeskbookDb(`review-decisions-${Math.random()}`);
});
afterEach(async () => {
  await db.delete();
});

const escalation = testEscalation(42);
const item: ReviewItem = {
  remoteId: '42',
  url: 'https://rt/42',
  requestId: escalation.id,
  subject: 'Ticket 42',
  rtStatus: 'new',
  reviewState: 'awaiting-review',
  createdAt: escalation.createdAt,
  lastUpdated: escalation.createdAt,
  escalation,
  hasSealedNote: false,
  etag: 'v1',
};

/** A supervisor's decision on ticket 42, queued, with the ticket in the review cache. */
async function decided(decision: Decision, n = 1): Promise<DecisionRow> {
  await db.reviews.put(toReviewRow(item, DEFAULT_DISTRICT_POLICY));
  const row: DecisionRow = {
    id: `00000000-0000-4000-8000-0000000000d${n}`,
    remoteId: '42',
    requestId: escalation.id,
    decision,
    expectedEtag: 'v1',
    decidedAt: '2026-11-23T17:00:00.000Z',
    seen: item,
    state: 'queued',
    current: null,
    message: null,
  };
  await enqueueDecision(db, row, NOW);
  return row;
}

function decideWith(answer: (r: DecisionRequest) => Result<DecisionResult>) {
  const requests: DecisionRequest[] = [];
  const decide = async (r: DecisionRequest) => {
    requests.push(r);
    return answer(r);
  };
  return { requests, pump: testPump(db, { review: { decide } }) };
}

describe('a decision queued through the outbox', () => {
  it('queues the decision and its outbox entry together', async () => {
    const row = await decided({ kind: 'approve', note: '' });
    expect(await db.decisions.get(row.id)).toMatchObject({ state: 'queued' });
    expect(await db.outbox.get(row.id)).toMatchObject({ kind: 'decision', escalationId: row.id, remoteId: '42', state: 'pending' });
  });

  it('on landing is marked applied and shows in the cached review list at once', async () => {
    const row = await decided({ kind: 'return', comment: 'Add the student number, please.' });
    const { requests, pump } = decideWith((r) => ok({ kind: 'sent', remoteId: r.remoteId, url: 'https://rt/42' }));
    await drainOnce(pump);

    expect(requests).toEqual([
      {
        decisionId: row.id,
        attemptId: 'attempt-1',
        remoteId: '42',
        requestId: escalation.id,
        decision: row.decision,
        expectedEtag: 'v1',
        decidedAt: row.decidedAt,
        maybeDelivered: false,
      },
    ]);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.decisions.get(row.id)).toMatchObject({ state: 'applied', message: null });
    const review = await db.reviews.get('42');
    expect(review?.reviewState).toBe('returned');
    expect(review?.item.reviewState).toBe('returned');
  });

  it("a recorded vendor case number goes the same road, once, and shows in the cache with the vendor clock's start", async () => {
    const vendorCase = { caseNumber: '1234567', submittedAt: '2026-11-23T16:45:00.000Z' };
    const row = await decided({ kind: 'vendor-case', ...vendorCase });
    await db.reviews.update('42', { reviewState: 'forwarded', 'item.reviewState': 'forwarded' });
    const { requests, pump } = decideWith((r) => ok({ kind: 'sent', remoteId: r.remoteId, url: 'https://rt/42' }));
    await drainOnce(pump);

    expect(requests.map((r) => [r.decisionId, r.decision])).toEqual([[row.id, { kind: 'vendor-case', ...vendorCase }]]);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.decisions.get(row.id)).toMatchObject({ state: 'applied' });
    const review = await db.reviews.get('42');
    expect(review).toMatchObject({ reviewState: 'forwarded', item: { reviewState: 'forwarded', vendorCase } });
  });

  it('on a conflict keeps both versions for the supervisor and leaves the cache as it was', async () => {
    const row = await decided({ kind: 'approve', note: '' });
    const current: ReviewDetail = { ...item, etag: 'v2', lastUpdated: '2026-11-23T18:00:00.000Z', history: [] };
    const { pump } = decideWith(() => ok({ kind: 'conflict', message: 'The ticket changed since you opened it.', current }));
    await drainOnce(pump);

    expect(await db.outbox.count()).toBe(0);
    expect(await db.decisions.get(row.id)).toMatchObject({ state: 'conflict', current, message: 'The ticket changed since you opened it.' });
    expect((await db.reviews.get('42'))?.reviewState).toBe('awaiting-review');
  });

  it('when refused is marked failed with the reason, and its entry is kept', async () => {
    const row = await decided({ kind: 'approve', note: '' });
    const { pump } = decideWith(() => err('FORBIDDEN', 'Only supervisors may decide.'));
    await drainOnce(pump);

    expect(await db.decisions.get(row.id)).toMatchObject({ state: 'failed', message: 'Only supervisors may decide.' });
    expect(await db.outbox.get(row.id)).toMatchObject({ state: 'failed', lastError: 'Only supervisors may decide.' });
  });

  it('with no token stored pauses with "Sign in", and after a sign-in delivers', async () => {
    const row = await decided({ kind: 'approve', note: '' });
    let signedIn = false;
    const { requests, pump } = decideWith((r) =>
      signedIn ? ok({ kind: 'sent', remoteId: r.remoteId, url: 'https://rt/42' }) : err('AUTH_REQUIRED', 'No token is stored for the ticketing system. Sign in first.'),
    );
    await pump.start();
    await pump.drain();

    const paused = await db.outbox.get(row.id);
    expect(paused?.state).toBe('paused');
    expect(paused?.lastError).toContain('Sign in');
    expect(await db.decisions.get(row.id)).toMatchObject({ state: 'queued' });

    signedIn = true;
    expect(await resumePaused(db, NOW)).toBe(1);
    expect(await db.outbox.get(row.id)).toMatchObject({ state: 'pending', nextAttemptAt: NOW });
    await pump.drain();
    pump.stop();

    expect(requests).toHaveLength(2);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.decisions.get(row.id)).toMatchObject({ state: 'applied' });
    expect((await db.reviews.get('42'))?.reviewState).toBe('approved');
  });
});
