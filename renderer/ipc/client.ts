import type { DeskbookApi } from '../../shared/ipc/api';
import { DeskbookError } from '../../shared/result';
import type { Result } from '../../shared/result';

declare global {
  interface Window {
    /** Provided by the preload (Electron), the dev host's bridge, or the e2e binding bridge. */
    readonly deskbook?: DeskbookApi;
  }
}

/** The typed client. Null when the page was opened outside a Deskbook shell. */
export function getDeskbook(): DeskbookApi | null {
  return window.deskbook ?? null;
}

/** Unwraps a Result, throwing a DeskbookError with the same code, for code that prefers throws. */
export async function unwrap<T>(call: Promise<Result<T>>): Promise<T> {
  const result = await call;
  if (result.ok) return result.value;
  throw new DeskbookError(result.error.code, result.error.message, result.error.path);
}

/** The client, or a thrown UNAVAILABLE error naming what is wrong. */
export function deskbook(): DeskbookApi {
  const api = getDeskbook();
  if (!api) throw new DeskbookError('UNAVAILABLE', 'Deskbook was opened outside its app window.');
  return api;
}
