import { answer, startRun } from '../sop/engine';
import type { RunState } from '../sop/run-state';
import { sopDocumentSchema } from '../sop/schema';
import type { SopDocument } from '../sop/schema';

/**
 * A small SOP for call-log tests: it takes the student's name and (student-number) id, a
 * description that may name the student, and ends resolved, referred or escalated.
 */
export const CALL_DOC: SopDocument = sopDocumentSchema.parse({
  id: 'hac-login',
  title: 'HAC parent login',
  version: '2.1.0',
  audience: ['analyst'],
  start: 'student',
  nodes: {
    student: {
      kind: 'input',
      title: 'Student',
      prompt: 'Which student?',
      fields: [
        { var: 'studentName', label: 'Student name', type: 'text' },
        { var: 'sid', label: 'Student id', type: 'student-number' },
        { var: 'issue', label: 'What happens', type: 'text' },
      ],
      next: 'check',
    },
    check: { kind: 'step', title: 'Check the account of {{studentName}}', text: 'Look up {{sid}}.', next: 'fixed' },
    fixed: {
      kind: 'question',
      prompt: 'Did it work?',
      choices: [
        { id: 'yes', label: 'Works now', next: 'resolved' },
        { id: 'office', label: 'Needs the office', next: 'referred' },
        { id: 'no', label: 'Still failing', next: 'escalate' },
      ],
    },
    resolved: {
      kind: 'outcome',
      title: 'Login works',
      outcome: { type: 'resolved', summary: 'Unlocked the HAC account for {{studentName}} (#{{sid}}): {{issue}}' },
    },
    referred: {
      kind: 'outcome',
      title: 'Sent to the school office',
      outcome: { type: 'referred', to: 'the school office', how: 'Call the front desk about {{studentName}}', summary: 'Office re-links {{sid}}' },
    },
    escalate: {
      kind: 'outcome',
      title: 'Escalate',
      outcome: { type: 'escalate', escalationKind: 'district-tier2', defaultPriority: 'medium', assignee: 'Tier 2', summary: 'Still failing' },
    },
  },
});

export const STUDENT = { name: 'Maria Lopez', number: '123456' };

/** A run of CALL_DOC that took `choice` at the end, started at `t0` and finished 4 min 12 s later. */
export function finishedRun(choice: 'yes' | 'office' | 'no', t0 = Date.parse('2026-11-30T15:00:00.000Z')): RunState {
  let state = startRun(CALL_DOC, t0);
  state = answer(CALL_DOC, state, { type: 'input', values: { studentName: STUDENT.name, sid: STUDENT.number, issue: 'Maria picked the wrong school year' } }, t0 + 60_000);
  state = answer(CALL_DOC, state, { type: 'continue' }, t0 + 120_000);
  return answer(CALL_DOC, state, { type: 'choice', choiceId: choice }, t0 + 252_000);
}

export const RUN_ID = '6f1c7a52-3a0e-4c1b-9a43-0d5e8f7b2c11';
export const ANALYST = { id: 'a.rivera', name: 'Alex Rivera' };
