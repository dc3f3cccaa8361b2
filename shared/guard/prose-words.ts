/**
 * Words that, right after "password is" / "contraseña:" and the like, start a sentence about the
 * password instead of being the password ("password is expired", "la clave es incorrecta").
 * Lowercase, English and Spanish. The list only needs the words analysts actually write there;
 * participles and adverbs are caught by suffix in `isProseWord`.
 */
const ENGLISH = `
a an the this that these those it its he she they we you i his her hers their theirs your yours
my mine our ours one ones some any no none all both each either neither every another other
same such what which who whom whose whatever something anything nothing everything someone
anyone nobody
is was are were be been being am has have had having do does did done will would should could
can cannot may might must shall get gets got gotten go goes gone need needs make makes made let
see seems seem look looks keep kept say says said tell told know known knew think try tried
not never nope yes yeah very too so quite rather really also still just only even already again
almost nearly about around exactly maybe perhaps definitely
in on at to for from with without by of as into onto over under after before since until till
during through via per and or but nor because if when while whereas unless than then though
although where why how
new old current previous prior temporary temp default initial standard usual normal original
blank empty missing unknown unchanged wrong right correct incorrect invalid valid bad good fine
ok okay weak strong short long longer shorter case sensitive insensitive reset set sent given
shown hidden written taken chosen forgotten lost stolen compromised shared broken stuck fixed
pending active inactive available unavailable ready complete incomplete allowed null nil none
tbd unknown
field box prompt screen page link email mail text message policy rule rules requirement
requirements length strength manager change expiration hint question answer user username
login student parent guardian teacher staff account portal district school birthday birthdate
lunch number id initials name first last format note notes sealed redacted masked attached below
above here there elsewhere file call ticket tier
`;

const SPANISH = `
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
`;

const PROSE_WORDS: ReadonlySet<string> = new Set(`${ENGLISH} ${SPANISH}`.split(/\s+/).filter(Boolean));

/** English participles/gerunds/adverbs and Spanish participles/adverbs, by ending. */
const PROSE_SUFFIX = /^(?:\p{L}{3,}(?:ing|ed|ly)|\p{L}{3,}(?:ada|ado|ida|ido)|\p{L}{2,}mente)$/u;

/** Short function words that, following a value, show the value was prose ("similar to ..."). */
const PREPOSITIONS: ReadonlySet<string> = new Set(
  'to than for by with on in at of from into about a de en para con por sin al del'.split(' '),
);

/**
 * True when `word` (letters only, any case) reads as ordinary English or Spanish prose in the
 * position where a password value would be. Deliberately biased towards "not prose": a false
 * "prose" lets a password through, a false "secret" only costs the analyst a rewording.
 */
export function isProseWord(word: string): boolean {
  const lower = word.toLowerCase();
  return PROSE_WORDS.has(lower) || PROSE_SUFFIX.test(lower);
}

/** True for a preposition after which the preceding word was part of a sentence. */
export function isPreposition(word: string): boolean {
  return PREPOSITIONS.has(word.toLowerCase());
}
