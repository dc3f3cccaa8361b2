import { Background, Controls, Handle, Position, ReactFlow } from '@xyflow/react';
import type { Connection, Edge, Node, NodeProps } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { memo, useEffect, useMemo, useState } from 'react';
import type { LintFinding } from '../../../shared/sop/lint';
import { nodeLabel, successorsOf } from '../../../shared/sop/nodes';
import type { SopDocument, SopNode } from '../../../shared/sop/schema';
import { useT } from '../../i18n';
import type { MessageKey } from '../../i18n';
import { layoutSop, NODE_WIDTH, nodeHeight } from './layout';
import type { NodeBox } from './layout';
import type { EdgeSource, StudioAction } from './model';

/** What a card shows: the node, its findings and whether it is the start. */
interface CardData extends Record<string, unknown> {
  node: SopNode;
  findings: readonly LintFinding[];
  start: boolean;
}
type CardNode = Node<CardData, 'sop'>;

export const KIND_LABEL = {
  step: 'studio.kind.step',
  question: 'studio.kind.question',
  input: 'studio.kind.input',
  'verify-identity': 'studio.kind.verify',
  outcome: 'studio.kind.outcome',
} as const satisfies Record<SopNode['kind'], MessageKey>;

/** The ports an edge leaves a node by, with the handle id React Flow knows each by. */
export function portsOf(node: SopNode): { handle: string; source: EdgeSource; target: string; label: string }[] {
  switch (node.kind) {
    case 'step':
    case 'input':
      return [{ handle: 'next', source: { from: node.id, port: 'next' }, target: node.next, label: '' }];
    case 'verify-identity':
      return [
        { handle: 'next', source: { from: node.id, port: 'next' }, target: node.next, label: '✓' },
        { handle: 'unverified', source: { from: node.id, port: 'unverified' }, target: node.unverified, label: '✗' },
      ];
    case 'question':
      return node.choices.map((choice) => ({ handle: `choice:${choice.id}`, source: { from: node.id, choiceId: choice.id }, target: choice.next, label: choice.label }));
    case 'outcome':
      return [];
  }
}

const SopCard = memo(function SopCard({ data, selected }: NodeProps<CardNode>) {
  const t = useT();
  const { node, findings, start } = data;
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  const warnings = findings.length - errors;
  const ports = portsOf(node);
  return (
    <div className={`studio-card kind-${node.kind}${errors > 0 ? ' has-error' : warnings > 0 ? ' has-warning' : ''}${selected ? ' selected' : ''}`} style={{ width: NODE_WIDTH, height: nodeHeight(node) }}>
      <Handle type="target" position={Position.Top} isConnectable />
      <p className="studio-card-head">
        <span>{t(KIND_LABEL[node.kind])}</span>
        {start && <span className="studio-start">{t('studio.graph.start')}</span>}
        {errors > 0 && <span className="studio-badge error">{t('studio.graph.errors', { count: errors })}</span>}
        {warnings > 0 && <span className="studio-badge warning">{t('studio.graph.warnings', { count: warnings })}</span>}
      </p>
      <p className="studio-card-label">{nodeLabel(node)}</p>
      <p className="studio-card-id">{node.id}</p>
      {ports.map((port, i) => (
        <Handle
          key={port.handle}
          id={port.handle}
          type="source"
          position={Position.Bottom}
          style={{ left: `${((i + 1) / (ports.length + 1)) * 100}%` }}
          title={port.label || undefined}
        />
      ))}
    </div>
  );
});

const NODE_TYPES = { sop: SopCard };

/** Structure only (ids and edges): the layout is redone when it changes, not on every keystroke. */
function structureKey(doc: SopDocument): string {
  return `${doc.start}|${doc.nodes.map((node) => `${node.id}>${successorsOf(node).join(',')}`).join(';')}`;
}

/**
 * The procedure as a graph: a card per node laid out by ELK, coloured by its lint findings,
 * edges drawn from each choice or port. Mouse: click a card to edit it, drag from a port to a
 * card to connect, Delete removes the selected card. Keyboard users have the same actions in
 * the toolbar and the node form (StudioEditor.tsx); cards are focusable and Enter selects one.
 */
