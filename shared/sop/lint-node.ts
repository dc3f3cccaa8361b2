import { referencedVariables } from './interpolate';
import { capturesOf, nodeTexts } from './nodes';
import type { NodeCaptures, NodeText } from './nodes';
import type { SopNode } from './schema';
import { findUnsafeInstructions } from './security';
import type { UnsafeInstruction } from './security';

/** One of a node's texts with the `{{var}}`s it refers to, in order of first use. */
export interface NodeTextFacts extends NodeText {
  readonly variables: readonly string[];
}

/** What lint reads from one node on its own, whatever document or graph it is in. */
export interface NodeFacts {
  /** `nodeTexts(node)`, in the same order, each with its variables. */
  readonly texts: readonly NodeTextFacts[];
  readonly captures: NodeCaptures;
  /** Unsafe instructions in the node's texts, in text order and then order of appearance. */
  readonly unsafe: readonly { readonly field: string; readonly instruction: UnsafeInstruction }[];
}

const cache = new WeakMap<SopNode, NodeFacts>();

/**
 * The {@link NodeFacts} of a node, computed once per node object. The regex work (placeholders
 * and the security patterns) is most of what lint costs, and an edit in the Studio replaces only
 * the node it changes, so re-linting after a keystroke re-reads one node instead of all 500.
 * Nodes are never changed in place (the reducer and the parser build new ones), so identity is a
 * safe key, and the cache frees itself with them.
 */
export function nodeFacts(node: SopNode): NodeFacts {
  const hit = cache.get(node);
  if (hit) return hit;
  const texts = nodeTexts(node).map((text) => ({ ...text, variables: referencedVariables(text.text) }));
  const facts: NodeFacts = {
    texts,
    captures: capturesOf(node),
    unsafe: texts.flatMap(({ field, text }) => findUnsafeInstructions(text).map((instruction) => ({ field, instruction }))),
  };
  cache.set(node, facts);
  return facts;
}
