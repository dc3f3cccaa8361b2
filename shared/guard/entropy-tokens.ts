import { shannonEntropy, wordiness } from './entropy';
import { isUuid, linkSpans } from './lookalikes';
import { overlaps } from './spans';
import type { SecretFinding } from './types';

/** The characters of API keys, base64/base64url, hex and JWTs, by code. */
const TOKEN_CHAR = new Uint8Array(128);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=_.~-') TOKEN_CHAR[c.charCodeAt(0)] = 1;
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

/** Runs of token characters at least `min` long, found by a plain loop (a regular expression costs twice as much). */
function isTokenCode(code: number): boolean {
  return code < 128 && TOKEN_CHAR[code] === 1;
}

function tokenRuns(text: string, min: number): Array<readonly [number, number]> {
  const runs: Array<readonly [number, number]> = [];
  const n = text.length;
  for (let i = 0; i < n; ) {
    while (i < n && !isTokenCode(text.charCodeAt(i))) i += 1;
    const start = i;
    while (i < n && isTokenCode(text.charCodeAt(i))) i += 1;
    if (i - start >= min) runs.push([start, i]);
  }
  return runs;
}

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

/** Separators that a token's span leaves out at either end: ". _ ~ / -". */
const EDGE: ReadonlySet<number> = new Set([0x2e, 0x5f, 0x7e, 0x2f, 0x2d]);
/** Hex alone (a hash, a GUID without hyphens) is a secret only when a key-ish word names it. */
const HEX = /^[0-9a-f]+$/i;
const NAMED_AS_KEY = /\b(?:secret|key|token|api|hmac|bearer|auth\w*|password|passwd|pwd|pw|clave|contrase[ñn]a|senha)\W{0,4}$/i;

/**
 * Long random-looking tokens: API keys, JWTs, recovery keys. URLs and email addresses are
 * skipped whole, because analysts paste portal links and parents' addresses all day; a token
 * inside a URL is the price of that (`urls.ts` still finds a password in a link's userinfo).
 * Bare hex is skipped unless a word such as "secret" or "key" comes right before it: error
 * hashes, commit ids and GUIDs written without hyphens are everyday ticket text. Spans cover
 * the token without leading or trailing separators (a sentence's full stop is not part of a key).
 * `links` may be passed when the caller already has `linkSpans(text)`.
 */
export function findHighEntropyTokens(text: string, links: ReadonlyArray<readonly [number, number]> = linkSpans(text)): SecretFinding[] {
  let link = 0;
  const found: SecretFinding[] = [];
  for (const [runStart, runEnd] of tokenRuns(text, MIN_TOKEN_LENGTH)) {
    let start = runStart;
    let end = runEnd;
    while (start < end && EDGE.has(text.charCodeAt(start))) start += 1;
    while (end > start && EDGE.has(text.charCodeAt(end - 1))) end -= 1;
    if (end - start < MIN_TOKEN_LENGTH) continue;
    // Links first: a pasted link is the commonest long run, and the cheapest to rule out.
    while ((links[link]?.[1] ?? Infinity) <= start) link += 1;
    const next = links[link];
    if (next !== undefined && overlaps(start, end, next[0], next[1])) continue;
    const token = text.slice(start, end);
    if (!isHighEntropyToken(token)) continue;
    if (HEX.test(token) && !NAMED_AS_KEY.test(text.slice(Math.max(0, start - 24), start))) continue;
    found.push({ start, end, kind: 'high-entropy-token' });
  }
  return found;
}
