import { findSecrets, redactSecrets } from '../../../shared/guard';
import type { EscalationDraft, EscalationDraftInput } from '../../../shared/escalation/schema';
import { deskbook, unwrap } from '../../ipc/client';

/** The free-text fields of a draft that the credential guard reads, with their labels. */
export const GUARDED_FIELDS = [
  ['subject', 'Subject'],
  ['description', 'Description'],
  ['stepsTried', 'Steps already tried'],
  ['replicationSteps', 'Replication steps'],
  ['callerName', 'Caller name'],
  ['studentName', 'Student name'],
  ['school', 'School'],
] as const;

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
 * Runs the credential guard over every free-text field: the shared detector here, and, in main,
 * a check against the plaintext of the draft's sealed notes (which never comes back to this
 * process). Any hit refuses the submit.
 */
export async function scanDraft(draft: Pick<EscalationDraft, GuardedField | 'sealedNotes'>): Promise<SecretHit[]> {
  const texts = GUARDED_FIELDS.map(([field]) => guardedText(draft, field));
  const hits: SecretHit[] = [];
  GUARDED_FIELDS.forEach(([field, label], i) => {
    const text = texts[i]!;
    for (const f of findSecrets(text)) hits.push({ field, label, text, start: f.start, end: f.end, kind: f.kind });
  });
  if (draft.sealedNotes.length > 0) {
    const { findings } = await unwrap(deskbook().vault.scan({ handles: draft.sealedNotes.map((n) => n.handle), texts }));
    for (const f of findings) {
      const [field, label] = GUARDED_FIELDS[f.text]!;
      const text = texts[f.text]!;
      if (!hits.some((h) => h.field === field && h.start < f.end && f.start < h.end)) {
        hits.push({ field, label, text, start: f.start, end: f.end, kind: 'sealed-value' });
      }
    }
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
    callerName: clean(values.callerName),
    callbackPhone: clean(values.callbackPhone) ?? '',
    studentNumber: clean(values.studentNumber),
    studentName: clean(values.studentName),
    school: clean(values.school),
  };
}
