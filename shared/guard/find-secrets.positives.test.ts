import { describe, expect, it } from 'vitest';
import { findSecrets } from './find-secrets';
import { parseMarked } from './marked-text.testkit';

/** Each row marks the exact secret span(s) with ⟦ ⟧; nothing else in the row may be flagged. */
const PASSWORDS_AFTER_KEYWORDS: ReadonlyArray<readonly [string, string]> = [
  ['"is" before a mixed value', 'the password is ⟦Tr0ub4dor&3⟧'],
  ['"pw:" shorthand', 'pw: ⟦hunter2⟧'],
  ['"pwd=" with a trailing symbol kept', 'pwd=⟦abc123!⟧'],
  ['"set to"', 'password set to ⟦Summer2024⟧'],
  ['an adjective before the keyword and no separator', 'temp password ⟦Blue42!⟧'],
  ['a single-quoted value with a space', "his password was '⟦x y⟧'"],
  ['a pair with the user name kept visible', 'login/pw jsmith/⟦Pa55word⟧'],
  ['"pass" after a user name', 'user jsmith pass ⟦Xy12⟧'],
  ['a sentence full stop left outside the span', 'Password: ⟦Winter2025⟧.'],
  ['a PIN after "is"', 'PIN is ⟦4821⟧.'],
  ['a bare PIN of six digits', 'the PIN ⟦582913⟧ was given to dad'],
  ['a passcode', 'passcode: ⟦7731⟧'],
  ['a quoted passphrase of several words', 'Passphrase = "⟦correct horse battery staple⟧"'],
  ['"was reset to" in the middle of a sentence', 'password was reset to ⟦Welcome1!⟧ by tier 1'],
  ['"has been changed to"', 'password has been changed to ⟦Lions#2024⟧'],
  ['an owner clause before "is"', 'new password for jsmith is ⟦Kx9-pq2⟧'],
  ['a plain word after "is" that is not prose', 'password is ⟦sunshine⟧'],
  ['a spaced dash', 'Pw - ⟦Tiger77⟧'],
  ['"P/W:"', 'P/W: ⟦qwerty12⟧'],
  ['"u/p" with a slash pair', 'u/p jdoe/⟦Spring!23⟧'],
  ['a pair spread over "/" with spaces', 'user/pass: jdoe@district.org / ⟦Fall2023⟧'],
  ['"credentials" followed by user and password', 'credentials: mlopez ⟦Az9!az9!⟧'],
  ['"is still"', 'password is still ⟦Abc12345⟧'],
  ['a parenthetical before the colon', 'Password (temp): ⟦Go-Team-7⟧'],
  ['curly double quotes', 'the password is \u201c⟦Maple Leaf 9⟧\u201d'],
  ['a value on the line after "Password:"', 'Password:\n⟦Rainbow7⟧'],
  ['a line of a multi-line note', 'Called about HAC.\nPW: ⟦Eagles#12⟧\nParent will retry.'],
  ['inner capitals in a word', 'password is ⟦hUnter⟧'],
  ['no space after the colon', 'pw:⟦Zz!9zz⟧'],
  ['a closing bracket left outside the span', '(pw: ⟦dragon99⟧)'],
  ['a hyphenated word that is not prose', 'pw is ⟦Blue-Sky⟧'],
  ['an access code in a sentence', 'Gave mom the access code ⟦559201⟧ for the portal'],
  ['a repeated-digit PIN', 'pin number: ⟦0000⟧'],
  ['"will be"', 'password will be ⟦Changeme1⟧'],
  ['a quoted value straight after the keyword', 'the password "⟦Blue 42⟧"'],
  ['two secrets in one sentence', 'pw ⟦abc123⟧ and pin ⟦9981⟧'],
  ['an arrow', 'Password \u2192 ⟦Qwerty!1⟧'],
  ['a quoted value that is itself a keyword', "password is '⟦password⟧'"],
  ['a value wrapped in parentheses', 'pw (⟦Abc123⟧)'],
  ['upper-case keyword and colon', 'PASSWORD: ⟦MustangS⟧'],
  ['a default password that is itself a keyword', 'password is ⟦Password⟧.'],
];

