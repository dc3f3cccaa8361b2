import { describe, expect, it } from 'vitest';
import { findSecrets } from './find-secrets';
import { parseMarked } from './marked-text.testkit';

/**
 * Spanish keywords that a mutation audit could drop from languages/es.ts with no test failing,
 * each pinned by a row only that keyword explains: a plain-word value (no detector but the
 * keyword flags "mariposa"), or a span that would differ without it. ⟦ ⟧ marks the exact span.
 */
const ROWS: ReadonlyArray<readonly [string, string]> = [
  ['"clave" after a user name', 'usuario: jperez clave: ⟦Xy7#pq2k⟧'],
  ['"clave" after a user name, with a plain-word value', 'usuario: jperez clave: ⟦mariposa⟧'],
  ['a "usuario/clave" pair keeps the user name visible', 'usuario/clave: jperez/⟦mariposa⟧'],
  ['a "correo/clave" pair keeps the address visible', 'correo/clave ana@x.org/⟦mariposa⟧'],
  ['a "correo/clave" pair around a spaced slash', 'correo/clave: ana@x.org / ⟦Lp9$mm21⟧'],
  ['"credenciales" before a user name and password', 'credenciales: mgarcia ⟦Flor2023⟧'],
  ['"credenciales" with user/password in one token', 'credenciales jperez/⟦mariposa⟧'],
  ['"la clave secreta es" with a plain-word value', 'la clave secreta es ⟦mariposa⟧'],
  ['"clave secreta:" with a plain-word value', 'Clave secreta: ⟦mariposa⟧'],
];

describe('Spanish password keywords', () => {
  it.each(ROWS)('flags exactly the secret: %s', (_name, marked) => {
    const { text, spans } = parseMarked(marked, 'password-after-keyword');
    expect(findSecrets(text)).toEqual(spans);
  });
});
