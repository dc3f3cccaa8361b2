import { findSecrets, redactSecrets } from '../../../shared/guard';
import { ESCALATION_TEXT_FIELDS } from '../../../shared/escalation/outgoing-texts';
import type { EscalationDraft, EscalationDraftInput } from '../../../shared/escalation/schema';
import { deskbook, unwrap } from '../../ipc/client';

/** The free-text fields of a draft that the credential guard reads (main reads the same list). */
export const GUARDED_FIELDS = ESCALATION_TEXT_FIELDS;

export type GuardedField = (typeof GUARDED_FIELDS)[number][0];

export interface SecretHit {
  field: GuardedField;
  label: string;
  text: string;
  start: number;
  end: number;
  kind: string;
}

/** A guarded field's text; steps already tried are checked as one text, a line per step. */
export function guardedText(draft: Pick<EscalationDraft, GuardedField>, field: GuardedField): string {
  const value = draft[field];
  return Array.isArray(value) ? value.join('\n') : (value ?? '');
}

/**
 * Runs the credential guard over every free-text field: the shared detector here, and main's
 * per-field check against the draft's own sealed notes (their plaintext never comes back to this
 * process, nor where in a field it sits: a field that carries one is flagged whole). Any hit
 * refuses the submit; main runs the same guard again on delivery.
 */
export async function scanDraft(draft: Pick<EscalationDraft, GuardedField | 'sealedNotes'>): Promise<SecretHit[]> {
  const texts = GUARDED_FIELDS.map(([field]) => guardedText(draft, field));
  const hits: SecretHit[] = [];
  GUARDED_FIELDS.forEach(([field, label], i) => {
    const text = texts[i]!;
    for (const f of findSecrets(text)) hits.push({ field, label, text, start: f.start, end: f.end, kind: f.kind });
  });
  if (draft.sealedNotes.length > 0) {
    const fields = GUARDED_FIELDS.map(([field], i) => ({ path: field, text: texts[i]! }));
    const checked = await unwrap(deskbook().vault.check({ handles: draft.sealedNotes.map((n) => n.handle), fields }));
    checked.fields.forEach((f, i) => {
      const [field, label] = GUARDED_FIELDS[i]!;
      if (f.sealedValue && !hits.some((h) => h.field === field)) hits.push({ field, label, text: texts[i]!, start: 0, end: 0, kind: 'sealed-value' });
    });
  }
  return hits;
}

/** What replaces a suspected secret in an autosaved draft. */
export const UNSAVED_SECRET_MARK = '[possible password not saved: put it in a sealed note]';

/**
 * The draft as it may be written to disk: every suspected secret in a free-text field replaced
 * by a marker. The form keeps what was typed in memory, so the guard still finds it on submit,
 * but a password typed into the description never reaches IndexedDB.
 */
export function draftForDisk(values: EscalationDraftInput): EscalationDraftInput {
  const clean = (text: string | undefined) => (text ? redactSecrets(text, { mark: UNSAVED_SECRET_MARK }) : text);
  return {
    ...values,
    subject: clean(values.subject) ?? '',
    description: clean(values.description) ?? '',
    stepsTried: values.stepsTried.map((step) => clean(step) ?? ''),
    replicationSteps: clean(values.replicationSteps),
    usersAffected: clean(values.usersAffected),
    callerName: clean(values.callerName),
    callbackPhone: clean(values.callbackPhone) ?? '',
    studentNumber: clean(values.studentNumber),
    studentName: clean(values.studentName),
    school: clean(values.school),
  };
}
