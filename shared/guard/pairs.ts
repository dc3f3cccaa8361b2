import { looksLikePasswordToken, MIN_PAIR_PASSWORD } from './password-shape';
import { isProseWord } from './prose-words';
import type { SecretFinding } from './types';
import { trimToken } from './value-span';
import { wordsBefore } from './words-before';

/**
 * User/password pairs written with no password keyword at all: "jdoe / Bluejay#7",
 * "jdoe:Bluejay#7", "2024001234/Bluejay#7". Only the password is flagged; the user name stays
 * visible. Both halves must look the part, since "and/or", "O/O, 5/S", "10:30", "TCP/IP" and
 * "Dell/Latitude5420" are everyday ticket text: a lower-case user name, a student number or an
 * email address on the left, a password-shaped token (`password-shape.ts`) on the right.
 */

/** Lower-case user names, student numbers and email addresses. */
const USER = /^(?:[a-z][a-z0-9._-]{1,31}|\d{5,12}|[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+)$/u;
/** Words written before ":" or "/" in ordinary notes, never a user name. */
const LABELS: ReadonlySet<string> = new Set(
  `error code ext room port ticket inc case grade grades step page ver version build model serial
  asset tag bldg building campus school time date phone tel fax ref kb http https ftp mailto file
  line item note notes re fw fwd subject os ip mac host server user username login usuario email
  correo and or his her he she him them type status priority category name number id pw pass`.split(/\s+/),
);
const SEPARATOR = /[/:]/g;

const isWordChar = (c: string | undefined): boolean => c !== undefined && !/\s/.test(c);
const isLineSpace = (c: string | undefined): boolean => c !== undefined && /[^\S\r\n]/.test(c);

function back(text: string, from: number, keep: (c: string | undefined) => boolean): number {
  let i = from;
  while (i > 0 && keep(text[i - 1])) i -= 1;
  return i;
}

function forward(text: string, from: number, keep: (c: string | undefined) => boolean): number {
  let i = from;
  while (i < text.length && keep(text[i])) i += 1;
  return i;
}

/** The password's span when `user` is a user name and `secret` has a password's shape. */
function pair(text: string, user: readonly [number, number], secret: readonly [number, number]): SecretFinding | undefined {
  const [us, ue] = trimToken(text, user[0], user[1]);
  if (!USER.test(text.slice(us, ue)) || LABELS.has(text.slice(us, ue))) return undefined;
  const [s, e] = trimToken(text, secret[0], secret[1]);
  const value = text.slice(s, e);
  if (/[/\\]/.test(value) || !looksLikePasswordToken(value)) return undefined;
  return { start: s, end: e, kind: 'password-after-keyword' };
}

/**
 * Keyword-free user/password pairs in normalised `text`: "jdoe:Bluejay#7" and "jdoe/Bluejay#7"
 * as one token, split at its first separator, or "jdoe / Bluejay#7" around a lone slash.
 * Separators inside links (sorted, disjoint spans) are skipped.
 */
export function findUserPasswordPairs(text: string, links: ReadonlyArray<readonly [number, number]>): SecretFinding[] {
  const found: SecretFinding[] = [];
  let link = 0;
  let doneUpTo = 0;
  for (const m of text.matchAll(SEPARATOR)) {
    const at = m.index;
    while ((links[link]?.[1] ?? Infinity) <= at) link += 1;
    if (at < doneUpTo || (links[link]?.[0] ?? Infinity) <= at) continue;
    let hit: SecretFinding | undefined;
    if (m[0] === '/' && isLineSpace(text[at - 1]) && isLineSpace(text[at + 1])) {
      const userEnd = back(text, at, isLineSpace);
      const valueStart = forward(text, at + 1, isLineSpace);
      const valueEnd = forward(text, valueStart, isWordChar);
      if (valueEnd - valueStart >= MIN_PAIR_PASSWORD) hit = pair(text, [back(text, userEnd, isWordChar), userEnd], [valueStart, valueEnd]);
    } else {
      // Any other separator splits the token it sits in. One that starts or ends its token
      // leaves no user name or no password, which the length check or pair() turns down.
      const end = forward(text, at, isWordChar);
      // "10:30", "his/her", "O/O": too short on the right to hold a password, the common case.
      if (end - at - 1 >= MIN_PAIR_PASSWORD) hit = pair(text, [back(text, at, isWordChar), at], [at + 1, end]);
      doneUpTo = end;
    }
    if (hit !== undefined) found.push(hit);
  }
  return found;
}

const USER_LABELS: ReadonlySet<string> = new Set(
  'user username login usuario usuário utilizador correo email e-mail usr id uname'.split(' '),
);

/** "user", "User:", "user name" and the like, ending at word `i` of `words` (nearest first). */
function isUserLabel(words: readonly string[], i: number): boolean {
  const word = (words[i] ?? '').replace(/[:=]$/, '').toLowerCase();
  if (word === 'name') return (words[i + 1] ?? '').toLowerCase() === 'user';
  return USER_LABELS.has(word);
}

/**
 * True when "user jdoe" (or "usuario jdoe", "email: x@y.org,", "user jdoe:", "user:jdoe") comes
 * right before the keyword starting at `start`: then "pass Bluejay" or "clave mariposa" after it
 * is a pair, and even a plain word is the password.
 */
export function followsUserName(text: string, start: number): boolean {
  const words = wordsBefore(text, start, 4).map((w) => w.word);
  const first = words[0];
  if (first === undefined) return false;
  // "jdoe,", "jdoe:" and "user:jdoe;": the punctuation after the user name is not part of it.
  const name = first.replace(/[,;:]$/, '');
  const glued = /^([^:=]+)[:=]([^:=]+)$/.exec(name);
  if (glued !== null) return isUserLabel([glued[1] ?? '', ...words.slice(1)], 0) && !isProseWord(glued[2] ?? '');
  const label = words[1] === ':' || words[1] === '=' ? 2 : 1;
  return name !== '' && !/[:=]/.test(name) && isUserLabel(words, label) && !isProseWord(name);
}
