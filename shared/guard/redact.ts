import { findSecrets } from './find-secrets';
import type { RedactOptions, SecretFinding } from './types';

/** What a secret becomes in redacted text. The guard itself never flags it. */
export const SEALED_MARK = '[sealed]';

/**
 * Replaces the given spans (sorted, non-overlapping, as `findSecrets` returns them) with `mark`.
 * Split out so a caller that already has findings does not scan twice.
 */
export function applyRedactions(text: string, findings: readonly SecretFinding[], mark = SEALED_MARK): string {
  let out = '';
  let from = 0;
  for (const f of findings) {
    out += text.slice(from, f.start) + mark;
    from = f.end;
  }
  return out + text.slice(from);
}

/**
 * `text` with every secret `findSecrets` finds replaced by `[sealed]` (or `options.mark`): for
 * logs, previews and anywhere text must be shown but cannot be refused. Redacting twice gives the
 * same text as redacting once.
 */
export function redactSecrets(text: string, options: RedactOptions = {}): string {
  return applyRedactions(text, findSecrets(text, options), options.mark);
}
