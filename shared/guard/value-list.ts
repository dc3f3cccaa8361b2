import { looksLikeSecretValue } from './classify-value';
import { H } from './languages';
import { readValue } from './value-span';
import type { ValueSpan } from './value-span';

/**
 * Several values after one keyword: "passwords are Bluejay#7 and Robin#8", "pw Bluejay#7 or
 * maybe Bluejay#8", "contraseñas: Perro123, Gato456 y Pez789". After the first value, each value
 * joined by a comma, slash, "and"/"or" (in the guard's languages) counts if it cannot be a word:
 * "password is Bluejay#7 and she will retry" stops at "she".
 */
const JOINER = new RegExp(
  String.raw`(?:${H}*[,;/]${H}*(?:(?:and|or|y|o|e|ou|và|hoặc)${H}+)?|${H}+(?:[&+]|and|or|then|y|o|e|ou|luego|và|hoặc|или|и|أو|ak|oswa|ama|iyo)${H}+)` +
    String.raw`(?:(?:maybe|probably|possibly|perhaps|quiz[áa]s|tal${H}+vez|talvez)${H}+)?`,
  'iuy',
);
/** Phone numbers and dates ("Bluejay#7, 555-201-3344") follow a password often; they are not one. */
const NUMBER_RUN = /^[\d()+. -]{9,}$/;
const MAX_MORE = 8;

/** The further values listed after a value that ended at `from`. */
export function readMoreValues(text: string, from: number): ValueSpan[] {
  const more: ValueSpan[] = [];
  let at = from;
  while (more.length < MAX_MORE) {
    JOINER.lastIndex = at;
    if (JOINER.exec(text) === null) break;
    const value = readValue(text, JOINER.lastIndex);
    if (value === undefined) break;
    const raw = text.slice(value.start, value.end);
    const secret =
      !NUMBER_RUN.test(raw) &&
      !raw.includes('=') &&
      looksLikeSecretValue({ value: raw, quoted: value.quoted, context: 'bare', weakKeyword: false, nextWord: undefined });
    if (!secret) break;
    more.push(value);
    at = value.end + (value.quoted ? 1 : 0);
  }
  return more;
}
