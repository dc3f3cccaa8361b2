import type { Priority } from '../../../shared/sla/priority';
import type { SealedNote } from '../connector';

/** Zendesk's four priorities (Tickets: `priority` is urgent, high, normal or low) for Deskbook's four. */
export const ZENDESK_PRIORITY: Readonly<Record<Priority, 'urgent' | 'high' | 'normal' | 'low'>> = {
  critical: 'urgent',
  high: 'high',
  medium: 'normal',
  low: 'low',
};

/** Tags every Deskbook ticket carries, so agents and views can find them (Tickets: `tags`). */
export const ESCALATION_TAG = 'deskbook_escalation';
export const ESCALATION_TAGS: readonly string[] = ['deskbook', ESCALATION_TAG];
export const CALL_LOG_TAGS: readonly string[] = ['deskbook', 'deskbook_call_log'];

/** The first line of the internal note carrying sealed notes. */
export const SEALED_NOTES_HEADER = 'Sealed notes from Deskbook (internal note: staff only, never shown to the requester).';
/** How every sealed note's marker line starts. */
export const SEALED_NOTE_PREFIX = '[Deskbook sealed note ';

/**
 * The line that names one sealed note in the internal note carrying it: the request id, the
 * note's place in the escalation and its label (whitespace folded, so it stays one line). A retry
 * looks for these lines to add only the notes that are not there yet (`ensureSealedNotes`).
 */
export function sealedNoteMarker(requestId: string, index: number, label: string): string {
  return `${SEALED_NOTE_PREFIX}${requestId} #${index + 1}] ${label.replace(/\s+/g, ' ').trim()}`;
}

/**
 * The internal note (Ticket Comments: `public: false`, staff only, never sent to the requester)
 * carrying the given sealed notes, each under its marker line. `indexes` are the notes' places
 * in the escalation, so a note added on a retry keeps the marker it would have had.
 */
export function renderSealedNotes(requestId: string, notes: readonly SealedNote[], indexes: readonly number[]): string {
  const blocks = indexes.map((i) => `${sealedNoteMarker(requestId, i, notes[i]!.label)}\n${notes[i]!.plaintext}`);
  return `${SEALED_NOTES_HEADER}\n\n${blocks.join('\n\n')}\n`;
}

/** The places (0-based) of the notes whose marker line is in none of `bodies`. */
export function missingSealedNotes(requestId: string, notes: readonly SealedNote[], bodies: readonly string[]): number[] {
  const present = new Set(bodies.flatMap((body) => body.split('\n').map((line) => line.trim())));
  return notes.map((note, i) => (present.has(sealedNoteMarker(requestId, i, note.label)) ? -1 : i)).filter((i) => i >= 0);
}

/** Where sealed notes go on a Zendesk ticket, as the ticket text says it. */
export const SEALED_NOTES_GO_TO = 'an internal note';
