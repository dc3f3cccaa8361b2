import { describe, expect, it } from 'vitest';
import { generateSop } from '../../../shared/sop/generate';
import type { SopDocument } from '../../../shared/sop/schema';
import { layoutSop, NODE_WIDTH } from './layout';
import type { NodeBox } from './layout';

const overlap = (a: NodeBox, b: NodeBox) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

function expectTidy(doc: SopDocument, boxes: Map<string, NodeBox>): void {
  expect([...boxes.keys()].sort()).toEqual([...new Set(doc.nodes.map((node) => node.id))].sort());
  const list = [...boxes.entries()];
  for (const [id, box] of list) {
    expect([box.x, box.y, box.width, box.height].every(Number.isFinite), id).toBe(true);
    expect(box.width).toBe(NODE_WIDTH);
    expect(box.height).toBeGreaterThan(0);
  }
  for (let i = 0; i < list.length; i++) {
    for (let j = i + 1; j < list.length; j++) {
      const [a, boxA] = list[i] ?? [];
      const [b, boxB] = list[j] ?? [];
      if (boxA && boxB) expect(overlap(boxA, boxB), `${a} overlaps ${b}`).toBe(false);
    }
  }
  const start = boxes.get(doc.start);
  for (const [id, box] of list) if (id !== doc.start) expect(box.y, id).toBeGreaterThan(start?.y ?? Infinity);
}

describe('laying out an SOP as a graph', () => {
  it('places every node of a 60-node SOP with loops, none overlapping, the start at the top', async () => {
    const doc = generateSop(60, 1);
    expectTidy(doc, await layoutSop(doc));
  }, 30_000);

  it('lays a 500-node SOP out by depth from the start, every node placed, none overlapping', async () => {
    const doc = generateSop(500, 7);
    const boxes = await layoutSop(doc);
    expectTidy(doc, boxes);
    // It still reads top to bottom, in rows by depth.
    const rows = [...new Set([...boxes.values()].map((box) => box.y))].sort((a, b) => a - b);
    expect(rows.length).toBeGreaterThan(5);
  }, 30_000);

  it('keeps the start on top when a loop leads back to it, and skips edges to missing nodes', async () => {
    const doc: SopDocument = {
      ...generateSop(2, 1),
      start: 'ask',
      nodes: [
        { id: 'ask', kind: 'question', sensitive: false, prompt: 'Did the reset work?', choices: [
          { id: 'yes', label: 'Yes', next: 'done' },
          { id: 'no', label: 'No', next: 'retry' },
          { id: 'gone', label: 'Other', next: 'deleted-node' },
        ] },
        { id: 'retry', kind: 'step', sensitive: false, text: 'Reset again', next: 'ask' },
        { id: 'done', kind: 'outcome', sensitive: false, outcome: { type: 'resolved', summary: 'Reset' } },
      ],
    };
    expectTidy(doc, await layoutSop(doc));
  }, 30_000);
});
