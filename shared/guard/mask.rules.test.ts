import { describe, expect, it } from 'vitest';
import { maskSecret } from './index';

describe('maskSecret length threshold', () => {
  it('shows the first character from six characters on and none at five', () => {
    expect(maskSecret('Robin8')).toBe(`R${'\u2022'.repeat(5)} (6)`);
    expect(maskSecret('Robi8')).toBe(`${'\u2022'.repeat(5)} (5)`);
  });
});
