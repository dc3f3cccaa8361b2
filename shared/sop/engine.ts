import type { z } from 'zod';
import { fieldValidator } from '../fields/index';
import { indexSop } from './graph';
import { SopInputError, SopRunError } from './run-state';
import type { FieldError, RunAnswer, RunInput, RunState, RunStep } from './run-state';
import { IDENTITY_VARIABLE } from './schema';
import type { InputField, InputNode, SopDocument, SopNode } from './schema';

/** The verify-identity answer for "could not verify": the run goes to the node's `unverified`. */
export const NOT_VERIFIED = 'not-verified';

/**
 * The SOP engine: pure transitions `(doc, state, input, now) => state`. No clock, storage or UI;
 * time is passed in, state is plain JSON data, and nothing is mutated, so the renderer can save
 * every state to Dexie and a crash resumes exactly where the analyst was.
 */

export { interpolate } from './interpolate';
export {
  capturedVariables,
  outcomeOf,
  pathTaken,
  progress,
  timeSpent,
} from './run-views';
export type { PathEntry, RunOutcome, RunProgress } from './run-views';
export { SopInputError, SopRunError, runStateSchema } from './run-state';
export type { FieldError, RunAnswer, RunInput, RunState, RunStep, SopRunErrorCode } from './run-state';

/**
 * Starts a run at the document's start node (finished at once if the start is an outcome).
 * Throws `SopRunError('UNKNOWN_NODE')` when the start node does not exist.
 */
export function startRun(doc: SopDocument, now: number, constants: Readonly<Record<string, string>> = {}): RunState {
  const start = nodeOrThrow(doc, doc.start);
  const state: RunState = {
    format: 1,
    sopId: doc.id,
    sopVersion: doc.version,
    status: 'active',
    startedAt: now,
    current: start.id,
    enteredAt: now,
    history: [],
    variables: { ...constants },
    timeSpent: {},
    ...(Object.keys(constants).length > 0 ? { constants: { ...constants } } : {}),
  };
  return start.kind === 'outcome' ? { ...state, status: 'finished', finishedAt: now } : state;
}

/** The node the run is on. Throws `SopRunError` if the state belongs to another SOP or version. */
export function currentNode(doc: SopDocument, state: RunState): SopNode {
  assertSameSop(doc, state);
  return nodeOrThrow(doc, state.current);
}

/**
 * Answers the current node and moves on: `continue` for a step, `choice` for a question, `input`
 * for an input node (validated with shared/fields and stored normalized). Reaching an outcome
 * finishes the run. Invalid input throws {@link SopInputError} listing every field error; misuse
 * throws {@link SopRunError}. Either way the given state is unchanged. Cost: a few map lookups
 * plus copying this run's history and variables, independent of the SOP's size.
 */
export function answer(doc: SopDocument, state: RunState, input: RunInput, now: number): RunState {
  const node = currentNode(doc, state);
  if (state.status === 'finished') {
    throw new SopRunError('RUN_FINISHED', `Run of ${state.sopId} has already reached an outcome`);
  }
  const { next, answer: recorded, captured } = resolve(node, input);
  const target = nodeOrThrow(doc, next);
  const step: RunStep = {
    nodeId: node.id,
    enteredAt: state.enteredAt,
    leftAt: now,
    answer: recorded,
    captured,
  };
  const moved: RunState = {
    format: 1,
    sopId: state.sopId,
    sopVersion: state.sopVersion,
    status: target.kind === 'outcome' ? 'finished' : 'active',
    startedAt: state.startedAt,
    current: target.id,
    enteredAt: now,
    history: [...state.history, step],
    variables: { ...state.variables, ...captured },
    timeSpent: addTime(state, now),
    ...(state.constants ? { constants: state.constants } : {}),
  };
  return target.kind === 'outcome' ? { ...moved, finishedAt: now } : moved;
}

/**
 * Returns to the previous node. Its earlier answer becomes `previousAnswer` (the default the UI
 * offers) but is discarded from the history, and every variable only that answer captured is
 * removed, so answers after the change are re-evaluated rather than silently kept. A finished
 * run becomes active again. At the start node there is nothing to undo and `state` is returned.
 */
