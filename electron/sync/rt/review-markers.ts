import { DECISION_STATE } from '../../../shared/review/schema';
import type { Decision } from '../../../shared/review/schema';
import { VENDOR_PRIORITY_MATRIX } from '../../../shared/sla/priority';
import type { AuditAnchor } from '../../audit';

/**
 * Review writes are RT comments whose subject starts with a machine-readable marker:
 * `[Deskbook decision <uuid>] returned by Sam Supervisor` (`vendor-case by …` for a recorded
 * vendor case number) or
 * `[Deskbook resubmission <uuid>] resubmitted by Dana Analyst`. The UUID makes a retry able to
 * tell whether its write already landed (RT has no idempotency key); the verb and name make the
 * history readable in RT's own web UI too.
 */
export type MarkerKind = 'decision' | 'resubmission';

export interface ParsedMarker {
  kind: MarkerKind;
  /** The decision or resubmission UUID, lower case. */
  id: string;
  /** `approved`, `returned`, `forwarded` or `resubmitted` (free text in foreign subjects). */
  verb: string;
  author: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MARKER = /^\[Deskbook (decision|resubmission) ([0-9a-f-]{36})\]\s*(\S+)?(?:\s+by\s+(.*))?$/is;


/** True for ids that may go into a marker (and so into a subject and TicketSQL): UUIDs only. */
export function isMarkerId(id: string): boolean {
  return UUID.test(id);
}

/**
 * The verb a decision's marker carries: the state it leaves the ticket in, except a recorded
 * vendor case (the ticket stays forwarded), which says what it is.
 */
export const DECISION_VERB: Readonly<Record<Decision['kind'], string>> = { ...DECISION_STATE, 'vendor-case': 'vendor-case' };

/** The subject of a decision comment. Names are flattened to one line and shortened. */
export function decisionSubject(decisionId: string, decision: Decision, actorName: string): string {
  return `[Deskbook decision ${decisionId.toLowerCase()}] ${DECISION_VERB[decision.kind]} by ${oneLine(actorName)}`;
}

/** The subject of a resubmission comment, naming the analyst who corrected the escalation. */
export function resubmissionSubject(resubmitId: string, analystName: string): string {
  return `[Deskbook resubmission ${resubmitId.toLowerCase()}] resubmitted by ${oneLine(analystName)}`;
}

/**
 * Reads a marker back from a comment subject as RT stores it in the transaction's `Data`: RT
 * folds long subject headers (`…returned\n by Sam…`), so the value is unfolded first.
 */
export function parseMarker(subject: string): ParsedMarker | null {
  const match = MARKER.exec(unfoldHeader(subject).trim());
  if (!match) return null;
  const [, kind, id, verb, author] = match;
  if (!kind || !id || !UUID.test(id)) return null;
  return {
    kind: kind.toLowerCase() === 'decision' ? 'decision' : 'resubmission',
    id: id.toLowerCase(),
    verb: (verb ?? '').toLowerCase(),
    author: (author ?? '').trim(),
  };
}

/** True when a comment subject carries this exact marker. */
export function hasMarker(subject: string, kind: MarkerKind, id: string): boolean {
  const marker = parseMarker(subject);
  return marker !== null && marker.kind === kind && marker.id === id.toLowerCase();
}

/** RFC 5322 unfolding: a line break followed by whitespace continues the header. */
export function unfoldHeader(value: string): string {
  return value.replace(/\r?\n(?=[ \t])/g, '').replace(/\r?\n$/, '');
}

const ANCHOR_LINE = /^Deskbook audit: #(\d{1,9}) ([0-9a-f]{64}) trail ([0-9a-f-]{36}) at (\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z) on (\S(?:.*\S)?)$/;

/**
 * The line a decision comment ends with when the decision is in this machine's audit trail:
 * `Deskbook audit: #7 <head hash after entry 7> trail <trail id> at <main's time> on DESK-07`.
 * It is written in the same request as the decision, so RT holds the chain's head as it was
 * when the decision landed, out of the local user's reach.
 */
export function anchorLine(anchor: AuditAnchor): string {
  return `Deskbook audit: #${anchor.seq} ${anchor.hash} trail ${anchor.trail.toLowerCase()} at ${anchor.at} on ${oneLine(anchor.machine)}`;
}

/**
 * The anchor a decision comment's text carries, from its LAST line only: a supervisor's own text
 * above it cannot pose as one. Null for comments written without one (older versions).
 */
export function parseAnchor(content: string): AuditAnchor | null {
  const last = content.replace(/\s+$/, '').split(/\r?\n/).at(-1) ?? '';
  const match = ANCHOR_LINE.exec(last.trim());
  if (!match) return null;
  const [, seq, hash, trail, at, machine] = match;
  if (!seq || !hash || !trail || !UUID.test(trail) || !at || !machine) return null;
  return { seq: Number(seq), hash, trail: trail.toLowerCase(), at, machine };
}

/** A decision comment's text as the people reading the review history see it: without the anchor line. */
export function withoutAnchor(content: string): string {
  if (!parseAnchor(content)) return content;
  const lines = content.replace(/\s+$/, '').split(/\r?\n/);
  return lines.slice(0, -1).join('\n').replace(/\s+$/, '');
}

/**
 * The body of a decision comment: exactly what the supervisor wrote, so the analyst's machine
 * can show it as is (who decided is in the subject). A forward carries the vendor case as the
 * vendor asks for it: priority from their matrix, replication steps, then the case text. With an
 * `anchor`, the audit line follows after a blank line (`anchorLine`; the history leaves it out).
 */
export function decisionContent(decision: Decision, anchor?: AuditAnchor): string {
  const text = decisionText(decision);
  return anchor ? `${text}\n\n${anchorLine(anchor)}` : text;
}

function decisionText(decision: Decision): string {
  switch (decision.kind) {
    case 'approve':
      return decision.note ? decision.note : 'Approved.';
    case 'return':
      return decision.comment;
    case 'forward': {
      const row = VENDOR_PRIORITY_MATRIX[decision.priority];
      return [
        'Vendor case for Infinite Campus support',
        `Priority: ${row.label} (vendor target: ${row.response.toLowerCase()})`,
        '',
        'Steps to replicate',
        '------------------',
        decision.replicationSteps,
        '',
        'Case',
        '----',
        decision.caseText,
      ].join('\n');
    }
    case 'vendor-case':
      return [
        `Infinite Campus case ${decision.caseNumber}`,
        `Submitted: ${decision.submittedAt} (the vendor's clock starts here)`,
        ...(decision.note ? ['', decision.note] : []),
      ].join('\n');
  }
}

function oneLine(name: string): string {
  const flat = name.replace(/\s+/g, ' ').trim();
  return (flat || 'unknown').slice(0, 80);
}
