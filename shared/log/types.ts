/** Severities in increasing order; a logger drops entries below its `minLevel`. */
export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;

/** One of `LOG_LEVELS`. */
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * What a field becomes after sanitizing: JSON-safe, so any sink (console in development, a file
 * in main, an IPC message from the renderer) can write it without further checks.
 */
export type LogValue = string | number | boolean | null | LogValue[] | { [key: string]: LogValue };

/** One log record as handed to the sink: already redacted, truncated and free of cycles. */
export interface LogEntry {
  level: LogLevel;
  scope: string;
  message: string;
  fields: { [key: string]: LogValue };
  /** ISO 8601 time from the logger's injected clock. */
  at: string;
}

/** Where entries go. Injected so `shared/` never touches a console, file or IPC itself. */
export type LogSink = (entry: LogEntry) => void;

/** Writes one entry; never throws. `fields` may hold anything, including errors and cycles. */
export type LogMethod = (message: string, fields?: Readonly<Record<string, unknown>>) => void;

/** A scoped logger. */
export interface Logger {
  debug: LogMethod;
  info: LogMethod;
  warn: LogMethod;
  error: LogMethod;
}

/** Limits and inputs for `createLogger`; every one has a default. */
export interface LoggerOptions {
  /** Clock for `at`; injected so tests are deterministic. Default `() => new Date()`. */
  now?: () => Date;
  /** Entries below this level are dropped. Default `'debug'`. */
  minLevel?: LogLevel;
  /** Longer strings are cut after redaction. Default 1000 UTF-16 units. */
  maxStringLength?: number;
  /** Deeper nesting becomes "[depth limit]". Default 6. */
  maxDepth?: number;
  /** Longer arrays keep their first items plus a "[+N more]" marker. Default 50. */
  maxArrayLength?: number;
  /**
   * Plaintexts sealed so far (read at each call), so a copy of one in any logged string is
   * redacted even when it does not look like a password.
   */
  sealedValues?: () => readonly string[];
}
