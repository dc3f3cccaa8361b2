import { alternation, H, readWith } from './languages';
import type { Language } from './languages';
import { wordsBefore } from './words-before';

/**
 * What may stand between a password keyword and its value, as sticky regular expressions applied
 * at the keyword's end, built per language from `languages/`. They read the lower-cased text
 * (normalised text lower-cases to the same length): a case-insensitive Unicode match costs
 * twice as much. Horizontal whitespace only, so a
 * keyword at the end of one line never takes the first word of the next, except after ":" or
 * "=" (form-like notes: "Password:\nX").
 */

/** Where the value starts after a keyword ending at `from`, and how strongly it was announced. */
export interface Connector {
  valueStart: number;
  context: 'strong' | 'bare';
}

export interface Connectors {
  /** Any word a strong or change connector can start with, after the keyword's space. */
  firstWord: RegExp;
  strongWithOwner: RegExp;
  strong: RegExp;
  gluedWeak: RegExp;
  bare: RegExp;
  changedTo: RegExp;
}

/**
 * Builds `language`'s connector expressions. Callers use the cached `connectorsOf`; this is
 * exported so tests can build them afresh, as a mutation run keeps the first build of the cache.
 */
export function buildConnectors(language: Language): Connectors {
  const languages = readWith(language);
  const all = (key: keyof Omit<Language, 'code' | 'prose'>) => alternation(languages.flatMap((l) => l[key] ?? []));
  /** "contraseña temporal: X", "furaha sirta cusub waa X": adjectives written after the keyword. */
  const qualifier = `(?:${H}+(?:${all('qualifiers')}))?`;
  /** "password (temp): X". */
  const parenthetical = String.raw`(?:${H}*\([^()\r\n]{0,24}\))?`;
  /** "for her son's HAC account", "pitit mwen an", "she used": who the password belongs to. */
  const owner = [
    String.raw`${H}+(?:${all('owners')})(?:${H}+[^\s:=]+){1,5}?`,
    `(?:${H}+(?:${all('possessives')})){1,3}`,
    String.raw`${H}+(?:${all('clauses')})(?:${H}+[^\s:=]+){0,3}?`,
  ].join('|');
  const adverbs = all('adverbs');
  const adverb = `(?:${H}+(?:${adverbs}))?`;
  const auxiliary = `(?:(?:${all('auxiliaries')})${H}+)?`;
  const changedTo = all('changedTo');
  // Longest forms first: "was reset to X" must not stop at "was".
  const verb = `${H}+(?:${auxiliary}(?:${all('changed')})${H}+(?:${changedTo})|(?:(?:${adverbs})${H}+)?(?:${all('copulas')})${adverb})(?:${H}*[:=]${H}*|${H}+)`;
  const glued = `${H}*(?:${all('glued')})(?:${H}*[:=])?${H}*`;
  const punctuation = String.raw`${H}*(?:->|=>|\u2192|[:=])+${H}*(?:\r?\n${H}*)?`;
  const dash = String.raw`${H}+[-\u2013\u2014]${H}+`;
  const announced = `(?:${glued}|${verb}|${punctuation}|${dash})`;
  const wordLists = ['qualifiers', 'owners', 'possessives', 'clauses', 'adverbs', 'auxiliaries', 'changed', 'copulas', 'glued'] as const;
  const firstWords = alternation(wordLists.flatMap((key) => languages.flatMap((l) => l[key] ?? [])));
  return {
    firstWord: new RegExp(`${H}+(?:${firstWords}|${alternation(language.changedTo ?? [])})`, 'uy'),
    strongWithOwner: new RegExp(`${qualifier}${parenthetical}(?:${owner})?${announced}`, 'uy'),
    strong: new RegExp(`${qualifier}${parenthetical}${announced}`, 'uy'),
    gluedWeak: new RegExp(`${H}*(?:${all('gluedWeak')})${H}*`, 'uy'),
    bare: new RegExp(`${qualifier}${H}+`, 'uy'),
    // Only the keyword's own language here: Spanish "a" after "reset the password" is English
    // "a". The nearest "to" wins: "reset it to X and told him to change it" is about X.
    changedTo: new RegExp(`(?:|${owner})${H}+(?:${alternation(language.changedTo ?? [])})${H}+`, 'uy'),
  };
}

const CACHE = new Map<Language, Connectors>();

function connectorsOf(language: Language): Connectors {
  let built = CACHE.get(language);
  if (built === undefined) {
    built = buildConnectors(language);
    CACHE.set(language, built);
  }
  return built;
}

