import type { SealedNote } from '../connector';

/**
 * Text for Incident IQ. A ticket's `IssueDescription` is sent as the plain text every connector
 * renders (rt/render.ts); a comment's `Comments` is HTML (the reference: "HTML-formatted comment
 * body"), so comment text is escaped and its line breaks become `<br>`: nothing Deskbook sends is
 * ever read as markup.
 */
export function commentHtml(text: string): string {
  return escapeHtml(text).replace(/\r?\n/g, '<br>');
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/**
 * Where a sealed note is recognised again on a retry: the first line of its private comment
 * (`[Deskbook sealed note <requestId> 1/2] <label>`), and the comment's `ExternalId`, which the
 * reference recommends integrations set "to prevent duplicates on retry".
 */
export function sealedNoteMarker(requestId: string, index: number, count: number): string {
  return `[Deskbook sealed note ${requestId} ${index + 1}/${count}]`;
}

export function sealedNoteExternalId(requestId: string, index: number): string {
  return `deskbook:${requestId}:sealed-note:${index + 1}`;
}

/** One sealed note as a private comment: marker line, a staff-only reminder, then the note. */
export function sealedNoteComment(requestId: string, notes: readonly SealedNote[], index: number): { html: string; externalId: string } {
  const note = notes[index];
  if (!note) throw new RangeError(`sealed note ${index + 1} of ${notes.length} does not exist`);
  const text = [
    `${sealedNoteMarker(requestId, index, notes.length)} ${note.label}`,
    'Sealed note from Deskbook: a private comment, not visible to the requestor.',
    '',
    note.plaintext,
  ].join('\n');
  return { html: commentHtml(text), externalId: sealedNoteExternalId(requestId, index) };
}
