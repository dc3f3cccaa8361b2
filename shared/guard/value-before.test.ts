import { describe, expect, it } from 'vitest';
import { findSecrets } from './find-secrets';
import { parseMarked } from './marked-text.testkit';

/** "⟦x⟧ is her password": exactly the marked spans are flagged, as password-after-keyword. */
function expectExactly(marked: string): void {
  const { text, spans } = parseMarked(marked, 'password-after-keyword');
  const found = findSecrets(text);
  expect(found.map((f) => text.slice(f.start, f.end))).toEqual(spans.map((s) => text.slice(s.start, s.end)));
  expect(found).toEqual(spans);
}

const JOINING_WORDS: ReadonlyArray<readonly [string, string]> = [
  ['"that\'s" after an opening bracket', "⟦Bluejay#7⟧ (that's her PIN)"],
  ['"that\'s" with a dash touching it', '⟦Bluejay#7⟧ \u2014that\'s her password'],
  ['a comma before "that\'s" left out of the value', "⟦Bluejay#7⟧, that's her password"],
  ['a comma earlier in the note', 'Called back, ⟦Bluejay#7⟧ is her password'],
  ['"was used as" with a determiner and a qualifier', '⟦Bluejay#7⟧ was used as her new password'],
  ['"as" straight before the keyword', 'she picked ⟦Bluejay#7⟧ as password'],
  ['an unknown word earlier in the note', 'Console said undefined; ⟦Bluejay#7⟧ is her password'],
];

const QUOTES: ReadonlyArray<readonly [string, string]> = [
  ['a quoted value on a later line of the note', 'Called mom.\n"⟦blue jay⟧" is her password'],
  ['a closing quote with no opening one is left out', 'Mom said ⟦Bluejay#7⟧" is her password'],
  [
    'a quote opened more than 64 characters back is not the value\u2019s',
    'Mom wrote "see you" in the note. Later, on the phone, she confirmed for me that ⟦Bluejay#7⟧" is her password',
  ],
  ['a quoted plain word while the sentence goes on', '"⟦sunshine⟧" was the password she used'],
  ['a quoted value of 64 characters', `"⟦${'correct horse battery staple '.padEnd(63, 'x')}Z⟧" is her password`],
  ['an empty pair of quotes after a value is part of its token', '⟦Bluejay7""⟧ is her password'],
];

describe('a value written before its keyword', () => {
  it.each(JOINING_WORDS)('is found: %s', (_name, marked) => {
    expectExactly(marked);
  });

  it.each(QUOTES)('quotes: %s', (_name, marked) => {
    expectExactly(marked);
  });

  it('is read back at most 64 characters from a long run', () => {
    const run = 'ab'.repeat(40);
    const text = `${run} is her password`;
    expect(findSecrets(text)).toEqual([{ start: run.length - 64, end: run.length, kind: 'password-after-keyword' }]);
  });

  it('is a plain word only when the keyword ends the sentence', () => {
    expectExactly('Mom said ⟦Sunshine⟧ was the password.');
    expect(findSecrets('Sunshine was the password she used')).toEqual([]);
    expect(findSecrets('Sunshine was the password  she used')).toEqual([]);
  });

  it('is a user name before a paired keyword: only the password of a pair is flagged', () => {
    expectExactly('jdoe/⟦Bluejay#7⟧ is her login/pw');
    expect(findSecrets('jsmith7 is her login/pw')).toEqual([]);
  });
});