function sticky(re: RegExp, text: string, from: number): number | undefined {
  re.lastIndex = from;
  const m = re.exec(text);
  return m === null ? undefined : from + m[0].length;
}

/**
 * What follows a keyword ending at `from`, looked at once so the connector expressions run only
 * where one could match: `none` (end of line or sentence punctuation), `plain` (a space and a
 * word no connector starts with: "password reset", "PIN number", most keywords in prose),
 * `connector` (a space and a word one may start with: "is", "for", "was"), `other` (":", "=",
 * "(", a dash, a quote, or a particle touching the keyword: "비밀번호는").
 */
export type After = 'none' | 'plain' | 'connector' | 'other';

const SPACE_THEN_LETTER = /[^\S\r\n]+\p{L}/uy;
const ENDS_HERE = /[\r\n.,;!?)\]}"]/;

export function peekAfter(text: string, from: number, language: Language): After {
  const next = text[from];
  if (next === undefined || ENDS_HERE.test(next)) return 'none';
  SPACE_THEN_LETTER.lastIndex = from;
  if (!SPACE_THEN_LETTER.test(text)) return 'other';
  return sticky(connectorsOf(language).firstWord, text, from) === undefined ? 'plain' : 'connector';
}

/**
 * Reads the connector after a keyword. Weak keywords ("pass", "pin") may not take an owner
 * clause, so "pass for the field trip: bring lunch" is not read as a password. "password's X"
 * and Korean "비밀번호를 X" announce only weakly: only a value that is not a word counts. The
 * expression without an owner is tried first, as it is the cheaper and the commoner.
 */
export function readConnector(text: string, from: number, after: After, allowOwner: boolean, language: Language): Connector | undefined {
  if (after === 'none') return undefined;
  const c = connectorsOf(language);
  if (after !== 'plain') {
    const valueStart = sticky(c.strong, text, from) ?? (allowOwner ? sticky(c.strongWithOwner, text, from) : undefined);
    if (valueStart !== undefined) return { valueStart, context: 'strong' };
  }
  const valueStart = sticky(c.gluedWeak, text, from) ?? sticky(c.bare, text, from);
  return valueStart === undefined ? undefined : { valueStart, context: 'bare' };
}

/**
 * After a keyword that a change verb came before ("she set the password to X", "cambié la
 * contraseña a X"), where the value starts: past "to", "a", "para", "на" and an optional owner.
 */
export function readChangedTo(text: string, from: number, after: After, language: Language): number | undefined {
  return after === 'connector' ? sticky(connectorsOf(language).changedTo, text, from) : undefined;
}

export interface SetVerbWords {
  verb: RegExp;
  determiner: RegExp;
}

const SET_VERB_CACHE = new Map<Language, SetVerbWords>();
/** The one word between a change verb or determiner and the keyword: "Wi-Fi", "O365", "son's". */
const ADJECTIVE = /^[\p{L}\p{N}'\u2019-]+$/u;

/**
 * Builds the whole-word matchers for `language`'s change verbs and determiners (read with
 * `readWith`). Callers use the cached `setVerbWords`; exported so tests can build them afresh.
 */
export function buildSetVerbWords(language: Language): SetVerbWords {
  const languages = readWith(language);
  const all = (key: 'setVerbs' | 'determiners') => alternation(languages.flatMap((l) => l[key] ?? []));
  return { verb: new RegExp(`^(?:${all('setVerbs')})$`, 'u'), determiner: new RegExp(`^(?:${all('determiners')})$`, 'u') };
}

function setVerbWords(language: Language): SetVerbWords {
  let words = SET_VERB_CACHE.get(language);
  if (words === undefined) {
    words = buildSetVerbWords(language);
    SET_VERB_CACHE.set(language, words);
  }
  return words;
}

/**
 * True when a change verb stands right before the keyword starting at `start` ("she set the
 * password", "cambié la contraseña", "поменяла пароль"), optionally with a determiner and one
 * adjective between them ("changed the Wi-Fi password", "reset her son's password"), so that
 * "to X" after the keyword announces the value.
 */
export function followsSetVerb(text: string, start: number, language: Language): boolean {
  const { verb, determiner } = setVerbWords(language);
  const [w0, w1, w2] = wordsBefore(text, start, 3).map((w) => w.word.toLowerCase());
  if (w0 === undefined) return false;
  if (verb.test(w0)) return true;
  // Every determiner has an adjective's shape, so this also lets "the" through.
  if (w1 === undefined || !ADJECTIVE.test(w0)) return false;
  if (verb.test(w1)) return true;
  return w2 !== undefined && determiner.test(w1) && verb.test(w2);
}
