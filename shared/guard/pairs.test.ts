import { describe, expect, it } from 'vitest';
import { findSecrets } from './index';
import { parseMarked } from './marked-text.testkit';
import { findUserPasswordPairs, followsUserName } from './pairs';

/** Each row marks the exact secret span(s) with ⟦ ⟧; nothing else in the row may be flagged. */
type Row = readonly [name: string, marked: string];

function expectExactly(marked: string): void {
  const { text, spans } = parseMarked(marked, 'password-after-keyword');
  const found = findSecrets(text);
  expect(found.map((f) => text.slice(f.start, f.end))).toEqual(spans.map((s) => text.slice(s.start, s.end)));
  expect(found).toEqual(spans);
}

/** "jdoe / Bluejay#7", "jdoe:Bluejay#7": no password keyword, only the shape of both halves. */
const PAIRS_FLAGGED: readonly Row[] = [
  ['a six-character password after a spaced slash, the shortest a pair may hold', 'jdoe / ⟦Blue#7⟧'],
  ['a six-character password after a colon, the shortest a pair may hold', 'jdoe:⟦Blue#7⟧'],
  ['an email address that ends right at the colon', 'Gmail maria.lopez@gmail.com:⟦Bluejay#7⟧'],
];

const PAIRS_LEFT_ALONE: readonly string[] = [
  // A label word, however user-like, names a field and not a user.
  'model:Latitude5420',
  'build:Win11Pro22H2',
  // A short link after another link: its path is part of the link, not a password.
  'Steps: https://kb.district.org/reset then forms.gle/Xy7Lm2Qp9',
  // Only a slash pairs across spaces; a spaced colon is a label's.
  'issue on loaner : iPad7th, cart 3',
];

describe('findSecrets finds user/password pairs written without a keyword', () => {
  it.each(PAIRS_FLAGGED)('%s', (_name, marked) => {
    expectExactly(marked);
  });

  it.each(PAIRS_LEFT_ALONE)('leaves alone %j', (text) => {
    expect(findSecrets(text)).toEqual([]);
  });
});

describe('findUserPasswordPairs', () => {
  it('splits a token at its first separator only, so a doubled colon gives one finding', () => {
    const text = 'jdoe::Bluejay#7';
    expect(findUserPasswordPairs(text, [])).toEqual([{ start: 5, end: text.length, kind: 'password-after-keyword' }]);
  });

  it('skips a separator inside a link span it is given', () => {
    const text = 'jdoe:Bluejay#7';
    expect(findUserPasswordPairs(text, [[0, text.length]])).toEqual([]);
  });
});

/** "user jdoe password sunshine": a plain word after the keyword is the password only after a user name. */
const AFTER_USER_NAME: readonly Row[] = [
  ['a "User:" label', 'User: jdoe password ⟦sunshine⟧'],
  ['a "user name" label and a comma after the name', 'User name jdoe, password ⟦sunshine⟧'],
  ['a "User name:" label', 'User name: jdoe password ⟦sunshine⟧'],
  ['a label and name glued by a colon', 'user:jdoe password ⟦sunshine⟧'],
  ['a glued label and name with a comma after it', 'user:jdoe, password ⟦sunshine⟧'],
  ['"user name" glued to the name', 'user name:jdoe password ⟦sunshine⟧'],
  ['a spaced colon between label and name', 'user : jdoe password ⟦sunshine⟧'],
  ['a spaced equals sign between label and name', 'user = jdoe password ⟦sunshine⟧'],
  ['a colon after the name', 'user jdoe: password ⟦sunshine⟧'],
  ['a semicolon after the name', 'Login jdoe; password ⟦sunshine⟧'],
  ['a tab between label and name', 'user\tjdoe password ⟦sunshine⟧'],
];

/** The same plain word with no user name before the keyword: prose about the password. */
const NO_USER_NAME: readonly string[] = [
  'Password sync failed after the reset',
  'Caller name maria, password sync failed',
  'Lab room:204, password sync failed',
  'AD says user:disabled password sync failed',
  'AD says user:disabled, password sync failed',
  'User locked, password history cleared',
  'Last login 10:30:15, password sync failed',
  'Username: , password sync failed',
];

describe('findSecrets reads a plain word after a keyword as the password when a user name precedes it', () => {
  it.each(AFTER_USER_NAME)('after %s', (_name, marked) => {
    expectExactly(marked);
  });

  it.each(NO_USER_NAME)('but not in %j', (text) => {
    expect(findSecrets(text)).toEqual([]);
  });
});

describe('followsUserName', () => {
  it('is true for a user label and name right before the keyword', () => {
    expect(followsUserName('user jdoe password', 10)).toBe(true);
  });

  it('is false at the start of a line, where no word precedes the keyword', () => {
    expect(followsUserName('password', 0)).toBe(false);
    expect(followsUserName('user jdoe\npassword', 10)).toBe(false);
  });

  it('is false when the name is only punctuation', () => {
    expect(followsUserName('user , password', 7)).toBe(false);
  });
});
