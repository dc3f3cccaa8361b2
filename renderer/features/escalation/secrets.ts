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

/** The guarded fields of a draft, validated or as typed (optional fields may be missing). */
export type GuardedTexts = { readonly [K in GuardedField]?: string | readonly string[] | undefined };

/** A guarded field's text; steps already tried are checked as one text, a line per step. */
export function guardedText(draft: GuardedTexts, field: GuardedField): string {
  const value = draft[field];
  return typeof value === 'string' ? value : (value ?? []).join('\n');
}

/**
 * Runs the credential guard over every free-text field: the shared detector here, and main's
 * per-field check against the draft's own sealed notes (their plaintext never comes back to this
 * process, nor where in a field it sits: a field that carries one is flagged whole). Any hit
 * refuses the submit; main runs the same guard again on delivery.
 */
export async function scanDraft(draft: Pick<EscalationDraft, GuardedField | 'sealedNotes'>): Promise<SecretHit[]> {
  const texts = GUARDED_FIELDS.map(([field]) => guardedText(draft, field));
  const hits = findDraftSecrets(draft);
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

/**
 * The shared detector's findings over every guarded field, synchronously: what the draft shows
 * as the analyst types. It is the first half of {@link scanDraft}, so the two never disagree on
 * what looks like a password; only the check against sealed notes needs main.
 */
export function findDraftSecrets(draft: GuardedTexts): SecretHit[] {
  const hits: SecretHit[] = [];
  for (const [field, label] of GUARDED_FIELDS) {
    const text = guardedText(draft, field);
    for (const f of findSecrets(text)) hits.push({ field, label, text, start: f.start, end: f.end, kind: f.kind });
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
