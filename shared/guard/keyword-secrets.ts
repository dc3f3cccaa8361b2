import { looksLikeSecretValue } from './classify-value';
import type { ValueContext } from './classify-value';
import { readConnector } from './connectors';
import { findKeywords } from './keywords';
import type { KeywordMatch } from './keywords';
import { overlaps } from './spans';
import type { SecretFinding } from './types';
import { nextWordOnLine, readValue, trimToken } from './value-span';
import type { ValueSpan } from './value-span';

const KIND = 'password-after-keyword';

function finding(span: ValueSpan): SecretFinding {
  return { start: span.start, end: span.end, kind: KIND };
}

function isSecret(text: string, span: ValueSpan, context: ValueContext, keyword: KeywordMatch): boolean {
  return looksLikeSecretValue({
    value: text.slice(span.start, span.end),
    quoted: span.quoted,
    context,
    weakKeyword: keyword.weak,
    nextWord: nextWordOnLine(text, span.end),
  });
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
    return end > start && isSecret(text, span, 'strong', keyword) ? span : undefined;
  }
  const gap = /[^\S\r\n]+(?:\/[^\S\r\n]+)?/y;
  gap.lastIndex = first.end;
  const second = gap.exec(text) === null ? undefined : readValue(text, gap.lastIndex);
  if (second !== undefined) return isSecret(text, second, 'bare', keyword) ? second : undefined;
  return isSecret(text, first, 'bare', keyword) ? first : undefined;
}

/** Values start after their keyword, so only the keywords after it can overlap the value. */
function clashesWithLaterKeyword(keywords: readonly KeywordMatch[], index: number, span: ValueSpan): boolean {
  for (let i = index + 1; i < keywords.length; i += 1) {
    const k = keywords[i];
    if (k === undefined || k.start >= span.end) return false;
    if (overlaps(span.start, span.end, k.start, k.end)) return true;
  }
  return false;
}

/**
 * Passwords, passcodes and PINs written after a keyword, in English or Spanish ("pw: hunter2",
 * "la clave es gato99", "login/pw jsmith/Pa55word"). Spans cover the value only. A value that
 * is itself a keyword ("password/passcode: X", "Password: passcode reset") is left to that
 * keyword, unless it is quoted or ends the clause after a strong connector ("password is
 * password."), which is how a default password gets written down.
 */
export function findKeywordSecrets(text: string): SecretFinding[] {
  const keywords = findKeywords(text);
  const found: SecretFinding[] = [];
  for (const [index, keyword] of keywords.entries()) {
    const connector = readConnector(text, keyword.end, !keyword.weak);
    if (connector === undefined) continue;
    const value = readValue(text, connector.valueStart);
    if (value === undefined) continue;
    const secret = keyword.paired
      ? pairedSecret(text, value, keyword)
      : isSecret(text, value, connector.context, keyword)
        ? value
        : undefined;
    if (secret === undefined) continue;
    const clashes = clashesWithLaterKeyword(keywords, index, secret);
    const endsClause = connector.context === 'strong' && nextWordOnLine(text, secret.end) === undefined;
    if (clashes && !secret.quoted && !endsClause) continue;
    found.push(finding(secret));
  }
  return found;
}
