import type { CallerRole, EscalationKind } from '../../../shared/escalation/schema';
import type { Role } from '../../../shared/ipc/roles';
import type { Decision, ReviewEvent, ReviewState } from '../../../shared/review/schema';
import type { Priority } from '../../../shared/sla';
import type { MessageKey } from '../../i18n';

/**
 * The supervisor screens' value → words tables, one home for each, so a list, a detail and the
 * audit trail say the same thing for the same value in either language.
 */

/** A date and time as these screens have always shown it (`10/19/2026, 5:00:00 PM` in en-US), in the analyst's locale. */
export const DATE_TIME = { year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: '2-digit', second: '2-digit' } as const;

/** A clock time with seconds (`5:00:00 PM` in en-US), in the analyst's locale. */
export const CLOCK = { hour: 'numeric', minute: '2-digit', second: '2-digit' } as const;

/** A review state as the list's filter names it. */
export const STATE_LABEL: Record<ReviewState, MessageKey> = {
  'awaiting-review': 'review.state.awaitingReview',
  returned: 'review.state.returned',
  approved: 'review.state.approved',
  forwarded: 'review.state.forwarded',
};

/** A review state as the detail's lines show it (the state's own name in English). */
export const STATE_WORD: Record<ReviewState, MessageKey> = {
  'awaiting-review': 'review.stateWord.awaitingReview',
  returned: 'review.stateWord.returned',
  approved: 'review.stateWord.approved',
  forwarded: 'review.stateWord.forwarded',
};

/** A priority by the vendor's matrix (shared/sla VENDOR_PRIORITY_MATRIX): its label, response target and example. */
export const PRIORITY_LABEL: Record<Priority, MessageKey> = {
  critical: 'review.priority.critical',
  high: 'review.priority.high',
  medium: 'review.priority.medium',
  low: 'review.priority.low',
};
export const PRIORITY_RESPONSE: Record<Priority, MessageKey> = {
  critical: 'review.priority.critical.response',
  high: 'review.priority.high.response',
  medium: 'review.priority.medium.response',
  low: 'review.priority.low.response',
};
export const PRIORITY_EXAMPLE: Record<Priority, MessageKey> = {
  critical: 'review.priority.critical.example',
  high: 'review.priority.high.example',
  medium: 'review.priority.medium.example',
  low: 'review.priority.low.example',
};

/** A priority as the escalation's facts show it (the value's own name in English). */
export const PRIORITY_WORD: Record<Priority, MessageKey> = {
  critical: 'review.priorityWord.critical',
  high: 'review.priorityWord.high',
  medium: 'review.priorityWord.medium',
  low: 'review.priorityWord.low',
};

/** What a decision did, as the detail and the audit trail name it (the action's own name in English). */
export const DECISION_WORD: Record<Decision['kind'], MessageKey> = {
  approve: 'review.decisionWord.approve',
  return: 'review.decisionWord.return',
  forward: 'review.decisionWord.forward',
  'vendor-case': 'review.decisionWord.vendorCase',
};

/** One entry of a ticket's review history. */
export const HISTORY_WORD: Record<ReviewEvent['kind'], MessageKey> = {
  created: 'review.historyWord.created',
  returned: 'review.historyWord.returned',
  approved: 'review.historyWord.approved',
  forwarded: 'review.historyWord.forwarded',
  'vendor-case': 'review.historyWord.vendorCase',
  resubmitted: 'review.historyWord.resubmitted',
  comment: 'review.historyWord.comment',
};

export const ESCALATION_KIND: Record<EscalationKind, MessageKey> = {
  'vendor-case': 'review.facts.kind.vendorCase',
  'district-tier2': 'review.facts.kind.districtTier2',
};

export const CALLER_ROLE: Record<CallerRole, MessageKey> = {
  parent: 'review.callerRole.parent',
  guardian: 'review.callerRole.guardian',
  student: 'review.callerRole.student',
  staff: 'review.callerRole.staff',
  other: 'review.callerRole.other',
};

export const ROLE_WORD: Record<Role, MessageKey> = {
  analyst: 'review.role.analyst',
  technician: 'review.role.technician',
  supervisor: 'review.role.supervisor',
};

/** The key for `value` in `table`, or undefined for a value the table does not know (data from another version). */
export function wordOf<K extends string>(table: Record<K, MessageKey>, value: string): MessageKey | undefined {
  return Object.hasOwn(table, value) ? table[value as K] : undefined;
}
