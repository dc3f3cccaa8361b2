import { Suspense, useMemo, useState } from 'react';
import { districtConstants } from '../../../shared/sop/district';
import { answer, back, startRun } from '../../../shared/sop/engine';
import { capturesOf, nodeLabel } from '../../../shared/sop/nodes';
import type { SopDocument } from '../../../shared/sop/schema';
import type { RunRow } from '../../db/db';
import { activeUiLanguage, useT } from '../../i18n';
import { errorText } from '../../ui/error-text';
import { initialCallerLanguage, RunView } from '../sop';
import type { RunActions } from '../sop';

/** Every variable a run of `doc` can capture, in the order the nodes capture them. */
export function capturedVariables(doc: SopDocument): string[] {
  return [...new Set(doc.nodes.flatMap((node) => capturesOf(node).may))];
}

/**
 * A run of the procedure being edited, starting at `from` with `variables` already captured (as
 * if the nodes before it had been answered), held in memory only. Throws the engine's error when
 * the start cannot be run (a node that does not exist).
 */
export function previewRun(doc: SopDocument, from: string, variables: Readonly<Record<string, string>>, now: number): RunRow {
  const started = startRun({ ...doc, start: from }, now, districtConstants(doc, {}));
  const state = { ...started, variables: { ...started.variables, ...variables } };
  return {
    id: `preview-${now}`,
    doc,
    packId: 'studio-preview',
    state,
    status: state.status,
    notes: {},
    startedAt: now,
    updatedAt: now,
    finishedAt: state.status === 'finished' ? now : null,
    draftId: null,
    callerLanguage: initialCallerLanguage(doc, activeUiLanguage()),
  };
}

/**
 * Preview beside the editor: the real runner (its screens, keys and engine) on a snapshot of the
 * draft, from any node, with any variables filled in. Nothing is saved: no run in the history,
 * no ticket. Edits made after starting do not change a preview in progress (a run keeps the
 * version it started with); "Start preview" again picks them up.
 */
export function StudioPreview({ doc }: { doc: SopDocument }) {
  const t = useT();
  const [from, setFrom] = useState(doc.start);
  const variables = useMemo(() => capturedVariables(doc), [doc]);
  const [values, setValues] = useState<Record<string, string>>({});
  const [run, setRun] = useState<RunRow | null>(null);
  const [error, setError] = useState<string | null>(null);
  const startAt = doc.nodes.some((node) => node.id === from) ? from : doc.start;

  const actions = useMemo<RunActions>(() => {
    const keep = (row: RunRow) => {
      setRun(row);
      return Promise.resolve(row);
    };
    return {
      answer: (row, input, now) => {
        const state = answer(row.doc, row.state, input, now);
        const finished = state.status === 'finished';
        return keep({ ...row, state, status: state.status, updatedAt: now, finishedAt: finished ? now : null });
      },
      back: (row, now) => keep({ ...row, state: back(row.doc, row.state, now), status: 'active', finishedAt: null, updatedAt: now }),
      setCallerLanguage: (row, callerLanguage, now) => keep({ ...row, callerLanguage, updatedAt: now }),
    };
  }, []);

  const start = () => {
    try {
      const filled = Object.fromEntries(Object.entries(values).filter(([name, value]) => value !== '' && variables.includes(name)));
      setRun(previewRun(doc, startAt, filled, Date.now()));
      setError(null);
    } catch (cause) {
      setRun(null);
      setError(errorText(cause));
    }
  };

  return (
    <section className="studio-preview" aria-labelledby="studio-preview-heading">
      <h2 id="studio-preview-heading">{t('studio.preview.heading')}</h2>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          start();
        }}
      >
        <div className="field">
          <label htmlFor="studio-preview-from">{t('studio.preview.from')}</label>
          <select id="studio-preview-from" value={startAt} onChange={(event) => setFrom(event.target.value)}>
            {doc.nodes.map((node) => (
              <option key={node.id} value={node.id}>
                {node.id} · {nodeLabel(node).slice(0, 50)}
              </option>
            ))}
          </select>
        </div>
        {variables.length > 0 && (
          <fieldset>
            <legend>{t('studio.preview.variables')}</legend>
            {variables.map((name) => (
              <div className="field" key={name}>
                <label htmlFor={`studio-preview-var-${name}`}>{name}</label>
                <input id={`studio-preview-var-${name}`} value={values[name] ?? ''} onChange={(event) => setValues({ ...values, [name]: event.target.value })} />
              </div>
            ))}
          </fieldset>
        )}
        <button type="submit" className="primary">
          {t(run ? 'studio.preview.restart' : 'studio.preview.start')}
        </button>
      </form>
      {error && (
        <p role="alert" className="error-text">
          {t('studio.preview.cannotStart', { error })}
        </p>
      )}
      {run && run.doc !== doc && <p className="muted">{t('studio.preview.stale')}</p>}
      {run && (
        <div className="studio-preview-run" data-testid="studio-preview-run">
          <Suspense fallback={<p aria-busy="true">{t('studio.preview.loading')}</p>}>
            <RunView key={run.id} run={run} actions={actions} preview />
          </Suspense>
        </div>
      )}
    </section>
  );
}
