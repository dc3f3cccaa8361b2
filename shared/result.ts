/**
 * Errors that cross a process boundary. Electron drops error classes across `invoke`, so every
 * failure travels as `{ code, message }` with a code from this closed set.
 */
export const ERROR_CODES = [
  'BAD_INPUT',
  'BAD_OUTPUT',
  'UNKNOWN_CHANNEL',
  'PAYLOAD_TOO_LARGE',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'UNAVAILABLE',
  'AUTH_REQUIRED',
  'VAULT_UNAVAILABLE',
  'SIGNED_OUT',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * Codes whose fix is signing in again (no token stored, a token the keychain cannot decrypt, the
 * keychain locked), not waiting: a delivery that meets one pauses with "sign in" instead of
 * retrying on backoff for ever. Main and the renderer's outbox both read this one list.
 */
export const SIGN_IN_CODES = ['AUTH_REQUIRED', 'SIGNED_OUT', 'VAULT_UNAVAILABLE'] as const satisfies readonly ErrorCode[];

export function isSignInCode(code: string): code is (typeof SIGN_IN_CODES)[number] {
  return (SIGN_IN_CODES as readonly string[]).includes(code);
}

export interface TransferableError {
  code: ErrorCode;
  message: string;
  /** Field path for BAD_INPUT, so the UI can name the field. */
  path?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: TransferableError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function err(code: ErrorCode, message: string, path?: string): Result<never> {
  return { ok: false, error: path === undefined ? { code, message } : { code, message, path } };
}

/** Thrown inside a process; converted to a Result at the IPC boundary. */
export class DeskbookError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly path?: string,
  ) {
    super(message);
    this.name = 'DeskbookError';
  }
}

/** For exhaustive switches over unions: a new member becomes a compile error here. */
export function exhaustive(value: never, what = 'value'): never {
  throw new Error(`Unhandled ${what}: ${JSON.stringify(value)}`);
}
