import { describe, expect, it } from 'vitest';
import { createKnownSecrets } from './known-secrets';

describe('the known secrets for log redaction', () => {
  it('starts empty', () => {
    expect(createKnownSecrets().values()).toEqual([]);
  });

  it('leaves out values shorter than four characters but keeps one of exactly four', () => {
    const known = createKnownSecrets();
    known.add('');
    known.add('abc');
    known.add('abcd');
    expect(known.values()).toEqual(['abcd']);
  });

  it('keeps each value once, newest last', () => {
    const known = createKnownSecrets();
    known.add('first-secret');
    known.add('second-secret');
    known.add('first-secret');
    expect(known.values()).toEqual(['second-secret', 'first-secret']);
  });

  it('holds at most its limit, evicting the oldest', () => {
    const known = createKnownSecrets(2);
    known.add('one-1');
    known.add('two-2');
    expect(known.values()).toEqual(['one-1', 'two-2']);
    known.add('three-3');
    expect(known.values()).toEqual(['two-2', 'three-3']);
  });
});
