import type { EscalationDraftInput } from '../../../shared/escalation/schema';
import { db } from '../../db/db';
import { deskbook } from '../../ipc/client';
import type { DraftRow, EscalationRow, RunRow } from '../../db/db';
import { editedRequestId } from '../../db/draft-mode';
import type { DraftMode } from '../../db/draft-mode';
import { blankDraft, draftFromRun } from './prefill';
import { draftForDisk } from './secrets';

/**
 * Opens the escalation draft of a run, creating it (prefilled) on first use. The draft id is
 * written to the run in the same transaction, so a second click or a reload reopens the same
 * draft instead of starting another.
 */
export async function openDraftFromRun(run: RunRow, now: number): Promise<string> {
  return db().transaction('rw', db().runs, db().drafts, async () => {
    const fresh = await db().runs.get(run.id);
    if (fresh?.draftId && (await db().drafts.get(fresh.draftId))) return fresh.draftId;
    const draft: DraftRow = {
      id: crypto.randomUUID(),
      runId: run.id,
      values: draftForDisk(draftFromRun(run.id, run.doc, run.state)),
      mode: { kind: 'new' },
      createdAt: now,
      updatedAt: now,
    };
    await db().drafts.put(draft);
    await db().runs.update(run.id, { draftId: draft.id });
    return draft.id;
  });
}

export async function createBlankDraft(now: number): Promise<string> {
  const id = crypto.randomUUID();
  await db().drafts.put({ id, runId: null, values: blankDraft(), mode: { kind: 'new' }, createdAt: now, updatedAt: now });
  return id;
}

/**
 * Opens a queued escalation for editing: a failed or paused one (re-queueing keeps its request
 * id), or a delivered one a supervisor returned (the fix goes to the same ticket).
 */
export async function createDraftFromEscalation(row: EscalationRow, now: number): Promise<string> {
  // Once a ticket exists, every edit goes to that ticket (a fix), never a new one.
  const mode: DraftMode =
    row.remoteId === null ? { kind: 'requeue', requestId: row.requestId } : { kind: 'fix', requestId: row.requestId, remoteId: row.remoteId };
  const id = crypto.randomUUID();
  const d = row.escalation.draft;
  const values: EscalationDraftInput = {
    ...d,
    replicationSteps: d.replicationSteps ?? '',
    callerName: d.callerName ?? '',
    studentName: d.studentName ?? '',
    studentNumber: d.studentNumber ?? '',
    school: d.school ?? '',
  };
  await db().drafts.put({
    id,
    runId: d.sop?.runId ?? null,
    values,
    mode,
    createdAt: now,
    updatedAt: now,
  });
  return id;
}

/**
 * Autosave: the form's values, on disk within moments of each keystroke, minus anything that
 * looks like a password (see draftForDisk).
 */
export async function saveDraftValues(id: string, values: EscalationDraftInput, now: number): Promise<void> {
  await db().drafts.update(id, { values: draftForDisk(values), updatedAt: now });
}

/**
 * Deletes a draft and the sealed notes only it referred to (from the vault, not just the list);
 * notes the queued escalation it was editing still uses are kept.
 */
export async function discardDraft(id: string): Promise<void> {
  for (const handle of await deleteDraft(id)) void deskbook().vault.discard({ handle });
}

/**
 * Deletes a draft row and returns the handles of the sealed notes only it referred to, which
 * the caller deletes from the vault: a note the queued escalation it edits still uses is not
 * among them.
 */
export async function deleteDraft(id: string): Promise<string[]> {
  return db().transaction('rw', db().drafts, db().escalations, async () => {
    const draft = await db().drafts.get(id);
    if (!draft) return [];
    await db().drafts.delete(id);
    const requestId = editedRequestId(draft.mode);
    const original = requestId ? await db().escalations.get(requestId) : undefined;
    const kept = new Set(original?.escalation.draft.sealedNotes.map((n) => n.handle) ?? []);
    return draft.values.sealedNotes.map((n) => n.handle).filter((handle) => !kept.has(handle));
  });
}
