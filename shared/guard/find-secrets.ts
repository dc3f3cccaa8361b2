import { findHighEntropyTokens } from './entropy-tokens';
import { findFormFieldSecrets } from './form-fields';
import { findKeywordSecrets } from './keyword-secrets';
import { linkSpans } from './lookalikes';
import { normalise, originalSpan } from './normalise';
import type { NormalisedText } from './normalise';
import { findUserPasswordPairs } from './pairs';
import { findSealedValues } from './sealed-values';
import { mergeFindings } from './spans';
import type { FindSecretsOptions, SecretFinding } from './types';
import { findUrlCredentials } from './urls';

/** Every detector, on normalised text. */
function detect(text: string): SecretFinding[] {
  const links = linkSpans(text);
  return [
    ...findKeywordSecrets(text),
    ...findFormFieldSecrets(text),
    ...findUrlCredentials(text),
    ...findUserPasswordPairs(text, links),
    ...findHighEntropyTokens(text, links),
  ];
}

/**
 * Sealed values are looked for as typed, and also normalised in the normalised text, so a copy
 * with a zero-width space or a Cyrillic letter slipped in is still a copy.
 */
function sealedCopies(original: string, n: NormalisedText, sealedValues: readonly string[]): SecretFinding[] {
  const found = findSealedValues(original, sealedValues);
  const normalised = sealedValues.map((v) => normalise(v).text);
  if (n.text === original && normalised.every((v, i) => v === sealedValues[i])) return found;
  return [...found, ...findSealedValues(n.text, normalised).map((f) => toOriginal(n, f))];
}

function toOriginal(n: NormalisedText, f: SecretFinding): SecretFinding {
  const [start, end] = originalSpan(n, f.start, f.end);
  return { start, end, kind: f.kind };
}

/**
 * The credential guard: every secret in one free-text field, as sorted, non-overlapping UTF-16
 * spans of the secret values in `text` as given. Run on every free-text field before an
 * escalation is queued (docs/architecture.md, The trust boundary) and by the logger; a non-empty
 * result means "refuse and offer a sealed note". The detectors read a normalised copy (NFKC,
 * invisible characters removed, look-alike letters folded: `normalise.ts`) and their spans are
 * mapped back, so the UI highlights what the analyst typed. It errs towards flagging: a false
 * alarm costs a rewording, a miss puts a parent's password in the district's ticketing system.
 */
export function findSecrets(text: string, options: FindSecretsOptions = {}): SecretFinding[] {
  const n = normalise(text);
  return mergeFindings([
    ...sealedCopies(text, n, options.sealedValues ?? []),
    ...detect(n.text).map((f) => toOriginal(n, f)),
  ]);
}
