import { describe, expect, it } from 'vitest';
import { shannonEntropy, wordiness } from './entropy';
import { findHighEntropyTokens, isHighEntropyToken } from './entropy-tokens';

describe('shannonEntropy', () => {
  it('is zero for one repeated character and log2(n) for n distinct ones', () => {
    expect(shannonEntropy('aaaa')).toBe(0);
    expect(shannonEntropy('abcd')).toBe(2);
  });

  it('is zero for empty text', () => {
    expect(shannonEntropy('')).toBe(0);
  });
});

describe('wordiness', () => {
  it('is high for CamelCase names and low for random keys', () => {
    expect(wordiness('ChromebookEnrollment2024')).toBeGreaterThan(0.5);
    expect(wordiness('4eC39HqLyjWDarjtT1zdp7dc')).toBeLessThan(0.5);
  });
});

describe('isHighEntropyToken', () => {
  it.each([
    'wJalrXUtnFEMIK7MDENGbPxRfiCYzz9PLEKEY',
    'xoxb-123456789012-1234567890123-AbCdEfGh1jKlMnOpQrStUvWx',
    '3f786850e387550fdab836ed7e6dc881de23001b',
    'dGhpcyBpcyBhIHNlY3JldCBrZXkgZm9yIHRlc3Q',
  ])('accepts the key-shaped %s', (token) => {
    expect(isHighEntropyToken(token)).toBe(true);
  });

  it.each([
    ['a UUID request id', '3f2504e0-4f89-11d3-9a0c-0305e82c3301'],
    ['a CamelCase product name', 'Office365ProPlusRetail'],
    ['a dotted host name', 'lib-cart03-cb17.students.district.k12.tx.us'],
    ['a long digit run', '20240012345678901234'],
    ['a product key of short groups', 'VK7JG-NPHTM-C97JM-9MPGT-3V66T'],
    ['mixed case without digits under 32 characters', 'AbCdEfGhIjKlMnOpQrStUvWx'],
    ['a short token', 'Abc123xyz789'],
  ])('rejects %s', (_name, token) => {
    expect(isHighEntropyToken(token)).toBe(false);
  });
});

describe('findHighEntropyTokens', () => {
  it('skips keys inside URLs and email addresses', () => {
    expect(
      findHighEntropyTokens('https://x.example/cb?code=4eC39HqLyjWDarjtT1zdp7dc4eC3 and k4eC39HqLyjWDarjtT1zdp@x.org'),
    ).toEqual([]);
  });

  it('flags keys before, between and after links in the same text', () => {
    const key = '4eC39HqLyjWDarjtT1zdp7dc';
    const text = `${key} https://a.example/x?u=jo@x.org ${key} mom@example.org ${key}`;
    expect(findHighEntropyTokens(text).map((f) => f.start)).toEqual([
      0,
      text.indexOf(key, 1),
      text.lastIndexOf(key),
    ]);
  });

  it('leaves leading and trailing separators out of the span', () => {
    const text = '--4eC39HqLyjWDarjtT1zdp7dc...';
    expect(findHighEntropyTokens(text)).toEqual([{ start: 2, end: 26, kind: 'high-entropy-token' }]);
  });
});
