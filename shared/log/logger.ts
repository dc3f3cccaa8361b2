import { sanitizeFields, sanitizeString } from './sanitize';
import type { SanitizeLimits } from './sanitize';
import { LOG_LEVELS } from './types';
import type { LogEntry, Logger, LoggerOptions, LogLevel, LogMethod, LogSink } from './types';

const DEFAULT_MAX_STRING_LENGTH = 1000;
const DEFAULT_MAX_DEPTH = 6;
const DEFAULT_MAX_ARRAY_LENGTH = 50;

function timestamp(now: () => Date): string {
  try {
    const date = now();
    return Number.isNaN(date.getTime()) ? 'invalid-date' : date.toISOString();
  } catch {
    return 'invalid-date';
  }
}

function readSealed(sealedValues: (() => readonly string[]) | undefined): readonly string[] {
  try {
    return sealedValues?.() ?? [];
  } catch {
    return [];
  }
}

/**
 * The only logger shipped code may use (STYLE: "a logger that redacts, never console"). Every
 * entry is sanitized before the sink sees it: sensitive field names are "[redacted]" at any depth,
 * the message and every string field go through the credential guard and are truncated, and
 * cycles, throwing getters, a throwing clock and a throwing sink are all survived, because
 * logging must never break the code that logs.
 */
export function createLogger(scope: string, sink: LogSink, options: LoggerOptions = {}): Logger {
  const now = options.now ?? (() => new Date());
  const minRank = LOG_LEVELS.indexOf(options.minLevel ?? 'debug');
  const limits: Omit<SanitizeLimits, 'sealedValues'> = {
    maxStringLength: options.maxStringLength ?? DEFAULT_MAX_STRING_LENGTH,
    maxDepth: options.maxDepth ?? DEFAULT_MAX_DEPTH,
    maxArrayLength: options.maxArrayLength ?? DEFAULT_MAX_ARRAY_LENGTH,
  };

  const method =
    (level: LogLevel): LogMethod =>
    (message, fields) => {
      if (LOG_LEVELS.indexOf(level) < minRank) return;
      try {
        const resolved = { ...limits, sealedValues: readSealed(options.sealedValues) };
        const entry: LogEntry = {
          level,
          scope,
          message: sanitizeString(String(message), resolved),
          fields: fields === undefined ? {} : sanitizeFields(fields, resolved),
          at: timestamp(now),
        };
        sink(entry);
      } catch {
        // A failing sink must not take the caller down; there is nowhere safer to report it.
      }
    };

  return { debug: method('debug'), info: method('info'), warn: method('warn'), error: method('error') };
}
