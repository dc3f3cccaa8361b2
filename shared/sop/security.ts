/**
 * Finds SOP text that tells staff to do something a help desk must never do: ask a caller for a
 * password (theirs or their child's), sign in as the caller or the child, or hide from a parent
 * what staff are doing. Paper SOPs have said all three (the HAC SOP's step 4 did), so lint blocks
 * them. Prohibitions ("Never ask for the password", "do not ask for their password", "Do not give
 * out student login or password information") and instructions the caller carries out ("have
 * them reset their password") must pass, so every pattern is checked against its own sentence
 * for a governing negation and for who is doing it. A heuristic: it prefers a false alarm, which
 * an author fixes by rewording, to a miss.
 */

/** The three unsafe-instruction rules, each a lint error. */
export const UNSAFE_RULES = [
  'security-asks-for-password',
  'security-logs-in-as-caller',
  'security-hides-from-parent',
] as const;
export type UnsafeRule = (typeof UNSAFE_RULES)[number];

/** One unsafe instruction: which rule, the words that tripped it, and where. */
export interface UnsafeInstruction {
  rule: UnsafeRule;
  excerpt: string;
  index: number;
}

const SECRET = String.raw`(?:pass\s?words?|passcodes?|pw|credentials)`;
const PERSON = String.raw`(?:the\s+|their\s+|a\s+)?(?:parents?|guardians?|callers?|family|famil(?:y|ies)|students?|child(?:ren)?|users?|them|him|her)`;
const ADULT = String.raw`(?:the\s+)?(?:parents?|guardians?|callers?|family|them|him|her)`;
const SEG = String.raw`[^.!?;:\n]`;

/** Words in the gap between "ask" and "password" that mean a different request. */
const OTHER_ACTION =
  /\bto\s+[a-z]|\b(?:reset|chang\w*|update\w*|recover\w*|retriev\w*|new|choos\w*|creat\w*|forg[oe]t\w*|typ(?:e|ing)|enter\w*|capital\w*|remember\w*|not|never|except|instead|without)\b/i;

interface Pattern {
  rule: UnsafeRule;
  regex: RegExp;
  /**
   * A governing "never"/"do not" right before the match makes it a prohibition, not an
   * instruction; `'sentence'` accepts one anywhere earlier in the sentence ("Never change an
   * account without telling the parent").
   */
  negatable: boolean | 'sentence';
  /** "have them…", "the portal asks…": someone other than staff does it. */
  notStaffSubject: boolean;
  /** Text between the verb and the secret (named group `gap`) must not name another action. */
  checkGap: boolean;
  /** The pattern's language's negations, subjects and other actions: English unless given. */
  words?: PatternWords;
}

interface PatternWords {
  negatedTail: RegExp;
  negatedAnywhere: RegExp;
  notStaffSubjectTail: RegExp;
  otherAction: RegExp;
}

const p = (rule: UnsafeRule, source: string, options: Partial<Omit<Pattern, 'rule' | 'regex'>> = {}): Pattern => ({
  rule,
  regex: new RegExp(source, 'gi'),
  negatable: options.negatable ?? true,
  notStaffSubject: options.notStaffSubject ?? false,
  checkGap: options.checkGap ?? false,
  ...(options.words ? { words: options.words } : {}),
});

/**
 * The same three rules in Spanish, for packs with Spanish text ("pídale la contraseña", "inicie
 * sesión como el padre", "no le diga al padre"). JavaScript's `\b` is ASCII-only, so word edges
 * next to accented letters are written as lookarounds.
 */
