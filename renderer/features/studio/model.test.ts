import { describe, expect, it } from 'vitest';
import { generateSop } from '../../../shared/sop/generate';
import { packToAuthoring } from '../../../shared/sop/export';
import { sopNodeSchema, sopPackSchema } from '../../../shared/sop/schema';
import type { SopDocument, SopPack } from '../../../shared/sop/schema';
import { blankSop, canPublish, createStudio, edit, findingsByNode, HISTORY_LIMIT, UNCONNECTED } from './model';
import type { StudioAction, StudioState } from './model';

/** Applies actions in order, failing the test on the first one refused. */
function run(state: StudioState, ...actions: StudioAction[]): StudioState {
  return actions.reduce((current, action) => {
    const result = edit(current, action);
    expect(result.error, `${action.type} was refused`).toBeUndefined();
    return result.state;
  }, state);
}

const rules = (doc: SopDocument, nodeId: string) => (findingsByNode(doc).get(nodeId) ?? []).map((f) => `${f.rule} ${f.field ?? ''}`.trim());

/** The document as authors write it, parsed again: what publishing and export would see. */
function reparsed(doc: SopDocument): SopDocument {
  const pack: SopPack = { id: 'studio-pack', title: 'Studio', version: '1.0.0', publisher: 'Test district', ticket: {}, district: {}, sops: [doc] };
  const sop = sopPackSchema.parse(packToAuthoring(pack)).sops[0];
  if (!sop) throw new Error('the pack lost its SOP');
  return sop;
}

/** A small procedure built from a one-node document with actions only. */
function buildProcedure(): StudioState {
  return run(
    createStudio(blankSop('hac-login', 'Parent cannot log in to HAC')),
    { type: 'set-field', nodeId: 'step-1', path: ['text'], value: 'Open the HAC admin page' },
    { type: 'add-node', kind: 'question', connectFrom: { from: 'step-1' } },
    { type: 'set-field', nodeId: 'question-1', path: ['prompt'], value: 'Does the parent have a login?' },
    { type: 'add-node', kind: 'outcome', connectFrom: { from: 'question-1', choiceId: 'yes' } },
    { type: 'add-node', kind: 'input', connectFrom: { from: 'question-1', choiceId: 'no' } },
    { type: 'set-field', nodeId: 'input-1', path: ['fields', '0', 'label'], value: 'Parent email' },
    { type: 'add-node', kind: 'outcome', connectFrom: { from: 'input-1' } },
    { type: 'set-field', nodeId: 'outcome-2', path: ['outcome', 'summary'], value: 'Sent an invite to {{input1}}' },
  );
}

describe('building a procedure from scratch', () => {
  it('starts from one node whose open edge lint reports, so it cannot be published yet', () => {
    const { doc } = createStudio(blankSop('hac-login', 'Parent cannot log in to HAC'));
    expect(doc.nodes).toHaveLength(1);
    expect(rules(doc, 'step-1')).toEqual(['dead-end next', 'no-outcome-reachable']);
    expect(canPublish(doc)).toBe(false);
  });

  it('adds connected nodes with fresh kebab ids until the procedure is lint-clean and publishable', () => {
    const { doc } = buildProcedure();
    expect(doc.nodes.map((node) => node.id)).toEqual(['step-1', 'question-1', 'outcome-1', 'input-1', 'outcome-2']);
    expect(doc.nodes[0]).toMatchObject({ next: 'question-1' });
    expect(findingsByNode(doc)).toEqual(new Map());
    expect(canPublish(doc)).toBe(true);
    expect(reparsed(doc)).toEqual(doc);
  });

  it('gives every kind of node content the schema accepts', () => {
    const kinds = ['step', 'question', 'input', 'verify-identity', 'outcome'] as const;
    const { doc } = run(createStudio(blankSop('kinds', 'Every kind')), ...kinds.map((kind) => ({ type: 'add-node', kind }) satisfies StudioAction));
    for (const node of doc.nodes) expect(sopNodeSchema.safeParse(node).success, node.id).toBe(true);
    expect(reparsed(doc)).toEqual(doc);
    expect(rules(doc, 'verify-identity-1')).toEqual(expect.arrayContaining(['dead-end next', 'dead-end unverified']));
  });

  it('reports the new node id and refuses a taken, reserved or non-kebab one', () => {
    const state = buildProcedure();
    expect(edit(state, { type: 'add-node', kind: 'step' }).nodeId).toBe('step-2');
    for (const id of ['outcome-1', UNCONNECTED, 'Ask Login']) {
      const refused = edit(state, { type: 'add-node', kind: 'step', id });
      expect(refused.error).toBeTruthy();
      expect(refused.state).toBe(state);
    }
  });
});

