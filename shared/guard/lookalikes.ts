/**
 * Shapes that look like secrets to a naive scanner but are not: links, email addresses, our own
 * request ids (UUIDs, see docs/architecture.md, The delivery road), and placeholders that stand where
 * a secret was removed. Kept in one place so the keyword and entropy detectors agree.
 */

// Each pattern may only start where its first run starts (the lookbehinds): without that, a
// long run of letters is rescanned from every position and the search turns quadratic.
const URL_SOURCE = String.raw`(?<![a-z0-9+.-])(?:[a-z][a-z0-9+.-]*:\/\/|www\.)[^\s<>"'\u201c\u201d]+`;
const EMAIL_SOURCE = String.raw`(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}`;

const URL_WHOLE = new RegExp(`^${URL_SOURCE}$`, 'iu');
const EMAIL_WHOLE = new RegExp(`^${EMAIL_SOURCE}$`, 'iu');
const UUID_WHOLE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PLACEHOLDER = /^(?:\[(?:sealed|redacted|secret|removed)\]|<(?:sealed|redacted|secret|removed)>|\((?:sealed|redacted)\))$/i;
/** Masks analysts type instead of a value: ****, ••••, xxxx, ####, ???, ... */
const MASK = /^[*•●xX#?._-]+$/;
/** Date formats written as a recipe ("password is MM/DD/YYYY"), not a value. */
const DATE_FORMAT = /^(?=.*mm)(?=.*dd)[mdya/.-]{6,10}$/i;

/**
 * Spans of URLs and email addresses in `text`, which the entropy scan must not flag: sorted by
 * start and disjoint (an address inside a link is folded into the link), so a caller walking
 * tokens left to right can keep one cursor.
 */
export function linkSpans(text: string): Array<readonly [number, number]> {
  const spans: Array<[number, number]> = [];
  for (const source of [URL_SOURCE, EMAIL_SOURCE]) {
    for (const m of text.matchAll(new RegExp(source, 'giu'))) {
      spans.push([m.index, m.index + m[0].length]);
    }
  }
  spans.sort((a, b) => a[0] - b[0]);
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
