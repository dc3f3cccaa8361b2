import type { Language } from './types';

/** Spanish: read together with English, since notes switch between the two mid-sentence. */
export const SPANISH: Language = {
  code: 'es',
  paired: [
    String.raw`(?:usuario|correo)\s?\/\s?(?:contrase[ñn]as?|clave|passwords?|pass|pw)`,
    'credenciales',
  ],
  strong: [
    'contrase[ñn]as?',
    'contraseni?as?',
    'clave(?: de acceso| secreta)?',
    'c[óo]digo (?:de acceso|secreto)',
  ],
  weak: ['nip'],
  copulas: ['es', 'son', 'eran', 'era', 'fue', 'ser[áa]', 'ser[íi]a', 'sigue siendo', 'qued[óo] (?:como|en)', 'pas[óo] a ser'],
  adverbs: ['ahora', 'todav[ií]a', 'a[úu]n'],
  auxiliaries: ['fue', 'ha sido', 'est[áa]', 'qued[óo]'],
  changed: ['cambiad[ao]', 'cambi[óo]', 'restablecid[ao]', 'pues(?:ta|to)', 'configurad[ao]'],
  changedTo: ['a', 'en', 'como'],
  qualifiers: ['temporal', 'provisional', 'nuev[ao]', 'actual', 'anterior', 'inicial'],
  owners: ['para', 'de', 'del'],
  clauses: ['que'],
  setVerbs: ['cambi[éeó]', 'cambiamos', 'cambiaron', 'puse', 'puso', 'pusimos', 'pusieron', 'dej[éeó]'],
  determiners: ['la', 'el', 'su', 'sus', 'mi', 'tu', 'le'],
  prose: `
el la los las lo un una unos unas su sus mi mis tu tus nuestro nuestra este esta ese esa eso
esto aquel otra otro otras otros misma mismo mismas mismos igual algo nada ninguna ninguno
alguna alguno cualquier que qué quien cual cuál
es era fue son ser sido está estaba no sí si muy demasiado bastante más mas menos también
tambien todavía todavia aún aun ya solo sólo ahora siempre nunca
de del en con sin para por a al y o pero porque cuando como según segun hasta desde sobre entre
incorrecta incorrecto correcta correcto inválida invalida inválido invalido válida valida válido
valido nueva nuevo vieja viejo anterior actual temporal provisional predeterminada
predeterminado obligatoria obligatorio necesaria necesario distinta distinto diferente larga
largo corta corto sensible segura seguro débil debil fuerte errónea erronea mala malo buena
bueno vacía vacia
campo enlace correo mensaje política politica regla requisito requisitos usuario estudiante
alumno alumna padre madre tutor cuenta portal escuela distrito fecha nacimiento cumpleaños
número numero matrícula matricula iniciales nombre apellido formato ver nota
`,
};
