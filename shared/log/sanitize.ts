import { redactSecrets } from '../guard';
import { isSensitiveKey } from './sensitive-keys';
import type { LogValue } from './types';

/** What replaces the value of a sensitive field, and a secret found inside a string. */
export const REDACTED = '[redacted]';

/** Resolved limits for one sanitizing pass. */
export interface SanitizeLimits {
  maxStringLength: number;
  maxDepth: number;
  maxArrayLength: number;
  sealedValues: readonly string[];
}

/**
 * Redacts secrets in `text`, then cuts it to `maxStringLength`. The scan covers a few times the
 * kept length so a secret straddling the cut is still found, without scanning megabytes. The cut
 * never splits a surrogate pair.
 */
export function sanitizeString(text: string, limits: SanitizeLimits): string {
  const scanned = redactSecrets(text.slice(0, limits.maxStringLength * 4), {
    sealedValues: limits.sealedValues,
    mark: REDACTED,
  });
  const rest = text.length > limits.maxStringLength * 4 ? text.length - limits.maxStringLength * 4 : 0;
  if (scanned.length <= limits.maxStringLength && rest === 0) return scanned;
  let cut = limits.maxStringLength;
  const last = scanned.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut -= 1;
  return `${scanned.slice(0, cut)}\u2026[+${scanned.length - cut + rest} chars]`;
}

function sanitizeError(error: Error, limits: SanitizeLimits, ancestors: object[], depth: number): LogValue {
  const out: { [key: string]: LogValue } = {
    name: sanitizeString(error.name, limits),
    message: sanitizeString(error.message, limits),
  };
  if (error.stack !== undefined) out['stack'] = sanitizeString(error.stack, limits);
  if (error.cause !== undefined) out['cause'] = sanitizeValue(error.cause, limits, ancestors, depth + 1);
  return { ...sanitizeEntries(Object.entries(error), limits, ancestors, depth), ...out };
}

function sanitizeEntries(
  entries: Iterable<readonly [string, unknown]>,
  limits: SanitizeLimits,
  ancestors: object[],
  depth: number,
): { [key: string]: LogValue } {
  const out: { [key: string]: LogValue } = {};
  for (const [key, value] of entries) {
    if (isSensitiveKey(key)) out[key] = REDACTED;
    else if (value !== undefined) out[key] = sanitizeValue(value, limits, ancestors, depth + 1);
  }
  return out;
}

/** Own enumerable properties, reading each one separately so one throwing getter costs one field. */
function* safeEntries(value: object): Generator<readonly [string, unknown]> {
  for (const key of Object.keys(value)) {
    let item: unknown;
    try {
      item = Reflect.get(value, key);
    } catch {
      item = '[unreadable]';
    }
    yield [key, item];
  }
}

function sanitizeObject(value: object, limits: SanitizeLimits, ancestors: object[], depth: number): LogValue {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  if (value instanceof Error) return sanitizeError(value, limits, ancestors, depth);
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return `[binary ${value.byteLength} bytes]`;
  if (Array.isArray(value) || value instanceof Set) {
    const items = Array.from<unknown>(value);
    const kept = items.slice(0, limits.maxArrayLength).map((item) => sanitizeValue(item, limits, ancestors, depth + 1));
    return items.length > kept.length ? [...kept, `[+${items.length - kept.length} more]`] : kept;
  }
  if (value instanceof Map) {
    const entries = Array.from(value.entries(), ([k, v]) => [sanitizeString(String(k), limits), v] as const);
    return sanitizeEntries(entries, limits, ancestors, depth);
  }
  return sanitizeEntries(safeEntries(value), limits, ancestors, depth);
}

/**
 * Turns anything into a JSON-safe `LogValue`: sensitive keys become "[redacted]" at any depth,
 * strings are redacted and truncated, cycles become "[circular]", deep nesting "[depth limit]",
 * and anything that throws while being read "[unreadable]". It never throws, because a logger
 * that throws turns a diagnostic into an outage.
 */
export function sanitizeValue(value: unknown, limits: SanitizeLimits, ancestors: object[] = [], depth = 0): LogValue {
  try {
    switch (typeof value) {
      case 'string':
        return sanitizeString(value, limits);
      case 'number':
        return Number.isFinite(value) ? value : String(value);
      case 'boolean':
        return value;
      case 'bigint':
        return value.toString();
      case 'undefined':
        return null;
      case 'symbol':
        return sanitizeString(value.toString(), limits);
      case 'function':
        return '[function]';
      case 'object':
        break;
    }
    if (value === null) return null;
    if (ancestors.includes(value)) return '[circular]';
    if (depth >= limits.maxDepth) return '[depth limit]';
    ancestors.push(value);
    try {
      return sanitizeObject(value, limits, ancestors, depth);
    } finally {
      ancestors.pop();
    }
  } catch {
    return '[unreadable]';
  }
}

/** Sanitizes a log call's top-level fields (see `sanitizeValue`). */
export function sanitizeFields(
  fields: Readonly<Record<string, unknown>>,
  limits: SanitizeLimits,
): { [key: string]: LogValue } {
  const value = sanitizeValue(fields, { ...limits, maxDepth: limits.maxDepth + 1 });
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : { fields: value };
}
