import { describe, expect, it } from 'vitest';
import { findSecrets } from './find-secrets';
import { findKeywords } from './keywords';
import { ENGLISH } from './languages/en';
import { KOREAN } from './languages/ko';
import { RUSSIAN } from './languages/ru';
import { parseMarked } from './marked-text.testkit';
import { normalise } from './normalise';

/**
 * Where the keyword scan starts and stops a keyword (word boundaries, the longer of two
 * overlapping keywords, left-to-right order across the Latin and the other-script expressions),
 * read through `findKeywords` on normalised text and, where it shows, through `findSecrets`.
 */
function keywordsIn(text: string): Array<{ keyword: string; start: number; paired: boolean; weak: boolean; language: string }> {
  const n = normalise(text).text;
  return findKeywords(n).map((k) => ({ keyword: n.slice(k.start, k.end), start: k.start, paired: k.paired, weak: k.weak, language: k.language.code }));
}

describe('findKeywords', () => {
  it('reports each keyword with its span, kind and language, lower-casing the text itself when not given it', () => {
    expect(findKeywords('Password: x')).toEqual([{ start: 0, end: 8, paired: false, weak: false, language: ENGLISH }]);
  });

  it('marks "pass" and "pin" as weak keywords', () => {
    expect(keywordsIn('her hall pass is yellow')).toEqual([{ keyword: 'pass', start: 9, paired: false, weak: true, language: 'en' }]);
  });

  it('rereads a keyword that runs into a word, so "u/passcode" is the keyword "passcode", not the pair "u/pass"', () => {
    expect(keywordsIn('u/passcode: 7731')).toEqual([{ keyword: 'passcode', start: 2, paired: false, weak: false, language: 'en' }]);
  });

  it('finds no keyword at the end of a longer word ("Encompass")', () => {
    expect(keywordsIn('the district uses Encompass 4.2.1')).toEqual([]);
  });

  it('keeps the longer of two keywords that start together, across the two scripts\' expressions', () => {
    const text = 'PIN 번호: 4821';
    expect(findKeywords(normalise(text).text)).toEqual([{ start: 0, end: 6, paired: false, weak: false, language: KOREAN }]);
  });

  it('lists keywords left to right when an other-script keyword comes before a Latin one', () => {
    expect(keywordsIn('пароль: Xy12abcd, password: Zz98qwer').map((k) => [k.start, k.language])).toEqual([
      [0, RUSSIAN.code],
      [18, ENGLISH.code],
    ]);
  });
});

describe('findSecrets reads the keywords it finds', () => {
  it('flags the values of a Russian keyword and an English one after it', () => {
    const { text, spans } = parseMarked('пароль: ⟦Xy12abcd⟧, password: ⟦Zz98qwer⟧', 'password-after-keyword');
    expect(findSecrets(text)).toEqual(spans);
  });

  it('does not read a version number after a word ending in "pass" as a PIN', () => {
    expect(findSecrets('the district uses Encompass 4.2.1')).toEqual([]);
  });

  it('reads a Chinese keyword glued to its copula and value', () => {
    const { text, spans } = parseMarked('密码是⟦Bluejay7⟧', 'password-after-keyword');
    expect(findSecrets(text)).toEqual(spans);
  });
});