export function StudioGraph({
  doc,
  findings,
  selected,
  onSelect,
  onAction,
}: {
  doc: SopDocument;
  findings: ReadonlyMap<string, readonly LintFinding[]>;
  selected: string | null;
  onSelect: (nodeId: string) => void;
  onAction: (action: StudioAction) => void;
}) {
  const t = useT();
  const key = structureKey(doc);
  const [boxes, setBoxes] = useState<Map<string, NodeBox> | null>(null);
  useEffect(() => {
    let current = true;
    void layoutSop(doc).then((laid) => current && setBoxes(laid));
    return () => {
      current = false;
    };
    // Only the structure moves cards; text edits keep the layout.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  const nodes = useMemo<CardNode[]>(
    () =>
      doc.nodes.map((node, i) => {
        const box = boxes?.get(node.id) ?? { x: 0, y: i * 140 };
        return {
          id: node.id,
          type: 'sop',
          position: { x: box.x, y: box.y },
          data: { node, findings: findings.get(node.id) ?? [], start: node.id === doc.start },
          selected: node.id === selected,
          ariaLabel: t('studio.graph.cardLabel', { kind: t(KIND_LABEL[node.kind]), label: nodeLabel(node), id: node.id }),
          width: NODE_WIDTH,
          height: nodeHeight(node),
        };
      }),
    [doc, boxes, findings, selected, t],
  );
  const ids = useMemo(() => new Set(doc.nodes.map((node) => node.id)), [doc]);
  const edges = useMemo<Edge[]>(
    () =>
      doc.nodes.flatMap((node) =>
        portsOf(node)
          .filter((port) => ids.has(port.target))
          .map((port) => ({
            id: `${node.id}:${port.handle}`,
            source: node.id,
            sourceHandle: port.handle,
            target: port.target,
            label: port.label || undefined,
            ariaLabel: t('studio.graph.edgeLabel', { from: node.id, to: port.target, label: port.label || '—' }),
          })),
      ),
    [doc, ids, t],
  );

  const ariaLabels = useMemo(
    () => ({
      'node.a11yDescription.default': t('studio.graph.a11y.node'),
      'node.a11yDescription.keyboardDisabled': t('studio.graph.a11y.node'),
      'edge.a11yDescription.default': t('studio.graph.a11y.edge'),
      'controls.ariaLabel': t('studio.graph.a11y.controls'),
      'controls.zoomIn.ariaLabel': t('studio.graph.a11y.zoomIn'),
      'controls.zoomOut.ariaLabel': t('studio.graph.a11y.zoomOut'),
      'controls.fitView.ariaLabel': t('studio.graph.a11y.fitView'),
      'controls.interactive.ariaLabel': t('studio.graph.a11y.interactive'),
      'handle.ariaLabel': t('studio.graph.a11y.handle'),
    }),
    [t],
  );

  const onConnect = (connection: Connection) => {
    const node = doc.nodes.find((candidate) => candidate.id === connection.source);
    const port = node && portsOf(node).find((candidate) => candidate.handle === connection.sourceHandle);
    if (port) onAction({ type: 'connect', ...port.source, to: connection.target });
  };

  return (
    <div className="studio-graph" data-testid="studio-graph">
      <ReactFlow<CardNode>
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        nodesDraggable={false}
        onlyRenderVisibleElements
        fitView
        minZoom={0.1}
        onConnect={onConnect}
        onNodesDelete={(deleted) => deleted.forEach((node) => onAction({ type: 'delete-node', nodeId: node.id }))}
        onEdgesDelete={() => undefined}
        deleteKeyCode={['Delete', 'Backspace']}
        proOptions={{ hideAttribution: true }}
        ariaLabelConfig={ariaLabels}
        onNodesChange={(changes) => {
          // Only what the user did (a click, Enter on a focused card): the selection shown comes
          // from `selected`, so echoing React Flow's own updates back would loop.
          const chosen = changes.find((change) => change.type === 'select' && change.selected);
          if (chosen && chosen.type === 'select' && chosen.id !== selected) onSelect(chosen.id);
        }}
      >
        <Background />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
