import { looksLikeSecretValue } from './classify-value';
import type { ValueContext } from './classify-value';
import { followsSetVerb, peekAfter, readChangedTo, readConnector } from './connectors';
import type { After, Connector } from './connectors';
import { findKeywords } from './keywords';
import type { KeywordMatch } from './keywords';
import { followsUserName } from './pairs';
import { overlaps } from './spans';
import type { SecretFinding } from './types';
import { findValuesBeforeKeywords } from './value-before';
import { readMoreValues } from './value-list';
import { nextWordOnLine, readValue, trimToken } from './value-span';
import type { ValueSpan } from './value-span';

const KIND = 'password-after-keyword';

function finding(span: ValueSpan): SecretFinding {
  return { start: span.start, end: span.end, kind: KIND };
}

/** The word after the value matters only to a value that would otherwise be a secret. */
function isSecret(text: string, span: ValueSpan, context: ValueContext, keyword: KeywordMatch): boolean {
  const candidate = { value: text.slice(span.start, span.end), quoted: span.quoted, context, weakKeyword: keyword.weak, nextWord: undefined };
  if (!looksLikeSecretValue(candidate)) return false;
  const nextWord = nextWordOnLine(text, span.end);
  return nextWord === undefined || looksLikeSecretValue({ ...candidate, nextWord });
}

/**
 * "login/pw jsmith/Pa55word", "user/pass: jsmith / Pa55", "creds jsmith Pa55": the first token
 * is a user name and stays visible; the secret is what follows "/" or ":" inside the token (read
 * as after "is"), or else the next token (read as bare, so "credentials for Maria Lopez" does not
 * flag a name). A lone token is flagged only if it cannot be a plain word.
 */
function pairedSecret(text: string, first: ValueSpan, keyword: KeywordMatch): ValueSpan | undefined {
  const token = text.slice(first.start, first.end);
  const split = token.search(/[/:]/);
  if (!first.quoted && split > 0 && split < token.length - 1) {
    const [start, end] = trimToken(text, first.start + split + 1, first.end);
    const span = { start, end, quoted: false };
    // An empty remainder ("jsmith/()") is no secret: isSecret refuses values under four characters.
    return isSecret(text, span, 'strong', keyword) ? span : undefined;
  }
  const gap = /[^\S\r\n]+(?:\/[^\S\r\n]+)?/y;
  gap.lastIndex = first.end;
  const second = gap.exec(text) === null ? undefined : readValue(text, gap.lastIndex);
  if (second !== undefined) return isSecret(text, second, 'bare', keyword) ? second : undefined;
  return isSecret(text, first, 'bare', keyword) ? first : undefined;
}

/**
 * True when the value is left to a later keyword it overlaps (values start after their keyword,
 * so only later ones can): the value is that keyword ("Password: passcode reset"), or that
 * keyword announces a value of its own ("new password PW=Blue42x", "password/passcode: X").
 * A value that merely starts with a keyword that reads nothing ("temp password Pass-4821!") is
 * still this keyword's. `later[i]` is keyword i's own value, found before this one's.
 */
function clashesWithLaterKeyword(keywords: readonly KeywordMatch[], index: number, span: ValueSpan, later: readonly (ValueSpan | undefined)[]): boolean {
  for (let i = index + 1; i < keywords.length; i += 1) {
    const k = keywords[i]!;
    if (k.start >= span.end) return false;
    if (!overlaps(span.start, span.end, k.start, k.end)) continue;
    if ((k.start <= span.start && k.end >= span.end) || later[i] !== undefined) return true;
  }
  return false;
}

/**
 * How the value after `keyword` is announced: "she set the password to X" (a change verb before
 * the keyword), else the keyword's own connectors. The cheap test of each pair runs first.
 */
function connectorOf(text: Texts, keyword: KeywordMatch, after: After): Connector | undefined {
  const changedTo = keyword.weak ? undefined : readChangedTo(text.lower, keyword.end, after, keyword.language);
  if (changedTo !== undefined && followsSetVerb(text.text, keyword.start, keyword.language)) {
    return { valueStart: changedTo, context: 'strong' };
  }
  return readConnector(text.lower, keyword.end, after, !keyword.weak, keyword.language);
}

