import { mulberry32 } from '../random';
import type { SopChoice, SopDocument, SopNode, SopOutcome } from './schema';

const id = (i: number) => `node-${i}`;

/**
 * A valid, lint-clean, branching SOP of exactly `nodeCount` nodes (at least 2), deterministic for
 * a given `seed`; for the 500-node step-transition benchmark and engine tests. Shape: a forward
 * spine of steps, questions and inputs (so every node is reachable), questions that skip ahead or
 * loop back ("try again") so there are real branches and cycles with exits, and about one node in
 * ten an outcome, each reachable. Every text uses `{{callerName}}`, captured by the start node.
 */
export function generateSop(nodeCount: number, seed: number): SopDocument {
  if (!Number.isInteger(nodeCount) || nodeCount < 2) {
    throw new RangeError(`generateSop needs an integer node count of at least 2, got ${nodeCount}`);
  }
  const rand = mulberry32(seed); // the same seed always builds the same SOP
  const pick = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const outcomes = Math.max(1, Math.floor(nodeCount / 10));
  const work = nodeCount - outcomes;
  const choices = new Map<number, SopChoice[]>();
  const kinds: ('step' | 'question' | 'input')[] = [];

  for (let i = 1; i < work; i++) {
    const roll = rand();
    kinds[i] = i === work - 1 || roll < 0.35 ? 'question' : roll < 0.85 ? 'step' : 'input';
    if (kinds[i] !== 'question') continue;
    const list: SopChoice[] = [{ id: 'c0', label: `Continue ({{callerName}})`, next: id(i + 1) }];
    const extra = pick(1, 2);
    for (let c = 1; c <= extra; c++) {
      const loopBack = rand() < 0.1;
      const target = loopBack ? pick(1, i) : pick(i + 1, nodeCount - 1);
      list.push({ id: `c${c}`, label: loopBack ? 'Try again' : `Option ${c}`, next: id(target) });
    }
    choices.set(i, list);
  }
  const questions = [...choices.keys()];
  const reached = new Set<number>([work]);
  for (const list of choices.values()) {
    for (const choice of list) reached.add(Number(choice.next.slice('node-'.length)));
  }
  for (let o = work + 1; o < nodeCount; o++) {
    if (reached.has(o)) continue;
    const q = questions[pick(0, questions.length - 1)];
    const list = q === undefined ? undefined : choices.get(q);
    list?.push({ id: `c${list.length}`, label: `Route ${o}`, next: id(o) });
  }

  const nodes: SopNode[] = [];
  for (let i = 0; i < nodeCount; i++) nodes.push(buildNode(i, work, kinds[i], choices.get(i)));
  return {
    id: `generated-${nodeCount}-${seed >>> 0}`,
    title: `Generated SOP (${nodeCount} nodes, seed ${seed})`,
    version: '1.0.0',
    audience: ['analyst'],
    locale: 'en-US',
    tags: ['generated'],
    symptoms: ['generated benchmark'],
    start: id(0),
    ticket: {},
    district: {},
    nodes,
  };
}

function buildNode(
  i: number,
  work: number,
  kind: 'step' | 'question' | 'input' | undefined,
  choices: SopChoice[] | undefined,
): SopNode {
  const next = i === work - 1 ? id(work) : id(i + 1);
  if (i === 0) {
    return {
      id: id(0),
      kind: 'input',
      sensitive: false,
      prompt: 'Who is calling?',
      fields: [{ var: 'callerName', label: 'Caller name', type: 'text', required: true }],
      next,
    };
  }
  if (i >= work) {
    const outcome: SopOutcome =
      i % 3 === 0
        ? { type: 'resolved', summary: `Resolved for {{callerName}} at ${id(i)}` }
        : i % 3 === 1
          ? { type: 'referred', to: 'Campus office', how: 'Phone the front office' }
          : {
              type: 'escalate',
              escalationKind: 'district-tier2',
              defaultPriority: 'medium',
              assignee: 'Tier 2',
              summary: `Escalated for {{callerName}} from ${id(i)}`,
            };
    return { id: id(i), kind: 'outcome', sensitive: false, outcome };
  }
  if (kind === 'question') {
    return {
      id: id(i),
      kind: 'question',
      sensitive: false,
      prompt: `Question ${i} for {{callerName}}?`,
      choices: choices ?? [],
      var: `answer${i}`,
    };
  }
  if (kind === 'input') {
    return {
      id: id(i),
      kind: 'input',
      sensitive: false,
      prompt: `Collect detail ${i}`,
      fields: [{ var: `detail${i}`, label: `Detail ${i}`, type: 'text', required: false }],
      next,
    };
  }
  return { id: id(i), kind: 'step', sensitive: false, text: `Step ${i}: check with {{callerName}}`, next };
}
