import { useLiveQuery } from 'dexie-react-hooks';
import type { SopDocument, SopPack } from '../../../shared/sop/schema';
import { db } from '../../db/db';
import type { StudioRow } from '../../db/db';
import { newStudioRow, packOf, publishDraft, rollbackTo, studioPackId, StudioError } from './versions';

/**
 * The Studio's procedures in IndexedDB. Each change is one transaction: a publish writes the
 * Studio row and the pack the library lists together, so the library never shows a version the
 * Studio does not record (or the reverse).
 */

/** Every Studio procedure, most recently edited first; undefined while loading. */
export function useStudioRows(): StudioRow[] | undefined {
  return useLiveQuery(() => db().studio.orderBy('updatedAt').reverse().toArray(), []);
}

/** One Studio procedure, live; undefined while loading, null when there is none. */
export function useStudioRow(id: string): StudioRow | null | undefined {
  return useLiveQuery(async () => (await db().studio.get(id)) ?? null, [id]);
}

/** Starts a procedure in the Studio; refused when one with that id is already there. */
export async function createProcedure(draft: SopDocument, now: number): Promise<void> {
  await db().transaction('rw', db().studio, async () => {
    if (await db().studio.get(draft.id)) throw new StudioError(`the Studio already has a procedure "${draft.id}": open it, or choose another id`);
    await db().studio.add(newStudioRow(draft, now));
  });
}

/** Saves the draft after an edit. Published versions are not touched. */
export async function saveDraft(id: string, draft: SopDocument, now: number): Promise<void> {
  const updated = await db().studio.update(id, { draft, updatedAt: now });
  if (updated === 0) throw new StudioError(`the Studio has no procedure "${id}" to save`);
}

/**
 * Brings every SOP of a pack file into the Studio as a draft. A procedure already in the Studio
 * keeps its published versions and gets the file's steps as its draft, so an edited export can
 * be brought back and published as the next version. Returns the ids brought in.
 */
export async function importIntoStudio(pack: SopPack, now: number): Promise<string[]> {
  return db().transaction('rw', db().studio, async () => {
    for (const doc of pack.sops) {
      const existing = await db().studio.get(doc.id);
      await db().studio.put(existing ? { ...existing, draft: doc, updatedAt: now } : newStudioRow(doc, now));
    }
    return pack.sops.map((doc) => doc.id);
  });
}

async function writeVersion(id: string, change: (row: StudioRow) => StudioRow): Promise<StudioRow> {
  return db().transaction('rw', db().studio, db().packs, async () => {
    const row = await db().studio.get(id);
    if (!row) throw new StudioError(`the Studio has no procedure "${id}"`);
    const next = change(row);
    const doc = next.published.at(-1)?.doc;
    if (!doc) throw new StudioError(`"${id}" has no published version`);
    const pack = packOf(doc);
    await db().studio.put(next);
    await db().packs.put({ key: `${pack.id}@${pack.version}`, id: pack.id, version: pack.version, title: pack.title, pack, importedAt: next.updatedAt });
    return next;
  });
}

/** Publishes the draft (see publishDraft) and lists the new version in this computer's library. */
export function publishProcedure(id: string, now: number): Promise<StudioRow> {
  return writeVersion(id, (row) => publishDraft(row, now));
}

/** Rolls back to an earlier version (see rollbackTo), published again as a new version. */
export function rollbackProcedure(id: string, version: string, now: number): Promise<StudioRow> {
  return writeVersion(id, (row) => rollbackTo(row, version, now));
}

/** Removes a procedure from the Studio and its published versions from this computer's library. */
export async function deleteProcedure(id: string): Promise<void> {
  await db().transaction('rw', db().studio, db().packs, async () => {
    await db().studio.delete(id);
    await db().packs.where('id').equals(studioPackId(id)).delete();
  });
}
