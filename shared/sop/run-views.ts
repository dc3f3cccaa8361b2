import { IDENTITY_METHOD_TEXT, identityMethodSchema } from '../escalation/schema';
import { indexSop } from './graph';
import { interpolate } from './interpolate';
import { nodeLabel } from './nodes';
import type { RunAnswer, RunState } from './run-state';
import type { SopDocument, SopNode, SopOutcome } from './schema';

/**
 * Read-only views of a run for the UI and the escalation draft. Each costs a lookup or a pass
 * over this run's history, never a walk over the SOP's graph.
 */

/** How far along a run is. */
export interface RunProgress {
  /** Nodes answered on the current path. */
  answered: number;
  /** Fewest further answers to reach any outcome; `null` if none can be reached. */
  remainingEstimate: number | null;
  /** `answered / (answered + remainingEstimate)`, 1 when finished, 0 when stuck. */
  fraction: number;
}

/**
 * Progress for a progress bar. The estimate is the shortest path to an outcome, precomputed per
 * document, so it is honest about "at least this many" without pretending to know the branch.
 */
export function progress(doc: SopDocument, state: RunState): RunProgress {
  const answered = state.history.length;
  if (state.status === 'finished') return { answered, remainingEstimate: 0, fraction: 1 };
  const remaining = indexSop(doc).distanceToOutcome.get(state.current);
  if (remaining === undefined) return { answered, remainingEstimate: null, fraction: 0 };
  const total = answered + remaining;
  return { answered, remainingEstimate: remaining, fraction: total === 0 ? 1 : answered / total };
}

/** A copy of the variables captured on the current path, for prefilling an escalation form. */
export function capturedVariables(state: RunState): Record<string, string> {
  return { ...state.variables };
}

/** One answered node, as the ticket's "steps already tried" shows it. */
export interface PathEntry {
  nodeId: string;
  title: string;
  answerLabel: string;
}

/**
 * The answered nodes in order, with what was answered. Values typed at a `sensitive` node are
 * not copied (only the field labels are) because this list goes into a ticket body; the values
 * still reach the form through {@link capturedVariables}, where the credential guard sees them.
 */
export function pathTaken(doc: SopDocument, state: RunState): PathEntry[] {
  const { byId } = indexSop(doc);
  return state.history.map((step) => {
    const node = byId.get(step.nodeId);
    if (!node) return { nodeId: step.nodeId, title: step.nodeId, answerLabel: '' };
    return {
      nodeId: node.id,
      title: interpolate(nodeLabel(node), state.variables),
      answerLabel: answerLabel(node, step.answer, state.variables),
    };
  });
}

function answerLabel(node: SopNode, answer: RunAnswer, vars: Readonly<Record<string, string>>): string {
  switch (answer.type) {
    case 'continue':
      return 'Done';
    case 'choice': {
      const choice = node.kind === 'question' ? node.choices.find((c) => c.id === answer.choiceId) : undefined;
      return choice ? interpolate(choice.label, vars) : answer.choiceId;
    }
    case 'input': {
      if (node.kind !== 'input') return '';
      const parts = node.fields
        .filter((field) => Object.hasOwn(answer.values, field.var))
        .map((field) => {
          const value = answer.values[field.var] ?? '';
          // Long answers (a description, replication steps) are on the ticket in full, in their
          // own field; repeating them here would only push a step past its length limit.
          if (node.sensitive) return `${field.label}: (recorded)`;
          return value.length > PATH_VALUE_MAX ? `${field.label}: (recorded in full on the ticket)` : `${field.label}: ${value}`;
        });
      return parts.length > 0 ? parts.join('; ') : 'Nothing entered';
    }
    case 'verify': {
      const method = identityMethodSchema.safeParse(answer.method);
      return method.success ? IDENTITY_METHOD_TEXT[method.data] : answer.method;
    }
  }
}

/** Input values longer than this are named, not copied, in the path taken. */
const PATH_VALUE_MAX = 120;


/**
 * Milliseconds spent per node id, summed over every visit (including visits later undone with
 * `back`). Pass `now` to include the time spent so far on the current node of an active run.
 */
export function timeSpent(state: RunState, now?: number): Record<string, number> {
  const spent = { ...state.timeSpent };
  if (now !== undefined && state.status === 'active') {
    spent[state.current] = (spent[state.current] ?? 0) + Math.max(0, now - state.enteredAt);
  }
  return spent;
}

/** A finished run's outcome, with `{{var}}` filled in from the run's variables. */
export interface RunOutcome {
  nodeId: string;
  title: string;
  outcome: SopOutcome;
}

/** The outcome reached, or `undefined` while the run is active (or its node no longer exists). */
export function outcomeOf(doc: SopDocument, state: RunState): RunOutcome | undefined {
  if (state.status !== 'finished') return undefined;
  const node = indexSop(doc).byId.get(state.current);
  if (node?.kind !== 'outcome') return undefined;
  const fill = (text: string) => interpolate(text, state.variables);
  const outcome = node.outcome;
  const filled: SopOutcome = (() => {
    switch (outcome.type) {
      case 'resolved':
        return { ...outcome, summary: fill(outcome.summary) };
      case 'referred': {
        const referred = { ...outcome, to: fill(outcome.to), how: fill(outcome.how) };
        return outcome.summary === undefined ? referred : { ...referred, summary: fill(outcome.summary) };
      }
      case 'escalate': {
        const filledBase = { ...outcome, assignee: fill(outcome.assignee), summary: fill(outcome.summary) };
        const escalate = outcome.subject === undefined ? filledBase : { ...filledBase, subject: fill(outcome.subject) };
        const queued = outcome.queue === undefined ? escalate : { ...escalate, queue: fill(outcome.queue) };
        return outcome.sealedNote === undefined
          ? queued
          : { ...queued, sealedNote: { prompt: fill(outcome.sealedNote.prompt) } };
      }
    }
  })();
  return { nodeId: node.id, title: fill(nodeLabel(node)), outcome: filled };
}
