import { PROSE_WORDS } from './languages';

/**
 * Whether a word where a password value would be ("password is expired", "la clave es
 * incorrecta") starts a sentence about the password instead. The word lists live with each
 * language (`languages/`); participles and adverbs are caught here by suffix.
 */

/** English participles/gerunds/adverbs, Spanish and Portuguese participles and adverbs, by ending. */
const PROSE_SUFFIX = /^(?:\p{L}{3,}(?:ing|ed|ly)|\p{L}{3,}(?:ada|ado|ida|ido)|\p{L}{2,}mente)$/u;

/** Short function words that, following a value, show the value was prose ("similar to ..."). */
const PREPOSITIONS: ReadonlySet<string> = new Set(
  'to than for by with on in at of from into about a de en para con por sin al del'.split(' '),
);

/**
 * True when `word` (letters only, any case) reads as ordinary prose in the position where a
 * password value would be. Deliberately biased towards "not prose": a false "prose" lets a
 * password through, a false "secret" only costs the analyst a rewording.
 */
export function isProseWord(word: string): boolean {
  const lower = word.toLowerCase();
  return PROSE_WORDS.has(lower) || PROSE_SUFFIX.test(lower);
}

/** True for a preposition after which the preceding word was part of a sentence. */
export function isPreposition(word: string): boolean {
  return PREPOSITIONS.has(word.toLowerCase());
}
