// intl.ts itself, not the i18n index: code outside React (the outbox) uses errorText too.
import type { MessageKey } from '../i18n/catalogue';
import { t } from '../i18n/intl';

/**
 * The message shown when a failure carries no words of its own. A key, not a text: `errorText`
 * formats it when called, so it reads in the interface language of that moment (`t(NO_ERROR_TEXT)`).
 */
export const NO_ERROR_TEXT = 'settings.error.noReason' satisfies MessageKey;

/**
 * The words to show a person for anything caught or returned as a failure: a thrown Error, a
 * `{ code, message }` TransferableError from shared/result.ts (what IPC returns: Electron drops
 * error classes), or a thrown string. Never "[object Object]": an object without a message
 * gets the no-reason message rather than a dump of its fields, which may hold what should not
 * be shown. A failure's own words stay as they came (main writes them).
 */
export function errorText(cause: unknown): string {
  if (typeof cause === 'string') return cause.trim() || t(NO_ERROR_TEXT);
  if (typeof cause === 'number' || typeof cause === 'boolean' || typeof cause === 'bigint') return String(cause);
  if (typeof cause !== 'object' || cause === null) return t(NO_ERROR_TEXT);
  const message = 'message' in cause && typeof cause.message === 'string' ? cause.message.trim() : '';
  if (message) return message;
  if ('code' in cause && typeof cause.code === 'string' && cause.code) return cause.code;
  if (cause instanceof Error && cause.name !== 'Error') return cause.name;
  return t(NO_ERROR_TEXT);
}
