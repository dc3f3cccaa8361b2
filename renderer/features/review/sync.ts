import type { ReviewItem } from '../../../shared/review/schema';
import { dueAt } from '../../../shared/sla';
import type { SlaPolicy } from '../../../shared/sla';
import type { DecisionRow, DeskbookDb, ReviewRow } from '../../db/db';
import type { DeskbookApi } from '../../../shared/ipc/api';

// The review cache's writer (with decisions.ts, which writes what a landed decision changes):
// pulls, the detail a supervisor opens, and a conflict the supervisor has looked at.

const CURSOR = 'review.cursor';
const PREVIOUS = 'review.cursor.previous';

/** Flattens an item into the cache row the list's indexes use. */
export function toReviewRow(item: ReviewItem, district: SlaPolicy): ReviewRow {
  const e = item.escalation;
  const created = Date.parse(e?.createdAt ?? item.createdAt);
  const priority = e?.draft.priority ?? 'medium';
  return {
    remoteId: item.remoteId,
    item,
    reviewState: item.reviewState,
    priority,
    school: e?.draft.school ?? '',
    sopId: e?.draft.sop?.id ?? '',
    createdAt: created,
    lastUpdated: Date.parse(item.lastUpdated),
    slaDueAt: dueAt(district, priority, new Date(created)).getTime(),
  };
}

/**
 * Pulls what changed since the pull before last into the cache, so a supervisor can read and
 * decide offline. Each pull re-reads the window of the one before it: Request Tracker's worker
 * processes may serve a record cached a few seconds earlier, and an update read stale once must
 * not stay stale behind the cursor. Returns how many items were read; throws the typed error
 * (FORBIDDEN, UNAVAILABLE…) so the caller can say why.
 */
export async function pullReviews(db: DeskbookDb, api: { review: Pick<DeskbookApi['review'], 'list'> }, district: SlaPolicy): Promise<number> {
  const latest = (await db.meta.get(CURSOR))?.value ?? null;
  const cursor = (await db.meta.get(PREVIOUS))?.value ?? null;
  const result = await api.review.list({ cursor });
  if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
  const rows = result.value.items.map((item) => toReviewRow(item, district));
  await db.transaction('rw', db.reviews, db.meta, async () => {
    await db.reviews.bulkPut(rows);
    await db.meta.bulkPut([
      { key: PREVIOUS, value: latest },
      { key: CURSOR, value: result.value.cursor ?? latest },
    ]);
  });
  return rows.length;
}

/** Caches the ticket a supervisor opened, as main just read it. */
export async function cacheReview(db: DeskbookDb, item: ReviewItem, district: SlaPolicy): Promise<void> {
  await db.reviews.put(toReviewRow(item, district));
}

/**
 * After a conflict, the supervisor chose to look at the ticket as it is now: the cache takes
 * that version and the conflicting decision is dropped, in one transaction, so they can decide again.
 */
export async function reviewCurrentVersion(db: DeskbookDb, decision: DecisionRow, district: SlaPolicy): Promise<void> {
  await db.transaction('rw', db.reviews, db.decisions, async () => {
    if (decision.current) await db.reviews.put(toReviewRow(decision.current, district));
    await db.decisions.delete(decision.id);
  });
}
