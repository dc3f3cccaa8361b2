import type { CallerRole, EscalationDraftInput } from '../../../shared/escalation/schema';
import { callerRoleSchema } from '../../../shared/escalation/schema';
import { interpolate, outcomeOf, pathTaken } from '../../../shared/sop/engine';
import type { SopDocument } from '../../../shared/sop/schema';
import type { RunState } from '../../../shared/sop/engine';

function callerRole(raw: string | undefined): CallerRole {
  const value = (raw ?? '').trim().toLowerCase();
  const parsed = callerRoleSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  if (/guardian/.test(value)) return 'guardian';
  if (/parent|mother|father|mom|dad/.test(value)) return 'parent';
  if (/student/.test(value)) return 'student';
  if (/staff|teacher|employee|office/.test(value)) return 'staff';
  return 'parent';
}

/** An empty draft, for an escalation started from the queue screen rather than a run. */
export function blankDraft(): EscalationDraftInput {
  return {
    kind: 'district-tier2',
    subject: '',
    description: '',
    stepsTried: [],
    replicationSteps: '',
    callerRole: 'parent',
    callerName: '',
    studentName: '',
    studentNumber: '',
    school: '',
    callbackPhone: '',
    priority: 'medium',
    sop: null,
    sealedNotes: [],
  };
}

/**
 * Prefills a draft from a finished run: its captured variables (canonical names from the packs:
 * callerName, callerRole, studentName, studentNumber, school, callbackPhone), the path taken as
 * "steps already tried", and the SOP id, version and path. Sensitive nodes contribute their step
 * but not the values they captured.
 */
export function draftFromRun(runId: string, doc: SopDocument, state: RunState): EscalationDraftInput {
  const vars = state.variables;
  const outcome = outcomeOf(doc, state)?.outcome;
  const path = pathTaken(doc, state);
  const escalate = outcome?.type === 'escalate' ? outcome : null;
  const subject = escalate ? interpolate(escalate.summary, vars).slice(0, 150) : doc.title;
  return {
    ...blankDraft(),
    kind: escalate?.escalationKind ?? 'district-tier2',
    priority: escalate?.defaultPriority ?? 'medium',
    subject,
    description: [
      `Procedure: ${doc.title} (v${doc.version}).`,
      escalate ? `Escalating to ${escalate.assignee}${escalate.queue ? ` (queue ${escalate.queue})` : ''}.` : '',
    ]
      .filter(Boolean)
      .join(' '),
    stepsTried: path.map((step) => (step.answerLabel ? `${step.title} → ${step.answerLabel}` : step.title)),
    callerRole: callerRole(vars.callerRole),
    callerName: vars.callerName ?? '',
    studentName: vars.studentName ?? '',
    studentNumber: vars.studentNumber ?? '',
    school: vars.school ?? '',
    callbackPhone: vars.callbackPhone ?? '',
    sop: { id: doc.id, version: doc.version, runId, path: path.map((step) => step.nodeId) },
  };
}
