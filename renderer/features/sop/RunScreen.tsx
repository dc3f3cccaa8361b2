import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { currentNode, interpolate, pathTaken, progress } from '../../../shared/sop/engine';
import type { RunInput } from '../../../shared/sop/engine';
import { callerLanguages, ownLanguage } from '../../../shared/sop/languages';
import type { SopDocument, SopNode } from '../../../shared/sop/schema';
import { useT } from '../../i18n';
import type { Translate } from '../../i18n';
import { useAppStore } from '../../state/store';
import type { RunRow } from '../../db/db';
import { errorText } from '../../ui/error-text';
import { isTyping, modalOpen } from '../../ui/keys';
import { openDraftFromRun } from '../escalation';
import { CallPanel } from './CallPanel';
import { JumpBox } from './JumpBox';
import { PathList } from './PathList';
import { NodeNotes, SayPanel } from './NodeExtras';
import { NodeBody, verifyChoices } from './NodeBody';
import { analystText, autonym, nextCallerLanguage, optionalAnalystText, shownTitle, useUiLanguage } from './language';
import type { Shown } from './language';
import { useRun } from './run-queries';
import { answerRun, backRun, saveNote, setCallerLanguage } from './runs';

/** The node's heading in the interface language: its title, else its prompt, else a word of ours. */
function nodeHeading(doc: SopDocument, node: SopNode, vars: Record<string, string>, t: Translate, uiLanguage: string): Shown {
  const title = optionalAnalystText(doc, node, 'title', node.title, uiLanguage);
  const ours = (text: string): Shown => ({ text, lang: undefined });
  const prompt = (own: string): Shown => {
    const shown = analystText(doc, node, 'prompt', own, uiLanguage);
    return { ...shown, text: interpolate(shown.text, vars) };
  };
  switch (node.kind) {
    case 'step':
      return title ?? ours(t('sop.run.heading.step'));
    case 'question':
      return prompt(node.prompt);
    case 'input':
      return title ?? prompt(node.prompt);
    case 'verify-identity':
      return title ?? ours(t('sop.run.heading.verify'));
    case 'outcome':
      return title ?? ours(t('sop.run.heading.outcome'));
  }
}

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

/**
 * Where a run's answers go. A real run saves each to IndexedDB before the next node shows; the
 * SOP Studio's preview keeps them in memory, so trying a draft leaves no run in the history.
 */
export interface RunActions {
  answer: (row: RunRow, input: RunInput, now: number) => Promise<RunRow>;
  back: (row: RunRow, now: number) => Promise<RunRow>;
  setCallerLanguage: (row: RunRow, language: string, now: number) => Promise<RunRow>;
}

const SAVED_RUN: RunActions = { answer: answerRun, back: backRun, setCallerLanguage };

/**
 * The runner on one run. `preview` is the Studio's: the same screens and keys, without the step
 * notes, the way back to the library or the ticket an escalation would open.
 */
