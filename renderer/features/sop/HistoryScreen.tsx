import { outcomeOf } from '../../../shared/sop/engine';
import { useT } from '../../i18n';
import type { Translate } from '../../i18n';
import { useAppStore } from '../../state/store';
import type { RunRow } from '../../db/db';
import { shownTitle, useUiLanguage } from './language';
import { useFinishedRuns } from './run-queries';

function duration(ms: number, t: Translate): string {
  const s = Math.round(ms / 1000);
  return s < 60
    ? t('sop.history.duration.seconds', { seconds: s })
    : t('sop.history.duration.minutes', { minutes: Math.floor(s / 60), seconds: String(s % 60).padStart(2, '0') });
}

function outcomeText(run: RunRow, t: Translate): string {
  const outcome = outcomeOf(run.doc, run.state)?.outcome;
  if (!outcome) return t('sop.history.outcome.unknown');
  switch (outcome.type) {
    case 'resolved':
      return t('sop.history.outcome.resolved');
    case 'referred':
      return t('sop.history.outcome.referred', { to: outcome.to });
    case 'escalate':
      return t('sop.history.outcome.escalated', { assignee: outcome.assignee });
  }
}

/** Finished calls: which procedure, how it ended, how long it took. */
export function HistoryScreen() {
  const t = useT();
  const uiLanguage = useUiLanguage();
  const runs = useFinishedRuns();
  const navigate = useAppStore((s) => s.navigate);
  return (
    <div>
      <h1>{t('sop.history.heading')}</h1>
      {runs.length === 0 ? (
        <p>{t('sop.history.empty')}</p>
      ) : (
        <table className="table">
          <caption className="sr-only">{t('sop.history.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('sop.history.col.finished')}</th>
              <th scope="col">{t('sop.history.col.procedure')}</th>
              <th scope="col">{t('sop.history.col.outcome')}</th>
              <th scope="col">{t('sop.history.col.duration')}</th>
            </tr>
          </thead>
          <tbody>
            {runs.map((run) => {
              const title = shownTitle(run.doc, uiLanguage);
              return (
                <tr key={run.id}>
                  <td>{run.finishedAt ? t.intl.formatDate(run.finishedAt, { dateStyle: 'medium', timeStyle: 'short' }) : ''}</td>
                  <td>
                    <button type="button" className="link" onClick={() => navigate({ name: 'run', runId: run.id })} lang={title.lang}>
                      {title.text}
                    </button>
                  </td>
                  <td>{outcomeText(run, t)}</td>
                  <td>{duration((run.finishedAt ?? run.updatedAt) - run.startedAt, t)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
