import { districtConstants } from '../../../shared/sop/district';
import { answer, back, startRun } from '../../../shared/sop/engine';
import type { RunInput } from '../../../shared/sop/engine';
import type { SopDocument } from '../../../shared/sop/schema';
import { db } from '../../db/db';
import type { RunRow } from '../../db/db';
import { activeUiLanguage } from '../../i18n';
import { initialCallerLanguage } from './language';

/**
 * Starts a run on this exact document version and saves it before the first screen shows. The
 * district's notes for the pack are fixed into the run as it starts (`{{district.x}}`). The
 * caller is first assumed to speak the interface language when the SOP has scripts in it, else
 * the SOP's own; the analyst switches it on the call (see {@link setCallerLanguage}).
 */
export async function createRun(
  doc: SopDocument,
  packId: string,
  now: number,
  districtNotes: Readonly<Record<string, string>> = {},
  uiLanguage: string = activeUiLanguage(),
): Promise<RunRow> {
  const row: RunRow = {
    id: crypto.randomUUID(),
    doc,
    packId,
    state: startRun(doc, now, districtConstants(doc, districtNotes)),
    status: 'active',
    notes: {},
    startedAt: now,
    updatedAt: now,
    finishedAt: null,
    draftId: null,
    callerLanguage: initialCallerLanguage(doc, uiLanguage),
  };
  await db().runs.put(row);
  return row;
}

/**
 * Applies an answer and writes the run at once: every answer is on disk before the next node
 * shows, so a crash or reload resumes exactly here. Invalid input throws and nothing changes.
 */
export async function answerRun(row: RunRow, input: RunInput, now: number): Promise<RunRow> {
  const state = answer(row.doc, row.state, input, now);
  const finished = state.status === 'finished';
  const next: RunRow = { ...row, state, updatedAt: now, status: finished ? 'finished' : 'active', finishedAt: finished ? now : null };
  await db().runs.put(next);
  return next;
}

/** Goes back one node; later answers are discarded and will be asked again. */
export async function backRun(row: RunRow, now: number): Promise<RunRow> {
  const state = back(row.doc, row.state, now);
  const next: RunRow = { ...row, state, status: 'active', finishedAt: null, updatedAt: now };
  await db().runs.put(next);
  return next;
}

export async function saveNote(runId: string, nodeId: string, note: string): Promise<void> {
  await db().runs.where('id').equals(runId).modify((row) => {
    row.notes = { ...row.notes, [nodeId]: note };
  });
}

/**
 * Records the language the caller speaks (the scripts shown and the ticket's call language).
 * Only that field is written, like {@link saveNote}, so it cannot undo an answer saved meanwhile.
 */
export async function setCallerLanguage(row: RunRow, language: string, now: number): Promise<RunRow> {
  await db().runs.where('id').equals(row.id).modify((stored) => {
    stored.callerLanguage = language;
    stored.updatedAt = now;
  });
  return { ...row, callerLanguage: language, updatedAt: now };
}

export async function abandonRun(runId: string): Promise<void> {
  await db().runs.delete(runId);
}

