import type { SecretKind } from './types';

/**
 * Test corpus: the ways past the guard that issue 12 (finding 6) tried, several help-desk
 * examples each. ⟦ ⟧ marks each exact secret span; nothing else in a row may be flagged. A row's
 * third element is the kind when it is not `password-after-keyword`. Shared with the benchmark.
 */
export type MarkedRow = readonly [name: string, marked: string, kind?: SecretKind];

export const LOOKALIKE_AND_INVISIBLE: readonly MarkedRow[] = [
  ['a Cyrillic "а" in the keyword', 'p\u0430ssword: ⟦Bluejay#7⟧'],
  ['a soft hyphen in the keyword', 'pass\u00adword: ⟦Bluejay#7⟧'],
  ['a zero-width space in the keyword', 'her pass\u200bword is ⟦Bluejay#7⟧'],
  ['several Cyrillic look-alikes', 'p\u0430\u0455\u0455w\u043erd = ⟦Robin#8⟧'],
  ['Greek capitals', '\u03a1\u0391SSWORD: ⟦Cardinal9⟧'],
  ['a word joiner and a non-breaking space', 'pass\u2060word\u00a0is ⟦Bluejay#7⟧'],
  ['a BOM inside the keyword', 'the pa\ufeffssword is ⟦Sunshine4⟧'],
  ['a fullwidth keyword and colon', '\uff50\uff41\uff53\uff53\uff57\uff4f\uff52\uff44\uff1a⟦Bluejay7⟧'],
  ['a fullwidth value, highlighted as typed', 'PIN: ⟦\uff14\uff18\uff12\uff11⟧'],
  ['mathematical bold letters', '\u{1d429}\u{1d41a}\u{1d42c}\u{1d42c}\u{1d430}\u{1d428}\u{1d42b}\u{1d41d}: ⟦Bluejay#7⟧'],
  ['a decomposed ñ', 'contrasen\u0303a: ⟦Perro123⟧'],
  ['a zero-width space inside the value stays in its span', 'password: ⟦Blue\u200bjay#7⟧'],
  ['a Cyrillic "о" with a plain-word value', 'passw\u043erd is ⟦sunshine⟧'],
];

export const VALUE_BEFORE_KEYWORD: readonly MarkedRow[] = [
  ['"is her password"', '⟦Bluejay#7⟧ is her password'],
  ['"was the password she used"', '⟦Bluejay#7⟧ was the password she used'],
  ['a plain word ending the clause', 'Mom said ⟦Sunshine⟧ is the new password.'],
  ['"es su contraseña"', '⟦Robin#8⟧ es su contraseña'],
  ['"é a senha dela"', '⟦Cardinal9⟧ é a senha dela'],
  ['"used … as her password"', 'she used ⟦Bluejay#7⟧ as her password'],
  ['a quoted value', '"⟦blue jay⟧" is her password'],
  ['a PIN before "for"', '⟦4821⟧ is the PIN for the lunch account'],
  ['"that\'s his password"', "⟦Tr0ub4dor&3⟧ \u2014 that's his password"],
];

export const USER_PASSWORD_PAIRS: readonly MarkedRow[] = [
  ['a spaced slash', 'jdoe / ⟦Bluejay#7⟧'],
  ['a colon', 'jdoe:⟦Bluejay#7⟧'],
  ['"user … pass …"', 'user jdoe pass ⟦Bluejay#7⟧'],
  ['"usuario … clave …"', 'usuario jdoe clave ⟦Bluejay#7⟧'],
  ['a plain word after a user name', 'usuario jdoe clave ⟦mariposa⟧'],
  ['an email address and a slash', 'maria.lopez@district.org / ⟦Fall2023!⟧'],
  ['a student number', '2024001234/⟦Bluejay#7⟧'],
  ['"login … password …"', 'login jdoe password ⟦sunshine⟧'],
  ['"correo … clave:"', 'correo: maria@gmail.com clave: ⟦Perro123⟧'],
  ['in a sentence', 'Parent login is jdoe:⟦Bluejay#7⟧ for HAC'],
];

