import { looksLikeSecretValue } from './classify-value';
import type { SecretFinding } from './types';

/**
 * Captured form data: JSON (`{"password":"Bluejay#7"}`), query strings and form bodies
 * (`user=jdoe&txtPassword=Bluejay7x`), JavaScript objects (`{ 'new_password': 'x' }`) and HTML
 * inputs (`<input type="password" value="x">`). A field counts when the last word of its name,
 * split at capitals, "_", "-", "." and "$", is a password word ("userPassword", "new_pwd",
 * "ctl00$Main$txtPassword", "password_confirmation"). In a form even a plain word is the value.
 */

const PASSWORD_PART = /^(?:password|passwd|pwd|pw|pass|passcode|passphrase|pin|secret|pword|pswd|clave|contrasena|contraseña|senha)$/;
const TRAILER = /^(?:\d+|confirm|confirmation|again|repeat|new|old|hash)$/;
const NAME = /^[\w$.[\]-]{1,64}$/;
const NAME_CHAR = /[\w$.[\]-]/;
const MAX_NAME = 64;
const QUOTED_VALUE = /(["'])((?:\\.|(?!\1)[^\\\r\n]){0,128})\1/y;
const BARE_VALUE = /[^\s&"',;}\]#)<>]{1,128}/y;
const SEPARATOR = /[:=]/g;
const HTML_PASSWORD_INPUT = /<input\b[^>]*\btype\s*=\s*["']?password\b[^>]*\bvalue\s*=\s*(["'])([^"'\r\n]{1,128})\1/giu;

/** True when the field's name ends with a password word ("txtPassword", "new_password2"). */
export function isPasswordFieldName(name: string): boolean {
  const parts = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-zñ0-9]+/)
    .filter(Boolean);
  // No trailer is a password word, so popping a name down to nothing changes no answer.
  while (TRAILER.test(parts.at(-1) ?? '')) parts.pop();
  return PASSWORD_PART.test(parts.at(-1) ?? '');
}

/**
 * The field name before the separator at `sep`: quoted (`"password":`, `'pw' =>`), which any
 * separator may follow, or bare and touching an "=" (`txtPassword=`): "Password: x" is prose
 * for the keyword detector, not a form.
 */
function fieldNameBefore(text: string, sep: number): string | undefined {
  let end = sep;
  while (end > 0 && /[^\S\r\n]/.test(text[end - 1] ?? '')) end -= 1;
  const quote = text[end - 1];
  if (quote === '"' || quote === "'") {
    // No opening quote: the text starts at the name, as in a log line cut at `txtPassword":"x"`.
    const name = text.slice(text.lastIndexOf(quote, end - 2) + 1, end - 1);
    return NAME.test(name) ? name : undefined;
  }
  if (text[sep] !== '=' || end < sep) return undefined;
  let start = end;
  while (start > 0 && end - start < MAX_NAME && NAME_CHAR.test(text[start - 1] ?? '')) start -= 1;
  // An empty name ("&=x") is no password field's.
  return text.slice(start, end);
}

function fieldValue(text: string, from: number): { start: number; end: number; quoted: boolean } | undefined {
  let at = from;
  while (/[^\S\r\n]/.test(text[at] ?? '')) at += 1;
  for (const [re, quoted] of [[QUOTED_VALUE, true], [BARE_VALUE, false]] as const) {
    re.lastIndex = at;
    const m = re.exec(text);
    if (m === null) continue;
    const inner = quoted ? (m[2] ?? '') : m[0];
    const start = quoted ? at + 1 : at;
    return { start, end: start + inner.length, quoted };
  }
  return undefined;
}

/** Values of password fields in captured form data, JSON and query strings (normalised text). */
export function findFormFieldSecrets(text: string): SecretFinding[] {
  const found: SecretFinding[] = [];
  for (const m of text.matchAll(SEPARATOR)) {
    const name = fieldNameBefore(text, m.index);
    if (name === undefined || !isPasswordFieldName(name)) continue;
    const value = fieldValue(text, m.index + 1);
    if (value === undefined) continue;
    const raw = text.slice(value.start, value.end);
    if (looksLikeSecretValue({ value: raw, quoted: value.quoted, context: 'strong', weakKeyword: false, nextWord: undefined })) {
      found.push({ start: value.start, end: value.end, kind: 'password-after-keyword' });
    }
  }
  // Any case: "<INPUT", and JSX's "<Input type=\"password\" value=…>" in a pasted snippet.
  for (const m of text.matchAll(HTML_PASSWORD_INPUT)) {
    const start = m.index + m[0].length - 1 - (m[2] ?? '').length;
    found.push({ start, end: start + (m[2] ?? '').length, kind: 'password-after-keyword' });
  }
  return found;
}
