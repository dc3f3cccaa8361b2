import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILTIN_PACKS } from '../../shared/sop/packs';
import type { InputField, SopDocument, SopNode } from '../../shared/sop/schema';
import { launchApp } from './harness';
import type { LaunchedApp } from './harness';

/**
 * "A person using only the keyboard can take every shipped SOP to each of its outcomes": for
 * every outcome of every built-in SOP, the shortest path from the start is driven by keys alone
 * (digits for choices, Enter to continue, typing and Tab in forms) in the production build.
 */
let app: LaunchedApp;
beforeAll(async () => {
  app = await launchApp();
});
afterAll(async () => {
  await app?.dispose();
});

type Move = { node: SopNode; key: string };

/** Breadth-first: the moves (node + key) from the start to `target`. */
function pathTo(doc: SopDocument, target: string): Move[] {
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const previous = new Map<string, Move & { from: string }>();
  const queue = [doc.start];
  const seen = new Set(queue);
  while (queue.length > 0) {
    const id = queue.shift()!;
    if (id === target) break;
    const node = byId.get(id)!;
    const edges: [string, string][] =
      node.kind === 'question'
        ? node.choices.map((c, i) => [c.next, String(i + 1)])
        : node.kind === 'outcome'
          ? []
          : [[node.next, 'Enter']];
    for (const [next, key] of edges) {
      if (seen.has(next)) continue;
      seen.add(next);
      previous.set(next, { from: id, node, key });
      queue.push(next);
    }
  }
  const moves: Move[] = [];
  for (let at = target; at !== doc.start; ) {
    const step = previous.get(at);
    if (!step) throw new Error(`${doc.id}: ${target} is unreachable`);
    moves.unshift({ node: step.node, key: step.key });
    at = step.from;
  }
  return moves;
}

function sampleValue(field: InputField): string {
  switch (field.type) {
    case 'phone':
      return '5552345678';
    case 'student-number':
      return '1234567'.slice(0, Math.max(field.min ?? 5, 5));
    case 'school':
      return 'Lincoln Elementary';
    case 'yes-no':
      return 'y';
    case 'date':
      return '01052026';
    case 'text': {
      if (field.pattern?.includes('@')) return 'parent@example.org';
      const text = `Sample ${field.label.toLowerCase()} for this call`.padEnd(field.min ?? 0, '.');
      return field.max ? text.slice(0, field.max) : text;
    }
  }
}

const outcomes = BUILTIN_PACKS.flatMap((pack) =>
  pack.sops.flatMap((doc) => doc.nodes.filter((n) => n.kind === 'outcome').map((n) => ({ doc, outcome: n.id }))),
);

describe('every shipped SOP, to each of its outcomes, by keyboard', () => {
  it('covers more than twenty outcomes', () => {
    expect(outcomes.length).toBeGreaterThan(20);
  });

  it.each(outcomes.map((o) => [`${o.doc.id} → ${o.outcome}`, o] as const))('%s', async (_name, { doc, outcome }) => {
    const { page } = app;
    await page.keyboard.press('Control+1');
    const search = page.getByLabel('Search procedures');
    await search.waitFor();
    await search.focus();
    await page.keyboard.press('Control+a');
    await page.keyboard.type(doc.title);
    const titles = await page.locator('.sop-open .sop-title').allTextContents();
    const index = titles.indexOf(doc.title);
    expect(index).toBeGreaterThanOrEqual(0);
    if (index === 0) {
      await page.keyboard.press('Enter');
    } else {
      for (let i = 0; i <= index; i++) await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
    }
    for (const move of pathTo(doc, outcome)) {
      await page.locator(`[data-node-id="${move.node.id}"]`).waitFor();
      if (move.node.kind === 'input') {
        for (const [i, field] of move.node.fields.entries()) {
          if (i > 0) await page.keyboard.press('Tab');
          await page.keyboard.type(sampleValue(field));
        }
      }
      await page.keyboard.press(move.key);
    }
    await page.locator(`[data-node-id="${outcome}"]`).waitFor();
    const text = await page.locator('.outcome').textContent();
    expect(text).not.toMatch(/\{\{/);
  });
});
