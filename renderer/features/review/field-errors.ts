import type { FieldError } from 'react-hook-form';
import type { MessageKey, Translate } from '../../i18n';

/** The decision and vendor case fields whose refusals the forms show. */
export type ReviewField = 'comment' | 'replicationSteps' | 'caseText' | 'note' | 'caseNumber' | 'submittedAt';

/**
 * Each field's refusals by zod issue code (what react-hook-form's resolver puts in `type`);
 * `*` is any other code. The schemas in shared/review/schema.ts keep their English messages for
 * main, its logs and the tests; the forms say the same refusal in the interface language.
 */
const REFUSALS: Record<ReviewField, Partial<Record<string, MessageKey>>> = {
  comment: { too_small: 'review.error.comment.short', too_big: 'review.error.comment.long' },
  replicationSteps: { too_small: 'review.error.replicationSteps.short', too_big: 'review.error.replicationSteps.long' },
  caseText: { too_small: 'review.error.caseText.short', too_big: 'review.error.caseText.long' },
  note: { too_big: 'review.error.note.long' },
  caseNumber: { '*': 'review.error.caseNumber' },
  submittedAt: { custom: 'review.error.submittedAt.future', '*': 'review.error.submittedAt.missing' },
};

/** The words for a field's error in the interface language, or undefined when the field is fine. */
export function fieldErrorText(t: Translate, field: ReviewField, error: FieldError | undefined): string | undefined {
  if (!error) return undefined;
  const refusals = REFUSALS[field];
  const key = (Object.hasOwn(refusals, error.type) ? refusals[error.type] : undefined) ?? refusals['*'];
  return key ? t(key) : error.message;
}
