/**
 * Shapes that look like secrets to a naive scanner but are not: links, email addresses, our own
 * request ids (UUIDs, see docs/architecture.md, The delivery road), and placeholders that stand where
 * a secret was removed. Kept in one place so the keyword and entropy detectors agree.
 */

// Each pattern may only start where its first run starts (the lookbehinds): without that, a
// long run of letters is rescanned from every position and the search turns quadratic.
const URL_SOURCE = String.raw`(?<![a-z0-9+.-])(?:[a-z][a-z0-9+.-]*:\/\/|www\.)[^\s<>"'\u201c\u201d]+`;
const EMAIL_SOURCE = String.raw`(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}`;
/** A link pasted without its scheme: "drive.google.com/file/d/1AbC…/view". */
const BARE_URL_SOURCE = String.raw`(?:[a-z0-9-]+\.)+[a-z]{2,24}\/[^\s<>"'\u201c\u201d]*`;

const URL_WHOLE = new RegExp(`^(?:${URL_SOURCE}|${BARE_URL_SOURCE})$`, 'iu');
const EMAIL_WHOLE = new RegExp(`^${EMAIL_SOURCE}$`, 'iu');
const UUID_WHOLE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PLACEHOLDER = /^(?:\[(?:sealed|redacted|secret|removed)\]|<(?:sealed|redacted|secret|removed)>|\((?:sealed|redacted)\))$/i;
/** Masks analysts type instead of a value: ****, ••••, xxxx, ####, ???, ... */
const MASK = /^[*•●xX#?._-]+$/;
/** Date formats written as a recipe ("password is MM/DD/YYYY"), not a value. */
const DATE_FORMAT = /^(?=.*mm)(?=.*dd)[mdya/.-]{6,10}$/i;

const SCHEME_CHAR = /[a-z0-9+.-]/i;
const HOST_CHAR = /[a-z0-9.-]/i;
const LOCAL_PART_CHAR = /[\p{L}\p{N}._%+-]/u;
const URL_CHAR = /[^\s<>"'\u201c\u201d]/;
const EMAIL_DOMAIN = /[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/uy;
const WWW = /www\./gi;
/** ".com/", ".org/": where a link without a scheme ends its host. */
const HOST_END = /\.[a-z]{2,24}\//gi;

function back(text: string, from: number, char: RegExp): number {
  let i = from;
  while (i > 0 && char.test(text[i - 1] ?? '')) i -= 1;
  return i;
}

function forward(text: string, from: number, char: RegExp): number {
  let i = from;
  while (i < text.length && char.test(text[i] ?? '')) i += 1;
  return i;
}

/** Raw spans of links (with a scheme, "www." or a bare host and path) and email addresses. */
function rawLinkSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (let at = text.indexOf('://'); at !== -1; at = text.indexOf('://', at + 1)) {
    const start = back(text, at, SCHEME_CHAR);
    const end = forward(text, at + 3, URL_CHAR);
    if (start < at && /[a-z]/i.test(text[start] ?? '') && end > at + 3) spans.push([start, end]);
  }
  for (const m of text.matchAll(WWW)) {
    const end = forward(text, m.index + 4, URL_CHAR);
    if (!SCHEME_CHAR.test(text[m.index - 1] ?? ' ') && end > m.index + 4) spans.push([m.index, end]);
  }
  for (const m of text.matchAll(HOST_END)) {
    const start = back(text, m.index, HOST_CHAR);
    if (start < m.index && !/[\w@/]/.test(text[start - 1] ?? ' ')) spans.push([start, forward(text, m.index, URL_CHAR)]);
  }
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    EMAIL_DOMAIN.lastIndex = at + 1;
    const start = back(text, at, LOCAL_PART_CHAR);
    if (start < at && EMAIL_DOMAIN.exec(text) !== null) spans.push([start, EMAIL_DOMAIN.lastIndex]);
  }
  return spans;
}

/**
 * Spans of URLs and email addresses in `text`, which the entropy scan must not flag: sorted by
 * start and disjoint (an address inside a link is folded into the link), so a caller walking
 * tokens left to right can keep one cursor. Found from their anchors ("://", "www.", ".com/",
 * "@") rather than by a pattern tried at every word, which was most of the guard's time.
 */
export function linkSpans(text: string): Array<readonly [number, number]> {
  const spans = rawLinkSpans(text).sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last !== undefined && span[0] < last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push(span);
  }
  return merged;
}

/** True for a whole value that is a URL or an email address. */
export function isLink(value: string): boolean {
  if (!value.includes('/') && !value.includes('@') && !/^www\./i.test(value)) return false;
  return URL_WHOLE.test(value) || EMAIL_WHOLE.test(value);
}

/** True for a canonical UUID, which in Deskbook is a request id and never a secret. */
export function isUuid(value: string): boolean {
  return UUID_WHOLE.test(value);
}

/**
 * True for text that stands in for a secret: our own redaction marks, masks such as `****`, and
 * date-format recipes. Flagging these would make redaction non-idempotent and punish analysts
 * who did the right thing.
 */
export function isPlaceholder(value: string): boolean {
  return PLACEHOLDER.test(value) || MASK.test(value) || DATE_FORMAT.test(value);
}