/** A bare value is the password when it cannot be a word, or when "user jdoe" came before. */
function isSingleSecret(text: string, value: ValueSpan, connector: Connector, keyword: KeywordMatch): boolean {
  if (isSecret(text, value, connector.context, keyword)) return true;
  return connector.context === 'bare' && followsUserName(text, keyword.start) && isSecret(text, value, 'strong', keyword);
}

/**
 * "password reset", "PIN number", "pass the call": a keyword followed by an ordinary word that
 * no connector starts with. Such a word is a bare value that cannot be a secret, unless
 * "user jdoe" came before; most keywords in prose are like this, so they are ruled out here,
 * before the value is read.
 */
const PLAIN_WORD_AFTER = /[^\S\r\n]+(?:\p{L}\p{Ll}*|\p{Lu}+)(?=[\s.,;:)]|$)/uy;

function isFollowedByPlainWord(text: string, keyword: KeywordMatch, after: After): boolean {
  if (keyword.paired || after !== 'plain') return false;
  PLAIN_WORD_AFTER.lastIndex = keyword.end;
  return PLAIN_WORD_AFTER.test(text);
}

/** The normalised text and the same lower-cased, which the connector expressions read. */
interface Texts {
  text: string;
  lower: string;
}

/** The value after `keywords[index]` (which is `keyword`), if it is a secret; `later` holds the later keywords' values. */
function valueAfter(texts: Texts, keywords: readonly KeywordMatch[], index: number, keyword: KeywordMatch, later: readonly (ValueSpan | undefined)[]): ValueSpan | undefined {
  const { text } = texts;
  const after = peekAfter(texts.lower, keyword.end, keyword.language);
  // After 'none' (end of line or sentence) no connector matches, so connectorOf rules it out.
  if (isFollowedByPlainWord(text, keyword, after) && !followsUserName(text, keyword.start)) return undefined;
  const connector = connectorOf(texts, keyword, after);
  if (connector === undefined) return undefined;
  const value = readValue(text, connector.valueStart);
  if (value === undefined) return undefined;
  const secret = keyword.paired
    ? pairedSecret(text, value, keyword)
    : isSingleSecret(text, value, connector, keyword)
      ? value
      : undefined;
  if (secret === undefined) return undefined;
  const clashes = clashesWithLaterKeyword(keywords, index, secret, later);
  // Unchanged by "user jdoe" before it: "user jdoe pass password" is still about the keyword.
  const endsClause = connector.context === 'strong' && nextWordOnLine(text, secret.end) === undefined;
  return clashes && !secret.quoted && !endsClause ? undefined : secret;
}

/**
 * Passwords, passcodes and PINs tied to a keyword, in every language of `languages/`: after it
 * ("pw: hunter2", "la clave es gato99", "mật khẩu là X", "login/pw jsmith/Pa55word"), each
 * further value listed after the first ("passwords are X and Y"), and before it ("X is her
 * password"). Spans cover the value only. A value that is itself a keyword ("password/passcode:
 * X", "Password: passcode reset") is left to that keyword, unless it is quoted or ends the
 * clause after a strong connector ("password is password."), which is how a default password
 * gets written down. Reads normalised text (`normalise.ts`).
 */
export function findKeywordSecrets(text: string): SecretFinding[] {
  const lower = text.toLowerCase();
  const texts = { text, lower: lower.length === text.length ? lower : text };
  const keywords = findKeywords(text, lower);
  const found: SecretFinding[] = findValuesBeforeKeywords(text, keywords);
  // Last keyword first: whether a value is left to a later keyword depends on that keyword's own.
  const values: (ValueSpan | undefined)[] = [];
  for (let index = keywords.length - 1; index >= 0; index -= 1) values[index] = valueAfter(texts, keywords, index, keywords[index]!, values);
  for (const [index, keyword] of keywords.entries()) {
    const secret = values[index];
    if (secret === undefined) continue;
    found.push(finding(secret));
    if (!keyword.paired) {
      for (const more of readMoreValues(text, secret.end + (secret.quoted ? 1 : 0))) found.push(finding(more));
    }
  }
  return found;
}
