import { z } from 'zod';

/**
 * The outcome of checking one raw form value: the normalized value, or the reason it is wrong
 * (without the field name; {@link fieldSchema} prefixes it). Plain data so a check can run
 * outside zod, e.g. to normalize a phone number typed into a search box.
 */
export type CheckResult<T> = { ok: true; value: T } | { ok: false; reason: string };

/** A pure check of one raw string value. Blank values never reach it (see {@link fieldSchema}). */
export type FieldCheck<T> = (raw: string) => CheckResult<T>;

/** Builds a passing {@link CheckResult}. */
export function pass<T>(value: T): CheckResult<T> {
  return { ok: true, value };
}

/** Builds a failing {@link CheckResult}; `reason` reads after "<Field label>: ". */
export function fail(reason: string): CheckResult<never> {
  return { ok: false, reason };
}

/**
 * Wraps a check as a required zod field whose every message names the field:
 * `"Callback phone: must be a 10-digit US number"`. Blank or whitespace-only input is
 * `"<label>: is required"`, so each check only deals with real input. Input is a string (what a
 * form holds); output is the normalized value, which is why forms use `z.input` and stored data
 * `z.output`.
 */
export function fieldSchema<T>(label: string, check: FieldCheck<T>): z.ZodType<T, string> {
  return z.string({ error: `${label}: must be text` }).transform((raw, ctx) => {
    const result = raw.trim() === '' ? fail('is required') : check(raw);
    if (result.ok) return result.value;
    ctx.addIssue({ code: 'custom', message: `${label}: ${result.reason}`, input: raw });
    return z.NEVER;
  });
}

/**
 * Makes a field built by {@link fieldSchema} optional: empty and whitespace-only input becomes
 * `undefined`; anything else must pass the field's own check. Used for optional SOP inputs and
 * optional escalation-form fields so "left blank" is stored as absent, never as `""`.
 */
export function optionalField<T>(field: z.ZodType<T, string>): z.ZodType<T | undefined, string> {
  return z.string({ error: 'must be text' }).transform((raw, ctx) => {
    if (raw.trim() === '') return undefined;
    const result = field.safeParse(raw);
    if (result.success) return result.data;
    for (const issue of result.error.issues) {
      ctx.addIssue({ code: 'custom', message: issue.message, input: raw });
    }
    return z.NEVER;
  });
}