export function RunView({ run, actions = SAVED_RUN, preview = false }: { run: RunRow; actions?: RunActions; preview?: boolean }) {
  const t = useT();
  const uiLanguage = useUiLanguage();
  const navigate = useAppStore((s) => s.navigate);
  const [error, setError] = useState<string | null>(null);
  // The caller's language is the analyst's choice on this call, kept here as well as on the row
  // so an answer saved before the row is read back keeps it.
  const [callerLanguage, setLocalCallerLanguage] = useState(() =>
    run.callerLanguage !== undefined && callerLanguages(run.doc).includes(run.callerLanguage) ? run.callerLanguage : ownLanguage(run.doc),
  );
  const [announcement, setAnnouncement] = useState('');
  const bilingual = callerLanguages(run.doc).length > 1;
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
  const submit = useCallback((input: RunInput) => act(() => actions.answer({ ...run, callerLanguage }, input, Date.now())), [act, actions, run, callerLanguage]);
  const goBack = useCallback(() => act(() => actions.back({ ...run, callerLanguage }, Date.now())), [act, actions, run, callerLanguage]);
  const switchCallerLanguage = useCallback(() => {
    const next = nextCallerLanguage(run.doc, callerLanguage);
    setLocalCallerLanguage(next);
    setAnnouncement(t('sop.say.switched', { language: autonym(next) }));
    actions.setCallerLanguage(run, next, Date.now()).catch((cause: unknown) => setError(errorText(cause)));
  }, [actions, run, callerLanguage, t]);
  const canGoBack = run.state.history.length > 0;
  // Going back to an answered step is the engine's `back`, once per later step: every answer
  // after it is discarded and asked again, exactly as pressing Back that many times would.
  const goTo = useCallback(
    (index: number) =>
      act(async () => {
        let row: RunRow = { ...run, callerLanguage };
        for (let i = run.state.history.length; i > index; i--) row = await actions.back(row, Date.now());
        return row;
      }),
    [act, actions, run, callerLanguage],
  );
  // Escalating does not end the run: it stays active, in the library's unfinished calls, and the
  // draft opens prefilled with what was captured so far and the path taken.
  const canEscalate = !preview && !finished;
  // The step's note as typed: saved when the field loses focus, which Alt+E from inside it
  // never gives it, so escalating saves it first and the draft carries it.
  const typedNote = useRef<{ nodeId: string; text: string } | null>(null);
  const escalate = useCallback(
    () =>
      act(async () => {
        const typed = typedNote.current;
        const notes = typed && typed.nodeId === run.state.current ? { ...run.notes, [typed.nodeId]: typed.text } : run.notes;
        if (typed && notes !== run.notes) await saveNote(run.id, typed.nodeId, typed.text);
        const draftId = await openDraftFromRun({ ...run, notes, callerLanguage }, Date.now());
        navigate({ name: 'draft', draftId });
        return run;
      }),
    [act, run, callerLanguage, navigate],
  );

  // Move focus to the new node's heading so screen readers announce it and keys keep working;
  // input and outcome nodes focus their first control instead, so the analyst can act at once.
  useEffect(() => {
    if (node.kind === 'step' || node.kind === 'question' || node.kind === 'verify-identity') headingRef.current?.focus();
  }, [node.id, node.kind]);

  // A layout effect: the keys must answer the node on screen from the moment it is painted, or a
  // fast typist's key (or a test's) reaches the previous node's handler.
  useLayoutEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (modalOpen()) return;
      if (event.altKey && event.key === 'ArrowLeft') {
        event.preventDefault();
        if (canGoBack) void goBack();
        return;
      }
      // Alt+E, even while typing: escalate now. `code`, as for Alt+L below.
      if (event.altKey && event.code === 'KeyE' && !event.ctrlKey && !event.metaKey && !event.shiftKey) {
        event.preventDefault();
        if (canEscalate) void escalate();
        return;
      }
      // L, or Alt+L even while typing; `code`, since macOS's Option-L types a character instead.
      if (event.code === 'KeyL' && !event.ctrlKey && !event.metaKey && !event.shiftKey && (event.altKey || !isTyping(event.target))) {
        if (bilingual) {
          event.preventDefault();
          switchCallerLanguage();
        }
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
  }, [node, submit, goBack, canGoBack, bilingual, switchCallerLanguage, canEscalate, escalate]);

  const title = shownTitle(run.doc, uiLanguage);
  const heading = nodeHeading(run.doc, node, vars, t, uiLanguage);

  const current = (
    <div className="call-main">
      <header className="run-header">
        <p className="muted">
          {title.lang ? <span lang={title.lang}>{title.text}</span> : title.text} · v{run.doc.version}
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
        <h2 id="node-heading" tabIndex={-1} ref={headingRef} lang={heading.lang}>
          {heading.text}
        </h2>
        <NodeBody node={node} run={run} onSubmit={submit} callerLanguage={callerLanguage} onSwitchLanguage={switchCallerLanguage} preview={preview} />
        {node.kind !== 'outcome' && (
          <SayPanel doc={run.doc} node={node} vars={vars} callerLanguage={callerLanguage} onSwitch={switchCallerLanguage} />
        )}
        <p className="sr-only" role="status" aria-live="polite">
          {announcement}
        </p>
        <NodeNotes doc={run.doc} node={node} />
        {error && (
          <p role="alert" className="error-text">
            {error}
          </p>
        )}
      </section>
      {!finished && !preview && <StepNote runId={run.id} nodeId={node.id} initial={run.notes[node.id] ?? ''} onType={(text) => (typedNote.current = { nodeId: node.id, text })} />}
      <nav className="run-actions" aria-label={t('sop.run.actions.label')}>
        <button type="button" onClick={() => void goBack()} disabled={!canGoBack} aria-keyshortcuts="Alt+ArrowLeft">
          {t('sop.run.back')} <kbd>Alt+←</kbd>
        </button>
        {canEscalate && (
          <button type="button" onClick={() => void escalate()} aria-keyshortcuts="Alt+E">
            {t('sop.run.escalateNow')} <kbd>Alt+E</kbd>
          </button>
        )}
        {!preview && (
          <button type="button" onClick={() => navigate({ name: 'library' })}>
            {t('sop.run.leave')}
          </button>
        )}
      </nav>
    </div>
  );

  // The Studio's preview is the runner alone; a real call is the three-part workspace.
  if (preview) {
    return (
      <div className="run">
        {current}
        <PathTaken run={run} />
      </div>
    );
  }
  return (
    <div className="run call-workspace">
      <PathList run={run} currentTitle={heading.text} onGoTo={(index) => void goTo(index)} />
      {current}
      <CallPanel run={run} />
      <JumpBox />
    </div>
  );
}

function StepNote({ runId, nodeId, initial, onType }: { runId: string; nodeId: string; initial: string; onType: (text: string) => void }) {
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
        onChange={(e) => {
          setValue(e.target.value);
          onType(e.target.value);
        }}
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
