import type { z } from 'zod';
import { fail, fieldSchema, pass } from './check';
import type { CheckResult } from './check';

/** Length bounds for digit-only identifiers; both inclusive. */
export interface StudentNumberOptions {
  minLength?: number;
  maxLength?: number;
}

/** Default student-number length, wide enough for the SIS products districts use. */
export const STUDENT_NUMBER_LENGTH = { minLength: 5, maxLength: 10 } as const;

/**
 * Checks a student number: digits only, `minLength`–`maxLength` long (default 5–10). Districts
 * differ, so the bounds are configurable; leading zeros are kept because they are significant.
 */
export function checkStudentNumber(
  raw: string,
  options: StudentNumberOptions = {},
): CheckResult<string> {
  const min = options.minLength ?? STUDENT_NUMBER_LENGTH.minLength;
  const max = options.maxLength ?? STUDENT_NUMBER_LENGTH.maxLength;
  const value = raw.trim();
  if (!/^\d+$/.test(value)) return fail('must contain digits only');
  if (value.length < min || value.length > max) {
    return fail(min === max ? `must be ${min} digits` : `must be ${min} to ${max} digits`);
  }
  return pass(value);
}

/** A required student-number field; see {@link checkStudentNumber}. */
export function studentNumberField(
  label: string,
  options: StudentNumberOptions = {},
): z.ZodType<string, string> {
  return fieldSchema(label, (raw) => checkStudentNumber(raw, options));
}

/** Inclusive bounds for a date field, each `YYYY-MM-DD`. */
export interface DateOptions {
  min?: string;
  max?: string;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Checks a calendar date written `YYYY-MM-DD` and real (no 2023-02-29, no month 13). ISO dates
 * compare correctly as strings, which is how `min`/`max` are applied. Calendar arithmetic is done
 * here rather than with `Date` so the result cannot depend on the machine's time zone.
 */
export function checkIsoDate(raw: string, options: DateOptions = {}): CheckResult<string> {
  const value = raw.trim();
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return fail('must be a date written YYYY-MM-DD');
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return fail('must be a real calendar date');
  }
  if (options.min !== undefined && value < options.min) {
    return fail(`must be on or after ${options.min}`);
  }
  if (options.max !== undefined && value > options.max) {
    return fail(`must be on or before ${options.max}`);
  }
  return pass(value);
}

/** A required `YYYY-MM-DD` date field; see {@link checkIsoDate}. */
export function isoDateField(label: string, options: DateOptions = {}): z.ZodType<string, string> {
  return fieldSchema(label, (raw) => checkIsoDate(raw, options));
}

/** The two values a yes/no field stores. */
export type YesNo = 'yes' | 'no';

/** Checks a yes/no answer; accepts yes/no/y/n in any case and stores `'yes'` or `'no'`. */
export function checkYesNo(raw: string): CheckResult<YesNo> {
  const value = raw.trim().toLowerCase();
  if (value === 'yes' || value === 'y') return pass('yes');
  if (value === 'no' || value === 'n') return pass('no');
  return fail('must be yes or no');
}

/** A required yes/no field; see {@link checkYesNo}. */
export function yesNoField(label: string): z.ZodType<YesNo, string> {
  return fieldSchema(label, checkYesNo);
}

/** Longest school name accepted; longer input is almost certainly a paste accident. */
export const SCHOOL_NAME_MAX = 120;

/** Checks a school name: trimmed, inner whitespace collapsed, 1–120 characters. */
export function checkSchool(raw: string): CheckResult<string> {
  const value = raw.trim().replace(/\s+/g, ' ');
  if (value.length > SCHOOL_NAME_MAX) return fail(`must be at most ${SCHOOL_NAME_MAX} characters`);
  return pass(value);
}

/** A required school-name field; see {@link checkSchool}. */
export function schoolField(label: string): z.ZodType<string, string> {
  return fieldSchema(label, checkSchool);
}

/** Bounds for free text. `pattern` is a regular-expression source; `patternHint` explains it. */
export interface TextOptions {
  min?: number;
  max?: number;
  pattern?: string;
  patternHint?: string;
}

/** Default cap on free text, so a stray paste cannot become a megabyte ticket field. */
export const TEXT_MAX = 2000;

/**
 * Checks free text: trimmed, `min`–`max` characters (default 1–2000), optionally matching
 * `pattern`. The message for a pattern miss uses `patternHint` so callers never see a regex.
 */
export function checkText(raw: string, options: TextOptions = {}): CheckResult<string> {
  const value = raw.trim();
  const min = options.min ?? 1;
  const max = options.max ?? TEXT_MAX;
  if (value.length < min) return fail(`must be at least ${min} characters`);
  if (value.length > max) return fail(`must be at most ${max} characters`);
  if (options.pattern !== undefined && !new RegExp(options.pattern, 'u').test(value)) {
    return fail(options.patternHint ?? 'is not in the expected format');
  }
  return pass(value);
}

/** A required free-text field; see {@link checkText}. */
export function textField(label: string, options: TextOptions = {}): z.ZodType<string, string> {
  return fieldSchema(label, (raw) => checkText(raw, options));
}
