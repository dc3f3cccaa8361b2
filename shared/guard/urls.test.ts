import { describe, expect, it } from 'vitest';
import { findSecrets, redactSecrets } from './index';
import { parseMarked } from './marked-text.testkit';
import type { SecretKind } from './types';
import { findUrlCredentials } from './urls';

/** ⟦ ⟧ marks the exact span(s) findSecrets must return, all of one kind; nothing else may be flagged. */
function expectExactly(marked: string, kind: SecretKind = 'password-after-keyword'): void {
  const { text, spans } = parseMarked(marked, kind);
  expect(findSecrets(text)).toEqual(spans);
}

const TOKEN = 'ghp_16C7e42F292c6912E7710c838347Ae178B4a';

describe('credentials in a link', () => {
  it('leave a user name with no password visible', () => {
    expect(findSecrets('mapped https://jdoe@fileserver.district.org/share for her')).toEqual([]);
  });

  it('flag nothing for an empty password after the colon', () => {
    expect(findUrlCredentials('https://jdoe:@fileserver/share')).toEqual([]);
    expect(findSecrets('https://jdoe:@fileserver/share')).toEqual([]);
  });

  it('leave our own placeholder in the password part alone, so redacting twice changes nothing', () => {
    const once = redactSecrets('https://jdoe:Bluejay7x@host/');
    expect(once).toBe('https://jdoe:[sealed]@host/');
    expect(redactSecrets(once)).toBe(once);
  });

  it('flag a key as the user part even when a password follows it, as GitHub clones are written', () => {
    const text = `git clone https://${TOKEN}:x-oauth-basic@github.com/d/r.git`;
    const start = text.indexOf(TOKEN);
    expect(findUrlCredentials(text)).toEqual([
      { start, end: start + TOKEN.length, kind: 'high-entropy-token' },
      { start: start + TOKEN.length + 1, end: text.indexOf('@'), kind: 'password-after-keyword' },
    ]);
  });

  it('flag a key as the user part before an empty password', () => {
    expectExactly(`git clone https://⟦${TOKEN}⟧:@github.com/d/r.git`, 'high-entropy-token');
  });

  it('flag a key as the user part with nothing after it', () => {
    expectExactly(`https://⟦${TOKEN}⟧@github.com/d/r.git`, 'high-entropy-token');
  });

  it('flag only the password after a plain user name', () => {
    expectExactly('https://jdoe:⟦Bluejay7x⟧@host/');
  });

  it('are read in every link of the text', () => {
    expectExactly('https://jdoe:⟦Bluejay7x⟧@host/ and ftp://admin:⟦Cardinal9⟧@10.0.0.5/');
  });
});
