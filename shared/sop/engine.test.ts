import { describe, expect, it } from 'vitest';
import {
  SopInputError,
  SopRunError,
  answer,
  back,
  capturedVariables,
  currentNode,
  outcomeOf,
  pathTaken,
  progress,
  runStateSchema,
  startRun,
  timeSpent,
} from './engine';
import type { RunState } from './engine';
import { sopDocumentSchema } from './schema';

const doc = sopDocumentSchema.parse({
  id: 'portal-login',
  title: 'Portal login',
  version: '1.0.0',
  audience: ['analyst'],
  start: 'caller',
  nodes: {
    caller: {
      kind: 'input',
      title: 'Caller',
      prompt: 'Who is calling?',
      fields: [
        { var: 'callerName', label: 'Caller name', type: 'text' },
        { var: 'callbackPhone', label: 'Callback phone', type: 'phone' },
        { var: 'email', label: 'Email', type: 'text', required: false },
      ],
      next: 'has-login',
    },
    'has-login': {
      kind: 'question',
      prompt: 'Does {{callerName}} have a login?',
      var: 'status',
      choices: [
        { id: 'yes', label: 'Has a login', next: 'capitals' },
        { id: 'no', label: 'No login', next: 'form' },
      ],
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
      fields: [{ var: 'studentNumber', label: 'Student number', type: 'student-number' }],
      next: 'escalate',
    },
    form: { kind: 'step', text: 'Send the request form', next: 'referred' },
    resolved: { kind: 'outcome', outcome: { type: 'resolved', summary: '{{callerName}} is in' } },
    referred: { kind: 'outcome', outcome: { type: 'referred', to: 'Campus', how: 'Form' } },
    escalate: {
      kind: 'outcome',
      outcome: {
        type: 'escalate',
        escalationKind: 'district-tier2',
        defaultPriority: 'medium',
        assignee: 'Tier 2',
        sealedNote: { prompt: 'Login ID for {{callerName}}' },
        summary: '{{callerName}} ({{callbackPhone}}) student {{studentNumber}}',
      },
    },
  },
});

const callerValues = { callerName: ' Ana ', callbackPhone: '555.123.4567', email: '' };

function runTo(steps: readonly ('caller' | 'yes' | 'no' | 'continue' | 'works' | 'fails' | 'details')[]): RunState {
  let state = startRun(doc, 0);
  let now = 0;
  for (const step of steps) {
    now += 1000;
    if (step === 'caller') state = answer(doc, state, { type: 'input', values: callerValues }, now);
    else if (step === 'details') state = answer(doc, state, { type: 'input', values: { studentNumber: '123456' } }, now);
    else if (step === 'continue') state = answer(doc, state, { type: 'continue' }, now);
    else state = answer(doc, state, { type: 'choice', choiceId: step }, now);
  }
  return state;
}

