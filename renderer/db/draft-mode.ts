import { exhaustive } from '../../shared/result';

/**
 * What queueing a draft does, decided when the draft is opened:
 * - `new`: a new escalation with a new request id;
 * - `requeue`: an edit of a queued escalation that failed or is waiting (`requestId` is its
 *   request id, kept so the server can never get two tickets);
 * - `fix`: a correction of a delivered escalation a supervisor returned, sent to ticket `remoteId`.
 */
export type DraftMode = { kind: 'new' } | { kind: 'requeue'; requestId: string } | { kind: 'fix'; requestId: string; remoteId: string };

/**
 * The request id of the queued escalation this draft edits, or null for a new one. That
 * escalation keeps using its sealed notes until the edit replaces it.
 */
export function editedRequestId(mode: DraftMode): string | null {
  switch (mode.kind) {
    case 'new':
      return null;
    case 'requeue':
    case 'fix':
      return mode.requestId;
    default:
      return exhaustive(mode, 'draft mode');
  }
}

/** How drafts saved before version 3 of the database said their mode. */
export interface LegacyDraftModeFields {
  replacesRequestId?: string | null;
  /** Absent on drafts saved before returned escalations could be fixed. */
  resubmitRemoteId?: string | null;
}

/**
 * The mode of a draft saved before version 3, read the way queueing read it then: a remote id
 * made it a fix, else a replaced request id a re-queue, else new. A remote id without a request
 * id was never written (a fix always names the escalation it edits); such a row becomes a new
 * draft rather than a fix of an escalation that cannot be found.
 */
export function draftModeFromLegacy(row: LegacyDraftModeFields): DraftMode {
  const requestId = row.replacesRequestId ?? null;
  const remoteId = row.resubmitRemoteId ?? null;
  if (requestId && remoteId) return { kind: 'fix', requestId, remoteId };
  if (requestId) return { kind: 'requeue', requestId };
  return { kind: 'new' };
}

/** Version 3's upgrade of one saved draft, in place (for Dexie's `modify`): two fields become one mode. */
export function upgradeDraftMode(row: LegacyDraftModeFields & { mode?: DraftMode }): void {
  row.mode = draftModeFromLegacy(row);
  delete row.replacesRequestId;
  delete row.resubmitRemoteId;
}
