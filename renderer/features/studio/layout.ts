import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkExtendedEdge, ElkNode, LayoutOptions } from 'elkjs/lib/elk.bundled.js';
import { nodeLabel, successorsOf } from '../../../shared/sop/nodes';
import type { SopDocument, SopNode } from '../../../shared/sop/schema';

/** Where a node's card is drawn, in graph coordinates (top-left corner and size). */
export interface NodeBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Every card has this width, so the layout only needs a height per node. */
export const NODE_WIDTH = 240;
const HEADER = 32;
const LINE = 18;
const ROW = 26;
const CHARS_PER_LINE = 30;
const MAX_LINES = 4;

/**
 * A card's height before it is rendered: a header, the label wrapped at about 30 characters (up
 * to 4 lines, as the card clips the rest), and a row per choice or field. An estimate, so the
 * layout can run before the DOM exists; cards are drawn at this size.
 */
export function nodeHeight(node: SopNode): number {
  const lines = Math.min(MAX_LINES, Math.max(1, Math.ceil(nodeLabel(node).length / CHARS_PER_LINE)));
  const rows = node.kind === 'question' ? node.choices.length : node.kind === 'input' ? node.fields.length : node.kind === 'verify-identity' ? 2 : 0;
  return HEADER + lines * LINE + rows * ROW + 12;
}

const LAYOUT: LayoutOptions = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  'elk.spacing.nodeNode': '32',
  'elk.layered.spacing.nodeNodeBetweenLayers': '48',
  'elk.layered.cycleBreaking.strategy': 'DEPTH_FIRST',
  'elk.edgeRouting': 'ORTHOGONAL',
};

/**
 * Past this many nodes the layout trades looks for time. Every edge that skips layers becomes a
 * chain of dummy nodes, and crossing minimisation over them dominates: on generateSop(500, 7)
 * the full settings take seconds. The fast settings keep ELK's layering (so the picture still
 * reads top to bottom) but skip crossing minimisation and route edges as polylines.
 */
export const LARGE_SOP = 100;
const FAST: LayoutOptions = {
  'elk.edgeRouting': 'POLYLINE',
  'elk.layered.thoroughness': '1',
  'elk.layered.nodePlacement.strategy': 'SIMPLE',
  'elk.layered.crossingMinimization.strategy': 'NONE',
};

// One instance for the window: the bundled build runs ELK in this thread (no web worker).
let elk: InstanceType<typeof ELK> | undefined;

/**
 * Positions every node with ELK's layered algorithm, top to bottom along the edges lint and the
 * engine follow (`successorsOf`). Loops ("try again") are laid out by reversing a back edge, and
 * the start node is pinned to the first layer so the procedure always reads from the top. Edges
 * to missing nodes (a dead end being edited) are left out; a duplicate id is placed once.
 */
export async function layoutSop(doc: SopDocument): Promise<Map<string, NodeBox>> {
  const byId = new Map<string, SopNode>();
  for (const node of doc.nodes) if (!byId.has(node.id)) byId.set(node.id, node);

  const children: ElkNode[] = [...byId.values()].map((node) => ({
    id: node.id,
    width: NODE_WIDTH,
    height: nodeHeight(node),
    ...(node.id === doc.start ? { layoutOptions: { 'elk.layered.layering.layerConstraint': 'FIRST' } } : {}),
  }));
  const edges: ElkExtendedEdge[] = [];
  for (const node of byId.values()) {
    successorsOf(node).forEach((next, i) => {
      if (byId.has(next)) edges.push({ id: `${node.id}>${i}`, sources: [node.id], targets: [next] });
    });
  }

  elk ??= new ELK();
  const laid = await elk.layout({ id: 'root', layoutOptions: byId.size > LARGE_SOP ? { ...LAYOUT, ...FAST } : LAYOUT, children, edges });
  const boxes = new Map<string, NodeBox>();
  for (const child of laid.children ?? []) {
    boxes.set(child.id, { x: child.x ?? 0, y: child.y ?? 0, width: child.width ?? NODE_WIDTH, height: child.height ?? 0 });
  }
  return boxes;
}
