import { findHighEntropyTokens } from './entropy-tokens';
import { findKeywordSecrets } from './keyword-secrets';
import { findSealedValues } from './sealed-values';
import { mergeFindings } from './spans';
import type { FindSecretsOptions, SecretFinding } from './types';

/**
 * The credential guard: every secret in one free-text field, as sorted, non-overlapping UTF-16
 * spans of the secret values. Run on every free-text field before an escalation is queued
 * (docs/architecture.md, The trust boundary) and by the logger; a non-empty result means "refuse and offer a sealed note".
 * It errs towards flagging: a false alarm costs a rewording, a miss puts a parent's password in
 * the district's ticketing system.
 */
export function findSecrets(text: string, options: FindSecretsOptions = {}): SecretFinding[] {
  return mergeFindings([
    ...findSealedValues(text, options.sealedValues ?? []),
    ...findKeywordSecrets(text),
    ...findHighEntropyTokens(text),
  ]);
}
