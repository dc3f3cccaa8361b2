import { describe, expect, it } from 'vitest';
import { mergeFindings, overlaps } from './spans';

describe('mergeFindings', () => {
  it('sorts findings by start', () => {
    expect(
      mergeFindings([
        { start: 10, end: 12, kind: 'high-entropy-token' },
        { start: 1, end: 3, kind: 'password-after-keyword' },
      ]).map((f) => f.start),
    ).toEqual([1, 10]);
  });

  it('merges overlapping and touching spans, keeping the most specific kind', () => {
    expect(
      mergeFindings([
        { start: 0, end: 10, kind: 'high-entropy-token' },
        { start: 5, end: 12, kind: 'password-after-keyword' },
        { start: 12, end: 14, kind: 'sealed-value' },
      ]),
    ).toEqual([{ start: 0, end: 14, kind: 'sealed-value' }]);
  });

  it('drops empty spans and does not mutate its input', () => {
    const input = [
      { start: 3, end: 3, kind: 'sealed-value' as const },
      { start: 0, end: 2, kind: 'sealed-value' as const },
      { start: 1, end: 4, kind: 'sealed-value' as const },
    ];
    expect(mergeFindings(input)).toEqual([{ start: 0, end: 4, kind: 'sealed-value' }]);
    expect(input[1]).toEqual({ start: 0, end: 2, kind: 'sealed-value' });
  });
});

describe('overlaps', () => {
  it('treats spans as half-open', () => {
    expect(overlaps(0, 2, 2, 4)).toBe(false);
    expect(overlaps(0, 3, 2, 4)).toBe(true);
  });
});
