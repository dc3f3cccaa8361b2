import { isDeepStrictEqual } from 'node:util';
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { FIELD_TYPES, fieldValidator } from '../fields/index';
import { districtConstants } from './district';
import { NOT_VERIFIED, SopInputError, SopRunError, answer, back, outcomeOf, progress, runStateSchema, startRun } from './engine';
import type { RunInput, RunState } from './engine';
import { indexSop, reachableFrom } from './graph';
import { lintSop } from './lint';
import { successorsOf } from './nodes';
import { BUILTIN_PACKS } from './packs/index';
import { ESCALATION_KINDS, PRIORITIES, VERIFY_METHODS, sopDocumentSchema } from './schema';
import type { InputField, SopDocument, SopDocumentInput, SopNode } from './schema';

/**
 * Properties of the SOP engine over any schema-valid SOP (random graphs of every node kind, with
 * unreachable nodes, loops, traps and edges to missing nodes, plus every shipped pack) and any
 * sequence of answers, backs and misuse: the state stays valid, its path is a path of the graph,
 * `back` undoes exactly one answer, progress stays in [0, 1], and the engine visits exactly the
 * nodes the linter calls reachable.
 */

type NodeInput = Extract<SopDocumentInput['nodes'], readonly unknown[]>[number];
type FieldInput = Extract<NodeInput, { kind: 'input' }>['fields'][number];

const nodeId = (i: number) => `n${i}`;
/** An edge target no generated node has: a dead end, which lint reports and the engine refuses. */
const MISSING = 'missing-node';
/** Variable names shared between nodes, so later captures overwrite earlier ones. */
const VARIABLES = ['callerName', 'school', 'detail', 'other'] as const;

const targetArb = (n: number) =>
  fc.oneof(
    { weight: 12, arbitrary: fc.integer({ min: 0, max: n - 1 }).map(nodeId) },
    { weight: 1, arbitrary: fc.constant(MISSING) },
  );

const fieldArb: fc.Arbitrary<FieldInput> = fc
  .record({
    var: fc.constantFrom(...VARIABLES),
    type: fc.constantFrom(...FIELD_TYPES),
    required: fc.boolean(),
    max: fc.option(fc.integer({ min: 10, max: 200 }), { nil: undefined }),
  })
  .map(({ var: name, type, required, max }): FieldInput => {
    const base = { var: name, label: `Field ${name}`, required };
    return type === 'text' && max !== undefined ? { ...base, type, max } : { ...base, type };
  });

const outcomeArb = fc.oneof(
  fc.constant({ type: 'resolved' as const, summary: 'Fixed' }),
  fc.constant({ type: 'referred' as const, to: 'The school', how: 'By phone' }),
  fc.record({
    type: fc.constant('escalate' as const),
    escalationKind: fc.constantFrom(...ESCALATION_KINDS),
    defaultPriority: fc.constantFrom(...PRIORITIES),
    assignee: fc.constant('Tier 2'),
    summary: fc.constant('Escalated for {{callerName}}'),
  }),
);

function nodeArb(i: number, n: number): fc.Arbitrary<NodeInput> {
  const id = nodeId(i);
  const target = targetArb(n);
  return fc.oneof(
    target.map((next): NodeInput => ({ id, kind: 'step', text: `Step ${i}`, next })),
    fc
      .record({
        nexts: fc.array(target, { minLength: 1, maxLength: 3 }),
        var: fc.option(fc.constantFrom(...VARIABLES), { nil: undefined }),
      })
      .map(({ nexts, var: name }): NodeInput => ({
        id,
        kind: 'question',
        prompt: `Question ${i}`,
        choices: nexts.map((next, c) => ({ id: `c${c}`, label: `Choice ${c}`, next })),
        ...(name === undefined ? {} : { var: name }),
      })),
    fc
      .record({ fields: fc.uniqueArray(fieldArb, { minLength: 1, maxLength: 3, selector: (f) => f.var }), next: target })
      .map(({ fields, next }): NodeInput => ({ id, kind: 'input', prompt: `Input ${i}`, fields, next })),
    fc
      .record({
        methods: fc.option(fc.subarray([...VERIFY_METHODS], { minLength: 1 }), { nil: undefined }),
        next: target,
        unverified: target,
      })
      .map(({ methods, next, unverified }): NodeInput => ({
        id,
        kind: 'verify-identity',
        prompt: `Verify ${i}`,
        next,
        unverified,
        ...(methods === undefined ? {} : { methods }),
      })),
    outcomeArb.map((outcome): NodeInput => ({ id, kind: 'outcome', outcome })),
  );
}