describe('a broken edit shows on the node at once', () => {
  it('deleting a node leaves a dead end on the node that pointed to it, and connect fixes it', () => {
    const deleted = run(buildProcedure(), { type: 'delete-node', nodeId: 'outcome-1' });
    expect(rules(deleted.doc, 'question-1')).toEqual(['dead-end choices[0].next']);
    expect(canPublish(deleted.doc)).toBe(false);

    const fixed = run(deleted, { type: 'connect', from: 'question-1', choiceId: 'yes', to: 'input-1' });
    expect(findingsByNode(fixed.doc)).toEqual(new Map());
    expect(canPublish(fixed.doc)).toBe(true);
  });

  it('a variable used before it is captured is an error on the node that uses it', () => {
    const { doc } = run(buildProcedure(), { type: 'set-field', nodeId: 'step-1', path: ['say'], value: 'Hello {{parentName}}' });
    expect(rules(doc, 'step-1')).toEqual(['undefined-variable say']);
    expect(canPublish(doc)).toBe(false);
  });

  it('a duplicate choice id is an error on its question', () => {
    const { doc } = run(buildProcedure(), { type: 'set-field', nodeId: 'question-1', path: ['choices', '1', 'id'], value: 'yes' });
    expect(rules(doc, 'question-1')).toEqual(['duplicate-choice-id choices[1].id']);
  });

  it('a new choice starts unconnected, and removing it clears the error', () => {
    const added = run(buildProcedure(), { type: 'add-choice', nodeId: 'question-1', label: 'Not sure' });
    expect(rules(added.doc, 'question-1')).toEqual(['dead-end choices[2].next']);
    const removed = run(added, { type: 'remove-choice', nodeId: 'question-1', choiceId: 'choice-3' });
    expect(findingsByNode(removed.doc)).toEqual(new Map());
  });

  it('warnings show on the node but do not block publishing', () => {
    const { doc } = run(buildProcedure(), { type: 'add-node', kind: 'outcome' });
    expect(rules(doc, 'outcome-3')).toEqual(['unreachable-node']);
    expect(canPublish(doc)).toBe(true);
  });

  it('lints a document once, however often it is asked', () => {
    const { doc } = buildProcedure();
    expect(findingsByNode(doc)).toBe(findingsByNode(doc));
  });

  it('SOP-level findings are grouped under the empty id', () => {
    const { doc } = run(buildProcedure(), { type: 'delete-node', nodeId: 'step-1' });
    expect(rules(doc, '')).toContain('missing-start start');
    const restarted = run({ ...createStudio(doc) }, { type: 'set-start', nodeId: 'question-1' });
    expect(findingsByNode(restarted.doc)).toEqual(new Map());
  });
});