const ES_START = String.raw`(?<![\p{L}\p{N}])`;
const ES_END = String.raw`(?![\p{L}\p{N}])`;
// "clave de activación" is the portal's activation key, which a parent asks the school for.
const ES_SECRET = String.raw`(?:contraseñas?|claves?(?:\s+secretas?)?(?!\s+de\s+activaci)|credenciales|pin|password)`;
const ES_PERSON = String.raw`(?:(?:el|la|los|las|su|sus)\s+)?(?:padres?|madres?|tutor(?:es|as?)?|estudiantes?|alumn[oa]s?|hij[oa]s?|niñ[oa]s?|familia|persona\s+que\s+llama|usuari[oa]s?)`;
const ES_ADULT = String.raw`(?:(?:al|a\s+la|a\s+los|a\s+su|a\s+sus)\s+)?(?:padres?|madres?|tutor(?:es|as?)?|familia|persona\s+que\s+llama)`;
const ES_WORDS: PatternWords = {
  negatedTail:
    /(?<![\p{L}])(?:nunca|jamás|jamas|no|sin|evite|prohibido)(?![\p{L}])(?:[\s,]+(?:le|les|se|lo|la|debe|deben|hay\s+que|tiene\s+que|puede|pueden|pueda|usted|nadie|nunca|por\s+ningún\s+motivo|en\s+ningún\s+caso))*[\s,]*$/iu,
  negatedAnywhere: /(?<![\p{L}])(?:nunca|jamás|jamas|no|sin)(?![\p{L}])/iu,
  notStaffSubjectTail:
    /(?<![\p{L}])(?:él|ella|ellos|ellas|padres?|madres?|estudiantes?|hij[oa]s?|portal|página|pantalla|sistema|sitio|aplicación|formulario)(?:\s+(?:le|les|se|lo|la|puede|pueden|debe|deben|va\s+a|van\s+a|tiene\s+que|también))*\s*$/iu,
  otherAction:
    /(?<![\p{L}])(?:que|para|restablec\p{L}*|cambi\p{L}*|actualic\p{L}*|actualiz\p{L}*|recuper\p{L}*|nuev\p{L}*|olvid\p{L}*|escrib\p{L}*|ingres\p{L}*|teclee|mayúscul\p{L}*|no|nunca|sin|excepto)(?![\p{L}])/iu,
};
function spanishPatterns(): Pattern[] {
  const es = (rule: UnsafeRule, source: string, options: Partial<Omit<Pattern, 'rule' | 'regex' | 'words'>> = {}): Pattern => ({
    ...p(rule, source, { ...options, words: ES_WORDS }),
    regex: new RegExp(source, 'giu'),
  });
  return [
    es(
      'security-asks-for-password',
      String.raw`${ES_START}(?:p[ií]d(?:a|ale|ales|e|ele|eles|a?le|ir(?:le|les)?)|preg[uú]nt(?:e|ele|eles|a|ar|arle|arles)|solicit(?:e|ar)|obteng(?:a|ala)|obtener|anot(?:e|ar)|apunt(?:e|ar)|consig(?:a|ue)|averig[uü](?:e|ar))${ES_END}(?<gap>${SEG}{0,80}?)${ES_START}${ES_SECRET}${ES_END}`,
      { notStaffSubject: true, checkGap: true },
    ),
    es(
      'security-asks-for-password',
      String.raw`${ES_START}(?:d[ií]g(?:a|ame|anos)|d[eé]me|d[eé]nos|dame|dime|l[eé]a(?:me)?|deletre(?:e|eme)|comp[aá]rt(?:a|ala|ame))${ES_END}(?<gap>${SEG}{0,60}?)${ES_START}${ES_SECRET}${ES_END}`,
      { checkGap: true },
    ),
    es('security-asks-for-password', String.raw`${ES_START}cu[aá]l\s+(?:es|era)\s+(?:su|la|tu)\s+${ES_SECRET}${ES_END}`),
    es(
      'security-logs-in-as-caller',
      String.raw`${ES_START}(?:inici(?:e|ar|a)|entr(?:e|ar|a)|ingres(?:e|ar|a))\s+(?:(?:la\s+)?sesi[oó]n\s+)?(?:como|por)\s+${ES_PERSON}${ES_END}`,
      { notStaffSubject: true },
    ),
    es(
      'security-logs-in-as-caller',
      String.raw`${ES_START}(?:inici(?:e|ar|a)\s+sesi[oó]n|entr(?:e|ar|a)|ingres(?:e|ar|a))\s+(?:en|a)\s+(?:la\s+)?cuenta\s+(?:del?|de\s+la|de\s+su)\s+${ES_PERSON}${ES_END}`,
      { notStaffSubject: true },
    ),
    es(
      'security-logs-in-as-caller',
      String.raw`${ES_START}(?:use|usar|utilice|utilizar)\s+(?:la|el|su)\s+(?:${ES_SECRET}|usuario|cuenta)\s+(?:del?|de\s+la|de\s+su)\s+${ES_PERSON}${ES_END}`,
      { notStaffSubject: true },
    ),
    es(
      'security-hides-from-parent',
      String.raw`${ES_START}(?:no|nunca)\s+(?:le|les)\s+(?:diga|cuente|mencione|explique)\s+${ES_ADULT}${ES_END}`,
      { negatable: false },
    ),
    es('security-hides-from-parent', String.raw`${ES_START}sin\s+(?:decirle|avisarle|informarle|cont[aá]rselo)\s+${ES_ADULT}${ES_END}`, { negatable: 'sentence' }),
    es('security-hides-from-parent', String.raw`${ES_START}(?:finja|fingir|haga\s+como\s+que)${ES_END}`),
  ];
}

