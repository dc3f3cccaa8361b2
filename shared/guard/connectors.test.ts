import { describe, expect, it } from 'vitest';
import { buildConnectors, buildSetVerbWords, followsSetVerb, peekAfter, readConnector } from './connectors';
import type { Connectors, SetVerbWords } from './connectors';
import { findSecrets } from './index';
import { ENGLISH } from './languages/en';
import { SPANISH } from './languages/es';
import { parseMarked } from './marked-text.testkit';

/**
 * What may stand between a password keyword and its value. The expressions are built afresh in
 * each test (`buildConnectors`), as the detector's per-language cache keeps its first build for
 * the whole run; each is applied, as the detector does, to the lower-cased text right after the
 * keyword.
 */
const en = (): Connectors => buildConnectors(ENGLISH);

/** What sticky `re` reads at the start of `rest`, or undefined when it reads nothing. */
function reads(re: RegExp, rest: string): string | undefined {
  re.lastIndex = 0;
  return re.exec(rest)?.[0];
}

function expectExactly(marked: string): void {
  const { text, spans } = parseMarked(marked, 'password-after-keyword');
  expect(findSecrets(text)).toEqual(spans);
}

describe('a strong connector (what follows "password")', () => {
  it.each([
    ['a colon', ': bluejay', ': '],
    ['a copula', ' is bluejay', ' is '],
    ['a copula and an adverb after it', ' is now bluejay', ' is now '],
    ['an adverb and a copula after it', ' now is bluejay', ' now is '],
    ['a change verb with its auxiliary', ' was reset to bluejay', ' was reset to '],
    ['a change verb alone', ' reset to bluejay', ' reset to '],
    ['a qualifier written after the keyword', ' temp: bluejay', ' temp: '],
    ['a short parenthetical', ' (temp): bluejay', ' (temp): '],
    ['a Spanish copula after an English keyword', ' es bluejay', ' es '],
  ])('reads %s', (_name, rest, connector) => {
    expect(reads(en().strong, rest)).toBe(connector);
  });

  it.each([
    ['a plain word', ' bluejay'],
    ['a change verb with no "to"', ' reset bluejay'],
    ['an owner clause, which only the owner expression reads', " for her son's hac account: bluejay"],
  ])('reads nothing before %s', (_name, rest) => {
    expect(reads(en().strong, rest)).toBeUndefined();
  });

  it.each([
    ['an owner clause', " for her son's hac account: bluejay", " for her son's hac account: "],
    ['a relative clause', ' she used is bluejay', ' she used is '],
  ])('with an owner, reads %s', (_name, rest, connector) => {
    expect(reads(en().strongWithOwner, rest)).toBe(connector);
  });
});

describe('the first word after the keyword', () => {
  it('is a connector word when a connector may start with it', () => {
    expect(reads(en().firstWord, ' is bluejay')).toBe(' is');
  });

  it('is no connector word when none starts with it, even if one comes later in the line', () => {
    expect(reads(en().firstWord, ' expired, it is bluejay')).toBeUndefined();
  });
});

describe('a weak connector ("password\'s X")', () => {
  it('reads a possessive ending glued to the keyword', () => {
    expect(reads(en().gluedWeak, "'s bluejay")).toBe("'s ");
  });

  it('reads nothing where the ending only comes later in the line', () => {
    expect(reads(en().gluedWeak, " reset, it's bluejay")).toBeUndefined();
  });
});

describe('a bare value (the keyword and a space)', () => {
  it('reads the space', () => {
    expect(reads(en().bare, ' bluejay')).toBe(' ');
  });

  it('reads a qualifier before the space', () => {
    expect(reads(en().bare, ' temp bluejay')).toBe(' temp ');
  });

  it('reads nothing without a space right after the keyword', () => {
    expect(reads(en().bare, '(x) bluejay')).toBeUndefined();
  });
});

describe('"to X" after a changed password', () => {
  it.each([
    ['"to"', ' to bluejay', ' to '],
    ['"as"', ' as bluejay', ' as '],
    ['an owner and the nearest "to"', ' for him to bluejay and told him to change it', ' for him to '],
  ])('reads %s', (_name, rest, connector) => {
    expect(reads(en().changedTo, rest)).toBe(connector);
  });

  it('reads nothing when "to" is not the next word', () => {
    expect(reads(en().changedTo, ' bluejay to x')).toBeUndefined();
  });

  it("reads only the keyword's own language: Spanish \"a\" after a Spanish keyword, not an English one", () => {
    expect(reads(buildConnectors(SPANISH).changedTo, ' a gato99')).toBe(' a ');
    expect(reads(en().changedTo, ' a gato99')).toBeUndefined();
  });
});

