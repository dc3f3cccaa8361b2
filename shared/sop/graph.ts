import { successorsOf } from './nodes';
import type { SopDocument, SopNode } from './schema';

/**
 * Lookups the engine needs on every step, computed once per document. A step transition is then
 * a few map reads, never a walk over the graph, which is what keeps a 500-node SOP well inside
 * the 8 ms p95 budget.
 */
export interface SopIndex {
  /** Nodes by id; when an id is duplicated (a lint error) the first one wins. */
  readonly byId: ReadonlyMap<string, SopNode>;
  /**
   * Fewest answers from a node to any outcome (0 at an outcome). Absent when no outcome can be
   * reached from the node.
   */
  readonly distanceToOutcome: ReadonlyMap<string, number>;
}

const cache = new WeakMap<SopDocument, SopIndex>();

/**
 * The cached {@link SopIndex} of a document. Documents are treated as immutable: a parsed SOP is
 * never edited in place, so identity is a safe cache key and the cache frees itself with them.
 */
export function indexSop(doc: SopDocument): SopIndex {
  const hit = cache.get(doc);
  if (hit) return hit;
  const byId = new Map<string, SopNode>();
  for (const node of doc.nodes) if (!byId.has(node.id)) byId.set(node.id, node);
  const index: SopIndex = { byId, distanceToOutcome: distancesToOutcome(byId) };
  cache.set(doc, index);
  return index;
}

/** Multi-source breadth-first search from every outcome over reversed edges: O(nodes + edges). */
function distancesToOutcome(byId: ReadonlyMap<string, SopNode>): Map<string, number> {
  const predecessors = new Map<string, string[]>();
  for (const node of byId.values()) {
    for (const next of successorsOf(node)) {
      const list = predecessors.get(next);
      if (list) list.push(node.id);
      else predecessors.set(next, [node.id]);
    }
  }
  const distance = new Map<string, number>();
  const queue: string[] = [];
  for (const node of byId.values()) {
    if (node.kind === 'outcome') {
      distance.set(node.id, 0);
      queue.push(node.id);
    }
  }
  for (let head = 0; head < queue.length; head++) {
    const id = queue[head] ?? '';
    const d = (distance.get(id) ?? 0) + 1;
    for (const prev of predecessors.get(id) ?? []) {
      if (!distance.has(prev)) {
        distance.set(prev, d);
        queue.push(prev);
      }
    }
  }
  return distance;
}

/** Ids reachable from `start` by following existing nodes' edges (start included if it exists). */
export function reachableFrom(byId: ReadonlyMap<string, SopNode>, start: string): Set<string> {
  const seen = new Set<string>();
  if (!byId.has(start)) return seen;
  const stack = [start];
  seen.add(start);
  while (stack.length > 0) {
    const node = byId.get(stack.pop() ?? '');
    if (!node) continue;
    for (const next of successorsOf(node)) {
      if (byId.has(next) && !seen.has(next)) {
        seen.add(next);
        stack.push(next);
      }
    }
  }
  return seen;
}

/**
 * Strongly connected components (iterative Tarjan, so deep graphs cannot overflow the stack).
 * Lint uses them to find loops that nothing leads out of.
 */
export function stronglyConnected(byId: ReadonlyMap<string, SopNode>): string[][] {
  const indexOf = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;
  const edges = (id: string): string[] => {
    const node = byId.get(id);
    return node ? successorsOf(node).filter((next) => byId.has(next)) : [];
  };

  for (const root of byId.keys()) {
    if (indexOf.has(root)) continue;
    const work: { id: string; next: string[]; i: number }[] = [];
    const open = (id: string) => {
      indexOf.set(id, counter);
      low.set(id, counter);
      counter++;
      stack.push(id);
      onStack.add(id);
      work.push({ id, next: edges(id), i: 0 });
    };
    open(root);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      if (!frame) break;
      if (frame.i < frame.next.length) {
        const to = frame.next[frame.i++] ?? '';
        if (!indexOf.has(to)) open(to);
        else if (onStack.has(to)) {
          low.set(frame.id, Math.min(low.get(frame.id) ?? 0, indexOf.get(to) ?? 0));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id) ?? 0, low.get(frame.id) ?? 0));
      if (low.get(frame.id) === indexOf.get(frame.id)) {
        const component: string[] = [];
        let member: string | undefined;
        do {
          member = stack.pop();
          if (member === undefined) break;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.id);
        components.push(component);
      }
    }
  }
  return components;
}

