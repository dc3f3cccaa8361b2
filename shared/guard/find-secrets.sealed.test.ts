import { describe, expect, it } from 'vitest';
import { findSecrets } from './find-secrets';

/**
 * A sealed value is looked for as typed and as normalised, so the look-alike letters and
 * invisible characters `normalise` undoes hide a copy in neither direction.
 */
const CYRILLIC_A = '\u0430';

describe('findSecrets with sealed values', () => {
  it('finds the plain copy of a sealed value that was typed with a look-alike letter', () => {
    const sealed = `P${CYRILLIC_A}ss1234`;
    const text = 'she retyped Pass1234 here';
    expect(findSecrets(text, { sealedValues: [sealed] })).toEqual([{ start: 12, end: 20, kind: 'sealed-value' }]);
  });

  it('finds that copy when the other sealed values need no normalising', () => {
    const text = 'she retyped Pass1234 here';
    expect(findSecrets(text, { sealedValues: ['Gr33nLeaf', `P${CYRILLIC_A}ss1234`] })).toEqual([
      { start: 12, end: 20, kind: 'sealed-value' },
    ]);
  });

  it('finds the plain copy of a sealed value that holds a zero-width space', () => {
    const text = 'tried Gr33nLeaf again';
    expect(findSecrets(text, { sealedValues: ['Gr33n\u200bLeaf'] })).toEqual([{ start: 6, end: 15, kind: 'sealed-value' }]);
  });
});
