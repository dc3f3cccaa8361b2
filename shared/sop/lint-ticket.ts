import { DISTRICT_PREFIX, referencedVariables } from './interpolate';
import { nodeFacts } from './lint-node';
import type { LintFinding } from './lint-types';
import { nodeLabel, successorsOf } from './nodes';
import { TICKET_FIELDS } from './schema';
import type { SopDocument, SopNode } from './schema';
import { ENUM_TICKET_FIELDS, STUDENT_VARIABLES, choiceValue, isTicketField } from './ticket';

type Finding = Omit<LintFinding, 'sopId'>;

/**
 * How an SOP's captures reach its ticket: every `ticket:` mapping names a field the draft has,
 * a question mapped to a fixed-list field (priority, caller role, hosted outage) says which
 * value each choice means, and subject templates use only captured variables and no student
 * data (subjects are what RT and mail clients show everywhere).
 */
export function ticketFindings(doc: SopDocument): Finding[] {
  const found: Finding[] = [];
  const captured = new Set<string>();
  const sensitiveVars = new Set<string>(STUDENT_VARIABLES);
  for (const node of doc.nodes) {
    const { may } = nodeFacts(node).captures;
    for (const name of may) captured.add(name);
    // A school names no one, and is how a desk sorts its queue: it may be in a subject.
    if (node.sensitive) for (const name of may) if (name !== 'school') sensitiveVars.add(name);
  }

  for (const node of doc.nodes) {
    if (node.kind === 'input') {
      node.fields.forEach((field, i) => {
        if (field.ticket !== undefined && !isTicketField(field.ticket)) {
          found.push(unknownField(node, `fields[${i}].ticket`, field.var, field.ticket));
        }
      });
    }
    if (node.kind === 'question' && node.ticket !== undefined) {
      if (!isTicketField(node.ticket)) {
        found.push(unknownField(node, 'ticket', node.var ?? '(no var)', node.ticket));
      } else {
        const allowed = ENUM_TICKET_FIELDS[node.ticket];
        if (allowed) {
          node.choices.forEach((choice, i) => {
            const value = choiceValue(choice);
            if (!allowed.includes(value)) {
              found.push({
                severity: 'error',
                rule: 'ticket-choice-value',
                nodeId: node.id,
                field: `choices[${i}].value`,
                message: `choice "${choice.label}" of {{${node.var ?? node.id}}} fills the ticket's ${node.ticket} with "${value}", which is not one of ${allowed.join(', ')}; set value: to one of them`,
              });
            }
          });
        }
      }
    }
  }

  const subjects: { node?: SopNode; field: string; text: string }[] = [];
  if (doc.ticket.subject !== undefined) subjects.push({ field: 'ticket.subject', text: doc.ticket.subject });
  for (const node of doc.nodes) {
    if (node.kind === 'outcome' && node.outcome.type === 'escalate' && node.outcome.subject !== undefined) {
      subjects.push({ node, field: 'outcome.subject', text: node.outcome.subject });
    }
  }
  for (const { node, field, text } of subjects) {
    for (const name of referencedVariables(text)) {
      const where = node ? { nodeId: node.id } : {};
      if (name.startsWith(DISTRICT_PREFIX)) continue; // checked with every other text below
      if (!captured.has(name)) {
        found.push({
          severity: 'error',
          rule: 'unknown-subject-variable',
          ...where,
          field,
          message: `subject template uses {{${name}}}, which this SOP never captures; use a captured variable or remove it`,
        });
      } else if (sensitiveVars.has(name)) {
        found.push({
          severity: 'error',
          rule: 'subject-student-data',
          ...where,
          field,
          message: `subject template uses {{${name}}}, student data or a value from a sensitive node; subjects show in every ticket list and mail client, so keep it in the ticket body`,
        });
      }
    }
  }
  return found;
}

function unknownField(node: SopNode, field: string, variable: string, target: string): Finding {
  return {
    severity: 'error',
    rule: 'unknown-ticket-field',
    nodeId: node.id,
    field,
    message: `{{${variable}}} maps to ticket field "${target}", which the escalation draft does not have; use one of ${TICKET_FIELDS.join(', ')}`,
  };
}

/** `{{district.name}}` must name a note the pack declares, or every analyst sees the raw braces. */
export function districtFindings(doc: SopDocument): Finding[] {
  const found: Finding[] = [];
  for (const node of doc.nodes) {
    for (const { field, variables } of nodeFacts(node).texts) {
      for (const name of variables) {
        if (!name.startsWith(DISTRICT_PREFIX)) continue;
        const note = name.slice(DISTRICT_PREFIX.length);
        if (!Object.hasOwn(doc.district, note)) {
          found.push({
            severity: 'error',
            rule: 'undefined-district-note',
            nodeId: node.id,
            field,
            message: `{{${name}}} is not a district note of this pack; declare "${note}" under the pack's district: (with a label saying what the desk must confirm), or fix the name`,
          });
        }
      }
    }
  }
  return found;
}

/**
 * FERPA: an SOP that takes student or account details must check who is calling first. Warns
 * when such an SOP has no verify-identity node, or when a node that captures student or account
 * data can be reached from the start without passing a verify-identity node's verified branch.
 * `reachable` is what lint already walked from the start, so the graph is not walked twice.
 */
export function identityFindings(doc: SopDocument, byId: ReadonlyMap<string, SopNode>, reachable: ReadonlySet<string>): Finding[] {
  const touches = doc.nodes.filter(
    (node) => nodeFacts(node).captures.may.some((name) => STUDENT_VARIABLES.has(name) || name === 'parentUsername') || (node.sensitive && node.kind === 'input'),
  );
  if (touches.length === 0) return [];
  const verifies = doc.nodes.filter((node) => node.kind === 'verify-identity');
  if (verifies.length === 0) {
    return [
      {
        severity: 'warning',
        rule: 'identity-not-verified',
        nodeId: touches[0]?.id,
        message: `this SOP takes student or account details ("${nodeLabel(touches[0]!)}") but never verifies the caller; start it with a verify-identity node`,
      },
    ];
  }
  // Walk from the start, but through a verify-identity node only along "could not verify".
  const unverifiedReach = new Set<string>();
  const stack = [doc.start];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (unverifiedReach.has(id)) continue;
    unverifiedReach.add(id);
    const node = byId.get(id);
    if (!node) continue;
    const next = node.kind === 'verify-identity' ? [node.unverified] : successorsOf(node);
    for (const n of next) if (byId.has(n) && !unverifiedReach.has(n)) stack.push(n);
  }
  return touches
    .filter((node) => reachable.has(node.id) && unverifiedReach.has(node.id))
    .map((node) => ({
      severity: 'warning' as const,
      rule: 'identity-not-verified' as const,
      nodeId: node.id,
      message: `"${nodeLabel(node)}" takes student or account details and can be reached without verifying the caller; put it after a verify-identity node's verified branch`,
    }));
}
