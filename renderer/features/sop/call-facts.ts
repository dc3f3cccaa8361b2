import type { EscalationKind, IdentityMethod } from '../../../shared/escalation/schema';
import { outcomeOf } from '../../../shared/sop/engine';
import type { RunState } from '../../../shared/sop/engine';
import type { SopDocument } from '../../../shared/sop/schema';
import { ticketFromRun } from '../../../shared/sop/ticket';
import type { RunTicket } from '../../../shared/sop/ticket';
import type { Priority } from '../../../shared/sla';

/**
 * Everything captured on a call so far, as the call panel shows it, and the ticket an escalation
 * would open right now. Read through shared/sop/ticket.ts's `ticketFromRun` — the same placing
 * the draft uses — so the panel can never show a fact in one place and the ticket hold it in
 * another: each captured value is a named field, a labelled fact, or a sealed note (its label only,
 * never its value; the vault seals it when the draft opens).
 */
export interface CallFacts {
  callerName?: string;
  studentName?: string;
  studentNumber?: string;
  school?: string;
  callbackPhone?: string;
  replicationSteps?: string;
  usersAffected?: string;
  identity: IdentityMethod | undefined;
  /** Labelled values that are not one of the fields above (answers to questions, inputs). */
  facts: RunTicket['facts'];
  /** The labels of values typed on sensitive nodes that become sealed notes. */
  sealed: string[];
  ticket: { subject: string; priority: Priority; kind: EscalationKind };
}

/**
 * The call's facts at `state`, active or finished. The ticket's priority is the one the analyst
 * chose on the call, else the outcome's default, else medium, as the draft prefills it.
 */
export function callFacts(doc: SopDocument, state: RunState): CallFacts {
  const ticket = ticketFromRun(doc, state);
  const outcome = outcomeOf(doc, state)?.outcome;
  const escalate = outcome?.type === 'escalate' ? outcome : undefined;
  return {
    ...ticket.fields,
    identity: ticket.identity,
    facts: ticket.facts,
    sealed: ticket.sealed.map((s) => s.label),
    ticket: {
      subject: ticket.subject,
      priority: ticket.priority ?? escalate?.defaultPriority ?? 'medium',
      kind: escalate?.escalationKind ?? 'district-tier2',
    },
  };
}

/** A call's length as a clock reads it: "0:07", "12:34", "1:02:03" (never negative). */
export function clockDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}
