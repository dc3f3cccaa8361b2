/**
 * The credential guard: finds passwords, sealed values and keys in free text so they never reach
 * a ticket or a log. Pure and runtime-neutral; the renderer and main both import it.
 */
export { findSecrets } from './find-secrets';
export { maskSecret } from './mask';
export { applyRedactions, redactSecrets, SEALED_MARK } from './redact';
export { SECRET_KINDS } from './types';
export type { FindSecretsOptions, RedactOptions, SecretFinding, SecretKind } from './types';
