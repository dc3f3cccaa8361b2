import { toNestErrors, validateFieldsNatively } from '@hookform/resolvers';
import type { FieldError, Resolver } from 'react-hook-form';
import type { core } from 'zod';
import { escalationDraftSchema } from '../../../shared/escalation/schema';
import type { EscalationDraft, EscalationDraftInput } from '../../../shared/escalation/schema';
import type { MessageKey } from '../../i18n';
import { fieldErrorText } from '../../ui/field-reasons';

/** `t` from renderer/i18n or `useT()`: a message in the interface language. */
export type MessageFn = (key: MessageKey, values?: Record<string, string | number>) => string;

export type DraftField = keyof EscalationDraftInput;

/** Each draft field's short name, as an error or the credential guard names it. */
export const FIELD_NAMES: Record<DraftField, MessageKey> = {
  kind: 'escalation.field.kind',
  subject: 'escalation.field.subject',
  description: 'escalation.field.description',
  stepsTried: 'escalation.field.stepsTried',
  replicationSteps: 'escalation.field.replicationSteps',
  usersAffected: 'escalation.field.usersAffected',
  callerRole: 'escalation.field.callerRole',
  identity: 'escalation.field.identity',
  hostedOutage: 'escalation.field.hostedOutage',
  callerName: 'escalation.field.callerName',
  studentName: 'escalation.field.studentName',
  studentNumber: 'escalation.field.studentNumber',
  school: 'escalation.field.school',
  callbackPhone: 'escalation.field.callbackPhone',
  priority: 'escalation.field.priority',
  callerLanguage: 'escalation.field.callerLanguage',
  sop: 'escalation.field.sop',
  sealedNotes: 'escalation.field.sealedNotes',
};

type MappedCode = 'too_small' | 'too_big' | 'invalid_format' | 'invalid_value' | 'custom';

/**
 * The form's words for each schema issue, by field path (`stepsTried.*` is any one step) and
 * issue code. The English messages are the schema's own (shared/escalation/schema.ts), with its
 * limits as `{minimum}`/`{maximum}`; form-errors.test.ts checks they stay word for word the same.
 * The free-text fields without a message of their own get zod's default words in English.
 */
const ISSUE_MESSAGES: Partial<Record<string, Partial<Record<MappedCode, MessageKey>>>> = {
  subject: { too_small: 'escalation.error.subject.tooShort', too_big: 'escalation.error.subject.tooLong' },
  description: { too_small: 'escalation.error.description.tooShort', too_big: 'escalation.error.description.tooLong' },
  stepsTried: { too_big: 'escalation.error.list.tooMany' },
  'stepsTried.*': { too_big: 'escalation.error.stepsTried.stepTooLong' },
  replicationSteps: { too_big: 'escalation.error.text.tooLong', custom: 'escalation.error.replicationSteps.required' },
  usersAffected: { too_big: 'escalation.error.text.tooLong' },
  callerRole: { custom: 'escalation.error.callerRole.required' },
  callerName: { too_big: 'escalation.error.text.tooLong' },
  studentName: { too_big: 'escalation.error.text.tooLong' },
  studentNumber: { invalid_format: 'escalation.error.studentNumber.format' },
  school: { too_big: 'escalation.error.text.tooLong' },
  priority: { invalid_value: 'escalation.error.priority.choose' },
  sealedNotes: { too_big: 'escalation.error.list.tooMany' },
};

/**
 * The callback phone's issues are all custom, "Callback phone: <reason>" from shared/fields: the
 * reason is translated as every field's is (renderer/ui/field-reasons.ts).
 */
function phoneMessage(issue: core.$ZodIssue, translate: MessageFn): string | null {
  if (issue.code !== 'custom') return null;
  const shown = fieldErrorText(issue.message, 'Callback phone', translate, translate(FIELD_NAMES.callbackPhone));
  return shown === issue.message ? null : shown;
}

/** The issue's path as ISSUE_MESSAGES names it: `stepsTried.3` is `stepsTried.*`. */
function pathName(path: readonly PropertyKey[]): string {
  return path.map((part) => (typeof part === 'number' ? '*' : String(part))).join('.');
}

/**
 * What the form shows for one issue of the draft schema, in the interface language. Anything
 * not mapped above (a shape the form cannot produce) shows the schema's own message.
 */
export function draftIssueMessage(issue: core.$ZodIssue, translate: MessageFn): string {
  if (pathName(issue.path) === 'callbackPhone') return phoneMessage(issue, translate) ?? issue.message;
  const key = ISSUE_MESSAGES[pathName(issue.path)]?.[issue.code as MappedCode];
  if (!key) return issue.message;
  switch (issue.code) {
    case 'too_small':
      return issue.inclusive === false ? issue.message : translate(key, { minimum: Number(issue.minimum) });
    case 'too_big':
      return issue.inclusive === false ? issue.message : translate(key, { maximum: Number(issue.maximum) });
    default:
      return translate(key);
  }
}

/**
 * The draft form's resolver: the draft schema, as `zodResolver` runs it (the first issue of each
 * field, nested by path), with each message in the interface language. The schema's messages
 * are English (they are shared with main and the ticket); the form maps them by field and issue.
 */
export function draftResolver(translate: MessageFn): Resolver<EscalationDraftInput, unknown, EscalationDraft> {
  return async (values, _context, options) => {
    const result = await escalationDraftSchema.safeParseAsync(values);
    if (result.success) {
      if (options.shouldUseNativeValidation) validateFieldsNatively({}, options);
      return { values: result.data, errors: {} };
    }
    const errors: Record<string, FieldError> = Object.create(null) as Record<string, FieldError>;
    for (const issue of result.error.issues) {
      const path = issue.path.join('.');
      errors[path] ??= { type: issue.code, message: draftIssueMessage(issue, translate) };
    }
    return { values: {}, errors: toNestErrors(errors, options) };
  };
}

/**
 * The words of a field's error: its own message, else the first message nested in it (one step
 * of "steps already tried"), else null.
 */
export function errorMessage(error: unknown): string | null {
  if (!error || typeof error !== 'object') return null;
  if ('message' in error && typeof error.message === 'string' && error.message) return error.message;
  if ('type' in error) return null;
  for (const nested of Object.values(error)) {
    const message = errorMessage(nested);
    if (message) return message;
  }
  return null;
}
