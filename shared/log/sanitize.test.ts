import { describe, expect, it } from 'vitest';
import { REDACTED, sanitizeString, sanitizeValue } from './sanitize';
import type { SanitizeLimits } from './sanitize';

const LIMITS: SanitizeLimits = { maxStringLength: 40, maxDepth: 3, maxArrayLength: 3, sealedValues: [] };

describe('sanitizeString', () => {
  it('redacts secrets the guard finds', () => {
    expect(sanitizeString('pw: hunter2', LIMITS)).toBe(`pw: ${REDACTED}`);
  });

  it('truncates after redacting and says how much was cut', () => {
    const out = sanitizeString('a'.repeat(50), LIMITS);
    expect(out).toBe(`${'a'.repeat(40)}\u2026[+10 chars]`);
  });

  it('never cuts a surrogate pair in half', () => {
    const out = sanitizeString(`${'a'.repeat(39)}\u{1F600}bbb`, LIMITS);
    expect(out.startsWith(`${'a'.repeat(39)}\u2026`)).toBe(true);
  });

  it('redacts a secret that straddles the cut', () => {
    const out = sanitizeString(`${'x '.repeat(17)}pw: hunter2hunter2`, LIMITS);
    expect(out).not.toContain('hunter');
  });

  it('reports the full remaining length of very long strings', () => {
    expect(sanitizeString('a'.repeat(1000), LIMITS)).toBe(`${'a'.repeat(40)}\u2026[+960 chars]`);
  });

  it('redacts sealed values', () => {
    expect(sanitizeString('typed sunflower', { ...LIMITS, sealedValues: ['sunflower'] })).toBe(`typed ${REDACTED}`);
  });
});

describe('sanitizeValue', () => {
  it('keeps JSON-safe primitives and turns the rest into strings or null', () => {
    expect(sanitizeValue({ n: 1, b: true, z: null, big: 10n, inf: Infinity, f: () => 1 }, LIMITS)).toEqual({
      n: 1,
      b: true,
      z: null,
      big: '10',
      inf: 'Infinity',
      f: '[function]',
    });
  });

  it('drops undefined fields and turns undefined array items into null', () => {
    expect(sanitizeValue({ a: undefined, list: [undefined] }, LIMITS)).toEqual({ list: [null] });
  });

  it('marks cycles instead of recursing forever', () => {
    const a: Record<string, unknown> = { name: 'a' };
    a['self'] = a;
    expect(sanitizeValue(a, LIMITS)).toEqual({ name: 'a', self: '[circular]' });
  });

  it('keeps a shared, non-cyclic reference twice', () => {
    const shared = { x: 1 };
    expect(sanitizeValue({ a: shared, b: shared }, LIMITS)).toEqual({ a: { x: 1 }, b: { x: 1 } });
  });

  it('stops at the depth limit', () => {
    expect(sanitizeValue({ a: { b: { c: { d: 1 } } } }, LIMITS)).toEqual({ a: { b: { c: '[depth limit]' } } });
  });

  it('keeps the first items of a long array and counts the rest', () => {
    expect(sanitizeValue([1, 2, 3, 4, 5], LIMITS)).toEqual([1, 2, 3, '[+2 more]']);
  });

  it('survives a throwing getter and a throwing proxy', () => {
    const getter = Object.defineProperty({}, 'boom', {
      enumerable: true,
      get: () => {
        throw new Error('no');
      },
    });
    const proxy = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error('no');
        },
      },
    );
    expect(sanitizeValue({ getter, proxy }, LIMITS)).toEqual({ getter: { boom: '[unreadable]' }, proxy: '[unreadable]' });
  });

  it('logs an error with a redacted message, its stack and its cause', () => {
    const error = new Error('login failed, pw: hunter2', { cause: new Error('pin 4821 rejected') });
    const out = sanitizeValue(error, { ...LIMITS, maxStringLength: 2000 });
    expect(out).toMatchObject({ name: 'Error', message: `login failed, pw: ${REDACTED}`, cause: { message: `pin ${REDACTED} rejected` } });
    expect(JSON.stringify(out)).not.toMatch(/hunter2|4821/);
  });

  it('writes dates as ISO strings, maps as objects, sets as arrays and bytes as a size', () => {
    expect(
      sanitizeValue(
        { d: new Date(0), m: new Map([['phone', '555-0100'], ['k', 'v']]), s: new Set(['x']), b: new Uint8Array(4) },
        LIMITS,
      ),
    ).toEqual({ d: '1970-01-01T00:00:00.000Z', m: { phone: REDACTED, k: 'v' }, s: ['x'], b: '[binary 4 bytes]' });
  });
});
