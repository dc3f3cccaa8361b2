import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { LogEntry } from '../../shared/log';

/**
 * Appends redacted log entries (the logger redacts before the sink sees them) as JSON lines to
 * `<dir>/deskbook.log`. Logging must never take the app down, so write errors are swallowed.
 */
export function createFileLogSink(dir: string): (entry: LogEntry) => void {
  let ready = false;
  return (entry) => {
    try {
      if (!ready) {
        mkdirSync(dir, { recursive: true });
        ready = true;
      }
      appendFileSync(path.join(dir, 'deskbook.log'), `${JSON.stringify(entry)}\n`, { mode: 0o600 });
    } catch {
      // A full disk or a locked file must not break the app; the entry is dropped.
    }
  };
}
