import { describe, expect, it } from 'vitest';
import { findSecrets, redactSecrets } from './index';
import { normalise, originalSpan } from './normalise';

describe('normalise keeps text that needs no change as it is', () => {
  it.each(['', 'pw: Bluejay#7', 'café crème', 'café\u200b'])('returns %j aligned, without a map', (text) => {
    expect(normalise(text)).toEqual({ text: text.replace('\u200b', ''), pieces: undefined });
  });

  it('leaves the text aligned when invisible characters are only at its end', () => {
    expect(normalise('x\u200b')).toEqual({ text: 'x', pieces: undefined });
  });

  it('keeps typed text between changes as one copied piece, however many runs it spans', () => {
    expect(normalise('\ufb01le café')).toEqual({
      text: 'file café',
      pieces: [
        { at: 0, from: 0, to: 1, copy: false },
        { at: 2, from: 1, to: 8, copy: true },
      ],
    });
  });
});

describe('normalise maps what it changed back to what was typed', () => {
  it('maps a ligature typed alone back to its one character', () => {
    const n = normalise('\ufb01');
    expect(n.text).toBe('fi');
    expect(originalSpan(n, 0, 2)).toEqual([0, 1]);
    expect(originalSpan(n, 1, 2)).toEqual([0, 1]);
  });

  it('keeps the offsets of text that starts with invisible characters', () => {
    const n = normalise('\u200bx');
    expect(n.text).toBe('x');
    expect(originalSpan(n, 0, 1)).toEqual([1, 2]);
  });

  it('leaves a span where it is when the map has no pieces', () => {
    expect(originalSpan({ text: 'abc', pieces: [] }, 0, 2)).toEqual([0, 2]);
  });
});

describe('findSecrets reads through invisible and composed characters', () => {
  it('highlights a password after a zero-width space or a byte-order mark at the start', () => {
    const text = '\u200bpassword: Bluejay#7';
    expect(findSecrets(text)).toEqual([{ start: 11, end: text.length, kind: 'password-after-keyword' }]);
    expect(redactSecrets('\ufeff\ufeffpw: Bluejay#7')).toBe('\ufeff\ufeffpw: [sealed]');
  });

  it('ends a password where it ends when a ligature follows it', () => {
    expect(findSecrets('pw: Bluejay#7 \ufb01le attached')).toEqual([{ start: 4, end: 13, kind: 'password-after-keyword' }]);
  });

  it('ends a password that ends in a ligature at the ligature', () => {
    const text = 'pw: Bluejay7\ufb01';
    expect(findSecrets(text)).toEqual([{ start: 4, end: text.length, kind: 'password-after-keyword' }]);
  });

  it('reads a keyword with a combining grapheme joiner after one of its letters', () => {
    const text = 'pass\u034fword: Bluejay#7';
    expect(findSecrets(text)).toEqual([{ start: 11, end: text.length, kind: 'password-after-keyword' }]);
  });

  it('reads an Arabic keyword written with a short vowel mark', () => {
    const text = '\u0643\u064e\u0644\u0645\u0629 \u0627\u0644\u0645\u0631\u0648\u0631: Bluejay#7';
    expect(findSecrets(text)).toEqual([{ start: text.indexOf('B'), end: text.length, kind: 'password-after-keyword' }]);
  });

  it('reads a keyword whose accent is typed as a combining mark with an invisible one after it', () => {
    const text = 'contrasen\u0303\u034fa: Bluejay#7';
    expect(findSecrets(text)).toEqual([{ start: text.indexOf('B'), end: text.length, kind: 'password-after-keyword' }]);
  });

  it('folds a look-alike letter that sits beside an invisible character', () => {
    const text = 'pa\u0455\u200bsword: Bluejay#7';
    expect(findSecrets(text)).toEqual([{ start: text.indexOf('B'), end: text.length, kind: 'password-after-keyword' }]);
  });
});
