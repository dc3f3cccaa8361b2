import { describe, expect, it } from 'vitest';
import { findSecrets } from './find-secrets';
import { findSealedValues } from './sealed-values';

describe('sealed values', () => {
  it('flags every occurrence of a sealed value in free text', () => {
    const text = 'try Gr33nLeaf first, then Gr33nLeaf again';
    expect(findSecrets(text, { sealedValues: ['Gr33nLeaf'] })).toEqual([
      { start: 4, end: 13, kind: 'sealed-value' },
      { start: 26, end: 35, kind: 'sealed-value' },
    ]);
  });

  it('flags a sealed value surrounded by punctuation or quotes', () => {
    const text = '("sunflower"),';
    expect(findSecrets(text, { sealedValues: ['sunflower'] })).toEqual([{ start: 2, end: 11, kind: 'sealed-value' }]);
  });

  it('flags a sealed value glued inside a longer token', () => {
    expect(findSecrets('xxsunflowerxx', { sealedValues: ['sunflower'] })).toEqual([
      { start: 2, end: 11, kind: 'sealed-value' },
    ]);
  });

  it('is case-sensitive, so another casing of the value is not a copy of it', () => {
    expect(findSealedValues('SUNFLOWER', ['sunflower'])).toEqual([]);
  });

  it('ignores sealed values shorter than four characters', () => {
    expect(findSealedValues('a cat sat on the mat', ['cat', 'at', ''])).toEqual([]);
  });

  it('reports overlapping occurrences that findSecrets merges into one span', () => {
    expect(findSealedValues('aaaaa', ['aaaa'])).toHaveLength(2);
    expect(findSecrets('aaaaa', { sealedValues: ['aaaa'] })).toEqual([{ start: 0, end: 5, kind: 'sealed-value' }]);
  });

  it('labels a keyword value that was already sealed as a sealed value', () => {
    const text = 'pw: hunter2';
    expect(findSecrets(text, { sealedValues: ['hunter2'] })).toEqual([{ start: 4, end: 11, kind: 'sealed-value' }]);
  });

  it('finds a sealed value with spaces and non-ASCII letters across lines', () => {
    const text = 'line one\nsu clave: mi perro Ñandú\nline three';
    const start = text.indexOf('mi perro Ñandú');
    expect(findSecrets(text, { sealedValues: ['mi perro Ñandú'] })).toEqual([
      { start, end: start + 'mi perro Ñandú'.length, kind: 'sealed-value' },
    ]);
  });

  it('reports a value listed twice only once', () => {
    expect(findSealedValues('Gr33nLeaf', ['Gr33nLeaf', 'Gr33nLeaf'])).toHaveLength(1);
  });
});
