import { describe, expect, it } from 'vitest';
import { findSecrets } from './index';
import { wordsBefore } from './words-before';

describe('wordsBefore', () => {
  it('returns the words before the offset, nearest first, with their spans', () => {
    expect(wordsBefore('user jdoe pass', 10, 4)).toEqual([
      { start: 5, end: 9, word: 'jdoe' },
      { start: 0, end: 4, word: 'user' },
    ]);
  });

  it.each([
    ['a space', ' '],
    ['a tab', '\t'],
    ['a vertical tab', '\u000b'],
    ['a form feed', '\f'],
    ['a no-break space', '\u00a0'],
    ['an ideographic space', '\u3000'],
    ['an Ogham space mark (which NFKC keeps)', '\u1680'],
  ])('splits words at %s', (_name, space) => {
    const text = `user${space}jdoe${space}`;
    expect(wordsBefore(text, text.length, 4).map((w) => w.word)).toEqual(['jdoe', 'user']);
  });

  it.each([
    ['a line feed', '\n'],
    ['a carriage return', '\r'],
    ['a line separator', '\u2028'],
    ['a paragraph separator', '\u2029'],
  ])('stops at %s: the words come from the same line only', (_name, lineBreak) => {
    const text = `user${lineBreak}jdoe pass`;
    expect(wordsBefore(text, text.indexOf(' pass'), 4)).toEqual([{ start: 5, end: 9, word: 'jdoe' }]);
  });

  it('returns at most `count` words', () => {
    expect(wordsBefore('a b c d', 7, 2).map((w) => w.word)).toEqual(['d', 'c']);
  });

  it('returns fewer words than asked for when the text starts sooner', () => {
    expect(wordsBefore('jdoe ', 5, 3)).toEqual([{ start: 0, end: 4, word: 'jdoe' }]);
    expect(wordsBefore('   ', 3, 3)).toEqual([]);
  });
});

describe('the guard reading words split by an Ogham space mark', () => {
  it('finds a password named after it, as it does with ordinary spaces', () => {
    const text = 'Bluejay#7\u1680is\u1680her password';
    expect(findSecrets(text.replaceAll('\u1680', ' ')).map((f) => [f.start, f.end])).toEqual([[0, 9]]);
    expect(findSecrets(text).map((f) => [f.start, f.end])).toEqual([[0, 9]]);
  });
});

