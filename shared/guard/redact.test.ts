import { describe, expect, it } from 'vitest';
import { applyRedactions, redactSecrets, SEALED_MARK } from './redact';

describe('redactSecrets', () => {
  it('replaces each secret with [sealed] and keeps the rest', () => {
    expect(redactSecrets('pw: hunter2, pin 4821. Parent will retry.')).toBe(
      'pw: [sealed], pin [sealed]. Parent will retry.',
    );
  });

  it('uses a custom mark', () => {
    expect(redactSecrets('la clave es gato99', { mark: '***' })).toBe('la clave es ***');
  });

  it('redacts sealed values given in the options', () => {
    expect(redactSecrets('she typed sunflower1 twice', { sealedValues: ['sunflower1'] })).toBe(
      `she typed ${SEALED_MARK} twice`,
    );
  });

  it('returns text without secrets unchanged', () => {
    const text = 'password reset link sent to the parent';
    expect(redactSecrets(text)).toBe(text);
  });

  it.each([
    'the password is Tr0ub4dor&3',
    "his password was 'x y' and pin 4821",
    'login/pw jsmith/Pa55word',
    'contraseña: Perro123\nclave de acceso = MiClave9',
    'token ghp_16C7e42F292c6912E7710c838347Ae178B4a',
  ])('is idempotent: %j', (text) => {
    const once = redactSecrets(text);
    expect(once).not.toBe(text);
    expect(redactSecrets(once)).toBe(once);
  });
});

describe('applyRedactions', () => {
  it('replaces given spans left to right', () => {
    expect(
      applyRedactions('abcdef', [
        { start: 1, end: 2, kind: 'sealed-value' },
        { start: 4, end: 6, kind: 'sealed-value' },
      ], '#'),
    ).toBe('a#cd#');
  });
});
