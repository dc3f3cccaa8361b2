import { describe, expect, it } from 'vitest';
import { answer, startRun } from '../../../shared/sop/engine';
import type { RunInput, RunState } from '../../../shared/sop/engine';
import { sopDocumentSchema } from '../../../shared/sop/schema';
import { blankDraft, draftFromRun as runDraft } from './prefill';

const draftFromRun = (...args: Parameters<typeof runDraft>) => runDraft(...args).draft;

const doc = sopDocumentSchema.parse({
  id: 'portal-login',
  title: 'Portal login',
  version: '1.2.0',
  audience: ['analyst'],
  start: 'caller',
  nodes: {
    caller: {
      kind: 'input',
      title: 'Caller',
      prompt: 'Who is calling?',
      fields: [
        { var: 'callerName', label: 'Caller name', type: 'text' },
        { var: 'callerRole', label: 'Caller is', type: 'text', required: false },
        { var: 'callbackPhone', label: 'Callback phone', type: 'phone' },
        { var: 'school', label: 'School', type: 'text', required: false },
      ],
      next: 'capitals',
    },
    capitals: { kind: 'step', title: 'Check capitals', text: 'Check caps lock', next: 'fixed' },
    fixed: {
      kind: 'question',
      prompt: 'Fixed?',
      var: 'status',
      choices: [
        { id: 'works', label: 'Works now', next: 'resolved' },
        { id: 'fails', label: 'Still failing', next: 'details' },
      ],
    },
    details: {
      kind: 'input',
      title: 'Student',
      prompt: 'Student details',
      sensitive: true,
      fields: [
        { var: 'studentName', label: 'Student name', type: 'text' },
        { var: 'studentNumber', label: 'Student number', type: 'student-number' },
      ],
      next: 'escalate',
    },
    resolved: { kind: 'outcome', outcome: { type: 'resolved', summary: '{{callerName}} is in' } },
    escalate: {
      kind: 'outcome',
      outcome: {
        type: 'escalate',
        escalationKind: 'vendor-case',
        defaultPriority: 'high',
        assignee: 'Campus support',
        queue: 'IC-{{school}}',
        summary: 'Portal login fails for {{callerName}}',
      },
    },
  },
});

function run(inputs: RunInput[]): RunState {
  return inputs.reduce((state, input, i) => answer(doc, state, input, (i + 1) * 1000), startRun(doc, 0));
}

const caller = (callerRole: string): RunInput => ({
  type: 'input',
  values: { callerName: 'Ana Lopez', callerRole, callbackPhone: '555.234.5678', school: 'Lincoln' },
});
const escalated = (callerRole = 'Parent') =>
  run([caller(callerRole), { type: 'continue' }, { type: 'choice', choiceId: 'fails' }, { type: 'input', values: { studentName: 'Sam Lopez', studentNumber: '123456' } }]);

describe('draftFromRun', () => {
  it("fills the form from an escalate outcome: its kind, priority, summary and the run's variables", () => {
    const draft = draftFromRun('run-1', doc, escalated());
    expect(draft).toMatchObject({
      kind: 'vendor-case',
      priority: 'high',
      subject: 'Portal login · escalate',
      callerRole: 'parent',
      callerName: 'Ana Lopez',
      callbackPhone: '(555) 234-5678',
      studentName: 'Sam Lopez',
      studentNumber: '123456',
      school: 'Lincoln',
      sealedNotes: [],
    });
    expect(draft.description).toBe(
      'Portal login fails for Ana Lopez\n\nCaptured on the call:\n- Fixed?: Still failing\n\nProcedure: Portal login (v1.2.0). Escalating to Campus support (queue IC-Lincoln).',
    );
  });

  it('lists the path taken as steps already tried, and traces the SOP, its version and the path', () => {
    const draft = draftFromRun('run-1', doc, escalated());
    expect(draft.stepsTried).toHaveLength(4);
    expect(draft.stepsTried[1]).toBe('Check capitals → Done');
    expect(draft.stepsTried[2]).toMatch(/→ Still failing$/);
    expect(draft.sop).toEqual({ id: 'portal-login', version: '1.2.0', runId: 'run-1', path: ['caller', 'capitals', 'fixed', 'details'] });
  });

  it('does not copy the values typed at a sensitive node into the steps', () => {
    const steps = draftFromRun('run-1', doc, escalated()).stepsTried.join('\n');
    expect(steps).not.toContain('123456');
    expect(steps).not.toContain('Sam Lopez');
  });

  it.each([
    ['guardian', 'guardian'],
    ['Legal guardian', 'guardian'],
    ['Mother', 'parent'],
    ['the student', 'student'],
    ['Teacher', 'staff'],
    ['front office', 'staff'],
  ] as const)('reads the caller role %j as %s', (typed, role) => {
    expect(draftFromRun('run-1', doc, escalated(typed)).callerRole).toBe(role);
  });

  it("carries the analyst's step notes into the description, under each step's name", () => {
    const { draft } = runDraft('run-1', doc, escalated(), { capitals: 'Caps lock was on; still fails', fixed: '  ' });
    expect(draft.description).toMatch(/Analyst's notes:\n- Check capitals: Caps lock was on; still fails$/);
  });

  it('leaves the caller role unchosen when nothing says who called, instead of "parent"', () => {
    expect(draftFromRun('run-1', doc, escalated('someone')).callerRole).toBe('');
    expect(blankDraft().callerRole).toBe('');
  });

  it('titles a run that did not end in an escalation after its procedure, as a district ticket', () => {
    const state = run([caller('Parent'), { type: 'continue' }, { type: 'choice', choiceId: 'works' }]);
    const draft = draftFromRun('run-2', doc, state);
    expect(draft).toMatchObject({ kind: 'district-tier2', priority: 'medium', subject: 'Portal login · resolved' });
    expect(draft.description).toMatch(/Procedure: Portal login \(v1\.2\.0\)\.$/);
  });

  it('leaves a field blank when the run did not capture it', () => {
    const state = run([{ type: 'input', values: { callerName: 'Ana Lopez', callbackPhone: '555.234.5678' } }]);
    const draft = draftFromRun('run-3', doc, state);
    expect({ school: draft.school, studentName: draft.studentName, studentNumber: draft.studentNumber }).toEqual({ school: '', studentName: '', studentNumber: '' });
    expect(blankDraft().sop).toBeNull();
  });
});
