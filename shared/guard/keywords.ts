/**
 * The words analysts write before a password, in English and Spanish, as one regular
 * expression. Order inside each alternation is longest first so "passcode" never stops at "pass".
 */

/** A keyword match plus what the detector needs to know about it. */
export interface KeywordMatch {
  start: number;
  end: number;
  /** "login/pw", "user/pass", "credentials": the value is "user/secret" or "user secret". */
  paired: boolean;
  /** "pass", "pin", "nip": common words or numeric codes; their value must not be a word. */
  weak: boolean;
}

const PASSWORD_WORDS = String.raw`passwords?|passwd|pswd|pword|pwd|pw|p\/w|pass|p|contrase[ñn]as?|clave`;

const PAIRED = [
  String.raw`(?:log-?in|user\s?name|user|usr|uname|id|e-?mail|usuario|correo|u)\s?\/\s?(?:${PASSWORD_WORDS})`,
  'credentials',
  'creds',
  'credenciales',
].join('|');

const STRONG_SINGLE = [
  String.raw`pass\s?phrases?`,
  String.raw`pass\s?codes?`,
  String.raw`passwords?`,
  'passwd',
  'pswd',
  'pword',
  'pwd',
  String.raw`p\/w`,
  'pw',
  String.raw`access\s+codes?`,
  String.raw`security\s+codes?`,
  String.raw`contrase[ñn]as?`,
  String.raw`clave(?:\s+de\s+acceso|\s+secreta)?`,
  String.raw`c[óo]digo\s+de\s+acceso`,
].join('|');

const WEAK_SINGLE = [String.raw`pin(?:\s?(?:codes?|numbers?))?`, 'nip', 'pass'].join('|');

const KEYWORD_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}_])(?:(?<paired>${PAIRED})|(?<strong>${STRONG_SINGLE})|(?<weak>${WEAK_SINGLE}))(?![\p{L}\p{N}_])`,
  'giu',
);

/** Every password keyword in `text`, left to right, non-overlapping. */
export function findKeywords(text: string): KeywordMatch[] {
  const found: KeywordMatch[] = [];
  for (const m of text.matchAll(KEYWORD_RE)) {
    found.push({
      start: m.index,
      end: m.index + m[0].length,
      paired: m.groups?.['paired'] !== undefined,
      weak: m.groups?.['weak'] !== undefined,
    });
  }
  return found;
}
