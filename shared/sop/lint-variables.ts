import { DISTRICT_PREFIX } from './interpolate';
import { nodeFacts } from './lint-node';
import type { LintFinding } from './lint-types';
import { successorsOf } from './nodes';
import type { SopDocument, SopNode } from './schema';

/**
 * Checks every `{{var}}`: never captured anywhere in the SOP is an error (a typo or a removed
 * field); captured somewhere but not on every path to the node that shows it is a warning (some
 * analysts will see a raw `{{var}}`). "Every path" is a must-be-defined dataflow analysis: the
 * intersection over reachable predecessors, iterated to a fixed point, so loops are handled.
 */
export function variableFindings(
  doc: SopDocument,
  byId: ReadonlyMap<string, SopNode>,
  reachable: ReadonlySet<string>,
): LintFinding[] {
  const anywhere = new Set<string>();
  const referenced = new Set<string>();
  for (const node of doc.nodes) {
    const facts = nodeFacts(node);
    for (const name of facts.captures.may) anywhere.add(name);
    for (const { variables } of facts.texts) for (const name of variables) referenced.add(name);
  }
  const definedOnEntry = mustBeDefined(doc.start, byId, reachable, referenced);
  const findings: LintFinding[] = [];
  for (const node of doc.nodes) {
    for (const { field, variables } of nodeFacts(node).texts) {
      for (const name of variables) {
        if (name.startsWith(DISTRICT_PREFIX)) continue; // district notes: see lint-ticket.ts
        if (!anywhere.has(name)) {
          findings.push({
            severity: 'error',
            rule: 'undefined-variable',
            sopId: doc.id,
            nodeId: node.id,
            field,
            message: `{{${name}}} is never captured in this SOP; add a question var or input field named ${name}, or fix the name`,
          });
        } else if (definedOnEntry(node.id, name) === false) {
          findings.push({
            severity: 'warning',
            rule: 'maybe-undefined-variable',
            sopId: doc.id,
            nodeId: node.id,
            field,
            message: `{{${name}}} is not captured on every path to this node; capture it earlier or on each branch`,
          });
        }
      }
    }
  }
  return findings;
}

/**
 * Whether a variable is captured on every path from the start to a node (`undefined` for a node
 * the start does not reach). Only `tracked` variables (those some text refers to) are followed,
 * as bit sets: on a 500-node SOP that is a few words per node where string sets held hundreds of
 * answers no text shows, and meeting two paths is a word AND instead of a set copy. Nodes are
 * visited in reverse postorder, so one pass carries facts along every forward edge and only loops
 * need more passes.
 */
function mustBeDefined(
  start: string,
  byId: ReadonlyMap<string, SopNode>,
  reachable: ReadonlySet<string>,
  tracked: ReadonlySet<string>,
): (id: string, name: string) => boolean | undefined {
  const edges = (id: string) => {
    const node = byId.get(id);
    return node ? successorsOf(node).filter((next) => reachable.has(next)) : [];
  };
  const order = reversePostorder(start, edges);
  const predecessors = new Map<string, string[]>();
  for (const id of order) {
    for (const next of edges(id)) {
      const list = predecessors.get(next);
      if (list) list.push(id);
      else predecessors.set(next, [id]);
    }
  }

  const bit = new Map<string, number>();
  const captures = new Map<string, number[]>();
  for (const id of order) {
    const node = byId.get(id);
    const must = node ? nodeFacts(node).captures.must.filter((name) => tracked.has(name)) : [];
    for (const name of must) if (!bit.has(name)) bit.set(name, bit.size);
    captures.set(id, must.map((name) => bit.get(name) ?? 0));
  }
  const words = Math.ceil(bit.size / 32);

  // A node's entry is unknown until a predecessor has an exit: unknown is "everything", the
  // identity of the meet, so the fixed point reached is the greatest one.
  const onEntry = new Map<string, Uint32Array>();
  const onExit = new Map<string, Uint32Array>();
  let changed = true;
  while (changed) {
    changed = false;
    for (const id of order) {
      let entry: Uint32Array | undefined;
      if (id === start) entry = new Uint32Array(words);
      else {
        for (const pred of predecessors.get(id) ?? []) {
          const out = onExit.get(pred);
          if (!out) continue;
          if (entry) intersectInto(entry, out);
          else entry = out.slice();
        }
      }
      if (!entry) continue;
      const before = onEntry.get(id);
      if (before && sameBits(before, entry)) continue;
      const exit = entry.slice();
      for (const index of captures.get(id) ?? []) addBit(exit, index);
      onEntry.set(id, entry);
      onExit.set(id, exit);
      changed = true;
    }
  }

  return (id, name) => {
    const entry = onEntry.get(id);
    if (!entry) return undefined;
    const index = bit.get(name);
    return index !== undefined && hasBit(entry, index);
  };
}

/** Nodes reachable from `start` along `edges`, each before its successors except on back edges. */
function reversePostorder(start: string, edges: (id: string) => string[]): string[] {
  const post: string[] = [];
  const seen = new Set<string>([start]);
  const stack: { id: string; next: string[]; i: number }[] = [{ id: start, next: edges(start), i: 0 }];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    const to = frame.next[frame.i++];
    if (to === undefined) {
      stack.pop();
      post.push(frame.id);
    } else if (!seen.has(to)) {
      seen.add(to);
      stack.push({ id: to, next: edges(to), i: 0 });
    }
  }
  return post.reverse();
}

function addBit(set: Uint32Array, index: number): void {
  set[index >>> 5] = (set[index >>> 5] ?? 0) | (1 << (index & 31));
}

function hasBit(set: Uint32Array, index: number): boolean {
  return ((set[index >>> 5] ?? 0) & (1 << (index & 31))) !== 0;
}

function intersectInto(target: Uint32Array, other: Uint32Array): void {
  for (let i = 0; i < target.length; i++) target[i] = (target[i] ?? 0) & (other[i] ?? 0);
}

function sameBits(a: Uint32Array, b: Uint32Array): boolean {
  return a.every((word, i) => word === b[i]);
}
