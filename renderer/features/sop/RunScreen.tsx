import { useCallback, useEffect, useRef, useState } from 'react';
import { currentNode, interpolate, pathTaken, progress } from '../../../shared/sop/engine';
import type { RunInput } from '../../../shared/sop/engine';
import { NOT_VERIFIED } from '../../../shared/sop/engine';
import type { SopNode, VerifyNode } from '../../../shared/sop/schema';
import { useT } from '../../i18n';
import type { MessageKey, Translate } from '../../i18n';
import { useAppStore } from '../../state/store';
import type { RunRow } from '../../db/db';
import { errorText } from '../../ui/error-text';
import { InputForm } from './InputForm';
import { NodeNotes, SayPanel } from './NodeExtras';
import { OutcomeView } from './OutcomeView';
import { useRun } from './run-queries';
import { answerRun, backRun, saveNote } from './runs';

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

function nodeHeading(node: SopNode, vars: Record<string, string>, t: Translate): string {
  switch (node.kind) {
    case 'step':
      return node.title ?? t('sop.run.heading.step');
    case 'question':
      return interpolate(node.prompt, vars);
    case 'input':
      return node.title ?? interpolate(node.prompt, vars);
    case 'verify-identity':
      return node.title ?? t('sop.run.heading.verify');
    case 'outcome':
      return node.title ?? t('sop.run.heading.outcome');
  }
}

/** A verify-identity node's answers, in order: each accepted method, then "could not verify" (labels are message keys). */
function verifyChoices(node: VerifyNode): { method: string; label: MessageKey }[] {
  return [
    ...node.methods.map((method) => ({ method, label: VERIFY_METHOD_LABEL[method] })),
    { method: NOT_VERIFIED, label: 'sop.run.verify.notVerified' },
  ];
}

const VERIFY_METHOD_LABEL = {
  'callback-on-file': 'sop.run.verify.callbackOnFile',
  'district-facts': 'sop.run.verify.districtFacts',
  'photo-id-in-person': 'sop.run.verify.photoIdInPerson',
} as const satisfies Record<VerifyNode['methods'][number], MessageKey>;

/** One SOP run: one node at a time, keyboard first, saved after every answer. */
export function RunScreen({ runId }: { runId: string }) {
  const t = useT();
  const run = useRun(runId);
  if (run === undefined) return <p aria-busy="true">{t('sop.run.loading')}</p>;
  if (run === null) return <MissingRun />;
  return <RunView key={`${run.id}`} run={run} />;
}

function MissingRun() {
  const t = useT();
  const navigate = useAppStore((s) => s.navigate);
  return (
    <div role="alert">
      <p>{t('sop.run.missing')}</p>
      <button type="button" onClick={() => navigate({ name: 'library' })}>
        {t('sop.run.backToLibrary')}
      </button>
    </div>
  );
}

