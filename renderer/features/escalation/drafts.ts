import type { EscalationDraftInput, SealedNoteRef } from '../../../shared/escalation/schema';
import { db } from '../../db/db';
import { t } from '../../i18n';
import { deskbook } from '../../ipc/client';
import type { DraftRow, EscalationRow, RunRow } from '../../db/db';
import { editedRequestId } from '../../db/draft-mode';
import type { DraftMode } from '../../db/draft-mode';
import { blankDraft, draftFromRun } from './prefill';
import { withNewRunFacts } from './refresh';
import { draftForDisk } from './secrets';

/**
 * Opens the escalation draft of a run, creating it (prefilled) on first use. The draft id is
 * written to the run in the same transaction, so a second click or a reload reopens the same
 * draft instead of starting another; reopened after the call went on, it takes what was
 * captured since without losing what the analyst typed in it.
 */
export async function openDraftFromRun(run: RunRow, now: number): Promise<string> {
  const existing = await existingDraftOf(run.id);
  if (existing) {
    await refreshFromRun(existing, run, now);
    return existing;
  }
  const { draft: values, toSeal } = draftFromRun(run.id, run.doc, run.state, run.notes, run.callerLanguage);
  // Values typed on sensitive nodes are sealed by main before the draft is written, outside the
  // transaction (an IPC round trip would end it). A failure to seal stops here with nothing
  // written, so the analyst can try again; nothing typed is silently dropped.
  const sealed = await sealAll(toSeal);
  const result = await db().transaction('rw', db().runs, db().drafts, async () => {
    const raced = await existingDraftOf(run.id);
    if (raced) return { id: raced, used: false };
    const draft: DraftRow = {
      id: crypto.randomUUID(),
      runId: run.id,
      values: draftForDisk({ ...values, sealedNotes: [...sealed, ...values.sealedNotes] }),
      mode: { kind: 'new' },
      createdAt: now,
      updatedAt: now,
    };
    await db().drafts.put(draft);
    await db().runs.update(run.id, { draftId: draft.id });
    return { id: draft.id, used: true };
  });
  // A second click that lost the race: its notes are nobody's; drop them from the vault.
  if (!result.used) for (const note of sealed) void deskbook().vault.discard({ handle: note.handle });
  return result.id;
}

/**
 * The draft already open for this run takes what the call captured since it was opened (see
 * withNewRunFacts); sensitive values typed since are sealed first, one note per label, and a
 * draft deleted meanwhile gives its new notes back to the vault.
 */
async function refreshFromRun(draftId: string, run: RunRow, now: number): Promise<void> {
  const row = await db().drafts.get(draftId);
  if (!row || row.mode.kind !== 'new') return;
  const { draft: fresh, toSeal } = draftFromRun(run.id, run.doc, run.state, run.notes, run.callerLanguage);
  const labels = new Set(row.values.sealedNotes.map((note) => note.label));
  const sealed = await sealAll(toSeal.filter((value) => !labels.has(value.label.slice(0, 80))));
  const merged = { ...withNewRunFacts(row.values, fresh), sealedNotes: [...row.values.sealedNotes, ...sealed] };
  if (JSON.stringify(merged) === JSON.stringify(row.values)) return;
  const written = await db().drafts.update(draftId, { values: draftForDisk(merged), updatedAt: now });
  if (written === 0) for (const note of sealed) void deskbook().vault.discard({ handle: note.handle });
}

async function existingDraftOf(runId: string): Promise<string | null> {
  const fresh = await db().runs.get(runId);
  return fresh?.draftId && (await db().drafts.get(fresh.draftId)) ? fresh.draftId : null;
}

/** Seals each value in main's vault; on any failure discards the ones already sealed and throws. */
async function sealAll(values: readonly { label: string; value: string }[]): Promise<SealedNoteRef[]> {
  const sealed: SealedNoteRef[] = [];
  for (const { label, value } of values) {
    const result = await deskbook().vault.seal({ label: label.slice(0, 80), plaintext: value });
    if (!result.ok) {
      for (const note of sealed) void deskbook().vault.discard({ handle: note.handle });
      throw new Error(t('escalation.draft.sealFailed', { label, reason: result.error.message }));
    }
    sealed.push(result.value);
  }
  return sealed;
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
    usersAffected: d.usersAffected ?? '',
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
