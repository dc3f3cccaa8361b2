/** What a finished command left behind. `code` is null when it was killed (timeout). */
export interface CommandResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a program with arguments (no shell) and resolves with its output whatever its exit code;
 * rejects only when it could not be started. Injected so policy readers are tested without the
 * programs they call.
 */
export type RunCommand = (file: string, args: readonly string[]) => Promise<CommandResult>;
