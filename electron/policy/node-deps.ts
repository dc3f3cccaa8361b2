import { execFile } from 'node:child_process';
import { lstat, readFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import type { PathInfo } from './linux';
import type { PolicyReaderDeps } from './read';
import type { CommandResult } from './run-command';

function isMissing(error: unknown): boolean {
  return error instanceof Error && 'code' in error && (error.code === 'ENOENT' || error.code === 'ENOTDIR');
}

/** Runs a program without a shell, hidden, with a time limit; never rejects on an exit code. */
function runCommand(file: string, args: readonly string[]): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    execFile(file, [...args], { windowsHide: true, timeout: 10_000, maxBuffer: 1024 * 1024, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error && typeof error.code === 'string') {
        reject(error); // could not start (ENOENT, EACCES)
        return;
      }
      const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/**
 * reg.exe in the system directory, at a fixed path. Not from `SystemRoot`/`windir`: those are
 * environment variables the user controls, and a reg.exe of their own could print any policy
 * (a supervisor's role included). On a Windows installed elsewhere this path is missing, the
 * read fails, and policy fails closed with a warning naming the path.
 */
export const WINDOWS_REG_EXE = 'C:\\Windows\\System32\\reg.exe';

/**
 * The real file system, `reg.exe` and user name behind the policy readers. Kept apart from the
 * readers so they stay testable with captured output; this file is only wiring.
 */
export function createNodePolicyDeps(): PolicyReaderDeps {
  return {
    run: runCommand,
    regExe: WINDOWS_REG_EXE,
    userName: userInfo().username,
    async readFile(file) {
      try {
        return new Uint8Array(await readFile(file));
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },
    async lstat(file): Promise<PathInfo | null> {
      try {
        const s = await lstat(file);
        return { uid: s.uid, mode: s.mode, isFile: s.isFile(), isDirectory: s.isDirectory(), isSymbolicLink: s.isSymbolicLink() };
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },
    readText: (file) => readFile(file, 'utf8'),
  };
}
