import { describe, expect, it } from 'vitest';
import { maskSecret } from './mask';

function realChars(masked: string, value: string): number {
  const preview = masked.replace(/ \(\d+\)$/, '');
  return Array.from(preview).filter((c) => c !== '\u2022' && value.includes(c)).length;
}

describe('maskSecret', () => {
  it('shows the first character, bullets and the length', () => {
    expect(maskSecret('Pa55word')).toBe('P\u2022\u2022\u2022\u2022\u2022\u2022\u2022 (8)');
  });

  it('shows no real character of a short value such as a PIN', () => {
    expect(maskSecret('4821')).toBe('\u2022\u2022\u2022\u2022 (4)');
  });

  it('caps the bullets so a long key fits the chip', () => {
    expect(maskSecret('x'.repeat(40))).toBe(`x${'\u2022'.repeat(8)} (40)`);
  });

  it('never reveals more than one real character', () => {
    for (const value of ['Tr0ub4dor&3', 'correct horse battery staple', 'abcdef', 'Perro123']) {
      expect(realChars(maskSecret(value), value)).toBeLessThanOrEqual(1);
    }
  });

  it('does not reveal a leading space', () => {
    expect(maskSecret(' secret1')).toBe(`${'\u2022'.repeat(8)} (8)`);
  });

  it('counts an emoji as one character and never splits it', () => {
    expect(maskSecret('\u{1F436}perro12')).toBe(`\u{1F436}${'\u2022'.repeat(7)} (8)`);
  });

  it('marks an empty value as empty', () => {
    expect(maskSecret('')).toBe('(empty)');
  });
});
