import { describe, expect, it } from 'vitest';
import { findSecrets } from './find-secrets';
import { parseMarked } from './marked-text.testkit';
import { nextWordOnLine, readValue } from './value-span';

/** "pw: ⟦x⟧": exactly the marked spans are flagged, as password-after-keyword. */
function expectExactly(marked: string): void {
  const { text, spans } = parseMarked(marked, 'password-after-keyword');
  const found = findSecrets(text);
  expect(found.map((f) => text.slice(f.start, f.end))).toEqual(spans.map((s) => text.slice(s.start, s.end)));
  expect(found).toEqual(spans);
}

/** A passphrase of exactly `length` characters, with spaces in it. */
function passphrase(length: number): string {
  return 'correct horse battery staple '.padEnd(length - 1, 'x') + 'Z';
}

const BRACKETS_AND_QUOTES: ReadonlyArray<readonly [string, string]> = [
  ['a bracket closing one opened inside the value stays in it', 'pw: ⟦Abc(12)⟧'],
  ['brackets at both ends that do not wrap the value stay in it', 'pw: ⟦(Ab)12(Cd)⟧'],
  ['an opening bracket with no partner is left out, and the comma after', 'pw: (⟦Bluejay#7⟧, not the old one)'],
  ['a closing quote with no partner is left out', 'she wrote "pw: ⟦Bluejay#7⟧" on a sticky note'],
  ['a quote never closed leaves the first token, without the quote', 'pw: "⟦Bluejay#7⟧ she said'],
  [
    'a quote closed more than 64 characters later leaves the first token',
    'pw: "⟦Bluejay#7⟧ and she said it works fine on the Chromebook at home but not at school" ok',
  ],
  ['a quoted value of 64 characters is one value', `passphrase: "⟦${passphrase(64)}⟧"`],
  ['a quote is not read onto the next line', 'Password: "⟦Bluejay#7⟧\nCalled back, "ok" she said'],
  ['a quote is not read past a lone carriage return', 'Password: "⟦Bluejay#7⟧\rCalled back, "ok" she said'],
];

const CHARACTERS: ReadonlyArray<readonly [string, string]> = [
  ['a letter beyond ASCII inside the value', 'pw: ⟦Señor#12⟧'],
  ['a letter beyond ASCII first', 'pw: ⟦Ñandú#12⟧'],
  ['a pasted control character inside the value', 'pw: ⟦Blue\u0080jay#7⟧'],
  ['a value in a query string ends before the next field', 'login?password=⟦Bluejay7x⟧&user=jdoe'],
  ['a lone value after "creds" followed only by punctuation', 'creds: ⟦Bluejay#7⟧ ...'],
];

describe('the value after a keyword', () => {
  it.each(BRACKETS_AND_QUOTES)('brackets and quotes: %s', (_name, marked) => {
    expectExactly(marked);
  });

  it.each(CHARACTERS)('is read whole: %s', (_name, marked) => {
    expectExactly(marked);
  });

  it('is nothing when a query-string field is empty, not the next field', () => {
    expect(findSecrets('login?password=&user=jdoe')).toEqual([]);
    expect(findSecrets('POST /login pwd=&email=jdoe%40district.org&remember=1')).toEqual([]);
  });
});

describe('readValue', () => {
  it('reads no value at a space or at the end of the text', () => {
    expect(readValue('pw: x', 3)).toBeUndefined();
    expect(readValue('pw:', 3)).toBeUndefined();
  });

  it('reads no value from empty or blank quotes', () => {
    expect(readValue('pw: "" then', 4)).toBeUndefined();
    expect(readValue('pw: "   " then', 4)).toBeUndefined();
  });

  it('reads no value from a pair of empty brackets', () => {
    expect(readValue('pw: () then', 4)).toBeUndefined();
  });

  it('marks a quoted value as quoted and gives the span inside the quotes', () => {
    expect(readValue('pw: "blue jay" then', 4)).toEqual({ start: 5, end: 13, quoted: true });
  });
});

describe('nextWordOnLine', () => {
  it('finds the next word across a run of spaces', () => {
    expect(nextWordOnLine('password   she used', 8)).toBe('she');
  });

  it('finds no word on the next line', () => {
    expect(nextWordOnLine('password\nshe used', 8)).toBeUndefined();
  });
});
