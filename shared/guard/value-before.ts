import { looksLikeSecretValue } from './classify-value';
import type { KeywordMatch } from './keywords';
import { foldLookalikes } from './confusables';
import { alternation, H, LANGUAGES } from './languages';
import { overlaps } from './spans';
import type { SecretFinding } from './types';
import { nextWordOnLine, trimToken } from './value-span';
import { wordsBefore } from './words-before';

/**
 * Values written before their keyword: "Bluejay#7 is her password", "Bluejay#7 was the password
 * she used", "Bluejay#7 es su contraseña", "Bluejay7 é a senha dela", "she used Bluejay#7 as
 * her password", "Bluejay#7 (that's her PIN)".
 */

/** Curated, not every language's copulas: unaccented Vietnamese "la" is Spanish "la". */
const COPULA_WORDS = ['is', 'was', 'are', 'were', 'became', 'as', 'es', 'era', 'fue', 'será', 'sera', 'como', 'é', 'foi', 'là', 'это', 'هي', 'هو', 'se', 'waa'];
const copulas = alternation([
  "(?:that|this|which|it)(?:['\u2019]s| is| was)",
  ...['will be', 'has been', '(?:was )?used as'],
  ...COPULA_WORDS,
]);
/** The last word of every copula above: one of the three words before the keyword must be one. */
const COPULA_ENDS: ReadonlySet<string> = new Set(
  [...COPULA_WORDS, 'be', 'been', "that's", "it's", 'that\u2019s', 'it\u2019s'].map((w) => foldLookalikes(w)),
);
const determiners = alternation(LANGUAGES.flatMap((l) => l.determiners ?? []));
const qualifiers = alternation(LANGUAGES.flatMap((l) => l.qualifiers ?? []).concat(['current', 'original']));

/** Cheap test before the expression below: a copula's last word, alone or after one mark. */
function isCopulaEnd(word: string): boolean {
  return COPULA_ENDS.has(word) || COPULA_ENDS.has(word.slice(1));
}

/** What joins a value to the keyword after it, tried on the few words before the keyword. */
const TAIL = new RegExp(
  String.raw`(?<=^|[\s,;:(\u2013\u2014-])(?:${copulas})${H}+(?:(?:${determiners})${H}+)?(?:(?:${qualifiers})${H}+)?$`,
  'iu',
);
const MAX_VALUE = 64;
const OPEN_QUOTE: Readonly<Record<string, string>> = { '"': '"', "'": "'", '\u201d': '\u201c', '\u2019': '\u2018' };
/**
 * Words that may follow the keyword when the value came first ("... the password she used",
 * "... her password for HAC"); any other word makes the keyword part of a noun ("password reset",
 * "password field"), and then what came first was not its value.
 */
const FOLLOWERS: ReadonlySet<string> = new Set(
  `she he they i we you that which for on to from of at in now today yesterday again too also
  and but so then used uses chose picked set para de del que y pero dela dele li mwen la an`.split(/\s+/),
);

/** The value ending just before `at` (the start of "is her"): a quoted literal or one token. */
function valueEndingAt(text: string, at: number): { start: number; end: number; quoted: boolean } | undefined {
  // charAt is '' before the text's start, which is neither a space nor punctuation.
  let end = at;
  while (/[^\S\r\n]/.test(text.charAt(end - 1))) end -= 1;
  if (/[,;:(\u2013\u2014-]/.test(text.charAt(end - 1))) end -= 1;
  while (/[^\S\r\n]/.test(text.charAt(end - 1))) end -= 1;
  const opener = OPEN_QUOTE[text.charAt(end - 1)];
  if (opener !== undefined) {
    const open = text.lastIndexOf(opener, end - 2);
    const inner = text.slice(open + 1, end - 1);
    if (open >= 0 && inner.length <= MAX_VALUE && !/[\r\n]/.test(inner) && inner.trim() !== '') {
      return { start: open + 1, end: end - 1, quoted: true };
    }
  }
  let start = end;
  while (start > 0 && end - start < MAX_VALUE && !/\s/.test(text.charAt(start - 1))) start -= 1;
  const [s, e] = trimToken(text, start, end);
  return e > s ? { start: s, end: e, quoted: false } : undefined;
}

function valueBefore(text: string, keyword: KeywordMatch, keywords: readonly KeywordMatch[]): SecretFinding | undefined {
  const next = nextWordOnLine(text, keyword.end);
  if (next !== undefined && !FOLLOWERS.has(next.toLowerCase())) return undefined;
  // The copula's last word is one of the three words before the keyword, perhaps after the one
  // mark the expression allows before it ("(that's her PIN)"); the expression then reads from
  // two words further back, room for "was used as" or "that's".
  const words = wordsBefore(text, keyword.start, 5);
  const copula = words.findIndex((w, i) => i < 3 && isCopulaEnd(w.word.toLowerCase()));
  const from = words[Math.min(copula + 2, words.length - 1)]?.start;
  if (copula < 0 || from === undefined) return undefined;
  const tail = TAIL.exec(text.slice(from, keyword.start));
  if (tail === null) return undefined;
  const value = valueEndingAt(text, from + tail.index);
  if (value === undefined || keywords.some((k) => overlaps(value.start, value.end, k.start, k.end))) return undefined;
  const secret = looksLikeSecretValue({
    value: text.slice(value.start, value.end),
    quoted: value.quoted,
    // "Sunshine is her password." ends the clause, so even a word counts; before "she used" only a non-word.
    context: next === undefined ? 'strong' : 'bare',
    weakKeyword: keyword.weak,
    nextWord: undefined,
  });
  return secret ? { start: value.start, end: value.end, kind: 'password-after-keyword' } : undefined;
}

/** Every value written before a (non-paired) keyword in normalised `text`. */
export function findValuesBeforeKeywords(text: string, keywords: readonly KeywordMatch[]): SecretFinding[] {
  const found: SecretFinding[] = [];
  for (const keyword of keywords) {
    if (keyword.paired) continue;
    const hit = valueBefore(text, keyword, keywords);
    if (hit !== undefined) found.push(hit);
  }
  return found;
}
