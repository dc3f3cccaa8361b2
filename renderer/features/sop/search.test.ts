import { describe, expect, it } from 'vitest';
import { BUILTIN_PACKS } from '../../../shared/sop/packs';
import { buildCatalog } from './catalog';
import { createSopSearch, searchTerm } from './search';

/** What a caller says, in English or Spanish, finds the procedure for it among the built-in packs. */
const search = createSopSearch(buildCatalog(BUILTIN_PACKS, []));
const first = (query: string) => search(query)[0]?.doc.id;

describe('searching procedures in English and Spanish', () => {
  it('folds case, accents and apostrophes, and drops words that say nothing', () => {
    expect(searchTerm('Contraseña')).toBe('contrasena');
    expect(searchTerm('child’s')).toBe('childs');
    expect(searchTerm('Calificación')).toBe('calificacion');
    expect(searchTerm('can’t')).toBeNull();
    expect(searchTerm('de')).toBeNull();
    expect(searchTerm('the')).toBeNull();
  });

  it.each([
    ['no puedo entrar al portal de padres', 'ic-portal-login-help'],
    ['se me olvidó la contraseña del portal', 'ic-portal-login-help'],
    ['necesito una cuenta nueva del portal de padres', 'ic-portal-new-account'],
  ])('finds "%s"', (query, sop) => {
    expect(search(query).slice(0, 2).map((entry) => entry.doc.id)).toContain(sop);
  });

  it('tells a parent who cannot sign in from a child who cannot', () => {
    expect(first('no puedo entrar a Home Access Center')).toBe('hac-parent-login');
    expect(first('mi hijo no puede entrar a HAC')).toBe('hac-student-login');
  });

  it('finds a Spanish phrase typed without accents', () => {
    expect(first('olvide mi contrasena de Home Access Center')).toBe(first('olvidé mi contraseña de Home Access Center'));
  });

  it('still finds English descriptions, typos included', () => {
    expect(first('hac pasword not working')).toBe('hac-parent-login');
    expect(first('activaton key')).toBe('ic-portal-new-account');
  });
});
