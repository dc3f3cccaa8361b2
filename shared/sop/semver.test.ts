import { describe, expect, it } from 'vitest';
import { compareSemver, isSemver } from './semver';

describe('compareSemver', () => {
  it('orders the semver.org precedence example from lowest to highest', () => {
    const ordered = ['1.0.0-alpha', '1.0.0-alpha.1', '1.0.0-alpha.beta', '1.0.0-beta', '1.0.0-beta.2', '1.0.0-beta.11', '1.0.0-rc.1', '1.0.0'];
    for (let i = 0; i < ordered.length - 1; i += 1) {
      expect(compareSemver(ordered[i] ?? '', ordered[i + 1] ?? '')).toBe(-1);
      expect(compareSemver(ordered[i + 1] ?? '', ordered[i] ?? '')).toBe(1);
    }
  });

  it('compares major, minor and patch as numbers, not text', () => {
    expect(compareSemver('1.10.0', '1.9.0')).toBe(1);
    expect(compareSemver('2.0.0', '10.0.0')).toBe(-1);
    expect(compareSemver('1.2.3', '1.2.3')).toBe(0);
    expect(compareSemver('1.0.0', '1.0.0-rc.1')).toBe(1);
  });

  it('ignores build metadata', () => {
    expect(compareSemver('1.2.3+build.7', '1.2.3+build.8')).toBe(0);
  });

  it('answers null for anything that is not a semantic version', () => {
    expect(compareSemver('1.2', '1.2.0')).toBeNull();
    expect(compareSemver('1.2.0', 'v1.2.0')).toBeNull();
    expect(isSemver('01.2.0')).toBe(false);
    expect(isSemver('1.2.0-rc.1+abc')).toBe(true);
  });
});
