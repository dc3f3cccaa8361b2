/**
 * What may stand between a password keyword and its value, as sticky regular expressions applied
 * at the keyword's end. Horizontal whitespace only, so a keyword at the end of one line never
 * takes the first word of the next, except after ":" or "=" (form-like notes: "Password:\nX").
 */

const H = String.raw`[^\S\r\n]`;

/** "new", "temporal" ...: adjectives written after the keyword ("contraseña temporal: X"). */
const QUALIFIER = String.raw`(?:${H}+(?:temporal|provisional|nuev[ao]|actual|anterior|inicial|temporary|temp|new|old|initial|default))?`;
/** "password (temp): X". Only allowed before a strong connector. */
const PARENTHETICAL = String.raw`(?:${H}*\([^()\r\n]{0,24}\))?`;
/** "password for jsmith is X", "contraseña del portal: X": up to three words of owner. */
const OWNER = String.raw`(?:${H}+(?:for|of|para|de|del)(?:${H}+[^\s:=]+){1,3}?)?`;

const ADVERB = String.raw`(?:${H}+(?:now|still|just|probably|likely|currently|actually|ahora|todav[ií]a|a[úu]n))?`;
const TO_BE = String.raw`(?:is|was|will${H}+be|would${H}+be|should${H}+be|es|era|fue|ser[áa]|ser[íi]a)`;
const AUXILIARY = String.raw`(?:(?:is|was|has${H}+been|had${H}+been|have${H}+been|got|will${H}+be|fue|ha${H}+sido|est[áa]|qued[óo])${H}+)?`;
const CHANGED = String.raw`(?:set|reset|changed|updated|cambiad[ao]|cambi[óo]|restablecid[ao]|pues(?:ta|to)|configurad[ao])`;
const CHANGED_TO = String.raw`(?:to|as|a|en|como)`;

/** Longest forms first: "was reset to X" must not stop at "was". */
const VERB = String.raw`${H}+(?:${AUXILIARY}${CHANGED}${H}+${CHANGED_TO}|qued[óo]${H}+(?:como|en)|${TO_BE}${ADVERB})(?:${H}*[:=]${H}*|${H}+)`;
const PUNCTUATION = String.raw`${H}*(?:->|=>|\u2192|[:=])+${H}*(?:\r?\n${H}*)?`;
const DASH = String.raw`${H}+[-\u2013\u2014]${H}+`;

const STRONG_WITH_OWNER = new RegExp(`${QUALIFIER}${PARENTHETICAL}${OWNER}(?:${VERB}|${PUNCTUATION}|${DASH})`, 'iuy');
const STRONG = new RegExp(`${QUALIFIER}${PARENTHETICAL}(?:${VERB}|${PUNCTUATION}|${DASH})`, 'iuy');
const BARE = new RegExp(`${QUALIFIER}${H}+`, 'iuy');

/** Where the value starts after a keyword ending at `from`, and how strongly it was announced. */
export interface Connector {
  valueStart: number;
  context: 'strong' | 'bare';
}

/**
 * Reads the connector after a keyword. Weak keywords ("pass", "pin") may not take an owner
 * clause, so "pass for the field trip: bring lunch" is not read as a password.
 */
export function readConnector(text: string, from: number, allowOwner: boolean): Connector | undefined {
  for (const [re, context] of [
    [allowOwner ? STRONG_WITH_OWNER : STRONG, 'strong'],
    [BARE, 'bare'],
  ] as const) {
    re.lastIndex = from;
    const m = re.exec(text);
    if (m !== null) return { valueStart: from + m[0].length, context };
  }
  return undefined;
}
