import { describe, expect, it } from 'vitest';
import { ENGLISH } from './en';
import { SPANISH } from './es';
import { alternation, readWith } from './index';
import { PORTUGUESE } from './pt';
import { SOMALI } from './so';

/**
 * The helpers every keyword and connector expression is built from. `findSecrets` reads them only
 * through expressions built once per language and cached, so their rules are pinned here.
 */
function matchAtStart(source: string, text: string): string | undefined {
  return new RegExp(`^(?:${source})`, 'u').exec(text)?.[0];
}

describe('alternation', () => {
  it('tries the longest source first, so "was reset to" is not cut short at "was"', () => {
    expect(matchAtStart(alternation(['was', 'was reset', 'was reset to']), 'was reset to X')).toBe('was reset to');
    expect(matchAtStart(alternation(['a', 'ab', 'abc', 'abcd', 'abcde']), 'abcdef')).toBe('abcde');
  });

  it('keeps the given order when asked to', () => {
    expect(matchAtStart(alternation(['was', 'was reset to'], true), 'was reset to X')).toBe('was');
  });

  it('reads a space in a source as any run of spaces or tabs on one line, not as a line break', () => {
    const source = alternation(['will be']);
    expect(matchAtStart(source, 'will be X')).toBe('will be');
    expect(matchAtStart(source, 'will \t be X')).toBe('will \t be');
    expect(matchAtStart(source, 'will\nbe X')).toBeUndefined();
    expect(matchAtStart(source, 'willbe X')).toBeUndefined();
  });

  it('matches nothing at all when there are no sources', () => {
    expect(matchAtStart(alternation([]), '')).toBeUndefined();
  });
});

describe('readWith', () => {
  it('reads an English keyword with English and Spanish joining words', () => {
    expect(readWith(ENGLISH)).toEqual([ENGLISH, SPANISH]);
  });

  it('reads a Spanish keyword with Spanish and English joining words', () => {
    expect(readWith(SPANISH)).toEqual([SPANISH, ENGLISH]);
  });

  it('reads a keyword of any other language with its own joining words and English ones', () => {
    expect(readWith(PORTUGUESE)).toEqual([PORTUGUESE, ENGLISH]);
    expect(readWith(SOMALI)).toEqual([SOMALI, ENGLISH]);
  });
});
