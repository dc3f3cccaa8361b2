import { useCallback, useState } from 'react';
import type { EscalationDraftInput } from '../../../shared/escalation/schema';
import type { DraftRow } from '../../db/db';

/** The draft fields a run can fill, which the review shows as facts until the analyst edits one. */
export const REVIEWED_FIELDS = [
  'subject',
  'description',
  'stepsTried',
  'replicationSteps',
  'usersAffected',
  'callerRole',
  'callerName',
  'callbackPhone',
  'studentName',
  'studentNumber',
  'school',
] as const satisfies readonly (keyof EscalationDraftInput)[];

export type ReviewedField = (typeof REVIEWED_FIELDS)[number];

/**
 * The fields a new draft opened from a run arrived with, each to be shown as a fact rather than
 * asked again. A blank draft, or an edit of a queued ticket, has none: every field is a field.
 */
export function prefilledFields(draft: Pick<DraftRow, 'runId' | 'mode' | 'values'>): Set<ReviewedField> {
  if (draft.runId === null || draft.mode.kind !== 'new') return new Set();
  return new Set(
    REVIEWED_FIELDS.filter((name) => {
      const value = draft.values[name];
      return Array.isArray(value) ? value.some((line) => line.trim() !== '') : (value ?? '').trim() !== '';
    }),
  );
}

/**
 * The review's state: which prefilled fields still read as facts. A field stops being one when
 * it takes the focus (its Edit button, a click, a jump from the error summary) and stays an input
 * from then on, so a field being corrected never turns back into text under the cursor.
 */
export function useReview(draft: Pick<DraftRow, 'runId' | 'mode' | 'values'>): {
  isFact: (name: ReviewedField) => boolean;
  edit: (name: ReviewedField) => void;
  count: number;
} {
  const [prefilled] = useState(() => prefilledFields(draft));
  const [editing, setEditing] = useState<ReadonlySet<ReviewedField>>(() => new Set());
  const isFact = useCallback((name: ReviewedField) => prefilled.has(name) && !editing.has(name), [prefilled, editing]);
  const edit = useCallback((name: ReviewedField) => setEditing((current) => (current.has(name) ? current : new Set([...current, name]))), []);
  return { isFact, edit, count: prefilled.size };
}

/** The fields a ticket cannot be queued without, in the order the form shows them. */
const REQUIRED: readonly ReviewedField[] = ['subject', 'description', 'callerRole', 'callbackPhone'];

/**
 * What the review still has to ask: the required fields that are empty (a vendor case also needs
 * its replication steps). The form's validation has the last word; this is the list at the top.
 */
export function stillMissing(values: EscalationDraftInput): ReviewedField[] {
  const required: readonly ReviewedField[] = values.kind === 'vendor-case' ? [...REQUIRED, 'replicationSteps'] : REQUIRED;
  return required.filter((name) => {
    const value = values[name];
    return Array.isArray(value) ? value.every((line) => line.trim() === '') : (value ?? '').trim() === '';
  });
}