/** A schema-valid SOP of 1–8 nodes, parsed by the real schema from the map or the list form. */
const generatedSopArb: fc.Arbitrary<SopDocument> = fc
  .integer({ min: 1, max: 8 })
  .chain((n) =>
    fc.record({
      nodes: fc.tuple(...Array.from({ length: n }, (_, i) => nodeArb(i, n))),
      start: fc.integer({ min: 0, max: n - 1 }).map(nodeId),
      keyed: fc.boolean(),
    }),
  )
  .map(({ nodes, start, keyed }) =>
    sopDocumentSchema.parse({
      id: 'generated',
      title: 'Generated SOP',
      version: '1.0.0',
      audience: ['analyst'],
      start,
      nodes: keyed ? Object.fromEntries(nodes.map(({ id, ...body }) => [id, body])) : nodes,
    } satisfies SopDocumentInput),
  );

const PACK_SOPS: readonly SopDocument[] = BUILTIN_PACKS.flatMap((pack) => pack.sops);

/** A value `fieldValidator` accepts for `field`; the candidates cover every field the packs and the generator write. */
const SAMPLES = ['abc', 'A sample value long enough for every minimum', 'ana@example.org', '555-123-4567', '123456', 'Bear Creek Elementary', 'yes', '2025-01-15'];
const sampleCache = new WeakMap<InputField, string>();
function validSample(field: InputField): string {
  const hit = sampleCache.get(field);
  if (hit !== undefined) return hit;
  const validator = fieldValidator(field);
  const value = SAMPLES.find((candidate) => validator.safeParse(candidate).success);
  if (value === undefined) throw new Error(`no sample value fits field ${field.var} (${field.type})`);
  sampleCache.set(field, value);
  return value;
}

/** Every answer that moves the run on from `node`: the engine's outgoing transitions. */
function transitions(node: SopNode): RunInput[] {
  switch (node.kind) {
    case 'step':
      return [{ type: 'continue' }];
    case 'question':
      return node.choices.map((choice) => ({ type: 'choice', choiceId: choice.id }));
    case 'input':
      return [{ type: 'input', values: Object.fromEntries(node.fields.map((f) => [f.var, validSample(f)])) }];
    case 'verify-identity':
      return [...node.methods, NOT_VERIFIED].map((method) => ({ type: 'verify', method }));
    case 'outcome':
      return [];
  }
}

/** Answers no valid UI sends at `node`: wrong type, unknown choice, unknown method. */
function misuses(node: SopNode): RunInput[] {
  const wrong: RunInput[] = [
    { type: 'choice', choiceId: 'no-such-choice' },
    { type: 'verify', method: 'fingerprint' },
  ];
  if (node.kind !== 'step') wrong.push({ type: 'continue' });
  if (node.kind !== 'input') wrong.push({ type: 'input', values: {} });
  return wrong;
}

type Action =
  | { type: 'answer'; pick: number; noise: readonly string[]; dt: number }
  | { type: 'back'; dt: number }
  | { type: 'misuse'; pick: number; dt: number };

const dtArb = fc.integer({ min: 0, max: 600_000 });
const actionArb: fc.Arbitrary<Action> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ type: fc.constant('answer' as const), pick: fc.nat(), noise: fc.array(fc.string({ maxLength: 6 }), { maxLength: 2 }), dt: dtArb }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('back' as const), dt: dtArb }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('misuse' as const), pick: fc.nat(), dt: dtArb }) },
);
const actionsArb = fc.array(actionArb, { maxLength: 24 });

