import MiniSearch from 'minisearch';
import type { CatalogEntry } from './catalog';

interface Indexed {
  id: string;
  title: string;
  tags: string;
  symptoms: string;
}

/**
 * Instant, typo-tolerant search over titles, tags and symptoms ("cant log in hac", "activaton
 * key"). Titles weigh most; prefix matching lets results narrow as the analyst types.
 */
export function createSopSearch(entries: readonly CatalogEntry[]): (query: string) => CatalogEntry[] {
  const index = new MiniSearch<Indexed>({
    fields: ['title', 'tags', 'symptoms'],
    storeFields: [],
    searchOptions: { boost: { title: 3, symptoms: 2 }, fuzzy: 0.25, prefix: true, combineWith: 'AND' },
  });
  const byKey = new Map(entries.map((e) => [e.key, e]));
  index.addAll(
    entries.map((e) => ({ id: e.key, title: e.doc.title, tags: e.doc.tags.join(' '), symptoms: e.doc.symptoms.join(' · ') })),
  );
  return (query) => {
    const q = query.trim();
    if (q === '') return [...entries];
    let hits = index.search(q);
    if (hits.length === 0) hits = index.search(q, { combineWith: 'OR' });
    return hits.map((h) => byKey.get(String(h.id))).filter((e): e is CatalogEntry => e !== undefined);
  };
}
