import type { SecretFinding } from './types';

/** Shorter sealed values are ignored: they would match ordinary text everywhere. */
export const MIN_SEALED_LENGTH = 4;

/**
 * Every occurrence of an already-sealed plaintext, case-sensitive, wherever it sits (inside
 * punctuation, quotes or a longer token): once a value is sealed, any copy of it is a leak.
 * Overlapping occurrences ("aaaa" in "aaaaa") are all reported; `mergeFindings` joins them.
 */
export function findSealedValues(text: string, sealedValues: readonly string[]): SecretFinding[] {
  const found: SecretFinding[] = [];
  for (const value of new Set(sealedValues)) {
    if (value.length < MIN_SEALED_LENGTH) continue;
    for (let at = text.indexOf(value); at !== -1; at = text.indexOf(value, at + 1)) {
      found.push({ start: at, end: at + value.length, kind: 'sealed-value' });
    }
  }
  return found;
}
