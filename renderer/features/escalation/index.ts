import { lazy } from 'react';
import type { EscalationRow, RunRow } from '../../db/db';
import type { DeliveryKind } from '../../outbox/kinds';

/** The draft form loads on first use, keeping the library's first load small. */
export const DraftScreen = lazy(() => import('./DraftScreen').then((m) => ({ default: m.DraftScreen })));
export { useDraft, useDrafts } from './draft-queries';
export { refreshReviewStatus, useReviewStatusRefresh } from './review-status';

/**
 * The outbox's kinds for escalations and resubmits, for the shell to register. Loaded with the
 * outbox rather than re-exported: whatever this index exports statically ships in the library's
 * first load, and these carry the outbox store and the escalation schema with them.
 */
export async function escalationDeliveryKinds(): Promise<readonly DeliveryKind[]> {
  const { escalationKind, resubmitKind } = await import('./delivery');
  return [escalationKind, resubmitKind];
}

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