function RunView({ run }: { run: RunRow }) {
  const t = useT();
  const navigate = useAppStore((s) => s.navigate);
  const [error, setError] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const node = currentNode(run.doc, run.state);
  const vars = run.state.variables;
  const prog = progress(run.doc, run.state);
  const finished = run.state.status === 'finished';
  const busy = useRef(false);

  const act = useCallback(
    async (fn: () => Promise<RunRow>) => {
      if (busy.current) return;
      busy.current = true;
      try {
        await fn();
        setError(null);
      } catch (cause) {
        setError(errorText(cause));
      } finally {
        busy.current = false;
      }
    },
    [],
  );
  const submit = useCallback((input: RunInput) => act(() => answerRun(run, input, Date.now())), [act, run]);
  const goBack = useCallback(() => act(() => backRun(run, Date.now())), [act, run]);
  const canGoBack = run.state.history.length > 0;

  // Move focus to the new node's heading so screen readers announce it and keys keep working;
  // input and outcome nodes focus their first control instead, so the analyst can act at once.
  useEffect(() => {
    if (node.kind === 'step' || node.kind === 'question' || node.kind === 'verify-identity') headingRef.current?.focus();
  }, [node.id, node.kind]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey && event.key === 'ArrowLeft') {
        event.preventDefault();
        if (canGoBack) void goBack();
        return;
      }
      if (isTyping(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
      if (node.kind === 'question' && /^[1-9]$/.test(event.key)) {
        const choice = node.choices[Number(event.key) - 1];
        if (choice) {
          event.preventDefault();
          void submit({ type: 'choice', choiceId: choice.id });
        }
      } else if (node.kind === 'verify-identity' && /^[1-9]$/.test(event.key)) {
        const choice = verifyChoices(node)[Number(event.key) - 1];
        if (choice) {
          event.preventDefault();
          void submit({ type: 'verify', method: choice.method });
        }
      } else if (node.kind === 'step' && event.key === 'Enter' && !(event.target instanceof HTMLButtonElement)) {
        event.preventDefault();
        void submit({ type: 'continue' });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [node, submit, goBack, canGoBack]);

  return (
    <div className="run">
      <header className="run-header">
        <p className="muted">
          {run.doc.title} · v{run.doc.version}
        </p>
        <div
          role="progressbar"
          aria-label={t('sop.run.progress.label')}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(prog.fraction * 100)}
          aria-valuetext={
            finished
              ? t('sop.run.progress.finished')
              : prog.remainingEstimate === null
                ? t('sop.run.progress.valueUnknown', { answered: prog.answered })
                : t('sop.run.progress.value', { answered: prog.answered, remaining: prog.remainingEstimate })
          }
          className="progress"
        >
          <span style={{ width: `${Math.round(prog.fraction * 100)}%` }} />
        </div>
      </header>
      <section className="card node" aria-labelledby="node-heading" data-node-id={node.id}>
        <h2 id="node-heading" tabIndex={-1} ref={headingRef}>
          {nodeHeading(node, vars, t)}
        </h2>
        <NodeBody node={node} run={run} onSubmit={submit} />
        {node.kind !== 'outcome' && <SayPanel text={node.say} vars={vars} />}
        <NodeNotes node={node} />
        {error && (
          <p role="alert" className="error-text">
            {error}
          </p>
        )}
      </section>
      {!finished && <StepNote runId={run.id} nodeId={node.id} initial={run.notes[node.id] ?? ''} />}
      <nav className="run-actions" aria-label={t('sop.run.actions.label')}>
        <button type="button" onClick={() => void goBack()} disabled={!canGoBack} aria-keyshortcuts="Alt+ArrowLeft">
          {t('sop.run.back')} <kbd>Alt+←</kbd>
        </button>
        <button type="button" onClick={() => navigate({ name: 'library' })}>
          {t('sop.run.leave')}
        </button>
      </nav>
      <PathTaken run={run} />
    </div>
  );
}

function NodeBody({ node, run, onSubmit }: { node: SopNode; run: RunRow; onSubmit: (input: RunInput) => Promise<void> }) {
  const t = useT();
  const vars = run.state.variables;
  switch (node.kind) {
    case 'step':
      return (
        <>
          <p className="node-text">{interpolate(node.text, vars)}</p>
          <button type="button" className="primary" onClick={() => void onSubmit({ type: 'continue' })}>
            {t('sop.run.continue')} <kbd>Enter</kbd>
          </button>
        </>
      );
    case 'question':
      return (
        <ol className="choices" aria-label={t('sop.run.choicesLabel')}>
          {node.choices.map((choice, i) => (
            <li key={choice.id}>
              <button type="button" onClick={() => void onSubmit({ type: 'choice', choiceId: choice.id })} aria-keyshortcuts={String(i + 1)}>
                <kbd>{i + 1}</kbd> {choice.label}
              </button>
            </li>
          ))}
        </ol>
      );
    case 'verify-identity':
      return (
        <>
          <p className="node-text">{interpolate(node.prompt, vars)}</p>
          <p className="muted">{t('sop.run.verify.recordOnly')}</p>
          <ol className="choices" aria-label={t('sop.run.verify.choicesLabel')}>
            {verifyChoices(node).map((choice, i) => (
              <li key={choice.method}>
                <button type="button" onClick={() => void onSubmit({ type: 'verify', method: choice.method })} aria-keyshortcuts={String(i + 1)}>
                  <kbd>{i + 1}</kbd> {t(choice.label)}
                </button>
              </li>
            ))}
          </ol>
        </>
      );
    case 'input':
      return (
        <>
          <p className="node-text">{interpolate(node.prompt, vars)}</p>
          <InputForm
            key={node.id}
            node={node}
            initial={{ ...vars, ...(run.state.previousAnswer?.type === 'input' ? run.state.previousAnswer.values : {}) }}
            onSubmit={(values) => void onSubmit({ type: 'input', values })} />
        </>
      );
    case 'outcome':
      return <OutcomeView node={node} run={run} />;
  }
}

function StepNote({ runId, nodeId, initial }: { runId: string; nodeId: string; initial: string }) {
  const t = useT();
  const [value, setValue] = useState(initial);
  useEffect(() => setValue(initial), [initial, nodeId]);
  return (
    <div className="field step-note">
      <label htmlFor="step-note">{t('sop.run.note.label')}</label>
      <textarea
        id="step-note"
        rows={2}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        onBlur={() => void saveNote(runId, nodeId, value)}
        placeholder={t('sop.run.note.placeholder')}
      />
    </div>
  );
}

function PathTaken({ run }: { run: RunRow }) {
  const t = useT();
  if (run.state.history.length === 0) return null;
  return (
    <details className="path">
      <summary>{t('sop.run.path', { count: run.state.history.length })}</summary>
      <ol>
        {pathTaken(run.doc, run.state).map((step, i) => (
          <li key={`${step.nodeId}-${i}`}>
            {step.title}
            {step.answerLabel ? ` → ${step.answerLabel}` : ''}
          </li>
        ))}
      </ol>
    </details>
  );
}