const SPANISH_AND_MIXED: ReadonlyArray<readonly [string, string]> = [
  ['"contraseña:"', 'contraseña: ⟦Perro123⟧'],
  ['"la clave es"', 'la clave es ⟦gato99⟧'],
  ['an adjective after the keyword', 'Contraseña temporal: ⟦Sol2024!⟧'],
  ['"era" with a full stop after', 'su contraseña era ⟦Luna#7⟧.'],
  ['"contrasena" without ñ and "quedó como"', 'la contrasena quedó como ⟦Verano22⟧'],
  ['"código de acceso"', 'código de acceso: ⟦4417⟧'],
  ['"codigo de acceso" without accent', 'CODIGO DE ACCESO ⟦9001⟧'],
  ['"NIP"', 'NIP ⟦8812⟧'],
  ['"fue cambiada a"', 'la contraseña fue cambiada a ⟦Escuela2024⟧'],
  ['"clave de acceso ="', 'clave de acceso = ⟦MiClave9⟧'],
  ['a quoted Spanish value', "la contraseña es '⟦mi perro⟧'"],
  ['an owner clause in Spanish', 'contraseña del portal: ⟦Tigres10⟧'],
  ['a plain Spanish word after "es"', 'la clave es ⟦mariposa⟧'],
  ['an English keyword with a Spanish verb', 'Padre llamó, password es ⟦Casa2020⟧'],
  ['a Spanish keyword with an English verb', 'Mom says contraseña is ⟦Rojo55⟧'],
  ['"usuario/contraseña" pair', 'usuario/contraseña: mgarcia/⟦Flor2023⟧'],
];

const HIGH_ENTROPY: ReadonlyArray<readonly [string, string]> = [
  ['a GitHub-style token', 'token ⟦ghp_16C7e42F292c6912E7710c838347Ae178B4a⟧ was pasted'],
  [
    'a JWT after "Bearer"',
    'Authorization: Bearer ⟦eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c⟧',
  ],
  ['an API key with its full stop left out', 'api key: ⟦AIzaSyDdI0hCZtE6vySjMm-WEfRq3CPzqKqqsHI⟧.'],
  ['a BitLocker recovery key', 'recovery key ⟦123456-234567-345678-456789-567890-678901-789012-890123⟧'],
  ['a 32-digit hex key', 'secret ⟦5d41402abc4b2a76b9719d911017c592⟧'],
  ['a base64 key with padding', 'key=\n⟦K7gNU3sdo+OL0wNhqoVWhr3g6s1xYv72ol/pe/Unols=⟧'],
  ['a Stripe-style key', 'paste: ⟦sk_live_4eC39HqLyjWDarjtT1zdp7dc⟧ (do not share)'],
];

function expectExactly(marked: string, kind: 'password-after-keyword' | 'high-entropy-token'): void {
  const { text, spans } = parseMarked(marked, kind);
  const found = findSecrets(text);
  expect(found.map((f) => text.slice(f.start, f.end))).toEqual(spans.map((s) => text.slice(s.start, s.end)));
  expect(found).toEqual(spans);
}

describe('findSecrets flags a password written after a keyword', () => {
  it.each(PASSWORDS_AFTER_KEYWORDS)('in English: %s', (_name, marked) => {
    expectExactly(marked, 'password-after-keyword');
  });

  it.each(SPANISH_AND_MIXED)('in Spanish or mixed: %s', (_name, marked) => {
    expectExactly(marked, 'password-after-keyword');
  });
});

describe('findSecrets flags long random tokens', () => {
  it.each(HIGH_ENTROPY)('%s', (_name, marked) => {
    expectExactly(marked, 'high-entropy-token');
  });
});

describe('findSecrets reports spans the UI can use directly', () => {
  it('returns spans sorted by start across kinds', () => {
    const text = 'key sk_live_4eC39HqLyjWDarjtT1zdp7dc then pw: hunter2 then pin 4821';
    const starts = findSecrets(text).map((f) => f.start);
    expect(starts).toEqual(starts.toSorted((a, b) => a - b));
    expect(starts).toHaveLength(3);
  });

  it('merges a keyword span and an entropy span over the same value into one keyword finding', () => {
    const text = 'pw: sk_live_4eC39HqLyjWDarjtT1zdp7dc';
    expect(findSecrets(text)).toEqual([{ start: 4, end: text.length, kind: 'password-after-keyword' }]);
  });

  it('counts offsets in UTF-16 code units after an emoji', () => {
    const text = '\u{1F600} pw: hunter2';
    expect(findSecrets(text)).toEqual([{ start: 7, end: 14, kind: 'password-after-keyword' }]);
  });

  it('flags at most the first 256 characters of an unquoted value after a keyword', () => {
    const text = `pw: ${'ab'.repeat(200)}`;
    expect(findSecrets(text)).toEqual([{ start: 4, end: 260, kind: 'password-after-keyword' }]);
  });

  it('never includes the keyword in the span', () => {
    const text = 'password is Tr0ub4dor&3';
    const [finding] = findSecrets(text);
    expect(text.slice(0, finding?.start)).toBe('password is ');
  });
});
