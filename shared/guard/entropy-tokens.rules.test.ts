import { describe, expect, it } from 'vitest';
import { findHighEntropyTokens, isHighEntropyToken } from './entropy-tokens';

const KEY_20 = '4eC39HqLyjWDarjtT1zd';

describe('isHighEntropyToken thresholds', () => {
  it('accepts a key of exactly 20 characters and rejects one of 19', () => {
    expect(isHighEntropyToken(KEY_20)).toBe(true);
    expect(isHighEntropyToken(KEY_20.slice(0, 19))).toBe(false);
  });

  it('accepts a token whose only random piece is exactly 16 characters', () => {
    expect(isHighEntropyToken('zzz-4eC39HqLyjWDarjt')).toBe(true);
  });

  it('rejects a token whose random pieces are all shorter than 16 characters', () => {
    expect(isHighEntropyToken('4eC39HqLyjWD-arjtT1zdp7d')).toBe(false);
  });

  it('accepts mixed case without digits from 32 characters on, not at 31', () => {
    const key = 'AbCdEfGhIjKlMnOpQrStUvWxYzAbCdEf';
    expect(isHighEntropyToken(key)).toBe(true);
    expect(isHighEntropyToken(key.slice(0, 31))).toBe(false);
  });

  it('rejects single-case text without digits however scrambled and long', () => {
    expect(isHighEntropyToken('qz+xk=vb+nm=pl+rt=yh+gf=ds+wq=az')).toBe(false);
    expect(isHighEntropyToken('QZ+XK=VB+NM=PL+RT=YH+GF=DS+WQ=AZ')).toBe(false);
  });

  it('accepts a key of exactly 3 bits per character and rejects a repeated pattern below it', () => {
    // Eight characters, each three times: exactly 3 bits per character.
    expect(isHighEntropyToken('aB3dE5gHaB3dE5gHaB3dE5gH')).toBe(true);
    expect(isHighEntropyToken('ab12ab12ab12ab12ab12')).toBe(false);
  });

  it('rejects a serial that is half a word, such as a device name and digits', () => {
    expect(isHighEntropyToken('Chromebook4821937560')).toBe(false);
  });
});

describe('findHighEntropyTokens length at the edges', () => {
  it('finds a key of exactly 20 characters in a sentence', () => {
    expect(findHighEntropyTokens(`key ${KEY_20} here`)).toEqual([{ start: 4, end: 24, kind: 'high-entropy-token' }]);
  });

  it('finds a key that is 20 characters once its separators are trimmed, and not one of 19', () => {
    expect(findHighEntropyTokens(`key --${KEY_20}.. here`)).toEqual([{ start: 6, end: 26, kind: 'high-entropy-token' }]);
    expect(findHighEntropyTokens(`key --${KEY_20.slice(0, 19)}.. here`)).toEqual([]);
  });
});
