import { lazy } from 'react';
import type { EscalationRow, RunRow } from '../../db/db';

/** The draft form loads on first use, keeping the library's first load small. */
export const DraftScreen = lazy(() => import('./DraftScreen').then((m) => ({ default: m.DraftScreen })));
export { useDraft, useDrafts } from './draft-queries';
export { escalationKind, resubmitKind } from './delivery';
export { refreshReviewStatus, useReviewStatusRefresh } from './review-status';

// Creating drafts needs the SOP engine and the credential guard: loaded when first used.
export async function openDraftFromRun(run: RunRow, now: number): Promise<string> {
  return (await import('./drafts')).openDraftFromRun(run, now);
}
export async function createBlankDraft(now: number): Promise<string> {
  return (await import('./drafts')).createBlankDraft(now);
}
export async function createDraftFromEscalation(row: EscalationRow, now: number): Promise<string> {
  return (await import('./drafts')).createDraftFromEscalation(row, now);
}
