import type { Collection, InsertType } from 'dexie';
import type { DeskbookDb, ReviewRow } from '../../db/db';
import type { ReviewState } from '../../../shared/review/schema';

export type SlaFilter = 'any' | 'breached' | 'due-today' | 'ok';
export type ReviewSort = 'oldest' | 'newest' | 'due';

export interface ReviewFilter {
  state: ReviewState;
  priority: 'any' | 'critical' | 'high' | 'medium' | 'low';
  school: string;
  sopId: string;
  sla: SlaFilter;
  sort: ReviewSort;
}

export const DEFAULT_FILTER: ReviewFilter = { state: 'awaiting-review', priority: 'any', school: '', sopId: '', sla: 'any', sort: 'oldest' };

const DAY = 86_400_000;

/**
 * One page of the review list, filtered and sorted through compound indexes, so the first page
 * of 100,000 cached escalations comes back in milliseconds. The most selective index that fits
 * is used (school, SOP, priority, or due time for SLA views), and the remaining filters narrow
 * that range as it is read, stopping once the page is full.
 */
export async function queryReviews(db: DeskbookDb, filter: ReviewFilter, now: number, limit: number, offset = 0): Promise<ReviewRow[]> {
  const t = db.reviews;
  const MAX = Number.MAX_SAFE_INTEGER;
  const { state, priority, school, sopId } = filter;
  const bySla = filter.sla !== 'any' || filter.sort === 'due';
  let collection: Collection<ReviewRow, string, InsertType<ReviewRow, 'remoteId'>>;
  // What the chosen index already guarantees, so the scan filter only checks the rest.
  let covered: { priority?: true; school?: true; sopId?: true } = {};
  if (bySla) {
    const [lo, hi] =
      filter.sla === 'breached' ? [0, now] : filter.sla === 'due-today' ? [now, now + DAY] : filter.sla === 'ok' ? [now, MAX] : [0, MAX];
    collection = t.where('[reviewState+slaDueAt]').between([state, lo], [state, hi], true, true);
  } else if (school) {
    collection = t.where('[reviewState+school+createdAt]').between([state, school, 0], [state, school, MAX]);
    covered = { school: true };
  } else if (sopId) {
    collection = t.where('[reviewState+sopId+createdAt]').between([state, sopId, 0], [state, sopId, MAX]);
    covered = { sopId: true };
  } else if (priority !== 'any') {
    collection = t.where('[reviewState+priority+createdAt]').between([state, priority, 0], [state, priority, MAX]);
    covered = { priority: true };
  } else {
    collection = t.where('[reviewState+createdAt]').between([state, 0], [state, MAX]);
  }
  if (filter.sort === 'newest') collection = collection.reverse();
  const checkPriority = priority !== 'any' && !covered.priority;
  const checkSchool = school !== '' && !covered.school;
  const checkSop = sopId !== '' && !covered.sopId;
  if (checkPriority || checkSchool || checkSop) {
    collection = collection.filter(
      (r) => (!checkPriority || r.priority === priority) && (!checkSchool || r.school === school) && (!checkSop || r.sopId === sopId),
    );
  }
  return collection.offset(offset).limit(limit).toArray();
}
