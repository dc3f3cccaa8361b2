import type { Escalation } from '../../../shared/escalation/schema';
import { VENDOR_PRIORITY_MATRIX } from '../../../shared/sla';
import type { Priority } from '../../../shared/sla';

/**
 * The text of a vendor case, ready to paste into the vendor's Support Case Portal: what happens,
 * how to replicate it, what was tried, and the priority by the vendor's own matrix. No student
 * password or sealed note ever goes in it.
 */
export function vendorCaseText(escalation: Escalation, replicationSteps: string, priority: Priority): string {
  const d = escalation.draft;
  const row = VENDOR_PRIORITY_MATRIX[priority];
  return [
    `Subject: ${d.subject}`,
    `Priority: ${row.label} (${row.response}) — ${row.example}`,
    '',
    'Description:',
    d.description,
    '',
    'Replication steps:',
    replicationSteps,
    '',
    'Already tried:',
    ...(d.stepsTried.length > 0 ? d.stepsTried.map((s) => `- ${s}`) : ['- (nothing recorded)']),
    '',
    `School: ${d.school ?? 'n/a'}`,
    `District reference: ${escalation.id}`,
  ].join('\n');
}