describe('startRun and answer', () => {
  it('starts at the start node with empty history and variables', () => {
    const state = startRun(doc, 100);
    expect(state).toEqual({
      format: 1,
      sopId: 'portal-login',
      sopVersion: '1.0.0',
      status: 'active',
      startedAt: 100,
      current: 'caller',
      enteredAt: 100,
      history: [],
      variables: {},
      timeSpent: {},
    });
    expect(currentNode(doc, state).id).toBe('caller');
  });

  it('captures input values normalized and leaves blank optional fields out', () => {
    const state = runTo(['caller']);
    expect(state.current).toBe('has-login');
    expect(capturedVariables(state)).toEqual({ callerName: 'Ana', callbackPhone: '(555) 123-4567' });
  });

  it('refuses invalid input with every field error and leaves the state untouched', () => {
    const state = startRun(doc, 0);
    const before = JSON.stringify(state);
    let thrown: unknown;
    try {
      answer(doc, state, { type: 'input', values: { callerName: '', callbackPhone: '123', email: 'x' } }, 5);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(SopInputError);
    expect(thrown instanceof SopInputError && thrown.fieldErrors).toEqual([
      { var: 'callerName', label: 'Caller name', message: 'Caller name: is required' },
      { var: 'callbackPhone', label: 'Callback phone', message: 'Callback phone: must be a 10-digit US number' },
    ]);
    expect(JSON.stringify(state)).toBe(before);
  });

  it('captures a question choice label into its variable', () => {
    expect(runTo(['caller', 'yes']).variables['status']).toBe('Has a login');
  });

  it('rejects an answer of the wrong type and an unknown choice', () => {
    const state = runTo(['caller']);
    expect(() => answer(doc, state, { type: 'continue' }, 1)).toThrow(
      expect.objectContaining({ code: 'WRONG_INPUT' }),
    );
    expect(() => answer(doc, state, { type: 'choice', choiceId: 'maybe' }, 1)).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_CHOICE' }),
    );
  });

  it('finishes on reaching an outcome and refuses further answers', () => {
    const state = runTo(['caller', 'yes', 'continue', 'works']);
    expect(state).toMatchObject({ status: 'finished', finishedAt: 4000, current: 'resolved' });
    expect(() => answer(doc, state, { type: 'continue' }, 5000)).toThrow(SopRunError);
  });

  it('refuses a state saved for another version of the SOP', () => {
    const state = startRun(doc, 0);
    const newer = { ...doc, version: '1.1.0' };
    expect(() => currentNode(newer, state)).toThrow(expect.objectContaining({ code: 'SOP_MISMATCH' }));
  });

  it('keeps state JSON round-trip safe and valid against runStateSchema', () => {
    const state = back(doc, runTo(['caller', 'yes', 'continue', 'fails', 'details']), 9000);
    const copy: unknown = JSON.parse(JSON.stringify(state));
    expect(copy).toEqual(state);
    expect(runStateSchema.parse(copy)).toEqual(state);
  });
});

describe('back', () => {
  it('returns to the previous node and offers its earlier answer as the default', () => {
    const state = back(doc, runTo(['caller', 'yes']), 2500);
    expect(state.current).toBe('has-login');
    expect(state.previousAnswer).toEqual({ type: 'choice', choiceId: 'yes' });
    expect(state.history.map((step) => step.nodeId)).toEqual(['caller']);
  });

  it('removes variables captured only by the discarded answer', () => {
    const state = back(doc, runTo(['caller', 'yes']), 2500);
    expect(state.variables).toEqual({ callerName: 'Ana', callbackPhone: '(555) 123-4567' });
  });

  it('restores an earlier value of a variable a discarded answer had overwritten', () => {
    const later = runTo(['caller', 'yes', 'continue', 'fails']);
    expect(later.variables['status']).toBe('Still failing');
    expect(back(doc, later, 5000).variables['status']).toBe('Has a login');
  });

  it('re-evaluates the path: a different answer after back drops the old branch', () => {
    const rewound = back(doc, back(doc, runTo(['caller', 'yes', 'continue']), 3500), 3600);
    const state = answer(doc, rewound, { type: 'choice', choiceId: 'no' }, 4000);
    expect(state.current).toBe('form');
    expect(state.history.map((step) => step.nodeId)).toEqual(['caller', 'has-login']);
    expect(state.previousAnswer).toBeUndefined();
  });

  it('reopens a finished run', () => {
    const state = back(doc, runTo(['caller', 'no', 'continue']), 4000);
    expect(state.status).toBe('active');
    expect(state).not.toHaveProperty('finishedAt');
    expect(state.current).toBe('form');
  });

  it('does nothing at the start node', () => {
    const state = startRun(doc, 0);
    expect(back(doc, state, 10)).toBe(state);
  });
});

