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
 * Past this many nodes ELK is not used. Every edge that skips layers becomes a chain of dummy
 * nodes and ELK's layered algorithm spends seconds on them: on generateSop(500, 7) its fastest
 * settings (longest-path layering, no crossing minimisation, merged edges) took 460–650 ms and
 * the defaults 1.5–1.9 s; dagre took 10–12 s and ELK's mrtree 3.5–4 s (measured here, Node 20,
 * 2 cores). Above it, `layeredByDepth` lays the cards out in a few milliseconds: the same
 * top-to-bottom reading, with less care for edge crossings, which at that size nobody reads
 * card by card anyway (the outline list and the checks are how a large procedure is worked on).
 */
export const LARGE_SOP = 100;
const GAP_X = 32;
const GAP_Y = 48;

/**
 * Rows by breadth-first depth from the start (so loops point back up and the start is alone on
 * top), each row in the order its parents sit and their edges leave them, then unreachable
 * nodes in a last row.
 * Linear in nodes and edges.
 */
export function layeredByDepth(doc: SopDocument, byId: ReadonlyMap<string, SopNode>): Map<string, NodeBox> {
  const depth = new Map<string, number>();
  const rows: string[][] = [];
  if (byId.has(doc.start)) {
    depth.set(doc.start, 0);
    rows.push([doc.start]);
  }
  for (let d = 0; d < rows.length; d++) {
    const next: string[] = [];
    for (const id of rows[d] ?? []) {
      const node = byId.get(id);
      if (!node) continue;
      for (const successor of successorsOf(node)) {
        if (!byId.has(successor) || depth.has(successor)) continue;
        depth.set(successor, d + 1);
        next.push(successor);
      }
    }
    if (next.length > 0) rows.push(next);
  }
  const unreachable = [...byId.keys()].filter((id) => !depth.has(id));
  if (unreachable.length > 0) rows.push(unreachable);

  const boxes = new Map<string, NodeBox>();
  let y = 0;
  for (const row of rows) {
    const widest = row.length * (NODE_WIDTH + GAP_X) - GAP_X;
    let x = -widest / 2;
    let tallest = 0;
    for (const id of row) {
      const node = byId.get(id);
      if (!node) continue;
      const height = nodeHeight(node);
      boxes.set(id, { x, y, width: NODE_WIDTH, height });
      x += NODE_WIDTH + GAP_X;
      tallest = Math.max(tallest, height);
    }
    y += tallest + GAP_Y;
  }
  return boxes;
}

// One instance for the window: the bundled build runs ELK in this thread (no web worker).
let elk: InstanceType<typeof ELK> | undefined;

/**
 * Positions every node, up to LARGE_SOP nodes with ELK's layered algorithm (above it with
 * `layeredByDepth`), top to bottom along the edges lint and the
 * engine follow (`successorsOf`). Loops ("try again") are laid out by reversing a back edge, and
 * the start node is pinned to the first layer so the procedure always reads from the top. Edges
 * to missing nodes (a dead end being edited) are left out; a duplicate id is placed once.
 */
export async function layoutSop(doc: SopDocument): Promise<Map<string, NodeBox>> {
  const byId = new Map<string, SopNode>();
  for (const node of doc.nodes) if (!byId.has(node.id)) byId.set(node.id, node);
  if (byId.size > LARGE_SOP) return layeredByDepth(doc, byId);

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
  const laid = await elk.layout({ id: 'root', layoutOptions: LAYOUT, children, edges });
  const boxes = new Map<string, NodeBox>();
  for (const child of laid.children ?? []) {
    boxes.set(child.id, { x: child.x ?? 0, y: child.y ?? 0, width: child.width ?? NODE_WIDTH, height: child.height ?? 0 });
  }
  return boxes;
}
