/**
 * What the guard knows of one language: its words for "password" and "PIN", the few words that
 * join such a keyword to its value ("is", "was changed to", "for her son's account"), and the
 * words that show the value was prose after all ("is wrong"). Entries are regular-expression
 * sources in lower case, matched case-insensitively on normalised text; a literal space stands for any run of
 * spaces or tabs on one line. Each list is written naturally (Cyrillic as Cyrillic) and folded
 * at start-up with the text's own look-alike folding.
 */
export interface Language {
  /** BCP 47 tag, for reading. */
  code: string;
  /** Keywords after which even one ordinary word, announced by "is" or ":", is the password. */
  strong: readonly string[];
  /** Ambiguous keywords ("pass", "pin"): their value must not be a word. */
  weak?: readonly string[];
  /** "user/password", "credentials": the value is "user/secret" or "user secret". */
  paired?: readonly string[];
  /** Keywords of writing without spaces between words (Chinese, Korean): no word boundary. */
  unspaced?: readonly string[];
  /** "is", "was", "will be": between keyword and value, with spaces around. */
  copulas?: readonly string[];
  /** Copulas and particles that may touch the keyword ("密码是X", "비밀번호는 X"). */
  glued?: readonly string[];
  /** Glued forms after which only a value that is not a word counts ("password's X"). */
  gluedWeak?: readonly string[];
  /** "now", "still": after a copula. */
  adverbs?: readonly string[];
  /** Auxiliaries before a change verb ("has been", "fue"). */
  auxiliaries?: readonly string[];
  /** Change verbs ("changed", "cambiada"), followed by one of `changedTo`. */
  changed?: readonly string[];
  changedTo?: readonly string[];
  /** Adjectives written after the keyword ("contraseña temporal"). */
  qualifiers?: readonly string[];
  /** Prepositions that open an owner clause of up to five words ("for her son's HAC account"). */
  owners?: readonly string[];
  /** Words that may follow the keyword on their own, up to three ("modpas pitit mwen an"). */
  possessives?: readonly string[];
  /** Words that open a relative clause of up to four words ("password she used is"). */
  clauses?: readonly string[];
  /** Verbs before the keyword that take "to X" after it ("she set the password to X"). */
  setVerbs?: readonly string[];
  /** Words between such a verb and the keyword ("the", "her", "la", "a"). */
  determiners?: readonly string[];
  /** Words that, where a value would be, start a sentence about the password. Space-separated. */
  prose: string;
}
