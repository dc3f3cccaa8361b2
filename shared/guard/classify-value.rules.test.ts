import { describe, expect, it } from 'vitest';
import { looksLikeSecretValue } from './classify-value';
import type { ValueCandidate } from './classify-value';

function secret(value: string, extra: Partial<ValueCandidate> = {}): boolean {
  return looksLikeSecretValue({ value, quoted: false, context: 'strong', weakKeyword: false, nextWord: undefined, ...extra });
}

describe('looksLikeSecretValue beyond ASCII', () => {
  it('treats an accented capital inside a word as a secret, even bare', () => {
    expect(secret('elÁrbol', { context: 'bare' })).toBe(true);
  });

  it('reads a capitalised or all-capital accented word as a word', () => {
    expect(secret('Ángel', { context: 'bare' })).toBe(false);
    expect(secret('MAÑANA', { context: 'bare' })).toBe(false);
  });

  it('takes a plain Latin word with an accent as the password after a strong keyword', () => {
    expect(secret('piñata')).toBe(true);
  });
});

describe('looksLikeSecretValue and a trailing "!"', () => {
  it('reads the "!" after an unquoted word as the sentence’s', () => {
    expect(secret('sunshine!', { context: 'bare' })).toBe(false);
    expect(secret('sunshine!')).toBe(true);
  });

  it('keeps the "!" of a quoted value, so an address with "!" after it is a literal', () => {
    expect(secret('jdoe@district.org!', { quoted: true })).toBe(true);
    expect(secret('jdoe@district.org!')).toBe(false);
  });
});