describe('undo and redo', () => {
  it('undo walks back to the exact first document and redo forward to the exact last one', () => {
    const built = buildProcedure();
    let state = built;
    while (state.past.length > 0) state = run(state, { type: 'undo' });
    expect(state.doc).toEqual(blankSop('hac-login', 'Parent cannot log in to HAC'));
    expect(state.future).toHaveLength(built.past.length);
    while (state.future.length > 0) state = run(state, { type: 'redo' });
    expect(state.doc).toBe(built.doc);
    expect(state.past).toEqual(built.past);
  });

  it('an edit after undo drops the redo branch; nothing to undo or redo is refused', () => {
    const undone = run(buildProcedure(), { type: 'undo' });
    const branched = run(undone, { type: 'set-start', nodeId: 'question-1' });
    expect(branched.future).toEqual([]);
    const fresh = createStudio(blankSop('x', 'X'));
    expect(edit(fresh, { type: 'undo' })).toEqual({ state: fresh, error: 'nothing to undo' });
    expect(edit(fresh, { type: 'redo' })).toEqual({ state: fresh, error: 'nothing to redo' });
  });

  it(`keeps the last ${HISTORY_LIMIT} steps`, () => {
    let state = buildProcedure();
    for (let i = 0; i < HISTORY_LIMIT + 50; i++) state = run(state, { type: 'set-field', nodeId: 'step-1', path: ['text'], value: `Edit ${i}` });
    expect(state.past).toHaveLength(HISTORY_LIMIT);
  });

  it('never changes the state it is given', () => {
    const state = buildProcedure();
    const before = structuredClone(state);
    run(state, { type: 'rename-node', nodeId: 'question-1', to: 'ask-has-login' }, { type: 'delete-node', nodeId: 'input-1' }, { type: 'undo' });
    expect(state).toEqual(before);
  });
});

describe('renaming a node', () => {
  it('updates every edge and the start node', () => {
    const { doc } = run(
      buildProcedure(),
      { type: 'rename-node', nodeId: 'question-1', to: 'ask-has-login' },
      { type: 'rename-node', nodeId: 'step-1', to: 'open-admin-page' },
    );
    expect(doc.start).toBe('open-admin-page');
    expect(doc.nodes[0]).toMatchObject({ id: 'open-admin-page', next: 'ask-has-login' });
    expect(findingsByNode(doc)).toEqual(new Map());
  });

  it('keeps references on a 500-node SOP with loops', () => {
    const doc = generateSop(500, 3);
    const { doc: renamed } = run(createStudio(doc), { type: 'rename-node', nodeId: 'node-12', to: 'check-login' });
    expect(findingsByNode(renamed)).toEqual(new Map());
    expect(JSON.stringify(renamed)).not.toContain('"node-12"');
  }, 30_000);

  it('refuses a duplicate or non-kebab id with a reason, leaving the state as it was', () => {
    const state = buildProcedure();
    const duplicate = edit(state, { type: 'rename-node', nodeId: 'question-1', to: 'outcome-2' });
    expect(duplicate.error).toMatch(/already exists/);
    expect(duplicate.state).toBe(state);
    expect(edit(state, { type: 'rename-node', nodeId: 'question-1', to: 'Ask_Login' }).error).toMatch(/kebab-case/);
    expect(edit(state, { type: 'rename-node', nodeId: 'nope', to: 'fine-id' }).error).toMatch(/no node "nope"/);
  });
});

describe('refused edits', () => {
  const state = buildProcedure();
  it.each<[StudioAction, RegExp]>([
    [{ type: 'connect', from: 'outcome-1', to: 'step-1' }, /outcome/],
    [{ type: 'connect', from: 'question-1', to: 'step-1' }, /which choice/],
    [{ type: 'connect', from: 'step-1', to: 'missing' }, /no node "missing"/],
    [{ type: 'connect', from: 'step-1', port: 'unverified', to: 'outcome-1' }, /only a next edge/],
    [{ type: 'set-field', nodeId: 'step-1', path: ['id'], value: 'x' }, /rename-node/],
    [{ type: 'set-field', nodeId: 'step-1', path: ['next'], value: 'Not Kebab' }, /^next: .*kebab-case/],
    [{ type: 'set-field', nodeId: 'step-1', path: ['text'], value: '' }, /^text:/],
    [{ type: 'set-field', nodeId: 'step-1', path: ['say'], value: { en: 'Hi', es: 'Hola' } }, /one language at a time/],
    [{ type: 'set-field', nodeId: 'question-1', path: ['choices', '5', 'label'], value: 'x' }, /no item 5/],
    [{ type: 'set-field', nodeId: 'step-1', path: ['colour'], value: 'red' }, /./],
    [{ type: 'remove-choice', nodeId: 'step-1', choiceId: 'yes' }, /not a question/],
    [{ type: 'delete-node', nodeId: 'nope' }, /no node/],
  ])('%o is refused', (action, reason) => {
    const result = edit(state, action);
    expect(result.error).toMatch(reason);
    expect(result.state).toBe(state);
  });

  it('a question keeps at least one choice and an SOP at least one node', () => {
    const one = run(state, { type: 'remove-choice', nodeId: 'question-1', choiceId: 'no' });
    expect(edit(one, { type: 'remove-choice', nodeId: 'question-1', choiceId: 'yes' }).error).toMatch(/at least one choice/);
    const blank = createStudio(blankSop('x', 'X'));
    expect(edit(blank, { type: 'delete-node', nodeId: 'step-1' }).error).toMatch(/at least one node/);
  });
});

