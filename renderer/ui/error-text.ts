/** Shown when a failure carries no words of its own. */
export const NO_ERROR_TEXT = 'Something went wrong, and no reason was given.';

/**
 * The words to show a person for anything caught or returned as a failure: a thrown Error, a
 * `{ code, message }` TransferableError from shared/result.ts (what IPC returns: Electron drops
 * error classes), or a thrown string. Never "[object Object]": an object without a message
 * gets NO_ERROR_TEXT rather than a dump of its fields, which may hold what should not be shown.
 */
export function errorText(cause: unknown): string {
  if (typeof cause === 'string') return cause.trim() || NO_ERROR_TEXT;
  if (typeof cause === 'number' || typeof cause === 'boolean' || typeof cause === 'bigint') return String(cause);
  if (typeof cause !== 'object' || cause === null) return NO_ERROR_TEXT;
  const message = 'message' in cause && typeof cause.message === 'string' ? cause.message.trim() : '';
  if (message) return message;
  if ('code' in cause && typeof cause.code === 'string' && cause.code) return cause.code;
  if (cause instanceof Error && cause.name !== 'Error') return cause.name;
  return NO_ERROR_TEXT;
}
