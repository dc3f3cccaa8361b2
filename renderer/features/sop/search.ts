import MiniSearch from 'minisearch';
import { allSymptoms } from '../../../shared/sop/languages';
import type { CatalogEntry } from './catalog';

interface Indexed {
  id: string;
  title: string;
  tags: string;
  symptoms: string;
}

/**
 * Words that say nothing about the problem, in English and Spanish, so "no puedo entrar al
 * portal de padres" is searched as "puedo entrar portal padres" and "my child's grades" as
 * "child's grades". Negations are dropped too: nearly every symptom is a "can't".
 */
const STOP_WORDS = new Set([
  // English
  'a', 'an', 'the', 'to', 'of', 'in', 'on', 'at', 'for', 'and', 'or', 'is', 'it', 'my', 'i', 'me', 'we', 'our', 'your',
  'can', 'cant', 'cannot', 'not', 'no', 'do', 'does', 'dont', 'doesnt', 'with', 'how', 'what',
  // Spanish
  'el', 'la', 'los', 'las', 'un', 'una', 'unos', 'unas', 'de', 'del', 'al', 'a', 'en', 'y', 'o', 'que', 'mi', 'mis', 'me',
  'se', 'su', 'sus', 'por', 'para', 'con', 'es', 'lo', 'le', 'les', 'ya', 'como', 'yo', 'nos', 'muy', 'pero', 'sin',
]);

/**
 * One search term as both the index and a query see it: lowercased, accents and apostrophes
 * dropped (a caller types "contrasena", "calificacion", "cant"), stop words removed.
 */
export function searchTerm(term: string): string | null {
  const folded = term
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’`´]/g, '');
  return folded === '' || STOP_WORDS.has(folded) ? null : folded;
}

/**
 * Instant, typo-tolerant search over titles, tags and symptoms in every language the SOP is
 * written in ("cant log in hac", "activaton key", "no puedo entrar al portal de padres"). Titles
 * weigh most; prefix matching lets results narrow as the analyst types. The index is built on
 * the first query, not with the library: an empty query lists every entry, which is what the
 * library's first paint shows.
 */
export function createSopSearch(entries: readonly CatalogEntry[]): (query: string) => CatalogEntry[] {
  let index: MiniSearch<Indexed> | null = null;
  const byKey = new Map(entries.map((e) => [e.key, e]));
  return (query) => {
    const q = query.trim();
    if (q === '') return [...entries];
    index ??= indexOf(entries);
    let hits = index.search(q);
    if (hits.length === 0) hits = index.search(q, { combineWith: 'OR' });
    return hits.map((h) => byKey.get(String(h.id))).filter((e): e is CatalogEntry => e !== undefined);
  };
}

function indexOf(entries: readonly CatalogEntry[]): MiniSearch<Indexed> {
  const index = new MiniSearch<Indexed>({
    fields: ['title', 'tags', 'symptoms'],
    storeFields: [],
    tokenize: (text) => text.split(/[^\p{L}\p{N}'’]+/u).filter((token) => token !== ''),
    processTerm: searchTerm,
    // Typos are forgiven in longer words only: "puedo" must not also match "puede" (a parent
    // calling is not a child who cannot sign in), while "activaton" still finds "activation".
    searchOptions: { boost: { title: 3, symptoms: 2 }, fuzzy: (term) => (term.length > 5 ? 0.25 : false), prefix: true, combineWith: 'AND' },
  });
  index.addAll(
    entries.map((e) => ({
      id: e.key,
      title: [e.doc.title, ...Object.values(e.doc.translations ?? {}).flatMap((t) => (t.title ? [t.title] : []))].join(' · '),
      tags: e.doc.tags.join(' '),
      symptoms: allSymptoms(e.doc).join(' · '),
    })),
  );
  return index;
}