/** The answer for `action` at `node`; input noise replaces some values, which may make them invalid. */
function inputFor(node: SopNode, action: Extract<Action, { type: 'answer' }>): RunInput | undefined {
  const options = transitions(node);
  const input = options[action.pick % Math.max(1, options.length)];
  if (input?.type !== 'input' || node.kind !== 'input' || action.noise.length === 0) return input;
  const values = { ...input.values };
  action.noise.forEach((value, i) => {
    const field = node.fields[(action.pick + i) % node.fields.length];
    if (field) values[field.var] = value;
  });
  return { type: 'input', values };
}

const unreachableCache = new WeakMap<SopDocument, ReadonlySet<string>>();
/** Node ids lint reports as unreachable from the start node. */
function lintUnreachable(doc: SopDocument): ReadonlySet<string> {
  let hit = unreachableCache.get(doc);
  if (!hit) {
    hit = new Set(lintSop(doc).flatMap((f) => (f.rule === 'unreachable-node' && f.nodeId !== undefined ? [f.nodeId] : [])));
    unreachableCache.set(doc, hit);
  }
  return hit;
}

/** The parts of a state that `back` restores; the clock fields and the offered default are not among them. */
function restorable(state: RunState): Omit<RunState, 'enteredAt' | 'timeSpent' | 'previousAnswer' | 'finishedAt'> {
  const { enteredAt: _entered, timeSpent: _spent, previousAnswer: _previous, finishedAt: _finished, ...rest } = state;
  return rest;
}

/**
 * Every invariant a run state must keep, whatever led to it, as a list of broken ones (one
 * `expect` per state keeps a few thousand states per run cheap).
 */
function brokenInvariants(doc: SopDocument, state: RunState, constants: Readonly<Record<string, string>>): string[] {
  const broken: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) broken.push(what);
  };
  const parsed = runStateSchema.safeParse(state);
  check(parsed.success && isDeepStrictEqual(parsed.data, state), 'the state passes runStateSchema unchanged');
  const { byId } = indexSop(doc);
  const path = [...state.history.map((step) => step.nodeId), state.current];
  check(path[0] === doc.start, 'the path begins at the start node');
  path.forEach((id, i) => {
    const node = byId.get(id);
    const next = path[i + 1];
    check(node !== undefined, `path node ${id} exists`);
    if (node && next !== undefined) check(successorsOf(node).includes(next), `${id} → ${next} is an edge`);
  });
  const unreachable = lintUnreachable(doc);
  check(!path.some((id) => unreachable.has(id)), 'no node on the path is one lint calls unreachable');

  const current = byId.get(state.current);
  check((state.status === 'finished') === (current?.kind === 'outcome'), 'finished exactly at an outcome');
  check((state.finishedAt !== undefined) === (state.status === 'finished'), 'finishedAt set exactly when finished');
  const expected: Record<string, string> = { ...constants };
  for (const step of state.history) Object.assign(expected, step.captured);
  check(isDeepStrictEqual(state.variables, expected), 'variables are the constants plus the path\'s captures');
  check(state.history.every((step) => step.leftAt >= step.enteredAt), 'every step is left after it is entered');
  check(Object.values(state.timeSpent).every((spent) => spent >= 0), 'time spent is never negative');

  const { answered, fraction } = progress(doc, state);
  check(answered === state.history.length, 'progress counts the answered steps');
  check(fraction >= 0 && fraction <= 1, `progress ${fraction} lies in [0, 1]`);
  if (state.status === 'finished') {
    check(fraction === 1, 'a finished run is 100 % done');
    check(outcomeOf(doc, state)?.nodeId === path.at(-1), 'the outcome is the end of the path');
    check(reachableFrom(byId, doc.start).has(state.current), 'the outcome is reachable from the start');
  } else {
    check(fraction < 1, 'an active run is less than 100 % done');
    check(outcomeOf(doc, state) === undefined, 'an active run has no outcome');
  }
  return broken;
}

function expectValidState(doc: SopDocument, state: RunState, constants: Readonly<Record<string, string>>): void {
  expect(brokenInvariants(doc, state, constants), `at ${state.current} after ${state.history.map((step) => step.nodeId).join(' → ')}`).toEqual([]);
}

