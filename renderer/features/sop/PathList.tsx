import { pathTaken } from '../../../shared/sop/engine';
import { useT } from '../../i18n';
import type { RunRow } from '../../db/db';

/**
 * The path so far: each answered step with its answer, a button that goes back to it (the
 * engine's `back`, once per later step, so every answer after it is asked again), and the step
 * on screen last.
 */
export function PathList({ run, currentTitle, onGoTo }: { run: RunRow; currentTitle: string; onGoTo: (index: number) => void }) {
  const t = useT();
  const path = pathTaken(run.doc, run.state);
  return (
    <nav className="path-list card" aria-labelledby="path-heading">
      <h2 id="path-heading">{t('sop.run.path', { count: path.length })}</h2>
      <ol>
        {path.map((step, i) => (
          <li key={`${step.nodeId}-${i}`}>
            {/* Named by its visible text (an aria-label would also be a "label" for every field
                that shares a word with a step); what the button does is said to screen readers only. */}
            <button type="button" className="path-step" onClick={() => onGoTo(i)}>
              <span className="path-title">{step.title}</span>{' '}
              {step.answerLabel && <span className="path-answer">{step.answerLabel}</span>}{' '}
              <span className="sr-only">{t('sop.path.goTo')}</span>
            </button>
          </li>
        ))}
        <li aria-current="step" className="path-current">
          <span className="path-title">{currentTitle}</span>
          <span className="path-answer">{t('sop.path.current')}</span>
        </li>
      </ol>
    </nav>
  );
}
