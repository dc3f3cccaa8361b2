// SOP Studio budgets: an edit plus the lint that colours the graph, and the graph layout, on a
// 500-node SOP. Part of `npm run bench` (run.ts); `npx tsx tests/bench/studio-lint.ts` runs just
// these two, printing `name: value (budget)` per figure and exiting 1 when one is missed.
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { generateSop } from '../../shared/sop/generate';
import { mulberry32 } from '../../shared/random';
import { createStudio, edit, findingsByNode } from '../../renderer/features/studio/model';
import { layoutSop } from '../../renderer/features/studio/layout';
import type { BenchResult, Budget } from './report';
import { fixed, median, p95, quantile } from './stats';

const NODES = 500;
const SEED = 7;
const EDITS = 200;
const LAYOUTS = 5;

export const STUDIO_EDIT: Budget = { name: 'Studio edit + lint, 500 nodes (p95)', unit: 'ms', comparison: '<', budget: 50 };
export const STUDIO_LAYOUT: Budget = { name: 'Studio layout, 500 nodes (median)', unit: 'ms', comparison: '<', budget: 200 };

/**
 * Budget: what one keystroke in the Studio costs before the graph can repaint: a `set-field` on a
 * random node of generateSop(500, 7) and `findingsByNode` over the whole document, p95 of 200.
 */
export function measureStudioEdit(): BenchResult {
  const rand = mulberry32(SEED);
  let state = createStudio(generateSop(NODES, SEED));
  const samples: number[] = [];
  for (let i = 0; i < EDITS; i++) {
    const node = state.doc.nodes[Math.floor(rand() * state.doc.nodes.length)];
    if (!node) throw new Error('no node to edit');
    const t0 = performance.now();
    const result = edit(state, { type: 'set-field', nodeId: node.id, path: ['title'], value: `Edited ${i}` });
    const findings = findingsByNode(result.state.doc);
    samples.push(performance.now() - t0);
    if (result.error !== undefined || findings.size > 0) throw new Error(`edit ${i} on ${node.id} broke the SOP: ${result.error ?? [...findings.keys()].join(', ')}`);
    state = result.state;
  }
  return {
    ...STUDIO_EDIT,
    value: p95(samples),
    notes: [`${EDITS} edits: median ${fixed(median(samples))} ms, p99 ${fixed(quantile(samples, 0.99))} ms, max ${fixed(Math.max(...samples))} ms`],
  };
}

/** Budget: `layoutSop` on generateSop(500, 7), median of 5 after the first (cold) call. */
export async function measureStudioLayout(): Promise<BenchResult> {
  const doc = generateSop(NODES, SEED);
  const timed = async () => {
    const t0 = performance.now();
    const boxes = await layoutSop(doc);
    if (boxes.size !== NODES) throw new Error(`layout placed ${boxes.size} of ${NODES} nodes`);
    return performance.now() - t0;
  };
  const cold = await timed();
  const warm: number[] = [];
  for (let i = 0; i < LAYOUTS; i++) warm.push(await timed());
  return {
    ...STUDIO_LAYOUT,
    value: median(warm),
    notes: [`cold first call ${fixed(cold)} ms; warm runs ${warm.map((ms) => fixed(ms, 0)).join(', ')} ms`],
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const results = [measureStudioEdit(), await measureStudioLayout()];
  for (const result of results) {
    const ok = result.comparison === '<' ? result.value < result.budget : result.value <= result.budget;
    process.stdout.write(`${result.name}: ${fixed(result.value)} ${result.unit} (budget ${result.comparison} ${result.budget} ${result.unit}) ${ok ? 'PASS' : 'FAIL'}\n`);
    for (const note of result.notes) process.stdout.write(`  ${note}\n`);
    if (!ok) process.exitCode = 1;
  }
}
