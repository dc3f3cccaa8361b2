import { describe, expect, it } from 'vitest';
import { findSecrets } from './find-secrets';
import { readMoreValues } from './value-list';

function flagged(text: string): string[] {
  return findSecrets(text).map((f) => text.slice(f.start, f.end));
}

describe('several values after one keyword', () => {
  it('does not read a phone number after a password as another password', () => {
    expect(flagged('password is Bluejay#7, 555-201-3344')).toEqual(['Bluejay#7']);
  });

  it('flags the value before a comma that ends the text', () => {
    expect(flagged('password: Bluejay#7, ')).toEqual(['Bluejay#7']);
  });

  it('finds every value of a list of quoted values', () => {
    expect(flagged('passwords are "Bluejay#7", "Robin#8" and "Wren#9"')).toEqual(['Bluejay#7', 'Robin#8', 'Wren#9']);
  });

  it('reads at most eight further values after the first', () => {
    const values = ['Bb2!b', 'Cc3!c', 'Dd4!d', 'Ee5!e', 'Ff6!f', 'Gg7!g', 'Hh8!h', 'Ii9!i', 'Jj0!j'];
    const text = `Aa1!a, ${values.join(', ')}`;
    const more = readMoreValues(text, 'Aa1!a'.length);
    expect(more.map((v) => text.slice(v.start, v.end))).toEqual(values.slice(0, 8));
  });
});
