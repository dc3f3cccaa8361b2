import { foldLookalikes } from './confusables';

/**
 * Invisible characters removed before matching: Unicode's default-ignorable code points (zero-width
 * space, non-joiner and joiner, word joiner, BOM, soft hyphen, bidirectional marks, the
 * combining grapheme joiner, Hangul fillers, variation selectors) and, for Arabic, tatweel and
 * the short-vowel marks. Each can sit inside "pass\u00ADword" without changing what a reader sees.
 */
const INVISIBLE = /\p{Default_Ignorable_Code_Point}|\u0640|(?=\p{Script_Extensions=Arabic})\p{Mn}/u;
const NON_ASCII = /[\u0080-\uffff]/;
const NON_ASCII_RUN = /[\u0080-\uffff]+/g;
/** A starter and its combining marks (or a run of marks with no starter), normalised as one. */
const SEGMENT = /\P{M}\p{M}*|\p{M}+/gsu;

/**
 * A stretch of the normalised text and where it came from: a copy (unit `at + i` came from
 * `from + i`) or the output of one segment (every unit came from all of `[from, to)`).
 */
interface Piece {
  at: number;
  from: number;
  to: number;
  copy: boolean;
}

/**
 * The text the detectors read, and the way back to the text the analyst typed. `pieces` is
 * undefined when the two are aligned unit for unit (nothing removed or expanded).
 */
export interface NormalisedText {
  text: string;
  pieces: readonly Piece[] | undefined;
}

class Builder {
  readonly parts: string[] = [];
  readonly pieces: Piece[] = [];
  length = 0;

  /** Copies `text[from, to)`, look-alike letters folded (one unit for one, so still a copy). */
  copy(text: string, from: number, to: number, fold: boolean): void {
    if (to <= from) return;
    const last = this.pieces.at(-1);
    // The last piece ends where the output does (an empty emit pushes none), so a copy that
    // picks up where it left off in the input extends it.
    if (last?.copy === true && last.to === from) last.to = to;
    else this.pieces.push({ at: this.length, from, to, copy: true });
    this.parts.push(fold ? foldLookalikes(text.slice(from, to)) : text.slice(from, to));
    this.length += to - from;
  }

  /** Emits `out` (possibly longer or shorter) as coming from `text[from, to)`. */
  emit(out: string, from: number, to: number): void {
    if (out === '') return;
    this.pieces.push({ at: this.length, from, to, copy: false });
    this.parts.push(foldLookalikes(out));
    this.length += out.length;
  }
}

/** NFKC one segment at a time, dropping invisible characters, so each unit keeps its origin. */
function normaliseRun(text: string, from: number, to: number, out: Builder): void {
  const run = text.slice(from, to);
  if (!INVISIBLE.test(run) && run.normalize('NFKC') === run) {
    out.copy(text, from, to, true);
    return;
  }
  for (const m of run.matchAll(SEGMENT)) {
    const start = from + m.index;
    const end = start + m[0].length;
    const segment = INVISIBLE.test(m[0]) ? [...m[0]].filter((c) => !INVISIBLE.test(c)).join('') : m[0];
    const normalised = segment.normalize('NFKC');
    if (normalised === m[0]) out.copy(text, start, end, true);
    else out.emit(normalised, start, end);
  }
}

/**
 * What the guard matches against: NFKC (fullwidth "ｐａｓｓｗｏｒｄ", ligatures, mathematical
 * letters and non-breaking spaces become plain ones), invisible characters removed, and
 * Cyrillic/Greek look-alike letters folded to Latin. ASCII text, by far the common case, is
 * returned as is without allocating a map. Composition only joins a character with what follows
 * it, so each non-ASCII run is normalised with the one ASCII character before it (an "e"
 * followed by a combining accent) and the rest is copied.
 */
export function normalise(text: string): NormalisedText {
  if (!NON_ASCII.test(text)) return { text, pieces: undefined };
  const out = new Builder();
  let copied = 0;
  for (const m of text.matchAll(NON_ASCII_RUN)) {
    const start = Math.max(copied, m.index - 1);
    out.copy(text, copied, start, false);
    normaliseRun(text, start, m.index + m[0].length, out);
    copied = m.index + m[0].length;
  }
  out.copy(text, copied, text.length, false);
  // One copy from the first unit is aligned; invisible characters dropped at the very start
  // shift everything after them, so that copy starts later and is not.
  const first = out.pieces[0];
  const aligned = out.pieces.length === 1 && first?.copy === true && first.from === 0;
  return { text: out.parts.join(''), pieces: aligned ? undefined : out.pieces };
}

/** The piece holding normalised unit `i` (pieces are sorted by `at` and cover the text). */
function pieceAt(pieces: readonly Piece[], i: number): Piece | undefined {
  let lo = 0;
  let hi = pieces.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((pieces[mid]?.at ?? Infinity) <= i) lo = mid;
    else hi = mid - 1;
  }
  return pieces[lo];
}

/**
 * The span in the original text of the normalised span [start, end), end > start: from where
 * the first unit's character starts to where the last unit's character ends, so invisible
 * characters inside a secret are part of its span and the UI highlights what was typed.
 */
export function originalSpan(n: NormalisedText, start: number, end: number): readonly [number, number] {
  if (n.pieces === undefined) return [start, end];
  const first = pieceAt(n.pieces, start);
  const last = pieceAt(n.pieces, end - 1);
  if (first === undefined || last === undefined) return [start, end];
  return [
    first.copy ? first.from + (start - first.at) : first.from,
    last.copy ? last.from + (end - 1 - last.at) + 1 : last.to,
  ];
}
