/**
 * Field validators shared by SOP `input` nodes and escalation forms, so a value accepted while
 * following an SOP is accepted again (and normalized the same way) when it prefills a ticket.
 * Every message names the field: `"Callback phone: must be a 10-digit US number"`.
 */
import type { z } from 'zod';
import { optionalField } from './check';
import { usPhoneField } from './phone';
import {
  isoDateField,
  schoolField,
  studentNumberField,
  textField,
  yesNoField,
} from './validators';

export { fail, fieldSchema, optionalField, pass } from './check';
export type { CheckResult, FieldCheck } from './check';
export { checkUsPhone, normalizeUsPhone, usPhoneField } from './phone';
export {
  SCHOOL_NAME_MAX,
  STUDENT_NUMBER_LENGTH,
  TEXT_MAX,
  checkIsoDate,
  checkSchool,
  checkStudentNumber,
  checkText,
  checkYesNo,
  isoDateField,
  schoolField,
  studentNumberField,
  textField,
  yesNoField,
} from './validators';
export type { DateOptions, StudentNumberOptions, TextOptions, YesNo } from './validators';

/** The kinds of value an SOP input or escalation form field can hold. */
export const FIELD_TYPES = ['text', 'phone', 'student-number', 'school', 'yes-no', 'date'] as const;

/** One of {@link FIELD_TYPES}. */
export type FieldType = (typeof FIELD_TYPES)[number];

/**
 * What {@link fieldValidator} needs to know about a field. The SOP schema's input fields satisfy
 * it structurally, so shared/fields does not depend on shared/sop. `min`/`max` mean characters
 * for text, digits for student numbers and `YYYY-MM-DD` bounds for dates.
 */
export type FieldSpec = { label: string; required?: boolean } & (
  | { type: 'text'; min?: number; max?: number; pattern?: string; patternHint?: string }
  | { type: 'phone' }
  | { type: 'student-number'; min?: number; max?: number }
  | { type: 'school' }
  | { type: 'yes-no' }
  | { type: 'date'; min?: string; max?: string }
);

function requiredValidator(spec: FieldSpec): z.ZodType<string, string> {
  switch (spec.type) {
    case 'text': {
      const { min, max, pattern, patternHint } = spec;
      return textField(spec.label, { min, max, pattern, patternHint });
    }
    case 'phone':
      return usPhoneField(spec.label);
    case 'student-number':
      return studentNumberField(spec.label, { minLength: spec.min, maxLength: spec.max });
    case 'school':
      return schoolField(spec.label);
    case 'yes-no':
      return yesNoField(spec.label);
    case 'date':
      return isoDateField(spec.label, { min: spec.min, max: spec.max });
  }
}

/**
 * The zod validator for one field spec: required unless `required === false`, in which case blank
 * input yields `undefined` (nothing captured) instead of an error. Output is the normalized string
 * that SOP runs store as a variable; input is what the form holds (use `''` for an untouched field).
 */
export function fieldValidator(spec: FieldSpec): z.ZodType<string | undefined, string> {
  const field = requiredValidator(spec);
  return spec.required === false ? optionalField(field) : field;
}
