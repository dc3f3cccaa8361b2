import { performance } from 'node:perf_hooks';
import { answer, back, currentNode, startRun } from '../../shared/sop/engine';
import type { RunInput, RunState } from '../../shared/sop/engine';
import { generateSop } from '../../shared/sop/generate';
import type { SopDocument, SopNode } from '../../shared/sop/schema';
import type { BenchResult, Budget } from './report';
import { fixed, median, p95, quantile } from './stats';

const NODES = 500;
const SEEDS = [1, 2, 3, 4, 5];
const TRANSITIONS_PER_SOP = 20_000;
/** A call longer than this is abandoned and a new run started (history copies grow with length). */
const MAX_RUN_LENGTH = 300;
/** One transition in this many is a "Back" (undo) instead of an answer. */
const BACK_EVERY = 8;

/** Deterministic choices, so two runs of the benchmark walk the same paths. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (Math.imul(a, 1_664_525) + 1_013_904_223) >>> 0;
    return a / 4_294_967_296;
  };
}

/** What an analyst would answer at `node`: continue, a random choice, or filled-in fields. */
function inputFor(node: SopNode, rand: () => number): RunInput {
  switch (node.kind) {
    case 'step':
      return { type: 'continue' };
    case 'question': {
      const choice = node.choices[Math.floor(rand() * node.choices.length)] ?? node.choices[0];
      return { type: 'choice', choiceId: choice?.id ?? 'c0' };
    }
    case 'input':
      return { type: 'input', values: Object.fromEntries(node.fields.map((f) => [f.var, 'Pat Example'])) };
    case 'verify-identity':
      return { type: 'verify', method: 'callback-on-file' };
    case 'outcome':
      throw new Error(`node ${node.id} is an outcome: nothing to answer`);
  }
}

interface Samples {
  answer: number[];
  back: number[];
}

function walk(doc: SopDocument, seed: number, samples: Samples): void {
  const rand = prng(seed);
  let now = 1_700_000_000_000;
  let state: RunState = startRun(doc, now);
  for (let i = 0; i < TRANSITIONS_PER_SOP; i++) {
    now += 1000;
    if (state.status === 'finished' || state.history.length >= MAX_RUN_LENGTH) state = startRun(doc, now);
    if (state.history.length > 0 && i % BACK_EVERY === BACK_EVERY - 1) {
      const t0 = performance.now();
      state = back(doc, state, now);
      samples.back.push(performance.now() - t0);
      continue;
    }
    const input = inputFor(currentNode(doc, state), rand);
    const t0 = performance.now();
    state = answer(doc, state, input, now);
    samples.answer.push(performance.now() - t0);
  }
}

export const SOP_STEP: Budget = { name: 'SOP step transition, 500 nodes (p95)', unit: 'ms', comparison: '<', budget: 8 };

/**
 * Budget: one SOP step transition in a 500-node SOP, p95 under 8 ms. Pure engine in Node (no
 * React, Dexie or IPC): `answer` (input validation included) and `back`, timed one by one over
 * runs of generated SOPs with random branches and loop-backs. The first transition on each
 * document also pays for building its index (cached per document), as it does in the app.
 */
export function measureSopStep(): BenchResult {
  const samples: Samples = { answer: [], back: [] };
  for (const seed of SEEDS) walk(generateSop(NODES, seed), seed, samples);
  const all = [...samples.answer, ...samples.back];
  const us = (ms: number) => `${fixed(ms * 1000, 1)} µs`;
  return {
    ...SOP_STEP,
    value: p95(all),
    notes: [
      `${all.length} transitions over ${SEEDS.length} generated ${NODES}-node SOPs (runs capped at ${MAX_RUN_LENGTH} answers)`,
      `all:    median ${us(median(all))}, p95 ${us(p95(all))}, p99 ${us(quantile(all, 0.99))}, max ${us(Math.max(...all))}`,
      `answer: median ${us(median(samples.answer))}, p95 ${us(p95(samples.answer))} (${samples.answer.length} samples)`,
      `back:   median ${us(median(samples.back))}, p95 ${us(p95(samples.back))} (${samples.back.length} samples)`,
    ],
  };
}
