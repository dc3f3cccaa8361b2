import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReviewItem, ReviewPage } from '../../../shared/review/schema';
import { err, ok } from '../../../shared/result';
import type { Result } from '../../../shared/result';
import { DEFAULT_DISTRICT_POLICY } from '../../../shared/sla/district';
import { openDeskbookDb } from '../../db/db';
import type { DecisionRow, DeskbookDb } from '../../db/db';
import { testEscalation } from '../../outbox/pump.testkit';
import { pullReviews, reviewCurrentVersion } from './sync';

let db: DeskbookDb;
beforeEach(() => {
  db = openDeskbookDb(`review-sync-${Math.random()}`);
});
afterEach(async () => {
  await db.delete();
});

function item(n: number, changes: Partial<ReviewItem> = {}): ReviewItem {
  const escalation = testEscalation(n);
  return {
    remoteId: String(n),
    url: `https://rt/${n}`,
    requestId: escalation.id,
    subject: `Ticket ${n}`,
    rtStatus: 'new',
    reviewState: 'awaiting-review',
    createdAt: escalation.createdAt,
    lastUpdated: escalation.createdAt,
    escalation,
    hasSealedNote: false,
    etag: null,
    ...changes,
  };
}

/** A `review:list` that answers the given pages in turn and records the cursors it was asked for. */
function listing(pages: Result<ReviewPage>[]) {
  const cursors: (string | null | undefined)[] = [];
  const api = {
    review: {
      list: async (input: { cursor?: string | null }) => {
        cursors.push(input.cursor);
        return pages.shift() ?? ok({ items: [], cursor: null });
      },
    },
  };
  return { api, cursors };
}

describe('pullReviews', () => {
  it('caches what changed, flattened for the list, and re-reads the window of the pull before', async () => {
    const { api, cursors } = listing([
      ok({ items: [item(1), item(2)], cursor: 'c1' }),
      ok({ items: [item(3)], cursor: 'c2' }),
      // RT's worker served item 1 stale once: the next pull, from the cursor before, sees the update.
      ok({ items: [item(1, { reviewState: 'approved', lastUpdated: '2026-11-23T18:00:00.000Z' })], cursor: null }),
      ok({ items: [], cursor: null }),
    ]);
    expect(await pullReviews(db, api, DEFAULT_DISTRICT_POLICY)).toBe(2);
    expect(await pullReviews(db, api, DEFAULT_DISTRICT_POLICY)).toBe(1);
    expect(await pullReviews(db, api, DEFAULT_DISTRICT_POLICY)).toBe(1);
    await pullReviews(db, api, DEFAULT_DISTRICT_POLICY);

    // Each pull starts from the cursor of the pull before the last; a page without a cursor keeps it.
    expect(cursors).toEqual([null, null, 'c1', 'c2']);
    expect(await db.reviews.count()).toBe(3);
    const one = await db.reviews.get('1');
    expect(one).toMatchObject({ reviewState: 'approved', priority: 'medium', lastUpdated: Date.parse('2026-11-23T18:00:00.000Z') });
    expect(one?.slaDueAt).toBeGreaterThan(one!.createdAt);
  });

  it('throws the typed error and keeps the cache and cursor as they were', async () => {
    const { api } = listing([ok({ items: [item(1)], cursor: 'c1' }), err('FORBIDDEN', 'Supervisors only.')]);
    await pullReviews(db, api, DEFAULT_DISTRICT_POLICY);
    await expect(pullReviews(db, api, DEFAULT_DISTRICT_POLICY)).rejects.toMatchObject({ message: 'Supervisors only.', code: 'FORBIDDEN' });
    expect(await db.reviews.count()).toBe(1);
    expect((await db.meta.get('review.cursor'))?.value).toBe('c1');
  });
});

describe('reviewCurrentVersion', () => {
  it('caches the ticket as it is now and drops the conflicting decision', async () => {
    const seen = item(5);
    const current = { ...item(5, { reviewState: 'returned', etag: 'v2' }), history: [] };
    const decision: DecisionRow = {
      id: 'd-5',
      remoteId: '5',
      requestId: seen.requestId,
      decision: { kind: 'approve', note: '' },
      expectedEtag: null,
      decidedAt: '2026-11-23T17:00:00.000Z',
      seen,
      state: 'conflict',
      current,
      message: 'changed',
    };
    await db.decisions.put(decision);
    await reviewCurrentVersion(db, decision, DEFAULT_DISTRICT_POLICY);
    expect(await db.decisions.count()).toBe(0);
    expect(await db.reviews.get('5')).toMatchObject({ reviewState: 'returned', item: { etag: 'v2' } });
  });
});
