import type { Escalation } from '../../../shared/escalation/schema';
import type { Priority } from '../../../shared/sla/priority';
import type { SealedNote } from '../connector';
import { renderTicketBody } from '../rt/render';

/** The incident's `short_description` length in a baseline dictionary. */
export const SHORT_DESCRIPTION_MAX = 160;

/** What `correlation_display` says: which integration owns `correlation_id`. */
export const CORRELATION_DISPLAY = 'Deskbook';

/** ServiceNow's impact and urgency, 1 (high) to 3 (low); the instance derives `priority`. */
export interface ImpactUrgency {
  impact: 1 | 2 | 3;
  urgency: 1 | 2 | 3;
}

/**
 * Deskbook's four priorities as impact × urgency, chosen so the baseline priority lookup gives
 * 1 Critical, 2 High, 3 Moderate and 4 Low (never 5 Planning: every escalation is a real problem).
 */
export const DEFAULT_SN_PRIORITIES: Readonly<Record<Priority, ImpactUrgency>> = {
  critical: { impact: 1, urgency: 1 },
  high: { impact: 2, urgency: 1 },
  medium: { impact: 2, urgency: 2 },
  low: { impact: 3, urgency: 2 },
};

/**
 * A subject that fits `short_description`: whitespace folded, and past 160 characters cut at the
 * last word that fits, with an ellipsis. `cut` says the full subject must go into the description.
 */
export function shortDescription(subject: string): { text: string; cut: boolean } {
  const folded = subject.replace(/\s+/g, ' ').trim();
  if (folded.length <= SHORT_DESCRIPTION_MAX) return { text: folded, cut: false };
  const room = folded.slice(0, SHORT_DESCRIPTION_MAX - 1);
  const space = room.lastIndexOf(' ');
  // A single 100-character "word" (a URL, say) is cut where it stands rather than dropped.
  const head = space >= SHORT_DESCRIPTION_MAX / 2 ? room.slice(0, space) : room;
  return { text: `${head.replace(/[\s,;:.-]+$/, '')}…`, cut: true };
}

/** Where sealed notes go on an incident, as the ticket text says it. */
export const SEALED_NOTES_GO_TO = 'a work note';

/**
 * The incident's description: the ticket text every connector renders (./rt/render.ts), headed
 * by the full subject when `short_description` had to cut it. No sealed plaintext can be in it:
 * the escalation carries sealed notes as handles only.
 */
export function incidentDescription(escalation: Escalation, requestId: string, subject: { cut: boolean }): string {
  const body = renderTicketBody(escalation, requestId, SEALED_NOTES_GO_TO);
  return subject.cut ? `Subject: ${escalation.draft.subject.replace(/\s+/g, ' ').trim()}\n\n${body}` : body;
}

/**
 * The marker line that names one sealed note in a work note, so a retry can tell which notes an
 * earlier attempt already added. Position and count, not the label alone: two notes may share
 * a label. The label follows on the same line, folded to one line.
 */
export function sealedNoteMarker(requestId: string, index: number, count: number): string {
  return `[Deskbook sealed note ${requestId} ${index + 1}/${count}]`;
}

/**
 * One work note (staff only, never e-mailed to the caller by baseline notifications) carrying the
 * given sealed notes, each under its marker line. `notes` keeps each note's position among all.
 */
export function sealedNotesWorkNote(requestId: string, notes: readonly { note: SealedNote; index: number }[], count: number): string {
  const parts = notes.map(({ note, index }) => `${sealedNoteMarker(requestId, index, count)} ${note.label.replace(/\s+/g, ' ').trim()}\n${note.plaintext}`);
  return `Sealed notes from Deskbook (work note: staff only, not for the caller).\n\n${parts.join('\n\n')}\n`;
}