export function back(doc: SopDocument, state: RunState, now: number): RunState {
  assertSameSop(doc, state);
  const last = state.history[state.history.length - 1];
  if (last === undefined) return state;
  const history = state.history.slice(0, -1);
  const variables: Record<string, string> = { ...state.constants };
  for (const step of history) Object.assign(variables, step.captured);
  return {
    format: 1,
    sopId: state.sopId,
    sopVersion: state.sopVersion,
    status: 'active',
    startedAt: state.startedAt,
    current: last.nodeId,
    enteredAt: now,
    history,
    variables,
    timeSpent: addTime(state, now),
    previousAnswer: last.answer,
    ...(state.constants ? { constants: state.constants } : {}),
  };
}

function addTime(state: RunState, now: number): Record<string, number> {
  const spent = Math.max(0, now - state.enteredAt);
  return { ...state.timeSpent, [state.current]: (state.timeSpent[state.current] ?? 0) + spent };
}

function assertSameSop(doc: SopDocument, state: RunState): void {
  if (state.sopId !== doc.id || state.sopVersion !== doc.version) {
    throw new SopRunError(
      'SOP_MISMATCH',
      `Run is for ${state.sopId}@${state.sopVersion}, not ${doc.id}@${doc.version}`,
    );
  }
}

function nodeOrThrow(doc: SopDocument, id: string): SopNode {
  const node = indexSop(doc).byId.get(id);
  if (!node) throw new SopRunError('UNKNOWN_NODE', `SOP ${doc.id} has no node "${id}"`);
  return node;
}

interface Resolution {
  next: string;
  answer: RunAnswer;
  captured: Record<string, string>;
}

function resolve(node: SopNode, input: RunInput): Resolution {
  const wrong = () =>
    new SopRunError('WRONG_INPUT', `Node ${node.id} is a ${node.kind}; "${input.type}" does not answer it`);
  switch (node.kind) {
    case 'step':
      if (input.type !== 'continue') throw wrong();
      return { next: node.next, answer: { type: 'continue' }, captured: {} };
    case 'question': {
      if (input.type !== 'choice') throw wrong();
      const choice = node.choices.find((c) => c.id === input.choiceId);
      if (!choice) {
        throw new SopRunError('UNKNOWN_CHOICE', `Node ${node.id} has no choice "${input.choiceId}"`);
      }
      const captured: Record<string, string> = node.var === undefined ? {} : { [node.var]: choice.label };
      return { next: choice.next, answer: { type: 'choice', choiceId: choice.id }, captured };
    }
    case 'input': {
      if (input.type !== 'input') throw wrong();
      const captured = validateFields(node, input.values);
      return { next: node.next, answer: { type: 'input', values: captured }, captured };
    }
    case 'verify-identity': {
      if (input.type !== 'verify') throw wrong();
      const verified = (node.methods as readonly string[]).includes(input.method);
      if (!verified && input.method !== NOT_VERIFIED) {
        throw new SopRunError('UNKNOWN_CHOICE', `Node ${node.id} does not offer "${input.method}" (offers ${[...node.methods, NOT_VERIFIED].join(', ')})`);
      }
      return {
        next: verified ? node.next : node.unverified,
        answer: { type: 'verify', method: input.method },
        captured: { [IDENTITY_VARIABLE]: input.method },
      };
    }
    case 'outcome':
      throw wrong();
  }
}

const validators = new WeakMap<InputField, z.ZodType<string | undefined, string>>();

function validatorFor(field: InputField): z.ZodType<string | undefined, string> {
  let validator = validators.get(field);
  if (!validator) {
    validator = fieldValidator(field);
    validators.set(field, validator);
  }
  return validator;
}

/** Validates every field (not just the first bad one) and returns the normalized captures. */
function validateFields(node: InputNode, values: Readonly<Record<string, string>>): Record<string, string> {
  const captured: Record<string, string> = {};
  const errors: FieldError[] = [];
  for (const field of node.fields) {
    const raw = Object.hasOwn(values, field.var) ? (values[field.var] ?? '') : '';
    const result = validatorFor(field).safeParse(raw);
    if (!result.success) {
      const message = result.error.issues[0]?.message ?? `${field.label}: is not valid`;
      errors.push({ var: field.var, label: field.label, message });
    } else if (result.data !== undefined) {
      captured[field.var] = result.data;
    }
  }
  if (errors.length > 0) throw new SopInputError(node.id, errors);
  return captured;
}
