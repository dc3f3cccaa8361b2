import type { EscalationDraftInput } from '../../../shared/escalation/schema';
import { outcomeOf, pathTaken } from '../../../shared/sop/engine';
import type { RunState } from '../../../shared/sop/engine';
import type { SopDocument } from '../../../shared/sop/schema';
import { nodeLabel } from '../../../shared/sop/nodes';
import { ownLanguage } from '../../../shared/sop/languages';
import { ticketFromRun } from '../../../shared/sop/ticket';

/** An empty draft, for an escalation started from the queue screen rather than a run. */
export function blankDraft(): EscalationDraftInput {
  return {
    kind: 'district-tier2',
    subject: '',
    description: '',
    stepsTried: [],
    replicationSteps: '',
    usersAffected: '',
    // Nobody picked a role yet: the form asks, rather than every ticket saying "parent".
    callerRole: '',
    callerName: '',
    studentName: '',
    studentNumber: '',
    school: '',
    callbackPhone: '',
    priority: 'medium',
    hostedOutage: false,
    sop: null,
    sealedNotes: [],
  };
}

/** What a finished run prefills: the draft, and the values the vault must seal into notes. */
export interface RunDraft {
  draft: EscalationDraftInput;
  /** Values typed on sensitive nodes that no draft field takes (a Portal user name, an e-mail). */
  toSeal: { label: string; value: string }[];
}

/**
 * Prefills a draft from a finished run (shared/sop/ticket.ts decides where each captured value
 * goes): the subject from the SOP's template, the summary, description and labelled facts, the
 * mapped fields, the priority the analyst chose (else the outcome's default), how identity was
 * checked, the path taken as "steps already tried", and the SOP id, version and path.
 */
export function draftFromRun(
  runId: string,
  doc: SopDocument,
  state: RunState,
  notes: Readonly<Record<string, string>> = {},
  callerLanguage: string = ownLanguage(doc),
): RunDraft {
  const outcome = outcomeOf(doc, state)?.outcome;
  const escalate = outcome?.type === 'escalate' ? outcome : null;
  const ticket = ticketFromRun(doc, state);
  const path = pathTaken(doc, state);
  const draft: EscalationDraftInput = {
    ...blankDraft(),
    ...ticket.fields,
    kind: escalate?.escalationKind ?? 'district-tier2',
    priority: ticket.priority ?? escalate?.defaultPriority ?? 'medium',
    subject: ticket.subject,
    description: withStepNotes(ticket.description, doc, notes),
    stepsTried: path.map((step) => (step.answerLabel ? `${step.title} → ${step.answerLabel}` : step.title)),
    callerRole: ticket.callerRole,
    hostedOutage: ticket.hostedOutage,
    ...(ticket.identity ? { identity: ticket.identity } : {}),
    callerLanguage,
    sop: { id: doc.id, version: doc.version, runId, path: path.map((step) => step.nodeId) },
  };
  return { draft, toSeal: ticket.sealed };
}

/** The heading the run's step notes go under in the description (the ticket is read by IT staff, in English). */
export const STEP_NOTES_HEADING = "Analyst's notes:";

/**
 * The analyst's "note for this step" entries are typed during the run too: they go in the
 * description, under the step's name, so none is left behind on this computer.
 */
function withStepNotes(description: string, doc: SopDocument, notes: Readonly<Record<string, string>>): string {
  const lines = doc.nodes
    .filter((node) => notes[node.id]?.trim())
    .map((node) => `- ${nodeLabel(node)}: ${notes[node.id]!.trim()}`);
  return lines.length > 0 ? `${description}\n\n${STEP_NOTES_HEADING}\n${lines.join('\n')}` : description;
}
