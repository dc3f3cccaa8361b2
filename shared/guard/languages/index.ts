import { foldLookalikes } from '../confusables';
import { ARABIC } from './ar';
import { ENGLISH } from './en';
import { SPANISH } from './es';
import { HAITIAN_CREOLE } from './ht';
import { KOREAN } from './ko';
import { PORTUGUESE } from './pt';
import { RUSSIAN } from './ru';
import { SOMALI } from './so';
import type { Language } from './types';
import { VIETNAMESE } from './vi';
import { CHINESE } from './zh';

export type { Language } from './types';

/**
 * The languages of the families US districts serve most, after English and Spanish. Adding one
 * is adding a file here: the keyword, connector and prose-word tables are all built from this list.
 */
export const LANGUAGES: readonly Language[] = [
  ENGLISH,
  SPANISH,
  PORTUGUESE,
  VIETNAMESE,
  CHINESE,
  KOREAN,
  ARABIC,
  RUSSIAN,
  HAITIAN_CREOLE,
  SOMALI,
];

/** Horizontal whitespace: a keyword at the end of one line never takes the next line's first word. */
export const H = String.raw`[^\S\r\n]`;

/** Matches nothing: stands in for an empty alternation, which would match everywhere. */
const NEVER = '(?!)';

/**
 * One alternation of sources, folded like the text, each literal space read as a run of
 * horizontal whitespace, longest first so "was reset to" is tried before "was".
 */
export function alternation(sources: readonly string[], keepOrder = false): string {
  if (sources.length === 0) return NEVER;
  const list = keepOrder ? sources : [...sources].sort((a, b) => b.length - a.length);
  return list.map((s) => foldLookalikes(s).replaceAll(' ', `${H}+`)).join('|');
}

/**
 * The languages whose joining words a keyword of `language` accepts: its own and English, and
 * Spanish for English ("password es X", "contraseña is X"), as notes switch mid-sentence. Not
 * all of them at once: Haitian "se" after a Spanish keyword would read "la contraseña se
 * cambió" as a password.
 */
export function readWith(language: Language): readonly Language[] {
  if (language === ENGLISH) return [ENGLISH, SPANISH];
  return [language, ENGLISH];
}

/** Every prose word of every language, lower case and folded like the text. */
export const PROSE_WORDS: ReadonlySet<string> = new Set(
  LANGUAGES.flatMap((l) => foldLookalikes(l.prose.toLowerCase()).split(/\s+/)).filter(Boolean),
);
