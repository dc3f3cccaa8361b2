import { IDENTITY_METHOD_TEXT } from '../../../shared/escalation/schema';
import { languageName } from '../../../shared/i18n/languages';
import type { Escalation } from '../../../shared/escalation/schema';
import type { SealedNote } from '../connector';

const KIND_LABEL: Readonly<Record<Escalation['draft']['kind'], string>> = {
  'district-tier2': 'District tier-2 escalation',
  'vendor-case': 'Vendor case (Infinite Campus support)',
};

/**
 * The ticket body a tier-2 technician reads: everything captured on the call, in the order they
 * need it. Built only from the escalation, which carries sealed notes as handles, so no sealed
 * plaintext can reach the body; it states how many notes went where staff only see them
 * (`sealedNotesGoTo`, in the ticketing system's words: "an internal comment", "a work note").
 */
export function renderTicketBody(escalation: Escalation, requestId: string, sealedNotesGoTo = 'an internal comment'): string {
  const d = escalation.draft;
  const lines: string[] = [
    `${KIND_LABEL[d.kind]} from Deskbook`,
    `Priority: ${capitalize(d.priority)} · SLA due ${escalation.slaDueAt}`,
    '',
    ...section('What happened', [d.description]),
    ...section(
      'Steps already tried',
      d.stepsTried.length > 0 ? d.stepsTried.map((step, i) => `${i + 1}. ${step}`) : ['(none recorded)'],
    ),
  ];
  if (d.replicationSteps) lines.push(...section('Steps to replicate', [d.replicationSteps]));
  if (d.usersAffected || d.hostedOutage) {
    lines.push(
      ...section('Who is affected', [
        ...optional('Affected', d.usersAffected),
        ...(d.hostedOutage ? ['Outage of a Campus Hosted site (vendor Hosting Support: 24/7)'] : []),
      ]),
    );
  }
  lines.push(
    ...section('Caller', [
      d.identity ? IDENTITY_METHOD_TEXT[d.identity] : 'Identity: not checked in Deskbook (no verification step on this call)',
      `Role: ${d.callerRole}`,
      ...optional('Name', d.callerName),
      ...optional('Call language', d.callerLanguage && `${languageName(d.callerLanguage, 'en')} (${d.callerLanguage})`),
      `Callback phone: ${d.callbackPhone}`,
      ...optional('Student', studentLine(d.studentName, d.studentNumber)),
      ...optional('School', d.school),
    ]),
    ...section(
      'Procedure (SOP)',
      d.sop
        ? [`SOP: ${d.sop.id}, version ${d.sop.version} (run ${d.sop.runId})`, `Path: ${sopPathText(d.sop.path)}`]
        : ['No SOP was followed.'],
    ),
    ...section('Deskbook', [
      `Request ID: ${requestId}`,
      `Escalation ID: ${escalation.id}`,
      `Analyst: ${escalation.analyst.name} (${escalation.analyst.id})`,
      `Created: ${escalation.createdAt}`,
      d.sealedNotes.length > 0
        ? `Sealed notes: ${d.sealedNotes.length}, added as ${sealedNotesGoTo} (staff only).`
        : 'Sealed notes: none.',
    ]),
  );
  return lines.join('\n').trimEnd() + '\n';
}

/**
 * The staff-only comment that carries sealed notes. Its subject names the request id so a retry
 * can tell whether a previous attempt already added it (see `ensureSealedNotes`).
 */
export function renderSealedNotesComment(requestId: string, notes: readonly SealedNote[]): { subject: string; content: string } {
  const body = notes.map((n) => `[${n.label}]\n${n.plaintext}`).join('\n\n');
  return {
    subject: sealedNotesSubject(requestId),
    content: `Sealed notes from Deskbook (internal comment, not sent to the requestor).\n\n${body}\n`,
  };
}

export function sealedNotesSubject(requestId: string): string {
  return `Deskbook sealed notes (request ${requestId})`;
}

/** The value of the "SOP Path" custom field: `id@version: step > step`, or empty without an SOP. */
export function sopPathValue(escalation: Escalation): string {
  const sop = escalation.draft.sop;
  return sop ? `${sop.id}@${sop.version}: ${sopPathText(sop.path)}` : '';
}

/** RT's `Due` wants "YYYY-MM-DD HH:MM:SS" in UTC; fractional seconds would make RT drop it. */
export function rtDateTime(iso: string): string {
  return new Date(iso).toISOString().slice(0, 19).replace('T', ' ');
}

function sopPathText(path: readonly string[]): string {
  return path.length > 0 ? path.join(' > ') : '(start)';
}

function section(title: string, body: readonly string[]): string[] {
  return [title, '-'.repeat(title.length), ...body, ''];
}

function optional(label: string, value: string | undefined): string[] {
  return value ? [`${label}: ${value}`] : [];
}

function studentLine(name: string | undefined, number: string | undefined): string | undefined {
  if (name && number) return `${name} (#${number})`;
  return name ?? (number ? `#${number}` : undefined);
}

function capitalize(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}
