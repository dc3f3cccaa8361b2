import { outcomeOf } from '../../../shared/sop/engine';
import { useAppStore } from '../../state/store';
import type { RunRow } from '../../db/db';
import { useFinishedRuns } from './run-queries';

function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
}

function outcomeText(run: RunRow): string {
  const outcome = outcomeOf(run.doc, run.state)?.outcome;
  if (!outcome) return 'Unknown';
  switch (outcome.type) {
    case 'resolved':
      return 'Resolved';
    case 'referred':
      return `Referred to ${outcome.to}`;
    case 'escalate':
      return `Escalated to ${outcome.assignee}`;
  }
}

/** Finished calls: which procedure, how it ended, how long it took. */
export function HistoryScreen() {
  const runs = useFinishedRuns();
  const navigate = useAppStore((s) => s.navigate);
  return (
    <div>
      <h1>History</h1>
      {runs.length === 0 ? (
        <p>No finished calls yet on this computer.</p>
      ) : (
        <table className="table">
          <caption className="sr-only">Finished calls, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Finished</th>
              <th scope="col">Procedure</th>
              <th scope="col">Outcome</th>
              <th scope="col">Duration</th>
            </tr>
          </thead>
          <tbody>
            {runs.map((run) => (
              <tr key={run.id}>
                <td>{run.finishedAt ? new Date(run.finishedAt).toLocaleString() : ''}</td>
                <td>
                  <button type="button" className="link" onClick={() => navigate({ name: 'run', runId: run.id })}>
                    {run.doc.title}
                  </button>
                </td>
                <td>{outcomeText(run)}</td>
                <td>{duration((run.finishedAt ?? run.updatedAt) - run.startedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