const PATTERNS: readonly Pattern[] = [
  p(
    'security-asks-for-password',
    String.raw`\b(?:ask(?:s|ed|ing)?|request(?:s|ed|ing)?|get(?:s|ting)?|obtain(?:s|ed|ing)?|collect(?:s|ed|ing)?|gather(?:s|ed|ing)?|record(?:s|ed|ing)?|(?:write|take|note|jot)(?:s|ing)?\s+down|find\s+out)\b(?<gap>${SEG}{0,80}?)\b${SECRET}\b`,
    { notStaffSubject: true, checkGap: true },
  ),
  p(
    'security-asks-for-password',
    String.raw`\b(?:(?:tell|give|send|read|spell|share|email|text)\s+(?:it\s+|them\s+)?(?:to\s+)?(?:me|us)|read\s+(?:out|back|aloud)|spell\s+out)\b(?<gap>${SEG}{0,60}?)\b${SECRET}\b`,
    { checkGap: true },
  ),
  p('security-asks-for-password', String.raw`\bwhat(?:'s|\s+is|\s+was|\s+are)\s+(?:your|their|his|her|the)\s+(?:\w+'s\s+)?(?:current\s+|old\s+)?${SECRET}\b`),
  p(
    'security-asks-for-password',
    String.raw`\b(?:provide|give|send|share|email|include|list|tell)\b${SEG}{0,200}?\b${SECRET}\s+(?:that\s+)?(?:you|they|he|she|the\s+parent|the\s+caller)\s+(?:(?:have|has|had)\s+been\s+|are\s+|were\s+|was\s+)?(?:using|used|use|uses)\b`,
  ),
  // Inviting what the caller "volunteers" about a password is asking for it with extra steps.
  p(
    'security-asks-for-password',
    String.raw`\b(?:anything|whatever|what)\b${SEG}{0,40}?\b(?:volunteer\w*|offer\w*|sa(?:y|ys|id)|tells?|told|mention\w*|shares?|shared)\b${SEG}{0,30}?\b(?:about|regarding|of)\b${SEG}{0,20}?\b${SECRET}\b`,
  ),
  p('security-logs-in-as-caller', String.raw`\b(?:log|logs|logged|logging|sign|signs|signed|signing)\s*(?:in|on|into)\s+as\s+${PERSON}\b`, { notStaffSubject: true }),
  p('security-logs-in-as-caller', String.raw`\b(?:log|logs|logging|sign|signs|signing)\s*(?:in|on)\s+for\s+${PERSON}\b`, { notStaffSubject: true }),
  p(
    'security-logs-in-as-caller',
    String.raw`\b(?:log|logs|logging|sign|signs|signing)\s*(?:in|on)?\s*(?:to|into)\s+(?:the\s+|their\s+)?(?:parent|guardian|caller|student|child|family)(?:'s|s')\s+(?:\w+\s+)?(?:account|portal|login|hac|campus|profile)\b`,
    { notStaffSubject: true },
  ),
  p(
    'security-logs-in-as-caller',
    String.raw`\b(?:use|uses|used|using)\s+(?:their|his|her|the\s+(?:parent|guardian|caller|student|child)(?:'s|s'))\s+(?:own\s+)?(?:${SECRET}|login|account)\b`,
    { notStaffSubject: true },
  ),
  p('security-logs-in-as-caller', String.raw`\b(?:impersonat\w*|pos(?:e|es|ing)\s+as)\s+${PERSON}\b`),
  p(
    'security-hides-from-parent',
    String.raw`\b(?:don't|dont|do\s+not|never|must\s+not|should\s+not|shouldn't)\s+(?:ever\s+)?(?:tell|inform|mention\s+(?:it\s+)?to|explain\s+to|say\s+to)\s+${ADULT}\b(?=\s*$|${SEG}*?\b(?:you|we|staff|the\s+analyst)\b)`,
    { negatable: false },
  ),
  p('security-hides-from-parent', String.raw`\b(?:don't|dont|do\s+not|never)\s+let\s+${ADULT}\s+know\b`, { negatable: false }),
  p('security-hides-from-parent', String.raw`\bwithout\s+(?:telling|informing|letting)\s+${ADULT}\b`, {
    negatable: 'sentence',
  }),
  p(
    'security-hides-from-parent',
    String.raw`\btell\s+${ADULT}\s+(?:that\s+)?(?:you|we)(?:'re|\s+are|'ll\s+be|\s+will\s+be)\s+(?:just\s+|only\s+|simply\s+)?(?:trying\s+to\s+|going\s+to\s+)?(?:validat\w*|(?:verify|verifying|test|testing|check|checking)\s+(?:the\s+|their\s+|your\s+|a\s+)?(?:${SECRET}|login))`,
  ),
  p('security-hides-from-parent', String.raw`\b(?:keep|hide)\s+(?:this|it|that)\s+(?:hidden\s+|secret\s+)?from\s+${ADULT}\b`),
  p('security-hides-from-parent', String.raw`\bpretend(?:s|ing)?\s+(?:to|that|you)\b`),
  ...spanishPatterns(),
];

