import { describe, expect, it } from 'vitest';
import { looksLikeSecretValue } from './classify-value';
import type { ValueCandidate } from './classify-value';

function strong(value: string, extra: Partial<ValueCandidate> = {}): boolean {
  return looksLikeSecretValue({ value, quoted: false, context: 'strong', weakKeyword: false, nextWord: undefined, ...extra });
}

describe('looksLikeSecretValue', () => {
  it('treats any value with digits, symbols or inner capitals as a secret, even bare', () => {
    for (const value of ['hunter2', 'Lunch#', 'hUnter', '4821']) {
      expect(strong(value, { context: 'bare' })).toBe(true);
    }
  });

  it('treats a plain word as a secret only after a strong connector', () => {
    expect(strong('sunshine')).toBe(true);
    expect(strong('sunshine', { context: 'bare' })).toBe(false);
  });

  it('needs more than a plain word after a weak keyword such as "pass" or "pin"', () => {
    expect(strong('sunshine', { weakKeyword: true })).toBe(false);
    expect(strong('Xy12', { weakKeyword: true })).toBe(true);
  });

  it('reads known prose words, participles and adverbs as prose', () => {
    for (const value of ['expired', 'incorrecta', 'being', 'probably', 'bloqueada', 'definitivamente', 'NULL']) {
      expect(strong(value)).toBe(false);
    }
  });

  it('reads a word followed by a preposition as prose', () => {
    expect(strong('tied', { nextWord: 'to' })).toBe(false);
    expect(strong('sunshine', { nextWord: 'and' })).toBe(true);
  });

  it('treats unquoted values under four characters as prose but keeps short quoted ones', () => {
    expect(strong('8+')).toBe(false);
    expect(strong('x y', { quoted: true })).toBe(true);
  });

  it('never treats placeholders, masks, links or bare punctuation as secrets', () => {
    for (const value of ['[sealed]', '[redacted]', '********', 'https://x.org/a1', 'a@b.org', '!!!!', 'dd/mm/aaaa']) {
      expect(strong(value, { quoted: true })).toBe(false);
    }
  });
});