describe('peekAfter', () => {
  it.each([
    ['the end of the text', 'password', 'none'],
    ['a full stop', 'password. then', 'none'],
    ['a line break', 'password\nbluejay', 'none'],
    ['a colon', 'password: bluejay', 'other'],
    ['a space and a word no connector starts with', 'password expired', 'plain'],
    ['a space and a word a connector starts with', 'password is bluejay', 'connector'],
  ] as const)('reads %s as %s', (_name, text, after) => {
    expect(peekAfter(text, 'password'.length, ENGLISH)).toBe(after);
  });
});

describe('readConnector', () => {
  it('reads nothing when no connector matches', () => {
    expect(readConnector('password(bluejay', 'password'.length, 'other', true, ENGLISH)).toBeUndefined();
  });

  it('reads a strong connector after a connector word', () => {
    expect(readConnector('password is bluejay', 8, 'connector', true, ENGLISH)).toEqual({ valueStart: 12, context: 'strong' });
  });

  it('reads an owner clause only when the keyword may take one', () => {
    const text = 'pass for the field trip: bring lunch';
    expect(readConnector(text, 4, 'connector', true, ENGLISH)).toEqual({ valueStart: text.indexOf('bring'), context: 'strong' });
    expect(readConnector(text, 4, 'connector', false, ENGLISH)).toEqual({ valueStart: 5, context: 'bare' });
  });
});

describe('a change verb before the keyword', () => {
  const words = (): SetVerbWords => buildSetVerbWords(ENGLISH);

  it('is matched as a whole word', () => {
    expect(words().verb.test('reset')).toBe(true);
    expect(words().verb.test('preset')).toBe(false);
    expect(words().verb.test('resets')).toBe(false);
  });

  it('has determiners matched as whole words', () => {
    expect(words().determiner.test('the')).toBe(true);
    expect(words().determiner.test('there')).toBe(false);
    expect(words().determiner.test('reset')).toBe(false);
  });

  it('is read in Spanish after an English one', () => {
    expect(buildSetVerbWords(SPANISH).verb.test('cambié')).toBe(true);
    expect(buildSetVerbWords(SPANISH).verb.test('reset')).toBe(true);
  });

  const at = (text: string): number => text.indexOf('password');

  it.each([
    ['right before the keyword', 'reset password to bluejay'],
    ['with a determiner between', 'she set the password to bluejay'],
    ['with one adjective between', 'reset O365 password to bluejay'],
    ['with a determiner and an adjective between', 'changed the Wi-Fi password to bluejay'],
    ['with a possessive between', "reset jdoe's password to bluejay"],
  ])('counts %s', (_name, text) => {
    expect(followsSetVerb(text, at(text), ENGLISH)).toBe(true);
  });

  it.each([
    ['no word before the keyword', 'password to bluejay'],
    ['a determiner and an adjective with no verb before them', 'about the Wi-Fi password to bluejay'],
    ['an adjective and a word that is no determiner', 'reset big Wi-Fi password to bluejay'],
    ['a sentence that ended after the verb', 'I changed it. password to bluejay'],
    ['a verb more than one adjective away', 'reset the old Wi-Fi password to bluejay'],
  ])('does not count %s', (_name, text) => {
    expect(followsSetVerb(text, at(text), ENGLISH)).toBe(false);
  });
});

describe('findSecrets reads "to X" after a changed password', () => {
  it('when the password has an adjective with a digit before it', () => {
    expectExactly('I reset her O365 password to ⟦Spring2024!⟧');
  });

  it("when the password is someone's", () => {
    expectExactly("I reset her son's password to ⟦Bluejay7⟧");
    expectExactly("I reset jdoe's password to ⟦Bluejay7⟧");
  });

  it('not when the sentence with the verb has ended', () => {
    expect(findSecrets('I changed it. Password to Room214 is on the sticker')).toEqual([]);
  });
});
