import { CALLER_ROLES, identityMethodSchema } from '../escalation/schema';
import type { CallerRole, IdentityMethod } from '../escalation/schema';
import { PRIORITIES } from '../sla/priority';
import type { Priority } from '../sla/priority';
import { indexSop } from './graph';
import { interpolate, referencedVariables } from './interpolate';
import { nodeLabel } from './nodes';
import type { RunState } from './run-state';
import { IDENTITY_VARIABLE, TICKET_FIELDS } from './schema';
import type { InputField, OutcomeNode, QuestionNode, SopDocument, TicketField } from './schema';

/**
 * What a run hands to its escalation ticket: every value captured on the path taken, each in
 * one place — a draft field (by `ticket:` mapping or a canonical name), a labelled fact in the
 * description, or (from a `sensitive` node, unmapped) a sealed note. Nothing typed is dropped.
 * Pure; the renderer seals the sealed values through main's vault.
 */
export interface RunTicket {
  subject: string;
  /** The outcome's summary, then the mapped description, then the facts, then the procedure. */
  description: string;
  fields: {
    replicationSteps?: string;
    usersAffected?: string;
    callerName?: string;
    studentName?: string;
    studentNumber?: string;
    school?: string;
    callbackPhone?: string;
  };
  /** '' when neither the run nor the SOP says who called: the analyst picks. */
  callerRole: CallerRole | '';
  priority: Priority | undefined;
  hostedOutage: boolean;
  identity: IdentityMethod | undefined;
  facts: { label: string; value: string }[];
  sealed: { label: string; value: string }[];
}

/** Variables that fill the draft field of the same name without a `ticket:` mapping. */
const CANONICAL: Readonly<Record<string, TicketField>> = {
  callerName: 'callerName',
  callerRole: 'callerRole',
  studentName: 'studentName',
  studentNumber: 'studentNumber',
  school: 'school',
  callbackPhone: 'callbackPhone',
};

/** Variables whose value names a student; they never go in a subject (RT and mail show it everywhere). */
export const STUDENT_VARIABLES: ReadonlySet<string> = new Set(['studentName', 'studentNumber']);

/** Ticket fields whose value comes from a fixed list, so a question's choices must say which. */
export const ENUM_TICKET_FIELDS: Readonly<Partial<Record<TicketField, readonly string[]>>> = {
  priority: PRIORITIES,
  callerRole: CALLER_ROLES,
  hostedOutage: ['yes', 'no'],
};

/** The ticket field a field or question fills: its `ticket:`, else its canonical name, else none. */
export function ticketFieldOf(name: string | undefined, mapping: string | undefined): string | undefined {
  if (mapping !== undefined) return mapping;
  return name === undefined ? undefined : CANONICAL[name];
}

export function isTicketField(name: string): name is TicketField {
  return (TICKET_FIELDS as readonly string[]).includes(name);
}

/** A question's choice value for an enum field: `value`, else the label in lower case. */
export function choiceValue(choice: QuestionNode['choices'][number]): string {
  return choice.value ?? choice.label.trim().toLowerCase();
}

const SUBJECT_MAX = 150;

/** Cuts at a word boundary so a subject never ends mid-word; marks the cut with an ellipsis. */
export function cutAtWord(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const room = clean.slice(0, max - 1);
  const space = room.lastIndexOf(' ');
  return `${(space > max / 2 ? room.slice(0, space) : room).replace(/[\s,;:·.-]+$/, '')}…`;
}

/**
 * The subject: the outcome's template, else the SOP's, else "SOP title · outcome title". Parts
 * separated by " · " whose variable was not captured on this path are left out rather than shown
 * as `{{school}}`.
 */
export function ticketSubject(doc: SopDocument, outcomeNode: OutcomeNode | undefined, vars: Readonly<Record<string, string>>): string {
  const outcome = outcomeNode?.outcome;
  const template =
    (outcome?.type === 'escalate' ? outcome.subject : undefined) ??
    doc.ticket.subject ??
    [doc.title, outcomeNode ? nodeLabel(outcomeNode) : undefined].filter(Boolean).join(' · ');
  const parts = template
    .split(' · ')
    .map((part) => interpolate(part, vars))
    .filter((part) => part.trim() !== '' && referencedVariables(part).length === 0);
  return cutAtWord(parts.join(' · '), SUBJECT_MAX);
}

/** Reads "Parent or guardian", "School staff", "staff": the role a choice label names, or ''. */
export function callerRoleFrom(raw: string): CallerRole | '' {
  const value = raw.trim().toLowerCase();
  if ((CALLER_ROLES as readonly string[]).includes(value)) return value as CallerRole;
  if (/guardian/.test(value) && !/parent/.test(value)) return 'guardian';
  if (/parent|mother|father|mom|dad/.test(value)) return 'parent';
  if (/student/.test(value)) return 'student';
  if (/staff|teacher|employee|office/.test(value)) return 'staff';
  return '';
}

