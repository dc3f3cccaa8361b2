import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { LogEntry } from '../../shared/log';

export interface FileLogSinkOptions {
  /** A log file past this size is rotated before the next write. Default 5 MiB. */
  maxBytes?: number;
  /** Rotated files kept (`deskbook.1.log` newest … `deskbook.N.log` oldest). Default 3. */
  keep?: number;
}

/**
 * Appends redacted log entries (the logger redacts before the sink sees them) as JSON lines to
 * `<dir>/deskbook.log`, rotating by size so a machine left running for a school year does not
 * fill its disk. Logging must never take the app down, so write errors are swallowed.
 */
export function createFileLogSink(dir: string, options: FileLogSinkOptions = {}): (entry: LogEntry) => void {
  const maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
  const keep = Math.max(1, options.keep ?? 3);
  const file = path.join(dir, 'deskbook.log');
  const rotated = (n: number) => path.join(dir, `deskbook.${n}.log`);
  let size: number | null = null;

  const rotate = () => {
    rmSync(rotated(keep), { force: true });
    for (let n = keep - 1; n >= 1; n -= 1) {
      try {
        renameSync(rotated(n), rotated(n + 1));
      } catch {
        // that generation does not exist yet
      }
    }
    renameSync(file, rotated(1));
    size = 0;
  };

  return (entry) => {
    try {
      if (size === null) {
        mkdirSync(dir, { recursive: true, mode: 0o700 });
        try {
          size = statSync(file).size;
        } catch {
          size = 0;
        }
      }
      const line = `${JSON.stringify(entry)}\n`;
      if (size > 0 && size + Buffer.byteLength(line) > maxBytes) rotate();
      appendFileSync(file, line, { mode: 0o600 });
      size += Buffer.byteLength(line);
    } catch {
      // A full disk or a locked file must not break the app; the entry is dropped.
      size = null;
    }
  };
}
