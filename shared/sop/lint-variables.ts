import { capturesOf, nodeTexts, successorsOf } from './nodes';
import { DISTRICT_PREFIX, referencedVariables } from './interpolate';
import type { LintFinding } from './lint-types';
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
  for (const node of doc.nodes) for (const name of capturesOf(node).may) anywhere.add(name);
  const definedOnEntry = mustBeDefined(doc.start, byId, reachable);
  const findings: LintFinding[] = [];
  for (const node of doc.nodes) {
    const defined = definedOnEntry.get(node.id);
    for (const { field, text } of nodeTexts(node)) {
      for (const name of referencedVariables(text)) {
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
        } else if (defined && !defined.has(name)) {
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

/** For each reachable node, the variables captured on every path from the start to it. */
function mustBeDefined(
  start: string,
  byId: ReadonlyMap<string, SopNode>,
  reachable: ReadonlySet<string>,
): Map<string, Set<string>> {
  const order = [...reachable];
  const predecessors = new Map<string, string[]>();
  for (const id of order) {
    const node = byId.get(id);
    if (!node) continue;
    for (const next of successorsOf(node)) {
      if (!reachable.has(next)) continue;
      const list = predecessors.get(next);
      if (list) list.push(id);
      else predecessors.set(next, [id]);
    }
  }
  const onEntry = new Map<string, Set<string>>();
  const onExit = new Map<string, Set<string>>();
  let changed = true;
  while (changed) {
    changed = false;
    for (const id of order) {
      let entry: Set<string> | undefined;
      if (id === start) entry = new Set();
      else {
        for (const pred of predecessors.get(id) ?? []) {
          const out = onExit.get(pred);
          if (!out) continue;
          entry = entry ? new Set([...entry].filter((name) => out.has(name))) : new Set(out);
        }
      }
      if (!entry) continue;
      const node = byId.get(id);
      const exit = new Set(entry);
      if (node) for (const name of capturesOf(node).must) exit.add(name);
      if (!sameSet(onEntry.get(id), entry) || !sameSet(onExit.get(id), exit)) {
        onEntry.set(id, entry);
        onExit.set(id, exit);
        changed = true;
      }
    }
  }
  return onEntry;
}

function sameSet(a: ReadonlySet<string> | undefined, b: ReadonlySet<string>): boolean {
  if (!a || a.size !== b.size) return false;
  for (const item of a) if (!b.has(item)) return false;
  return true;
}
