import { nodeLabel } from './nodes';
import type { SopDocument, SopNode } from './schema';

/** What changed in a node between two versions: the fields, as lint names them. */
export interface NodeEdit {
  nodeId: string;
  label: string;
  fields: string[];
}

/** What publishing a new version of an SOP changes, for its change record. */
export interface SopDiff {
  sopId: string;
  from: string;
  to: string;
  /** SOP-level fields that changed: title, start, symptoms, ticket… */
  fields: string[];
  added: { nodeId: string; label: string }[];
  removed: { nodeId: string; label: string }[];
  edited: NodeEdit[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The top-level keys of two nodes whose values differ, with a choice or field named by its id or var. */
function changedFields(before: SopNode, after: SopNode): string[] {
  const a = before as unknown as Record<string, unknown>;
  const b = after as unknown as Record<string, unknown>;
  const fields: string[] = [];
  for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])]) {
    if (key === 'id' || same(a[key], b[key])) continue;
    if ((key === 'choices' || key === 'fields') && Array.isArray(a[key]) && Array.isArray(b[key])) {
      const idOf = (item: Record<string, unknown>) => String(item['id'] ?? item['var']);
      const left = new Map((a[key] as Record<string, unknown>[]).map((item) => [idOf(item), item]));
      const right = new Map((b[key] as Record<string, unknown>[]).map((item) => [idOf(item), item]));
      for (const id of [...new Set([...left.keys(), ...right.keys()])]) {
        if (!left.has(id)) fields.push(`${key} ${id} added`);
        else if (!right.has(id)) fields.push(`${key} ${id} removed`);
        else if (!same(left.get(id), right.get(id))) fields.push(`${key} ${id}`);
      }
      if (fields.every((f) => !f.startsWith(key))) fields.push(`${key} order`);
      continue;
    }
    fields.push(key);
  }
  return fields;
}

/**
 * The difference between two versions of one SOP: nodes added, removed and edited (with the
 * fields edited), and SOP-level changes. Nodes are matched by id, which stays stable across
 * versions (schema.ts), so a renamed title is an edit, not a removal and an addition.
 */
export function diffSop(before: SopDocument, after: SopDocument): SopDiff {
  const old = new Map(before.nodes.map((node) => [node.id, node]));
  const next = new Map(after.nodes.map((node) => [node.id, node]));
  const fields = (['title', 'audience', 'locale', 'languages', 'tags', 'symptoms', 'start', 'ticket', 'district', 'translations'] as const).filter(
    (key) => !same(before[key], after[key]),
  );
  return {
    sopId: after.id,
    from: before.version,
    to: after.version,
    fields,
    added: after.nodes.filter((node) => !old.has(node.id)).map((node) => ({ nodeId: node.id, label: nodeLabel(node) })),
    removed: before.nodes.filter((node) => !next.has(node.id)).map((node) => ({ nodeId: node.id, label: nodeLabel(node) })),
    edited: after.nodes.flatMap((node) => {
      const was = old.get(node.id);
      if (!was) return [];
      const changed = changedFields(was, node);
      return changed.length > 0 ? [{ nodeId: node.id, label: nodeLabel(node), fields: changed }] : [];
    }),
  };
}

/** The diff as the lines of a change record: "Added: Verify the caller (verify)". */
export function describeDiff(diff: SopDiff): string[] {
  const lines = [`${diff.sopId} ${diff.from} → ${diff.to}`];
  if (diff.fields.length > 0) lines.push(`Changed: ${diff.fields.join(', ')}`);
  for (const node of diff.added) lines.push(`Added: ${node.label} (${node.nodeId})`);
  for (const node of diff.removed) lines.push(`Removed: ${node.label} (${node.nodeId})`);
  for (const node of diff.edited) lines.push(`Edited: ${node.label} (${node.nodeId}): ${node.fields.join(', ')}`);
  if (lines.length === 1) lines.push('No change to the steps.');
  return lines;
}
