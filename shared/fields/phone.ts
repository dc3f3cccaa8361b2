import type { z } from 'zod';
import { fail, fieldSchema, pass } from './check';
import type { CheckResult } from './check';

/**
 * NANP shapes people actually type: optional +1 / 1 country code, area code with or without
 * parentheses, and space, dot or dash separators (or none).
 */
const US_PHONE_SHAPE = /^(?:\+?1[\s.-]*)?(?:\((\d{3})\)|(\d{3}))[\s.-]*(\d{3})[\s.-]*(\d{4})$/;

/**
 * Checks and normalizes a US phone number to `"(555) 123-4567"`. Accepts `(555) 123-4567`,
 * `555-123-4567`, `555.123.4567`, `+1 555 123 4567` and `5551234567`; rejects wrong lengths and
 * area codes that cannot be dialled (leading 0 or 1, or an N11 service code such as 911), so a
 * callback number on a ticket is one a technician can actually call.
 */
export function checkUsPhone(raw: string): CheckResult<string> {
  const match = US_PHONE_SHAPE.exec(raw.trim());
  if (!match) return fail('must be a 10-digit US number');
  const area = match[1] ?? match[2] ?? '';
  const exchange = match[3] ?? '';
  const line = match[4] ?? '';
  if (area.startsWith('0') || area.startsWith('1')) {
    return fail('area code cannot start with 0 or 1');
  }
  if (area.slice(1) === '11') return fail(`area code cannot be a service code like ${area}`);
  return pass(`(${area}) ${exchange}-${line}`);
}

/**
 * Normalizes a US phone number, or returns `undefined` when it is not one. For callers that only
 * need the value (search, display), not the reason.
 */
export function normalizeUsPhone(raw: string): string | undefined {
  const result = checkUsPhone(raw);
  return result.ok ? result.value : undefined;
}

/**
 * A required US phone field named `label` (e.g. "Callback phone"); output is normalized to
 * `"(555) 123-4567"`. Shared by SOP `phone` inputs and escalation forms so both accept and store
 * the same thing.
 */
export function usPhoneField(label: string): z.ZodType<string, string> {
  return fieldSchema(label, checkUsPhone);
}