describe('views of a run', () => {
  it('sums time per node across visits, including undone ones', () => {
    let state = startRun(doc, 0);
    state = answer(doc, state, { type: 'input', values: callerValues }, 3000);
    state = back(doc, state, 4000);
    state = answer(doc, state, { type: 'input', values: callerValues }, 6000);
    expect(timeSpent(state)).toEqual({ caller: 5000, 'has-login': 1000 });
    expect(timeSpent(state, 6500)).toEqual({ caller: 5000, 'has-login': 1500 });
  });

  it('estimates progress from the shortest path to an outcome', () => {
    expect(progress(doc, startRun(doc, 0))).toEqual({ answered: 0, remainingEstimate: 3, fraction: 0 });
    expect(progress(doc, runTo(['caller', 'yes']))).toEqual({ answered: 2, remainingEstimate: 2, fraction: 0.5 });
    expect(progress(doc, runTo(['caller', 'no', 'continue']))).toEqual({ answered: 3, remainingEstimate: 0, fraction: 1 });
  });

  it('lists the path taken for the ticket without values typed at sensitive nodes', () => {
    const state = runTo(['caller', 'yes', 'continue', 'fails', 'details']);
    expect(pathTaken(doc, state)).toEqual([
      { nodeId: 'caller', title: 'Caller', answerLabel: 'Caller name: Ana; Callback phone: (555) 123-4567' },
      { nodeId: 'has-login', title: 'Does Ana have a login?', answerLabel: 'Has a login' },
      { nodeId: 'capitals', title: 'Check capitals', answerLabel: 'Done' },
      { nodeId: 'fixed', title: 'Fixed?', answerLabel: 'Still failing' },
      { nodeId: 'details', title: 'Student', answerLabel: 'Student number: (recorded)' },
    ]);
  });

  it('returns the outcome with variables filled in, only once finished', () => {
    expect(outcomeOf(doc, runTo(['caller', 'yes']))).toBeUndefined();
    const outcome = outcomeOf(doc, runTo(['caller', 'yes', 'continue', 'fails', 'details']));
    expect(outcome).toEqual({
      nodeId: 'escalate',
      title: 'escalate',
      outcome: {
        type: 'escalate',
        escalationKind: 'district-tier2',
        defaultPriority: 'medium',
        assignee: 'Tier 2',
        sealedNote: { prompt: 'Login ID for Ana' },
        summary: 'Ana ((555) 123-4567) student 123456',
      },
    });
  });
});

describe('a verify-identity node', () => {
  const verifying = sopDocumentSchema.parse({
    id: 'verified-call',
    title: 'Verified call',
    version: '1.0.0',
    audience: ['analyst'],
    start: 'verify',
    district: { facts: { label: 'the facts to check' } },
    nodes: {
      verify: { kind: 'verify-identity', prompt: 'Check {{district.facts}}', methods: ['callback-on-file', 'photo-id-in-person'], next: 'account', unverified: 'general' },
      account: { kind: 'outcome', outcome: { type: 'resolved', summary: 'Account help' } },
      general: { kind: 'outcome', outcome: { type: 'resolved', summary: 'General help only' } },
    },
  });
  const start = () => startRun(verifying, 0, { 'district.facts': 'student ID and birth date' });

  it('records how identity was checked and goes on to the account', () => {
    const state = answer(verifying, start(), { type: 'verify', method: 'callback-on-file' }, 5);
    expect(state.current).toBe('account');
    expect(state.variables).toMatchObject({ identity: 'callback-on-file' });
    expect(pathTaken(verifying, state)[0]?.answerLabel).toBe('Identity verified: called back the phone number on file');
  });

  it('sends "could not verify" to general help', () => {
    const state = answer(verifying, start(), { type: 'verify', method: 'not-verified' }, 5);
    expect(state.current).toBe('general');
    expect(state.variables['identity']).toBe('not-verified');
  });

  it('refuses a method the node does not offer', () => {
    expect(() => answer(verifying, start(), { type: 'verify', method: 'district-facts' }, 5)).toThrow(SopRunError);
  });

  it("keeps the district's values through back", () => {
    const answered = answer(verifying, start(), { type: 'verify', method: 'callback-on-file' }, 5);
    const undone = back(verifying, answered, 9);
    expect(undone.variables).toEqual({ 'district.facts': 'student ID and birth date' });
    expect(runStateSchema.parse(undone)).toEqual(undone);
  });
});
