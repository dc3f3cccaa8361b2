import { describe, expect, it } from 'vitest';
import { describeDiff, diffSop } from './diff';
import { sopDocumentSchema } from './schema';

const v1 = sopDocumentSchema.parse({
  id: 'cart',
  title: 'Cart',
  version: '1.0.0',
  audience: ['analyst'],
  start: 'ask',
  nodes: {
    ask: { kind: 'question', title: 'Which cart', prompt: 'Which cart?', choices: [{ id: 'a', label: 'A', next: 'done' }, { id: 'b', label: 'B', next: 'old' }] },
    old: { kind: 'step', title: 'Old step', text: 'Do the old thing', next: 'done' },
    done: { kind: 'outcome', outcome: { type: 'resolved', summary: 'Done' } },
  },
});

describe('diffSop', () => {
  it('names the nodes added, removed and edited, and the fields edited', () => {
    const v2 = sopDocumentSchema.parse({
      ...v1,
      version: '1.1.0',
      title: 'Laptop cart',
      nodes: {
        ask: { kind: 'question', title: 'Which cart', prompt: 'Which cart is it?', choices: [{ id: 'a', label: 'A', next: 'done' }, { id: 'c', label: 'C', next: 'new' }] },
        new: { kind: 'step', title: 'New step', text: 'Do the new thing', next: 'done' },
        done: { kind: 'outcome', outcome: { type: 'resolved', summary: 'Done' } },
      },
    });
    const diff = diffSop(v1, v2);
    expect(diff).toMatchObject({
      fields: ['title'],
      added: [{ nodeId: 'new', label: 'New step' }],
      removed: [{ nodeId: 'old', label: 'Old step' }],
      edited: [{ nodeId: 'ask', fields: ['prompt', 'choices b removed', 'choices c added'] }],
    });
    expect(describeDiff(diff)).toEqual([
      'cart 1.0.0 → 1.1.0',
      'Changed: title',
      'Added: New step (new)',
      'Removed: Old step (old)',
      'Edited: Which cart (ask): prompt, choices b removed, choices c added',
    ]);
  });

  it('says when nothing in the steps changed', () => {
    expect(describeDiff(diffSop(v1, { ...v1, version: '1.0.1' }))).toEqual(['cart 1.0.0 → 1.0.1', 'No change to the steps.']);
  });
});
