import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { packToJson, packToYaml } from '../../../shared/sop/export';
import { nodeLabel } from '../../../shared/sop/nodes';
import type { SopNode } from '../../../shared/sop/schema';
import type { StudioRow } from '../../db/db';
import { useT } from '../../i18n';
import { useAppStore } from '../../state/store';
import { errorText } from '../../ui/error-text';
import { downloadText } from './download';
import { KIND_LABEL, portsOf, StudioGraph } from './Graph';
import { canPublish, createStudio, edit, findingsByNode, UNCONNECTED } from './model';
import type { EdgeSource, NodeKind, StudioAction, StudioState } from './model';
import { FindingList, NodeForm, SopForm } from './NodeForm';
import type { Dispatch } from './NodeForm';
import { StudioPreview } from './Preview';
import { publishProcedure, saveDraft } from './studio-store';
import { hasUnpublishedChanges, nextVersion, packOf } from './versions';
import { VersionList } from './VersionList';

const KINDS: readonly NodeKind[] = ['step', 'question', 'input', 'verify-identity', 'outcome'];
type Panel = 'node' | 'sop' | 'preview' | 'versions';
const PANELS: readonly { name: Panel; label: 'studio.panel.node' | 'studio.panel.sop' | 'studio.panel.preview' | 'studio.panel.versions' }[] = [
  { name: 'node', label: 'studio.panel.node' },
  { name: 'sop', label: 'studio.panel.sop' },
  { name: 'preview', label: 'studio.panel.preview' },
  { name: 'versions', label: 'studio.panel.versions' },
];

/** The first edge of `node` still open, where a node added after it is connected. */
function openPort(node: SopNode | undefined): EdgeSource | undefined {
  return node ? portsOf(node).find((port) => port.target === UNCONNECTED)?.source : undefined;
}

/** Text entry, where Alt+N is not ours: on a Mac, Option+N starts typing ñ. */
const isTextEntry = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA'].includes(target.tagName));

/**
 * One procedure in the Studio: the graph, the form of the selected node (or of the procedure),
 * lint's findings, the preview and the versions. Every change goes through the editing model
 * (model.ts) and is saved as the draft at once, so closing the window loses nothing. Keys:
 * Alt+N adds a node of the chosen kind after the selected one, Ctrl+Z / Ctrl+Shift+Z (or
 * Ctrl+Y) undo and redo; every action is also a button.
 */
