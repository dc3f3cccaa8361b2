import { findSecrets } from '../guard';
import type { SecretKind } from '../guard';
import type { Decision } from '../review/schema';
import type { EscalationDraft } from './schema';

/** One piece of free text about to leave this computer, with the field it came from. */
export interface OutgoingText {
  /** The field path, as BAD_INPUT names it (`draft.description`, `decision.comment`). */
  path: string;
  /** The field's label, as the analyst sees it. */
  label: string;
  text: string;
}

/** The free-text fields of an escalation the credential guard reads, with their labels. */
export const ESCALATION_TEXT_FIELDS = [
  ['subject', 'Subject'],
  ['description', 'Description'],
  ['stepsTried', 'Steps already tried'],
  ['replicationSteps', 'Replication steps'],
  ['usersAffected', 'Who is affected'],
  ['callerName', 'Caller name'],
  ['studentName', 'Student name'],
  ['school', 'School'],
] as const satisfies readonly (readonly [keyof EscalationDraft, string])[];

/** Every free text of an escalation's draft (steps already tried as one text, a line per step). */
export function escalationTexts(draft: Pick<EscalationDraft, (typeof ESCALATION_TEXT_FIELDS)[number][0]>): OutgoingText[] {
  return ESCALATION_TEXT_FIELDS.map(([field, label]) => {
    const value = draft[field];
    return { path: `draft.${field}`, label, text: Array.isArray(value) ? value.join('\n') : (value ?? '') };
  });
}

/** Every free text of a supervisor's decision: the approval note, the return comment, the vendor case, its note. */
export function decisionTexts(decision: Decision): OutgoingText[] {
  switch (decision.kind) {
    case 'approve':
      return [{ path: 'decision.note', label: 'Note', text: decision.note ?? '' }];
    case 'return':
      return [{ path: 'decision.comment', label: 'Comment to the analyst', text: decision.comment }];
    case 'forward':
      return [
        { path: 'decision.replicationSteps', label: 'Replication steps', text: decision.replicationSteps },
        { path: 'decision.caseText', label: 'Vendor case text', text: decision.caseText },
      ];
    case 'vendor-case':
      // The case number is digits only (its schema); the note is the free text.
      return [{ path: 'decision.note', label: 'Note on the vendor case', text: decision.note ?? '' }];
  }
}

export interface OutgoingSecret {
  path: string;
  label: string;
  kind: SecretKind;
}

/**
 * The first free text that carries a password, a key or the value of one of `sealedValues`, or
 * null. Main runs it on everything that leaves for the ticketing system and the audit trail; the
 * renderer's copy of the guard is only for the instant highlight.
 */
export function findOutgoingSecret(texts: readonly OutgoingText[], sealedValues: readonly string[] = []): OutgoingSecret | null {
  for (const t of texts) {
    const [finding] = findSecrets(t.text, { sealedValues });
    if (finding) return { path: t.path, label: t.label, kind: finding.kind };
  }
  return null;
}

/** The refusal's words: which field, and what to do about it. */
export function outgoingSecretMessage(found: OutgoingSecret): string {
  const what = found.kind === 'sealed-value' ? 'the text of one of its sealed notes' : 'what looks like a password or key';
  return `${found.path}: ${found.label} contains ${what}. Tickets never carry passwords: move it into a sealed note and send again.`;
}