export const FORM_DATA: readonly MarkedRow[] = [
  ['JSON', '{"password":"⟦Bluejay#7⟧"}'],
  ['JSON with a plain word', '{"username": "jdoe", "password": "⟦sunshine⟧"}'],
  ['a query string', 'password=⟦Bluejay7x⟧&user=jdoe'],
  ['a glued field name', 'user=jdoe&txtPassword=⟦Bluejay7x⟧&remember=1'],
  ['a JavaScript object', "{ 'new_password': '⟦Robin#8⟧', 'confirm_password': '⟦Robin#8⟧' }"],
  ['an ASP.NET field', 'ctl00$MainContent$txtPassword=⟦Cardinal9⟧'],
  ['a JSON number', '{"pin": ⟦4821⟧, "remember": true}'],
  ['an HTML input', '<input type="password" name="pw" value="⟦Bluejay#7⟧">'],
  ['a URL-encoded body', 'POST /login email=jdoe%40district.org&pwd=⟦Blue%23jay7⟧'],
  ['a password field next to a hint', '{"userPassword":"⟦Bluejay#7⟧","passwordHint":"bird"}'],
];

export const URL_USERINFO: readonly MarkedRow[] = [
  ['https', 'https://jdoe:⟦Bluejay7x⟧@host/'],
  ['ftp to an address', 'ftp://admin:⟦Cardinal9⟧@10.0.0.5/backups'],
  ['smb to a share', 'mapped smb://jdoe:⟦Blue#jay7⟧@fileserver.district.org/share'],
  ['a printer page', 'Printer page http://admin:⟦admin123⟧@10.20.1.15/ works'],
  ['an "@" in the password', 'https://jdoe:⟦p@ss:w0rd⟧@portal.example.org'],
  ['a key as the user part', 'git clone https://⟦ghp_16C7e42F292c6912E7710c838347Ae178B4a⟧@github.com/d/r.git', 'high-entropy-token'],
];

export const VERBS_AND_CLAUSES: readonly MarkedRow[] = [
  ['"became"', 'password became ⟦Bluejay#7⟧'],
  ['"was changed to"', 'password was changed to ⟦Robin#8⟧'],
  ['an owner clause of four words', "the password for her son's HAC account is ⟦Bluejay7⟧"],
  ['"set the password to"', 'she set the password to ⟦Bluejay#7⟧'],
  ['"reset his password to … and"', 'I reset his password to ⟦Welcome2024⟧ and told him to change it'],
  ['a relative clause', 'the password she picked is ⟦sunshine⟧'],
  ['"is now"', 'her password is now ⟦Cardinal9⟧'],
  ['"now is"', 'her password now is ⟦Cardinal9⟧'],
  ['"got updated to"', 'password got updated to ⟦Spring2025!⟧'],
  ['"password\'s"', "her password's ⟦Bluejay#7⟧"],
  ['"to the portal"', 'the password to the HAC portal is ⟦Falcon22⟧'],
  ['an adjective between verb and keyword', 'we changed the Wi-Fi password to ⟦Eagles#12⟧'],
  ['"cambié la contraseña a"', 'cambié la contraseña a ⟦Perro123⟧'],
  ['"mudei a senha para"', 'mudei a senha para ⟦Cardinal9⟧'],
  ['"ahora es"', 'su contraseña ahora es ⟦girasol⟧'],
];

export const SEVERAL_VALUES: readonly MarkedRow[] = [
  ['"and"', 'passwords are ⟦Bluejay#7⟧ and ⟦Robin#8⟧'],
  ['"or maybe"', 'pw ⟦Bluejay#7⟧ or maybe ⟦Bluejay#8⟧'],
  ['a comma list', 'passwords: ⟦Bluejay#7⟧, ⟦Robin#8⟧, ⟦Cardinal9⟧'],
  ['two keywords', 'HAC password is ⟦Bluejay#7⟧ and her Gmail password is ⟦Robin#8⟧'],
  ['two pairs', 'jdoe / ⟦Bluejay#7⟧ and msmith / ⟦Robin#8⟧'],
  ['a Spanish list', 'contraseñas: ⟦Perro123⟧, ⟦Gato456⟧ y ⟦Pez789⟧'],
  ['a slash between two values', 'password is ⟦Bluejay#7⟧ / ⟦Bluejay#8⟧, one of the two'],
  ['a password, a PIN and a pair', 'pw ⟦Bluejay#7⟧, PIN ⟦4821⟧, Gmail jdoe:⟦Robin#8⟧'],
];

/** Every category above, by name, for tests and the benchmark. */
export const BYPASS_CATEGORIES: Readonly<Record<string, readonly MarkedRow[]>> = {
  'look-alike and invisible characters': LOOKALIKE_AND_INVISIBLE,
  'the value before the keyword': VALUE_BEFORE_KEYWORD,
  'user/password pairs': USER_PASSWORD_PAIRS,
  'captured form data': FORM_DATA,
  'URL userinfo': URL_USERINFO,
  'verbs and clauses': VERBS_AND_CLAUSES,
  'several values in one sentence': SEVERAL_VALUES,
};
