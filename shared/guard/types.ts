/**
 * Why a span was flagged. The UI words its refusal after the kind, and `mergeFindings` uses the
 * order of this list as priority when overlapping spans of different kinds are merged.
 */
export const SECRET_KINDS = ['sealed-value', 'password-after-keyword', 'high-entropy-token'] as const;

/** One reason a span of text is a secret; see `SECRET_KINDS`. */
export type SecretKind = (typeof SECRET_KINDS)[number];

/**
 * A secret found in free text. `start`/`end` are UTF-16 offsets (what `String.prototype.slice`
 * and a textarea's selection use) of the secret value itself, never of the keyword before it, so
 * the UI can highlight exactly what must move into a sealed note.
 */
export interface SecretFinding {
  start: number;
  end: number;
  kind: SecretKind;
}

/** Inputs that only the caller knows. */
export interface FindSecretsOptions {
  /**
   * Plaintexts already moved into sealed notes for this draft. Any later occurrence of one of
   * them is a leak whatever surrounds it. Values shorter than 4 characters are ignored: they
   * would match ordinary text everywhere.
   */
  sealedValues?: readonly string[];
}

/** Options for `redactSecrets`. */
export interface RedactOptions extends FindSecretsOptions {
  /** What replaces each secret; `SEALED_MARK` unless given. */
  mark?: string;
}
