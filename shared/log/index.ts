/**
 * Logging for every layer: a scoped logger whose entries are redacted (credentials, sealed
 * values, student data) before any sink sees them. Pure; sinks are injected.
 */
export { createLogger } from './logger';
export { isSensitiveKey } from './sensitive-keys';
export { REDACTED } from './sanitize';
export { LOG_LEVELS } from './types';
export type { LogEntry, Logger, LoggerOptions, LogLevel, LogMethod, LogSink, LogValue } from './types';
