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
}

const p = (rule: UnsafeRule, source: string, options: Partial<Omit<Pattern, 'rule' | 'regex'>> = {}): Pattern => ({
  rule,
  regex: new RegExp(source, 'gi'),
  negatable: options.negatable ?? true,
  notStaffSubject: options.notStaffSubject ?? false,
  checkGap: options.checkGap ?? false,
});

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
      const regex = new RegExp(pattern.regex.source, pattern.regex.flags);
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

function isUnsafe(pattern: Pattern, sentence: string, match: RegExpExecArray): boolean {
  const before = sentence.slice(0, match.index);
  if (pattern.negatable === 'sentence' && NEGATED_ANYWHERE.test(before)) return false;
  if (pattern.negatable === true && NEGATED_TAIL.test(before)) return false;
  if (pattern.notStaffSubject && NOT_STAFF_SUBJECT_TAIL.test(before)) return false;
  if (pattern.checkGap && OTHER_ACTION.test(match.groups?.['gap'] ?? '')) return false;
  return true;
}
