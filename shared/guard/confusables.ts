/**
 * Cyrillic and Greek letters that look like Latin ones, folded to the Latin letter so that
 * "pаssword" with a Cyrillic "а" is read as "password". Fullwidth and other compatibility forms
 * are NFKC's job (`normalise.ts`); this table covers what NFKC leaves alone.
 *
 * Cyrillic pairs are folded in both cases or not at all ("а/А" → "a/A", but "В", which only looks
 * like "B" in upper case, stays): the Russian keywords are folded with the same table, and a
 * case-insensitive match of "ПАРОЛЬ" against "пароль" needs both to fold alike.
 */
const PAIRS: Readonly<Record<string, string>> = {
  // Cyrillic, lower and upper case folded alike.
  а: 'a', А: 'A', е: 'e', Е: 'E', о: 'o', О: 'O', р: 'p', Р: 'P', с: 'c', С: 'C',
  у: 'y', У: 'Y', х: 'x', Х: 'X', к: 'k', К: 'K', і: 'i', І: 'I', ј: 'j', Ј: 'J',
  ѕ: 's', Ѕ: 'S', ԁ: 'd', Ԁ: 'D', һ: 'h', Һ: 'H', ԛ: 'q', Ԛ: 'Q', ԝ: 'w', Ԝ: 'W',
  ӏ: 'l', Ӏ: 'L', ү: 'y', Ү: 'Y',
  // Greek: no Greek keywords exist, so upper-case-only look-alikes fold too.
  α: 'a', Α: 'A', ο: 'o', Ο: 'O', ρ: 'p', Ρ: 'P', ι: 'i', Ι: 'I', κ: 'k', Κ: 'K',
  ε: 'e', Ε: 'E', ν: 'v', τ: 't', Τ: 'T', χ: 'x', Χ: 'X', υ: 'u', Β: 'B', Η: 'H',
  Μ: 'M', Ν: 'N', Ζ: 'Z', Υ: 'Y',
  // Latin letters outside ASCII that stand in for ASCII ones and that NFKC keeps.
  ı: 'i', İ: 'I', ɑ: 'a', ɡ: 'g', ǀ: 'l',
};

const LOOKALIKE = new RegExp(`[${Object.keys(PAIRS).join('')}]`, 'g');
/** The blocks the table draws from, to skip the replacement for text with none of them. */
const ANY_BLOCK = /[\u0130\u0131\u01c0\u0251\u0261\u0370-\u052f]/;

/**
 * `text` with every look-alike letter replaced by its Latin letter. Each replacement is one
 * UTF-16 unit for one, so offsets are unchanged. Used on the text and, at start-up, on the
 * keyword and prose-word lists, so both sides of every match are folded the same way.
 */
export function foldLookalikes(text: string): string {
  return ANY_BLOCK.test(text) ? text.replace(LOOKALIKE, (c) => PAIRS[c] ?? c) : text;
}
