import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { LibrarySettings } from '../../../shared/ipc/settings';
import { BUILTIN_PACKS } from '../../../shared/sop/packs';
import { compareSemver } from '../../../shared/sop/semver';
import { useAppStore } from '../../state/store';
import type { SopDocument, SopPack } from '../../../shared/sop/schema';
import { db } from '../../db/db';

/** An SOP as the library lists it: the document and the pack it came from. */
export interface CatalogEntry {
  key: string;
  doc: SopDocument;
  packId: string;
  packTitle: string;
  source: 'built-in' | 'district';
  /** For a shipped example pack: the district whose procedure it follows. */
  exampleFrom?: string;
}

/** What the library offers when no policy says otherwise: every pack, built-ins included. */
const ALL_PACKS: Pick<LibrarySettings, 'builtInPacks' | 'enabledPacks'> = { builtInPacks: 'show', enabledPacks: [] };

/**
 * Builds the catalog: built-in packs, then imported district packs (the newest version of each
 * pack id). A district pack with the same SOP id as a built-in one replaces it, so a district can
 * adapt a shipped procedure; between district packs, the newer version of an SOP wins. The district's library policy decides what is listed: built-ins
 * hidden (`builtInPacks: 'hide'`), and only the packs in `enabledPacks` when it names any.
 */
export function buildCatalog(
  builtin: readonly SopPack[],
  imported: readonly SopPack[],
  library: Pick<LibrarySettings, 'builtInPacks' | 'enabledPacks'> = ALL_PACKS,
): CatalogEntry[] {
  const enabled = new Set(library.enabledPacks);
  const listed = (pack: SopPack) => enabled.size === 0 || enabled.has(pack.id);
  const newest = new Map<string, SopPack>();
  for (const pack of imported) {
    const current = newest.get(pack.id);
    if (!current || (compareSemver(pack.version, current.version) ?? 0) > 0) newest.set(pack.id, pack);
  }
  const bySop = new Map<string, CatalogEntry>();
  const add = (pack: SopPack, source: CatalogEntry['source']) => {
    for (const doc of pack.sops) {
      const entry: CatalogEntry = { key: `${pack.id}/${doc.id}@${doc.version}`, doc, packId: pack.id, packTitle: pack.title, source };
      // Two district packs with the same SOP (the Studio's own copy and the signed district
      // pack it was exported into): the newer version of the SOP is the one listed.
      const listedAlready = bySop.get(doc.id);
      if (source === 'district' && listedAlready?.source === 'district' && (compareSemver(listedAlready.doc.version, doc.version) ?? 0) > 0) continue;
      bySop.set(doc.id, source === 'built-in' && pack.exampleFrom ? { ...entry, exampleFrom: pack.exampleFrom } : entry);
    }
  };
  if (library.builtInPacks === 'show') for (const pack of builtin) if (listed(pack)) add(pack, 'built-in');
  for (const pack of newest.values()) if (listed(pack)) add(pack, 'district');
  // Plain code-unit order: localeCompare's first call costs Chromium a collation set-up at start.
  return [...bySop.values()].sort((a, b) => (a.doc.title < b.doc.title ? -1 : a.doc.title > b.doc.title ? 1 : 0));
}

/** The live catalog: re-computed when a district pack is imported. */
export function useCatalog(): CatalogEntry[] {
  const imported = useLiveQuery(() => db().packs.toArray(), [], []);
  const library = useAppStore((s) => s.settings?.library);
  // The district's published pack, verified by main, is one more district pack: the newest version wins.
  const published = useAppStore((s) => s.districtPack?.pack);
  const builtInPacks = library?.builtInPacks ?? 'show';
  const enabledPacks = library?.enabledPacks;
  return useMemo(
    () =>
      buildCatalog(BUILTIN_PACKS, [...imported.map((row) => row.pack), ...(published ? [published] : [])], {
        builtInPacks,
        enabledPacks: enabledPacks ?? [],
      }),
    [imported, published, builtInPacks, enabledPacks],
  );
}

