/**
 * Cuts the value that follows a password keyword out of the text: a quoted literal, or one
 * whitespace-delimited token without the sentence punctuation around it.
 */

/** A value's UTF-16 span and whether it was quoted. */
export interface ValueSpan {
  start: number;
  end: number;
  quoted: boolean;
}

const QUOTE_PAIRS: Readonly<Record<string, string>> = {
  '"': '"\u201d',
  "'": "'\u2019",
  '\u201c': '\u201d"',
  '\u2018': "\u2019'",
  '\u00ab': '\u00bb',
  '`': '`',
};
const BRACKETS: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}', '<': '>' };
const MAX_QUOTED = 64;
/** Sentence punctuation that ends a token but is not part of the value. */
const TRAILING = new Set(['.', ',', ';', ':']);
const CLOSERS = new Set([')', ']', '}', '>', '"', "'", '\u201d', '\u2019', '\u00bb']);
const OPENERS = new Set(['(', '[', '{', '<', '"', "'", '\u201c', '\u2018', '\u00ab']);

function closerOf(opener: string): string {
  return BRACKETS[opener] ?? QUOTE_PAIRS[opener]?.[0] ?? opener;
}

/** One trimming step on `token`: how many characters to drop from the front and the back. */
function trimStep(token: string): readonly [number, number] {
  const first = token.charAt(0);
  const last = token.charAt(token.length - 1);
  const body = token.slice(1, -1);
  if (TRAILING.has(last)) return [0, 1];
  const wraps = OPENERS.has(first) && token.length >= 2 && closerOf(first) === last && !body.includes(first);
  if (wraps) return [1, 1];
  const unmatchedCloser = CLOSERS.has(last) && ![...token.slice(0, -1)].some((c) => OPENERS.has(c) && closerOf(c) === last);
  if (unmatchedCloser) return [0, 1];
  const unmatchedOpener = OPENERS.has(first) && !token.slice(1).includes(closerOf(first));
  if (unmatchedOpener) return [1, 0];
  return [0, 0];
}

/**
 * Trims one token to its value: trailing ".,;:", brackets or quotes that wrap the whole token,
 * and a closing or opening one with no partner inside the token. "!" and "?" are kept: they are
 * common in passwords, and over-highlighting one character is safer than leaving one behind.
 */
export function trimToken(text: string, start: number, end: number): readonly [number, number] {
  let s = start;
  let e = end;
  while (e > s) {
    const [front, back] = trimStep(text.slice(s, e));
    if (front === 0 && back === 0) break;
    s += front;
    e -= back;
  }
  return [s, Math.max(s, e)];
}

/**
 * An unquoted value: up to 256 characters without whitespace, ending at the first character of
 * writing without spaces (Chinese, Japanese, Korean, their punctuation), so "密码是Bluejay7。"
 * and "비밀번호는 Bluejay7입니다" give "Bluejay7". A password in those scripts is not read.
 */
const TOKEN = /[^\s\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f]{1,256}/uy;
const ASCII_TOKEN = /[^\s\u0080-\uffff]{1,256}/y;
/** "password=Bluejay7x&user=jdoe": a query string's next field ends the value. */
const NEXT_QUERY_FIELD = /&[\w.%[\]-]+=/;

/**
 * The value starting at `from` on the same line, or undefined when the line ends there. An
 * unquoted value is read up to 256 characters: no password is longer, and the cap keeps a
 * pathological note (one huge token after "pw:") linear; longer random runs are the entropy
 * detector's. In a query string it ends before the next "&field=".
 */
export function readValue(text: string, from: number): ValueSpan | undefined {
  // At a space or the end of the text neither expression below matches: no value.
  const closers = QUOTE_PAIRS[text.charAt(from)];
  if (closers !== undefined) {
    for (let i = from + 1; i < text.length && i <= from + MAX_QUOTED + 1; i += 1) {
      const c = text.charAt(i);
      if (c === '\n' || c === '\r') break;
      if (closers.includes(c)) {
        const inner = text.slice(from + 1, i);
        if (inner.trim() === '') return undefined;
        return { start: from + 1, end: i, quoted: true };
      }
    }
  }
  ASCII_TOKEN.lastIndex = from;
  const quick = ASCII_TOKEN.exec(text);
  // Only a token that runs into a character beyond ASCII needs the script-aware expression.
  const simple = quick !== null && (text.charCodeAt(ASCII_TOKEN.lastIndex) < 0x80 || ASCII_TOKEN.lastIndex >= text.length);
  TOKEN.lastIndex = from;
  const m = simple ? quick : TOKEN.exec(text);
  const query = m === null ? -1 : m[0].search(NEXT_QUERY_FIELD);
  // "password=&user=jdoe": an empty field is no value, not the next field.
  const tokenEnd = m === null ? from : from + (query >= 0 ? query : m[0].length);
  const [start, end] = trimToken(text, from, tokenEnd);
  return end > start ? { start, end, quoted: false } : undefined;
}

/** The next run of letters on the same line after `from`, skipping horizontal whitespace. */
export function nextWordOnLine(text: string, from: number): string | undefined {
  const re = /[^\S\r\n]+(\p{L}+)/uy;
  re.lastIndex = from;
  return re.exec(text)?.[1];
}
