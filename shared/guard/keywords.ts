import { alternation, LANGUAGES } from './languages';
import type { Language } from './languages';

/**
 * The words people write before (or after) a password, in every language of `languages/`, as
 * two regular expressions over normalised text: Latin-script keywords, always, and the others
 * (Cyrillic, Arabic, Chinese, Korean) only in text that has those scripts. Within each, paired
 * keywords are tried first, then strong, then weak ones, so "user/pass" is one keyword and
 * "passcode" never stops at "pass".
 */

/** A keyword match plus what the detector needs to know about it. */
export interface KeywordMatch {
  start: number;
  end: number;
  /** "login/pw", "user/pass", "credentials": the value is "user/secret" or "user secret". */
  paired: boolean;
  /** "pass", "pin", "nip": common words or numeric codes; their value must not be a word. */
  weak: boolean;
  /** The keyword's language, whose joining words ("is", "es", "là") are read after it. */
  language: Language;
}

type Strength = 'paired' | 'strong' | 'weak' | 'unspaced';
interface Group {
  strength: Strength;
  language: Language;
  source: string;
}

const NON_LATIN = /[\u0250-\u1dff\u1f00-\uffff]/;
/** Whether a text has any letter of the scripts the second expression is for. */
const NON_LATIN_SCRIPT = /[\u0400-\u052f\u0600-\u06ff\u3040-\u9fff\uac00-\ud7af]/;

const GROUPS: readonly Group[] = (['paired', 'strong', 'weak', 'unspaced'] as const).flatMap((strength) =>
  LANGUAGES.filter((language) => (language[strength] ?? []).length > 0).map((language) => ({
    strength,
    language,
    source: alternation(language[strength] ?? [], true),
  })),
);

interface Compiled {
  /** Finds candidates, without the word boundary after spaced keywords. */
  scan: RegExp;
  /** Sticky, with the boundary: rereads a candidate whose first reading ran into a word. */
  bounded: RegExp;
  groups: readonly Group[];
}

/**
 * Expressions over `groups`, a capturing group each, in order. Spaced keywords must start and
 * end at a word boundary, checked in code: a lookbehind tried at every position, or even a
 * lookahead after each candidate, makes the scan twice as slow or worse. Unspaced ones (Chinese,
 * Korean) touch the words around them. The sources are lower case and matched against the
 * lower-cased text: a case-insensitive Unicode match is more than twice as slow.
 */
function compile(groups: readonly Group[], caseFlag: string): Compiled {
  const spaced = groups.filter((g) => g.strength !== 'unspaced');
  const unspaced = groups.filter((g) => g.strength === 'unspaced');
  const alt = (list: readonly Group[]) => list.map((g) => `(${g.source})`).join('|');
  const source = (boundary: string) =>
    [spaced.length > 0 ? `(?:${alt(spaced)})${boundary}` : '', alt(unspaced)].filter(Boolean).join('|');
  return {
    // Not in Unicode mode: the sources need none of it, and the scan is a fifth faster without.
    scan: new RegExp(source(''), `g${caseFlag}`),
    bounded: new RegExp(source(String.raw`(?![\p{L}\p{N}_])`), `y${caseFlag}u`),
    groups: [...spaced, ...unspaced],
  };
}

const latin = GROUPS.filter((g) => !NON_LATIN.test(g.source));
const others = GROUPS.filter((g) => NON_LATIN.test(g.source));
const EXPRESSIONS = [
  { lowerCase: compile(latin, ''), anyCase: compile(latin, 'i'), always: true },
  { lowerCase: compile(others, ''), anyCase: compile(others, 'i'), always: false },
];
const WORD_CHAR = /[\p{L}\p{N}_]/u;

function groupOf(m: RegExpExecArray, groups: readonly Group[]): Group | undefined {
  return groups[m.findIndex((g, i) => i > 0 && g !== undefined) - 1];
}

/** The keyword at `m`, reread with the boundary after it when the first reading ran into a word. */
function bounded(text: string, subject: string, m: RegExpExecArray, c: Compiled): RegExpExecArray | null {
  const hit = groupOf(m, c.groups);
  if (hit?.strength === 'unspaced' || !WORD_CHAR.test(text[m.index + m[0].length] ?? '')) return m;
  c.bounded.lastIndex = m.index;
  return c.bounded.exec(subject);
}

function scan(text: string, subject: string, c: Compiled, found: KeywordMatch[]): void {
  const re = c.scan;
  re.lastIndex = 0;
  for (let first = re.exec(subject); first !== null; first = re.exec(subject)) {
    const at = first.index;
    const spacedStart = groupOf(first, c.groups)?.strength !== 'unspaced';
    const m = spacedStart && at > 0 && WORD_CHAR.test(text[at - 1] ?? '') ? null : bounded(text, subject, first, c);
    const hit = m === null ? undefined : groupOf(m, c.groups);
    if (m === null || hit === undefined) {
      re.lastIndex = at + 1;
      continue;
    }
    re.lastIndex = at + m[0].length;
    const { strength, language } = hit;
    found.push({ start: at, end: at + m[0].length, paired: strength === 'paired', weak: strength === 'weak', language });
  }
}

/**
 * Every password keyword in normalised `text`, left to right, non-overlapping (the longer wins).
 * `lower` is `text` lower-cased, when the caller already has it.
 */
export function findKeywords(text: string, lower = text.toLowerCase()): KeywordMatch[] {
  const sameLength = lower.length === text.length;
  const found: KeywordMatch[] = [];
  for (const { lowerCase, anyCase, always } of EXPRESSIONS) {
    if (always || NON_LATIN_SCRIPT.test(text)) scan(text, sameLength ? lower : text, sameLength ? lowerCase : anyCase, found);
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  let end = 0;
  return found.filter((k) => {
    if (k.start < end) return false;
    end = k.end;
    return true;
  });
}