/** A "never"/"do not" that governs the words right after it (filler words allowed between). */
const NEGATED_TAIL =
  /\b(?:never|not|don't|dont|doesn't|cannot|can't|won't|mustn't|shouldn't|no\s+one|nobody|without|avoid|refuse\s+to|under\s+no\s+circumstances|no\s+need\s+to)\b(?:[\s,]+(?:ever|under|any|circumstances|at|all|you|we|staff|analysts?|should|must|need|needs|to|try|attempt|even|also|then|and|or|just|be|is|are|allowed|permitted|required|going|able))*[\s,]*$/i;

/** Any negation earlier in the sentence. */
const NEGATED_ANYWHERE = /\b(?:never|not|don't|dont|cannot|can't|mustn't|shouldn't|no)\b/i;

/**
 * Someone other than staff is the subject: the caller ("have them…", "the parent can…", "their
 * child should be able to…") or the software ("the portal asks for a user name and password").
 */
const NOT_STAFF_SUBJECT_TAIL =
  /\b(?:they|them|parents?|guardians?|students?|child|children|callers?|he|she|famil(?:y|ies)|users?|it|page|screen|portal|site|form|system|app)(?:\s+(?:can|could|should|may|might|will|would|must|to|need|needs|have|has|try|tries|is|are|be|able|also|then|still|now|themselves))*\s*$/i;

/**
 * Unsafe instructions in one piece of SOP text, in order of appearance. Curly apostrophes are
 * read as straight ones so "don’t" counts.
 */
export function findUnsafeInstructions(text: string): UnsafeInstruction[] {
  const normalized = text.replace(/[\u2018\u2019]/g, "'");
  const found: UnsafeInstruction[] = [];
  for (const segment of normalized.matchAll(/[^.!?;:\n]+/g)) {
    const sentence = segment[0];
    for (const pattern of PATTERNS) {
      // Compiled once per pattern; `g` regexes carry their position, so each sentence restarts it.
      const regex = pattern.regex;
      regex.lastIndex = 0;
      let match: RegExpExecArray | null;
      while ((match = regex.exec(sentence)) !== null) {
        if (isUnsafe(pattern, sentence, match)) {
          found.push({ rule: pattern.rule, excerpt: match[0].trim(), index: segment.index + match.index });
          break;
        }
        regex.lastIndex = match.index + 1;
      }
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

const ENGLISH_WORDS: PatternWords = {
  negatedTail: NEGATED_TAIL,
  negatedAnywhere: NEGATED_ANYWHERE,
  notStaffSubjectTail: NOT_STAFF_SUBJECT_TAIL,
  otherAction: OTHER_ACTION,
};

function isUnsafe(pattern: Pattern, sentence: string, match: RegExpExecArray): boolean {
  const words = pattern.words ?? ENGLISH_WORDS;
  const before = sentence.slice(0, match.index);
  if (pattern.negatable === 'sentence' && words.negatedAnywhere.test(before)) return false;
  if (pattern.negatable === true && words.negatedTail.test(before)) return false;
  if (pattern.notStaffSubject && words.notStaffSubjectTail.test(before)) return false;
  if (pattern.checkGap && words.otherAction.test(match.groups?.['gap'] ?? '')) return false;
  return true;
}