/** Everything the run at `state` (finished at an outcome) hands to its ticket. */
export function ticketFromRun(doc: SopDocument, state: RunState): RunTicket {
  const { byId } = indexSop(doc);
  const vars = state.variables;
  const texts: Partial<Record<TicketField, string[]>> = {};
  const enums: Partial<Record<TicketField, string>> = {};
  const facts: RunTicket['facts'] = [];
  const sealed: RunTicket['sealed'] = [];
  let identity: IdentityMethod | undefined;

  const put = (field: TicketField, value: string) => {
    if (field in ENUM_TICKET_FIELDS) enums[field] = value;
    else (texts[field] ??= []).push(value);
  };

  for (const step of state.history) {
    const node = byId.get(step.nodeId);
    if (!node) continue;
    if (node.kind === 'verify-identity' && step.answer.type === 'verify') {
      const parsed = identityMethodSchema.safeParse(step.answer.method);
      if (parsed.success) identity = parsed.data;
    } else if (node.kind === 'question' && step.answer.type === 'choice' && node.var !== undefined) {
      const answer = step.answer;
      const choice = node.choices.find((c) => c.id === answer.choiceId);
      if (!choice) continue;
      const field = ticketFieldOf(node.var, node.ticket);
      if (field !== undefined && isTicketField(field)) {
        put(field, field in ENUM_TICKET_FIELDS ? choiceValue(choice) : choice.label);
      } else {
        facts.push({ label: nodeLabel(node), value: choice.label });
      }
    } else if (node.kind === 'input' && step.answer.type === 'input') {
      for (const input of node.fields) {
        const value = step.answer.values[input.var];
        if (value === undefined || value === '') continue;
        placeInput(input, value, node.sensitive, put, facts, sealed);
      }
    }
  }

  const outcomeNode = byId.get(state.current);
  const outcome = outcomeNode?.kind === 'outcome' ? outcomeNode : undefined;
  const escalate = outcome?.outcome.type === 'escalate' ? outcome.outcome : undefined;
  const priority = (PRIORITIES as readonly string[]).includes(enums.priority ?? '') ? (enums.priority as Priority) : undefined;
  const role = enums.callerRole !== undefined ? callerRoleFrom(enums.callerRole) : '';
  const joined = (field: TicketField) => texts[field]?.join('\n\n');

  const description = [
    escalate ? interpolate(escalate.summary, vars).replace(/\s+/g, ' ').trim() : '',
    joined('description') ?? '',
    facts.length > 0 ? ['Captured on the call:', ...facts.map((f) => `- ${f.label}: ${f.value}`)].join('\n') : '',
    [
      `Procedure: ${doc.title} (v${doc.version}).`,
      escalate ? `Escalating to ${interpolate(escalate.assignee, vars)}${escalate.queue ? ` (queue ${interpolate(escalate.queue, vars)})` : ''}.` : '',
    ]
      .filter(Boolean)
      .join(' '),
  ]
    .filter((part) => part !== '')
    .join('\n\n');

  const fields: RunTicket['fields'] = {};
  for (const key of ['replicationSteps', 'usersAffected', 'callerName', 'studentName', 'studentNumber', 'school', 'callbackPhone'] as const) {
    const value = key === 'replicationSteps' || key === 'usersAffected' ? joined(key) : texts[key]?.at(-1);
    if (value !== undefined) fields[key] = value;
  }
  return {
    subject: ticketSubject(doc, outcome, vars),
    description,
    fields,
    callerRole: role !== '' ? role : (doc.ticket.callerRole ?? ''),
    priority,
    hostedOutage: enums.hostedOutage === 'yes',
    identity: identity ?? (vars[IDENTITY_VARIABLE] ? identityMethodSchema.safeParse(vars[IDENTITY_VARIABLE]).data : undefined),
    facts,
    sealed,
  };
}

function placeInput(
  input: InputField,
  value: string,
  sensitive: boolean,
  put: (field: TicketField, value: string) => void,
  facts: RunTicket['facts'],
  sealed: RunTicket['sealed'],
): void {
  const field = ticketFieldOf(input.var, input.ticket);
  if (field !== undefined && isTicketField(field)) {
    // A yes-no field mapped to an enum field (hosted outage) reads as its yes/no.
    put(field, input.type === 'yes-no' ? (/^(y|yes|true)$/i.test(value) ? 'yes' : 'no') : value);
  } else if (sensitive) {
    sealed.push({ label: input.label, value });
  } else {
    facts.push({ label: input.label, value });
  }
}
