/** A whitespace-delimited word and its span. */
export interface Word {
  start: number;
  end: number;
  word: string;
}

/** Horizontal whitespace, by code: what JavaScript's \s holds that NFKC leaves as it is (the Ogham space mark among them; it turns the other exotic spaces into U+0020). */
function isLineSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0b || code === 0x0c || code === 0xa0 || code === 0x1680 || code === 0x3000;
}

function isSpace(code: number): boolean {
  return isLineSpace(code) || code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029;
}

/**
 * Up to `count` words before `at` on the same line, nearest first. Looking a few words back by
 * hand is much cheaper than a regular expression anchored at `at`, which the engine would try
 * from every position of its window; the detectors use it to decide whether such an expression
 * is worth running at all.
 */
export function wordsBefore(text: string, at: number, count: number): Word[] {
  const words: Word[] = [];
  let i = at;
  while (words.length < count) {
    while (i > 0 && isLineSpace(text.charCodeAt(i - 1))) i -= 1;
    const end = i;
    while (i > 0 && !isSpace(text.charCodeAt(i - 1))) i -= 1;
    if (i === end) break;
    words.push({ start: i, end, word: text.slice(i, end) });
  }
  return words;
}
