import { describe, expect, it } from 'vitest';
import { lintSop } from './lint';
import type { LintFinding } from './lint';
import { nodeFacts } from './lint-node';
import { sopDocumentSchema } from './schema';
import type { SopDocument, SopDocumentInput, SopNode } from './schema';

// Lint remembers what it read from each node object (texts, variables, unsafe instructions,
// language findings). These tests edit documents the way the Studio does, replacing one node
// object and keeping the others, and check that lint still reports what a fresh lint would.

function sop(nodes: SopDocumentInput['nodes'], extra: Partial<SopDocumentInput> = {}): SopDocument {
  return sopDocumentSchema.parse({ id: 'cache-sop', title: 'Cache', version: '1.0.0', audience: ['analyst'], start: 'a', nodes, ...extra });
}

/** The document with node `id` replaced by a new object, every other node object kept. */
function replaced(doc: SopDocument, id: string, change: (node: SopNode) => SopNode): SopDocument {
  return { ...doc, nodes: doc.nodes.map((node) => (node.id === id ? change(node) : node)) };
}

const rules = (findings: LintFinding[], nodeId?: string) =>
  findings.filter((f) => nodeId === undefined || f.nodeId === nodeId).map((f) => `${f.rule} ${f.nodeId ?? ''} ${f.field ?? ''}`.trim());

/** Lint of a deep copy: new node objects, so nothing can come from the cache. */
const fresh = (doc: SopDocument) => lintSop(structuredClone(doc));

const base = () =>
  sop({
    a: { kind: 'input', prompt: 'Who is calling?', fields: [{ var: 'callerName', label: 'Name', type: 'text', required: true }], next: 'b' },
    b: { kind: 'step', text: 'Greet {{callerName}}', say: 'Hello', next: 'c' },
    c: { kind: 'question', prompt: 'Fixed?', choices: [{ id: 'yes', label: 'Yes', next: 'done' }, { id: 'no', label: 'No', next: 'b' }] },
    done: { kind: 'outcome', outcome: { type: 'resolved', summary: 'Helped {{callerName}}' } },
  });

describe('lint caches what it reads per node object', () => {
  it('reads a node once: the same object gives the same facts, an equal copy equal facts', () => {
    const node = base().nodes[1]!;
    expect(nodeFacts(node)).toBe(nodeFacts(node));
    expect(nodeFacts(structuredClone(node))).toEqual(nodeFacts(node));
  });

  it('reports an edit on the node edited, and forgets it once the edit is undone', () => {
    const doc = base();
    expect(lintSop(doc)).toEqual([]);
    const edited = replaced(doc, 'b', (node) => ({ ...node, say: 'Ask the parent for the password, {{nickname}}' }));
    expect(rules(lintSop(edited))).toEqual(['security-asks-for-password b say', 'undefined-variable b say']);
    expect(lintSop(edited)).toEqual(fresh(edited));
    expect(lintSop(doc)).toEqual([]);
  });

  it('keeps the findings of a node that was not edited', () => {
    const unsafe = replaced(base(), 'done', (node) => ({ ...node, notes: 'Log in as the parent to check.' }));
    const before = rules(lintSop(unsafe), 'done');
    expect(before).toEqual(['security-logs-in-as-caller done notes']);
    const edited = replaced(unsafe, 'b', (node) => ({ ...node, title: 'Greeting' }));
    expect(edited.nodes[3]).toBe(unsafe.nodes[3]);
    expect(rules(lintSop(edited), 'done')).toEqual(before);
    expect(lintSop(edited)).toEqual(fresh(edited));
  });

  it('recomputes graph findings when an edge changes, though the other node objects are the same', () => {
    const doc = base();
    // b → done: nothing leads to c any more; only b's object is new.
    const skipped = replaced(doc, 'b', (node) => ({ ...node, next: 'done' }) as SopNode);
    expect(rules(lintSop(skipped))).toEqual(['unreachable-node c']);
    // c → b only: b and c loop with no way out, and no outcome can be reached.
    const trapped = replaced(doc, 'c', (node) => ({ ...node, choices: [{ id: 'no', label: 'No', next: 'b' }] }) as SopNode);
    expect(rules(lintSop(trapped))).toEqual(['unreachable-node done', 'no-outcome-reachable a', 'cycle-without-exit b']);
    expect(lintSop(trapped)).toEqual(fresh(trapped));
    // The original c back: every finding goes away again.
    expect(lintSop(replaced(trapped, 'c', () => doc.nodes[2]!))).toEqual([]);
  });

  it('warns about a variable when an edge lets a path skip its capture, and stops when the edge is moved', () => {
    const doc = sop({
      a: { kind: 'question', prompt: 'Known device?', choices: [{ id: 'yes', label: 'Yes', next: 'b' }, { id: 'no', label: 'No', next: 'q' }] },
      q: { kind: 'question', prompt: 'Which?', var: 'device', choices: [{ id: 'laptop', label: 'Laptop', next: 'b' }] },
      b: { kind: 'step', text: 'Check the {{device}}', next: 'done' },
      done: resolvedOutcome,
    });
    expect(rules(lintSop(doc))).toEqual(['maybe-undefined-variable b text']);
    const moved = replaced(doc, 'a', (node) => ({ ...node, choices: [{ id: 'yes', label: 'Yes', next: 'q' }, { id: 'no', label: 'No', next: 'q' }] }) as SopNode);
    expect(moved.nodes[2]).toBe(doc.nodes[2]);
    expect(lintSop(moved)).toEqual([]);
    expect(rules(lintSop(doc))).toEqual(['maybe-undefined-variable b text']);
  });

  it('re-checks caller scripts when the SOP declares another language, though no node changed', () => {
    const doc = base();
    expect(lintSop(doc)).toEqual([]);
    const spanish: SopDocument = { ...doc, languages: ['es'] };
    expect(rules(lintSop(spanish))).toEqual(['caller-script-missing-language b say']);
    expect(lintSop(spanish)).toEqual(fresh(spanish));
    expect(lintSop(doc)).toEqual([]);
  });

  it('follows more variables than fit in one 32-bit word, and names the one a path skips', () => {
    const names = Array.from({ length: 40 }, (_, i) => `v${i}`);
    const nodes: SopDocumentInput['nodes'] = {};
    names.forEach((name, i) => {
      nodes[`q${i}`] = { kind: 'question', prompt: `Ask ${name}`, var: name, choices: [{ id: 'go', label: 'Go', next: i + 1 < names.length ? `q${i + 1}` : 'show' }] };
    });
    nodes['show'] = { kind: 'step', text: names.map((name) => `{{${name}}}`).join(' '), next: 'done' };
    nodes['done'] = resolvedOutcome;
    const doc = sop(nodes, { start: 'q0' });
    expect(lintSop(doc)).toEqual([]);
    // q34 may now jump to q36, skipping q35's capture (bit 3 of the second word).
    const skip = replaced(doc, 'q34', (node) => ({ ...node, choices: [...(node.kind === 'question' ? node.choices : []), { id: 'skip', label: 'Skip', next: 'q36' }] }) as SopNode);
    expect(lintSop(skip).map((f) => `${f.rule} ${f.nodeId ?? ''} ${f.message.slice(0, 7)}`)).toEqual(['maybe-undefined-variable show {{v35}}']);
    expect(lintSop(skip)).toEqual(fresh(skip));
  });
});

const resolvedOutcome = { kind: 'outcome', outcome: { type: 'resolved', summary: 'Done' } } as const;
