import { describe, expect, it } from 'vitest';
import { findSecrets } from './index';
import { looksLikePasswordToken } from './password-shape';

/**
 * What a token must look like to be a password with no keyword to announce it
 * ("jdoe / Bluejay#7"): the shape rules of `password-shape.ts`, one rule a row, each row a token
 * that passes every other rule, so the row fails if its rule goes.
 */
const PASSWORD_SHAPED: readonly (readonly [rule: string, token: string])[] = [
  ['a symbol password rules ask for, with no digit', 'bluejay#'],
  ['digits with both cases, with no symbol', 'Bluejay7X'],
  ['the shortest length a pair may hold', 'Blue#7'],
  ['64 characters, the longest', `Bluejay#${'x'.repeat(56)}`],
];

const NOT_PASSWORD_SHAPED: readonly (readonly [rule: string, token: string])[] = [
  ['one character under the shortest', 'Blu#7'],
  ['65 characters, one over the longest', `Bluejay#${'x'.repeat(57)}`],
  ['no letter at all, even with a symbol', '1234#5678'],
  ['a space inside', 'Blue jay#7'],
  ['a link, though it holds "@" and digits with both cases', 'https://Portal7.district.org/@Home'],
  ['one of our own placeholders', '<sealed>'],
  ['a request id (UUID) in mixed case', '3f2504e0-4F89-11d3-9A0C-0305e82c3301'],
  ['hex in mixed case', '0xDEADbeef42'],
  ['a version with a letter suffix', 'V10.2.3a'],
  ['a file name', 'Report2024.docx'],
  ['a host name', 'Lab7PC.local'],
  ['letters of both cases with no digit', 'BluejayX'],
  ['digits and lower case only', 'bluejay7x'],
  ['digits and upper case only', 'BLUEJAY7X'],
];

describe('looksLikePasswordToken', () => {
  it.each(PASSWORD_SHAPED)('accepts %s (%j)', (_rule, token) => {
    expect(looksLikePasswordToken(token)).toBe(true);
  });

  it.each(NOT_PASSWORD_SHAPED)('refuses %s (%j)', (_rule, token) => {
    expect(looksLikePasswordToken(token)).toBe(false);
  });
});

describe('a user/password pair with no keyword, through findSecrets', () => {
  it('flags a symbol-only password after a user name and a colon', () => {
    const text = 'jdoe:bluejay#';
    expect(findSecrets(text)).toEqual([{ start: 5, end: text.length, kind: 'password-after-keyword' }]);
  });

  it('leaves a user name and a bare number with a symbol alone, as "#" numbers are ticket text', () => {
    expect(findSecrets('jdoe / 4411#2')).toEqual([]);
  });

  it('leaves a user name and a file name alone', () => {
    expect(findSecrets('jdoe / Report2024.docx')).toEqual([]);
  });
});
