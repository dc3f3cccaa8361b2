import { isLink, isPlaceholder } from './lookalikes';
import { isPreposition, isProseWord } from './prose-words';

/**
 * How much the words before a value already say "a password follows":
 * - `strong`: an explicit separator or verb ("password: x", "pw=x", "password is x", "la clave es
 *   x", "password set to x"); a single ordinary-looking word is taken as the password.
 * - `bare`: the keyword is simply followed by the value ("temp password Blue42!", "pass Xy12");
 *   only a value that cannot be a word (digits, symbols, inner capitals) counts, because "password
 *   reset", "pass the call" and "PIN reset" are everyday prose.
 */
export type ValueContext = 'strong' | 'bare';

/** What `looksLikeSecretValue` needs to know about a candidate. */
export interface ValueCandidate {
  /** The value, already trimmed of sentence punctuation and unmatched brackets. */
  value: string;
  /** True when the analyst put the value in quotes, which marks it as a literal. */
  quoted: boolean;
  context: ValueContext;
  /** Ambiguous keywords ("pass", "pin") need a value that is not a word even after "is". */
  weakKeyword: boolean;
  /** The word after the value on the same line, if any, for "similar to ..." style prose. */
  nextWord: string | undefined;
}

const LETTERS_ONLY = /^\p{L}+(?:['\u2019-]\p{L}+)*$/u;
/** "wrong!", "prompt?": a word with the sentence's own mark after it is still a word. */
const SENTENCE_MARKS = /[!?]+$/;
const HAS_ALNUM = /[\p{L}\p{N}]/u;
/** A letter of a script other than Latin: "неверный", "خاطئة" after a keyword are words, not values. */
const NON_LATIN_LETTER = /(?=\p{L})\P{Script=Latin}/u;
const MIN_UNQUOTED_LENGTH = 4;

/** Printable ASCII: most values, checked with plain expressions (Unicode classes cost more). */
const ASCII = /^[\x20-\x7e]*$/;
const ASCII_WORD = /^[A-Za-z]+(?:['-][A-Za-z]+)*$/;

/** Upper case after the first letter, mixed with lower case: "hUnter", "McPass", "jSmith". */
function hasInnerCapitals(value: string, ascii: boolean): boolean {
  if (ascii) return /[a-z]/.test(value) && /[A-Z]/.test(value.slice(1));
  return /\p{Ll}/u.test(value) && /\p{Lu}/u.test(value.slice(1));
}

/** Letters only (an inner hyphen or apostrophe allowed) and no inner capitals: a plain word. */
function isPlainWord(value: string, ascii: boolean): boolean {
  return (ascii ? ASCII_WORD.test(value) : LETTERS_ONLY.test(value)) && !hasInnerCapitals(value, ascii);
}

/**
 * Decides whether the value written after a password keyword is the password or the rest of a
 * sentence about it. The rules, in order:
 * 1. Placeholders, masks, links and anything without a letter or digit are never secrets.
 * 2. A quoted value is a secret: quoting is how people dictate a literal.
 * 3. Unquoted values shorter than 4 characters are prose ("8+", "ok", "N/A"); no policy allows
 *    such passwords and PINs have at least 4 digits. A trailing "!" or "?" on an unquoted value
 *    is read as the sentence's ("password prompt?"), though the span keeps it.
 * 4. A value that is not a plain word (digits, symbols other than an inner hyphen or
 *    apostrophe, or inner capitals) is a secret.
 * 5. A plain word is a secret only in the `strong` context, after a strong keyword, when it is
 *    not a known prose word (or participle/adverb by suffix) and is not followed by a
 *    preposition ("similar to the old one"). A plain word in another script (Cyrillic, Arabic)
 *    is never one: the guard cannot tell "неверный" (wrong) from a password, and the districts'
 *    systems take Latin passwords.
 */
export function looksLikeSecretValue(candidate: ValueCandidate): boolean {
  const { quoted, context, weakKeyword, nextWord } = candidate;
  const last = candidate.value.at(-1);
  const value = quoted || (last !== '!' && last !== '?') ? candidate.value : candidate.value.replace(SENTENCE_MARKS, '');
  // Cheap refusals first; rule 1 is checked only for values that would otherwise be secrets.
  if (!quoted && value.length < MIN_UNQUOTED_LENGTH) return false;
  const ascii = ASCII.test(value);
  const word = !quoted && isPlainWord(value, ascii);
  if (word && (context === 'bare' || weakKeyword || (!ascii && NON_LATIN_LETTER.test(value)))) return false;
  if (!(ascii ? /[A-Za-z0-9]/ : HAS_ALNUM).test(value) || isPlaceholder(value) || isLink(value)) return false;
  if (!word) return true;
  const parts = value.split(/['\u2019-]/);
  if (parts.some((part) => isProseWord(part))) return false;
  return nextWord === undefined || !isPreposition(nextWord);
}