describe('set-field', () => {
  it('sets and removes optional texts and writes translations per language', () => {
    const { doc } = run(
      buildProcedure(),
      { type: 'set-field', nodeId: 'step-1', path: ['say'], value: 'One moment please' },
      { type: 'set-field', nodeId: 'step-1', path: ['translations', 'es', 'say'], value: 'Un momento, por favor' },
      { type: 'set-field', nodeId: 'step-1', path: ['notes'], value: 'Admin access needed' },
      { type: 'set-field', nodeId: 'step-1', path: ['notes'], value: undefined },
    );
    expect(doc.nodes[0]).toEqual({
      id: 'step-1',
      kind: 'step',
      sensitive: false,
      text: 'Open the HAC admin page',
      say: 'One moment please',
      next: 'question-1',
      translations: { es: { say: 'Un momento, por favor' } },
    });
    expect(reparsed(doc)).toEqual(doc);
  });

  it("removing a choice moves the translations of the choices after it", () => {
    const { doc } = run(
      buildProcedure(),
      { type: 'set-field', nodeId: 'question-1', path: ['translations'], value: { es: { 'choices[0].label': 'Sí', 'choices[1].label': 'No', prompt: '¿Tiene cuenta?' } } },
      { type: 'remove-choice', nodeId: 'question-1', choiceId: 'yes' },
    );
    expect(doc.nodes[1]?.translations).toEqual({ es: { 'choices[0].label': 'No', prompt: '¿Tiene cuenta?' } });
  });
});

describe('typing and SOP-level fields', () => {
  it('merges keystrokes in one field into one undo step, and splits at another field', () => {
    let state = createStudio(blankSop('typing', 'Typing'));
    for (const value of ['R', 'Re', 'Res']) state = edit(state, { type: 'set-field', nodeId: 'step-1', path: ['title'], value, typing: true }).state;
    state = edit(state, { type: 'set-field', nodeId: 'step-1', path: ['text'], value: 'Do it', typing: true }).state;
    expect(state.past).toHaveLength(2);
    const undone = edit(state, { type: 'undo' }).state;
    expect(undone.doc.nodes[0]?.title).toBe('Res');
    expect(edit(undone, { type: 'undo' }).state.doc.nodes[0]?.title).toBeUndefined();
  });

  it('sets SOP-level fields through the document schema, refusing a bad value with its reason', () => {
    const state = createStudio(blankSop('sop-fields', 'Fields'));
    const languages = edit(state, { type: 'set-sop-field', field: 'languages', value: ['en', 'es'] });
    expect(languages.error).toBeUndefined();
    expect(languages.state.doc.languages).toEqual(['en', 'es']);
    expect(languages.state.doc.nodes[0]).toBe(state.doc.nodes[0]);
    const bad = edit(state, { type: 'set-sop-field', field: 'locale', value: 'English' });
    expect(bad.state).toBe(state);
    expect(bad.error).toMatch(/^locale: /);
    expect(edit(state, { type: 'set-sop-field', field: 'title', value: '' }).error).toMatch(/^title: /);
  });
});