/** Runs `actions` from the start, checking every state and that `back` undoes exactly one answer. */
function runActions(doc: SopDocument, actions: readonly Action[]): void {
  const constants = districtConstants(doc);
  let now = 1_000;
  let state = startRun(doc, now, constants);
  expectValidState(doc, state, constants);
  const before: ReturnType<typeof restorable>[] = [];
  for (const action of actions) {
    now += action.dt;
    const { byId } = indexSop(doc);
    const node = byId.get(state.current);
    if (!node) throw new Error(`run left the graph at ${state.current}`);
    const snapshot = structuredClone(state);
    if (action.type === 'back') {
      const previous = before.pop();
      const next = back(doc, state, now);
      if (previous === undefined) {
        expect(next).toBe(state);
      } else {
        expect(restorable(next)).toEqual(previous);
        expect(next.previousAnswer).toEqual(state.history.at(-1)?.answer);
        expect(next.status).toBe('active');
      }
      state = next;
    } else {
      const input =
        action.type === 'answer' ? inputFor(node, action) : misuses(node)[action.pick % misuses(node).length];
      let next: RunState | undefined;
      let error: unknown;
      try {
        next = input === undefined ? answer(doc, state, { type: 'continue' }, now) : answer(doc, state, input, now);
      } catch (caught) {
        error = caught;
      }
      // Answering never changes the state it was given, whether it succeeds or throws.
      expect(state).toEqual(snapshot);
      if (next === undefined) {
        expect(error instanceof SopRunError || error instanceof SopInputError, String(error)).toBe(true);
        if (action.type === 'answer' && state.status === 'active' && error instanceof SopRunError) {
          // A valid answer is refused only when its edge leads to a missing node.
          expect(error.code).toBe('UNKNOWN_NODE');
        }
      } else {
        expect(action.type).toBe('answer');
        expect(next.history).toHaveLength(state.history.length + 1);
        before.push(restorable(state));
        state = next;
      }
    }
    expectValidState(doc, state, constants);
  }
}

/** Node ids the engine can reach by breadth-first search over its own transitions from the start. */
function engineReachable(doc: SopDocument): Set<string> {
  const constants = districtConstants(doc);
  const first = startRun(doc, 0, constants);
  const seen = new Set([first.current]);
  const queue = [first];
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head];
    const node = state && indexSop(doc).byId.get(state.current);
    if (!state || !node) continue;
    for (const input of transitions(node)) {
      let next: RunState;
      try {
        next = answer(doc, state, input, head + 1);
      } catch (error) {
        if (error instanceof SopRunError && error.code === 'UNKNOWN_NODE') continue;
        throw error;
      }
      if (!seen.has(next.current)) {
        seen.add(next.current);
        queue.push(next);
      }
    }
  }
  return seen;
}

function expectLintAgreesWithEngine(doc: SopDocument): void {
  const unreachable = lintUnreachable(doc);
  const linted = [...indexSop(doc).byId.keys()].filter((id) => !unreachable.has(id)).sort();
  expect([...engineReachable(doc)].sort()).toEqual(linted);
}

describe('the SOP engine on generated SOPs', () => {
  test.prop([generatedSopArb, actionsArb], { numRuns: 80 })(
    'keeps every state valid, on a path of the graph, with back undoing exactly one answer',
    (doc, actions) => {
      runActions(doc, actions);
    },
  );

  test.prop([generatedSopArb], { numRuns: 100 })(
    'visits exactly the nodes the linter calls reachable',
    (doc) => {
      expectLintAgreesWithEngine(doc);
    },
  );
});

describe('the SOP engine on the shipped packs', () => {
  test.prop([fc.constantFrom(...PACK_SOPS), actionsArb], { numRuns: 40 })(
    'keeps every state valid, on a path of the graph, with back undoing exactly one answer',
    (doc, actions) => {
      runActions(doc, actions);
    },
  );

  test.each(PACK_SOPS.map((doc) => [doc.id, doc] as const))(
    '%s: the engine visits every node, and the linter calls none unreachable',
    (_id, doc) => {
      expect(lintUnreachable(doc).size).toBe(0);
      expectLintAgreesWithEngine(doc);
    },
  );
});
