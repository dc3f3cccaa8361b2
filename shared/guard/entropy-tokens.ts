import { shannonEntropy, wordiness } from './entropy';
import { isUuid, linkSpans } from './lookalikes';
import { overlaps } from './spans';
import type { SecretFinding } from './types';

/** Characters of API keys, base64/base64url, hex and JWTs. */
const TOKEN = /[A-Za-z0-9+/=_.~-]+/g;
/** Separators inside a token; each piece between them is judged on its own. */
const SEPARATOR = /[._~/-]/;
/** A BitLocker recovery key: eight groups of six digits. Digits only, yet a secret. */
const BITLOCKER = /^\d{6}(?:-\d{6}){7}$/;

/** Shorter tokens are never judged random: too little evidence, too many serials and codes. */
export const MIN_TOKEN_LENGTH = 20;
const MIN_PIECE_LENGTH = 16;
const MIN_ENTROPY = 3;
const MAX_WORDINESS = 0.5;
/** Without a digit, only long mixed-case runs count (base64 without digits is rare but real). */
const MIN_LENGTH_WITHOUT_DIGIT = 32;

function looksRandom(piece: string): boolean {
  if (piece.length < MIN_PIECE_LENGTH || !/[A-Za-z]/.test(piece)) return false;
  const hasDigit = /\d/.test(piece);
  const mixedCase = /[a-z]/.test(piece) && /[A-Z]/.test(piece);
  if (!hasDigit && !(mixedCase && piece.length >= MIN_LENGTH_WITHOUT_DIGIT)) return false;
  return shannonEntropy(piece) >= MIN_ENTROPY && wordiness(piece) < MAX_WORDINESS;
}

/**
 * True when one token (no whitespace) reads as a key rather than as text. A token qualifies when
 * it is at least 20 characters and one of its separator-free pieces is at least 16 characters,
 * contains a letter and a digit (or is 32+ characters of mixed case), has entropy of at least 3
 * bits per character and is less than half word-shaped. UUIDs (our request ids), digits-only
 * runs (student numbers, phones, dates) and dotted host or file names never qualify.
 */
export function isHighEntropyToken(token: string): boolean {
  if (BITLOCKER.test(token)) return true;
  if (token.length < MIN_TOKEN_LENGTH || isUuid(token)) return false;
  return token.split(SEPARATOR).some(looksRandom);
}

/**
 * Long random-looking tokens: API keys, JWTs, recovery keys. URLs and email addresses are
 * skipped whole, because analysts paste portal links and parents' addresses all day; a token
 * inside a URL is the price of that. Spans cover the token without leading or trailing
 * separators (a sentence's full stop is not part of a key).
 */
export function findHighEntropyTokens(text: string): SecretFinding[] {
  const links = linkSpans(text);
  let link = 0;
  const found: SecretFinding[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const lead = /^[._~/-]*/.exec(m[0])?.[0].length ?? 0;
    const trail = /[._~/-]*$/.exec(m[0])?.[0].length ?? 0;
    const start = m.index + lead;
    const end = m.index + m[0].length - trail;
    if (end - start < MIN_TOKEN_LENGTH) continue;
    if (!isHighEntropyToken(text.slice(start, end))) continue;
    while ((links[link]?.[1] ?? Infinity) <= start) link += 1;
    const next = links[link];
    if (next !== undefined && overlaps(start, end, next[0], next[1])) continue;
    found.push({ start, end, kind: 'high-entropy-token' });
  }
  return found;
}
