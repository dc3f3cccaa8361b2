import { describe, expect, it } from 'vitest';
import { answer, back, currentNode, progress, startRun } from './engine';
import type { RunState } from './engine';
import { generateSop } from './generate';
import { lintSop } from './lint';
import { sopDocumentSchema } from './schema';
import type { SopDocument } from './schema';

/** Answers the current node with a deterministic pick; inputs get a plain text value. */
function step(doc: SopDocument, state: RunState, now: number, pick: number): RunState {
  const node = currentNode(doc, state);
  switch (node.kind) {
    case 'step':
      return answer(doc, state, { type: 'continue' }, now);
    case 'question':
      return answer(doc, state, { type: 'choice', choiceId: node.choices[pick % node.choices.length]?.id ?? '' }, now);
    case 'input':
      return answer(doc, state, { type: 'input', values: Object.fromEntries(node.fields.map((f) => [f.var, 'Ana'])) }, now);
    case 'verify-identity':
      return answer(doc, state, { type: 'verify', method: 'callback-on-file' }, now);
    case 'outcome':
      return state;
  }
}

describe('generateSop', () => {
  it.each([2, 3, 10, 57, 500])('builds a schema-valid, lint-clean SOP of exactly %i nodes', (count) => {
    const doc = generateSop(count, 7);
    expect(doc.nodes).toHaveLength(count);
    expect(sopDocumentSchema.parse(doc)).toEqual(doc);
    expect(lintSop(doc)).toEqual([]);
  });

  it('is deterministic per seed and varies between seeds', () => {
    expect(generateSop(200, 1)).toEqual(generateSop(200, 1));
    expect(generateSop(200, 1).nodes).not.toEqual(generateSop(200, 2).nodes);
  });

  it('has real branches and loops', () => {
    const doc = generateSop(500, 3);
    const questions = doc.nodes.filter((node) => node.kind === 'question');
    expect(questions.length).toBeGreaterThan(50);
    const backEdges = questions.flatMap((q) =>
      q.kind === 'question' ? q.choices.filter((c) => Number(c.next.slice(5)) <= Number(q.id.slice(5))) : [],
    );
    expect(backEdges.length).toBeGreaterThan(0);
    expect(doc.nodes.filter((node) => node.kind === 'outcome')).toHaveLength(50);
  });

  it('rejects fewer than two nodes', () => {
    expect(() => generateSop(1, 1)).toThrow(RangeError);
  });
});

describe('engine on a 500-node SOP', () => {
  // Speed is measured by `npm run bench` (p95 budget 8 ms), never asserted in a test.
  it('runs thousands of transitions, back included, to an outcome and keeps progress consistent', () => {
    const doc = generateSop(500, 42);
    let state = startRun(doc, 0);
    for (let i = 1; state.status === 'active' && i < 20_000; i++) {
      state = i % 7 === 0 ? back(doc, state, i) : step(doc, state, i, i);
      const { answered, remainingEstimate } = progress(doc, state);
      expect(answered).toBe(state.history.length);
      expect(remainingEstimate).not.toBeNull();
    }
    expect(state.status).toBe('finished');
  });
});
