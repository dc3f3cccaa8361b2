import { describe, expect, it } from 'vitest';
import { findSecrets } from './find-secrets';
import { findKeywordSecrets } from './keyword-secrets';
import { parseMarked } from './marked-text.testkit';

/**
 * The rules of the keyword detector that the corpus rows leave open: how a paired keyword splits
 * "user/secret", when a value that is itself a keyword is kept, what a word after the value
 * says, and how further values are read. ⟦ ⟧ marks the exact span(s); nothing else may be flagged.
 */
function expectExactly(marked: string): void {
  const { text, spans } = parseMarked(marked, 'password-after-keyword');
  expect(findSecrets(text)).toEqual(spans);
}

/**
 * The keyword detector alone, for rules whose effect the other detectors hide in `findSecrets`
 * (the user/password pair detector also flags "jsmith  Pa55word!"). The text is already normalised.
 */
function expectKeywordDetector(marked: string): void {
  const { text, spans } = parseMarked(marked, 'password-after-keyword');
  expect(findKeywordSecrets(text)).toEqual(spans);
}

describe('a plain word after the keyword', () => {
  it('is not the password when a preposition follows it, as in a sentence about the password', () => {
    expect(findSecrets('the password is identical to the old one')).toEqual([]);
  });

  it('is the password when nothing follows it', () => {
    expectExactly('the password is ⟦identical⟧');
  });

  it('stays prose when a comma without a space glues the next word to it', () => {
    expect(findSecrets('password expired,see ticket 4411')).toEqual([]);
  });

  it('is read after a connector in capitals, as the keyword is', () => {
    expectExactly('PASSWORD IS ⟦sunshine⟧');
  });

  it('after a weak keyword is never the password, even after "is"', () => {
    expect(findSecrets('her hall pass is yellow')).toEqual([]);
  });
});

describe('a paired keyword ("login/pw", "creds")', () => {
  it('flags the whole lone value when it starts with a slash, as no user name comes before it', () => {
    expectExactly('creds ⟦/Pa55word⟧');
  });

  it('reads the next token as the password when the user name only ends with a slash', () => {
    expectExactly('login/pw jsmith/ ⟦Pa55word!⟧');
  });

  it('reads the password after a run of spaces following the user name', () => {
    expectKeywordDetector('creds jsmith   ⟦Pa55word!⟧');
  });

  it('reads the password after a slash with spaces around it', () => {
    expectKeywordDetector('user/pass: jdoe / ⟦Fall2023⟧');
  });

  it('reads the password after a slash with a run of spaces after it', () => {
    expectKeywordDetector('user/pass: jdoe /   ⟦Fall2023⟧');
  });

  it('does not list a second "user/secret" token as a further password, so its user name stays visible', () => {
    expectExactly('login/pw jsmith/⟦Pa55word⟧ or jdoe2/⟦Fall2023⟧');
  });
});

describe('a value that is itself a keyword', () => {
  it('is left to that keyword after a bare keyword, which flags only what follows it', () => {
    expectExactly('new password pw:⟦Blue42x⟧');
  });

  it('is left to that keyword even at the end of the note when the connector was bare', () => {
    expectExactly('temp password PIN=⟦4821⟧');
  });

  it('is kept when it ends the clause after "set the password to"', () => {
    expectExactly('she reset the password to ⟦password⟧');
  });

  it('does not include a keyword that sits between the keyword and its value', () => {
    expectExactly('password for the PIN pad is ⟦Bluejay7⟧ now');
  });
});

describe('a change verb before the keyword', () => {
  it('without "to" after the keyword leaves the value to the keyword\'s own connector', () => {
    expectExactly('she changed the password: ⟦sunshine⟧');
  });
});

describe('further values after the first', () => {
  it('are read after a quoted first value, past its closing quote', () => {
    expectExactly('passwords are "⟦Blue 42⟧" and "⟦Red 77⟧"');
  });
});

describe('a value that overlaps a later keyword', () => {
  it.each([
    'temp password ⟦Pass-4821!⟧',
    'the password is ⟦Pass-4821!⟧ until Friday',
    'her password is ⟦Pin-4821⟧ for now',
    'password ⟦Pass#2024⟧ was given',
    'temp password ⟦pw#Blue42⟧',
  ])('is still this keyword\'s when it only starts with a keyword that reads nothing: %s', (marked) => {
    expectExactly(marked);
  });

  it('is left to the later keyword when that keyword announces a value of its own', () => {
    expectExactly('new password PW=⟦Blue42x⟧');
    expectExactly('password/passcode: ⟦Xy7#kk2⟧');
  });

  it('is left to the later keyword when the value is that keyword', () => {
    expectExactly('Password: passcode reset');
  });
});
