import { diffSop } from '../../../shared/sop/diff';
import { compareSemver } from '../../../shared/sop/semver';
import { sopPackSchema } from '../../../shared/sop/schema';
import type { SopDocument, SopPack } from '../../../shared/sop/schema';
import type { StudioRow, StudioVersion } from '../../db/db';
import { canPublish, findingsByNode } from './model';

/**
 * Draft and published versions of a Studio procedure, pure: the Dexie writes are in
 * studio-store.ts. Publishing is the only way a version comes to exist, and it always moves
 * forward: a rollback publishes the old steps under a new, higher version, because every
 * Deskbook that already has the newer one refuses an older version number (distribution.ts).
 */

/** Why a publish or rollback was refused, in words for the supervisor. */
export class StudioError extends Error {
  override name = 'StudioError';
}

/** The Studio row for a procedure that has never been published. */
export function newStudioRow(draft: SopDocument, now: number): StudioRow {
  return { id: draft.id, draft, published: [], updatedAt: now };
}

/** The newest published version, or undefined before the first publish. */
export function latestPublished(row: StudioRow): StudioVersion | undefined {
  return row.published.at(-1);
}

/**
 * The version the next publish gets: the newest published one with its minor part bumped
 * (1.2.0 → 1.3.0); on a first publish, the draft's own version when it is already 1.0.0 or more
 * (an imported procedure keeps its numbering, bumped since that version is in use), else 1.0.0.
 */
export function nextVersion(row: StudioRow): string {
  const base = latestPublished(row)?.version ?? row.draft.version;
  const parsed = /^(\d+)\.(\d+)\.(\d+)/.exec(base);
  const [major, minor] = parsed ? [Number(parsed[1]), Number(parsed[2])] : [0, 0];
  if (row.published.length === 0 && major < 1) return '1.0.0';
  return `${major}.${minor + 1}.0`;
}

/** True when the draft differs from the newest published version (or nothing is published yet). */
export function hasUnpublishedChanges(row: StudioRow): boolean {
  const latest = latestPublished(row);
  if (!latest) return true;
  return JSON.stringify({ ...row.draft, version: '' }) !== JSON.stringify({ ...latest.doc, version: '' });
}

/**
 * Publishes the draft as a new version: refused while lint finds an error (the same gate as the
 * Publish button, checked again here so no path skips it) or when nothing changed since the last
 * version. The draft takes the new version number too, so the next edit starts from it.
 */
export function publishDraft(row: StudioRow, now: number): StudioRow {
  const errors = [...findingsByNode(row.draft).values()].flat().filter((finding) => finding.severity === 'error');
  if (!canPublish(row.draft)) {
    throw new StudioError(`fix ${errors.length === 1 ? 'the error' : `the ${errors.length} errors`} lint found before publishing: ${errors[0]?.message ?? ''}`);
  }
  if (!hasUnpublishedChanges(row)) throw new StudioError('nothing changed since the last published version');
  const version = nextVersion(row);
  const doc: SopDocument = { ...row.draft, version };
  const previous = latestPublished(row);
  const published: StudioVersion = { version, doc, publishedAt: now, diff: previous ? diffSop(previous.doc, doc) : null };
  return { ...row, draft: doc, published: [...row.published, published], updatedAt: now };
}

/**
 * Rolls back to an earlier published version: its steps are published again as a new version
 * (recorded as restoring it, with the diff from the version it replaces) and become the draft.
 * Any unpublished edits in the draft are replaced; the caller asks before calling this.
 */
export function rollbackTo(row: StudioRow, version: string, now: number): StudioRow {
  const target = row.published.find((candidate) => candidate.version === version);
  const latest = latestPublished(row);
  if (!target || !latest) throw new StudioError(`there is no published version ${version} to roll back to`);
  if (target === latest) throw new StudioError(`${version} is already the published version`);
  const next = nextVersion(row);
  const doc: SopDocument = { ...target.doc, version: next };
  const restored: StudioVersion = { version: next, doc, publishedAt: now, diff: diffSop(latest.doc, doc), restores: version };
  return { ...row, draft: doc, published: [...row.published, restored], updatedAt: now };
}

/** Who a Studio pack says maintains it. */
export const STUDIO_PUBLISHER = "The district's help desk (SOP Studio)";

/** The pack id a published Studio procedure is listed under on this computer. */
export const studioPackId = (sopId: string) => `studio-${sopId}`;

/**
 * One procedure as a pack file: the draft (to export and keep working on elsewhere) or a
 * published version. Parsed again with the pack schema, so what is exported is exactly what an
 * import, `npm run sop:lint` or the signing tool reads.
 */
export function packOf(doc: SopDocument): SopPack {
  return sopPackSchema.parse({
    id: studioPackId(doc.id),
    title: doc.title,
    version: doc.version,
    publisher: STUDIO_PUBLISHER,
    sops: [doc],
  });
}

/** The pack id and title of the district pack the Studio exports for signing. */
export const DISTRICT_PACK = { id: 'district-procedures', title: 'District procedures' } as const;

/**
 * Every published Studio procedure (its newest version) as the one pack district IT signs and
 * serves at the SopPackUrl. Its version counts every publish and rollback (1.<n>.0), so each
 * export after a publish is newer than the last and Deskbooks that have the last accept it.
 * Undefined while nothing is published.
 */
export function districtPackOf(rows: readonly StudioRow[]): SopPack | undefined {
  const sops = rows
    .flatMap((row) => latestPublished(row)?.doc ?? [])
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (sops.length === 0) return undefined;
  const publishes = rows.reduce((sum, row) => sum + row.published.length, 0);
  return sopPackSchema.parse({ ...DISTRICT_PACK, version: `1.${publishes}.0`, publisher: STUDIO_PUBLISHER, sops });
}

/** Versions newest first, as the version list shows them. */
export function versionsNewestFirst(row: StudioRow): StudioVersion[] {
  return [...row.published].sort((a, b) => (compareSemver(b.version, a.version) ?? 0));
}
