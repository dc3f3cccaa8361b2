import { describe, expect, it } from 'vitest';
import { mergeFindings, overlaps } from './spans';

describe('mergeFindings with empty spans', () => {
  it('drops an empty span that touches no other span', () => {
    expect(
      mergeFindings([
        { start: 5, end: 5, kind: 'sealed-value' },
        { start: 0, end: 2, kind: 'high-entropy-token' },
      ]),
    ).toEqual([{ start: 0, end: 2, kind: 'high-entropy-token' }]);
  });
});

describe('overlaps in either order', () => {
  it('does not count a span that starts where the other ends as overlapping', () => {
    expect(overlaps(2, 4, 0, 2)).toBe(false);
    expect(overlaps(1, 4, 0, 2)).toBe(true);
  });
});