export function StudioEditor({ row }: { row: StudioRow }) {
  const t = useT();
  const navigate = useAppStore((s) => s.navigate);
  const [state, setState] = useState<StudioState>(() => createStudio(row.draft));
  const current = useRef(state);
  const [selected, setSelected] = useState<string | null>(row.draft.start);
  const [panel, setPanel] = useState<Panel>('node');
  const [kind, setKind] = useState<NodeKind>('step');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const saved = useRef(row.draft);
  const doc = state.doc;
  const findings = findingsByNode(doc);
  const { errorCount, warningCount } = useMemo(() => {
    let errors = 0;
    let all = 0;
    for (const list of findings.values()) {
      all += list.length;
      errors += list.filter((finding) => finding.severity === 'error').length;
    }
    return { errorCount: errors, warningCount: all - errors };
  }, [findings]);
  const node = doc.nodes.find((candidate) => candidate.id === selected);
  const draftRow = useMemo(() => ({ ...row, draft: doc }), [row, doc]);
  const publishable = canPublish(doc) && hasUnpublishedChanges(draftRow);

  const focusNodeForm = () => requestAnimationFrame(() => document.getElementById('studio-node-heading')?.focus());

  const dispatch: Dispatch = useCallback((action: StudioAction) => {
    const result = edit(current.current, action);
    if (result.error !== undefined) return result.error;
    current.current = result.state;
    setState(result.state);
    if (result.nodeId !== undefined) {
      setSelected(result.nodeId);
      setPanel('node');
    }
    return undefined;
  }, []);

  // Every change is the draft on disk at once: the Studio has no Save button to forget.
  useEffect(() => {
    if (doc === saved.current) return;
    saved.current = doc;
    saveDraft(row.id, doc, Date.now()).catch((cause: unknown) => setMessage({ text: t('studio.editor.saveFailed', { error: errorText(cause) }), error: true }));
  }, [doc, row.id, t]);

  const act = (action: StudioAction, done?: () => void) => {
    const refused = dispatch(action);
    if (refused) setMessage({ text: refused, error: true });
    else {
      setMessage(null);
      done?.();
    }
  };
  const open = openPort(node);
  const addNode = () => act({ type: 'add-node', kind, ...(open ? { connectFrom: open } : {}) }, focusNodeForm);
  const deleteNode = () => {
    if (!node) return;
    const index = doc.nodes.indexOf(node);
    act({ type: 'delete-node', nodeId: node.id }, () => setSelected(doc.nodes[index === 0 ? 1 : index - 1]?.id ?? null));
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const mod = event.ctrlKey || event.metaKey;
      if (mod && !event.altKey && event.key.toLowerCase() === 'z') {
        event.preventDefault();
        act({ type: event.shiftKey ? 'redo' : 'undo' });
      } else if (mod && !event.altKey && event.key.toLowerCase() === 'y') {
        event.preventDefault();
        act({ type: 'redo' });
      } else if (event.altKey && !mod && event.code === 'KeyN' && !isTextEntry(event.target)) {
        event.preventDefault();
        addNode();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const publish = async () => {
    try {
      const published = await publishProcedure(row.id, Date.now());
      const next = { ...current.current, doc: published.draft, typing: undefined };
      saved.current = published.draft;
      current.current = next;
      setState(next);
      setMessage({ text: t('studio.editor.published', { version: published.draft.version }), error: false });
    } catch (cause) {
      setMessage({ text: errorText(cause), error: true });
    }
  };
  const restored = (restoredRow: StudioRow) => {
    const next = { ...current.current, doc: restoredRow.draft, typing: undefined };
    saved.current = restoredRow.draft;
    current.current = next;
    setState(next);
    setMessage({ text: t('studio.editor.published', { version: restoredRow.draft.version }), error: false });
  };

  const exportDraft = (format: 'yaml' | 'json') => {
    const pack = packOf(doc);
    downloadText(`${doc.id}-${doc.version}-draft.sop.${format}`, format === 'yaml' ? packToYaml(pack) : packToJson(pack), format === 'yaml' ? 'application/yaml' : 'application/json');
  };

  return (
    <div className="studio-editor">
      <header className="studio-header">
        <h1>
          {t('studio.editor.heading', { title: doc.title })} <span className="muted">{t('studio.editor.draftOf', { version: doc.version, count: row.published.length })}</span>
        </h1>
        <button type="button" onClick={() => navigate({ name: 'studio' })}>
          {t('studio.editor.back')}
        </button>
      </header>
      <div className="studio-toolbar" role="toolbar" aria-label={t('studio.toolbar.label')}>
        <label htmlFor="studio-add-kind">{t('studio.toolbar.kind')}</label>
        <select id="studio-add-kind" value={kind} onChange={(event) => setKind(event.target.value as NodeKind)}>
          {KINDS.map((option) => (
            <option key={option} value={option}>
              {t(KIND_LABEL[option])}
            </option>
          ))}
        </select>
        <button type="button" onClick={addNode} aria-keyshortcuts="Alt+N">
          {t(open ? 'studio.toolbar.addAfter' : 'studio.toolbar.add', { id: node?.id ?? '' })} <kbd>Alt+N</kbd>
        </button>
        <button type="button" onClick={deleteNode} disabled={!node || doc.nodes.length === 1}>
          {t('studio.toolbar.delete', { id: node?.id ?? '' })}
        </button>
        <button type="button" onClick={() => act({ type: 'undo' })} disabled={state.past.length === 0} aria-keyshortcuts="Control+Z">
          {t('studio.toolbar.undo')} <kbd>Ctrl+Z</kbd>
        </button>
        <button type="button" onClick={() => act({ type: 'redo' })} disabled={state.future.length === 0} aria-keyshortcuts="Control+Shift+Z Control+Y">
          {t('studio.toolbar.redo')} <kbd>Ctrl+Shift+Z</kbd>
        </button>
        <button type="button" onClick={() => exportDraft('yaml')}>
          {t('studio.toolbar.exportYaml')}
        </button>
        <button type="button" onClick={() => exportDraft('json')}>
          {t('studio.toolbar.exportJson')}
        </button>
        <button type="button" className="primary" onClick={() => void publish()} disabled={!publishable} aria-describedby="studio-publish-why">
          {t('studio.toolbar.publish', { version: nextVersion(draftRow) })}
        </button>
        <span id="studio-publish-why" className="muted">
          {errorCount > 0 ? t('studio.toolbar.blocked', { count: errorCount }) : publishable ? '' : t('studio.toolbar.unchanged')}
        </span>
      </div>
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'error-text' : undefined}>
          {message.text}
        </p>
      )}
      <div className="studio-body">
        <div className="studio-left">
          <StudioGraph
            doc={doc}
            findings={findings}
            selected={selected}
            onSelect={(id) => {
              setSelected(id);
              setPanel('node');
            }}
            onAction={(action) => act(action)}
          />
          <nav className="studio-outline" aria-label={t('studio.outline.label')}>
            <ol>
              {doc.nodes.map((candidate) => {
                const count = findings.get(candidate.id)?.length ?? 0;
                return (
                  <li key={candidate.id}>
                    <button
                      type="button"
                      aria-current={candidate.id === selected ? 'true' : undefined}
                      onClick={() => {
                        setSelected(candidate.id);
                        setPanel('node');
                        focusNodeForm();
                      }}
                    >
                      {t(KIND_LABEL[candidate.kind])} · {candidate.id} · {nodeLabel(candidate).slice(0, 40)}
                      {count > 0 && <span className="studio-badge"> {t('studio.outline.findings', { count })}</span>}
                    </button>
                  </li>
                );
              })}
            </ol>
          </nav>
        </div>
        <aside className="studio-side" aria-label={t('studio.side.label')}>
          <section aria-labelledby="studio-checks-heading" className="studio-checks">
            <h2 id="studio-checks-heading">{t('studio.checks.heading')}</h2>
            <p role="status" data-testid="studio-check-summary">
              {errorCount + warningCount === 0 ? t('studio.checks.clean') : t('studio.checks.summary', { errors: errorCount, warnings: warningCount })}
            </p>
            <FindingList findings={findings.get('') ?? []} />
            <FindingList
              findings={[...findings.entries()].filter(([id]) => id !== '').flatMap(([, list]) => list)}
              onSelect={(id) => {
                setSelected(id);
                setPanel('node');
                focusNodeForm();
              }}
            />
          </section>
          <div className="studio-panels" role="group" aria-label={t('studio.panel.label')}>
            {PANELS.map((option) => (
              <button key={option.name} type="button" aria-pressed={panel === option.name} onClick={() => setPanel(option.name)}>
                {t(option.label)}
              </button>
            ))}
          </div>
          {panel === 'node' &&
            (node ? (
              <NodeForm key={node.id} doc={doc} node={node} findings={findings.get(node.id) ?? []} dispatch={dispatch} onRenamed={setSelected} />
            ) : (
              <p className="muted">{t('studio.node.none')}</p>
            ))}
          {panel === 'sop' && <SopForm doc={doc} dispatch={dispatch} />}
          {panel === 'preview' && <StudioPreview doc={doc} />}
          {panel === 'versions' && <VersionList row={row} onRestored={restored} />}
        </aside>
      </div>
    </div>
  );
}
