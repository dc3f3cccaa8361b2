import { useState } from 'react';
import { interpolate, outcomeOf } from '../../../shared/sop/engine';
import type { OutcomeNode } from '../../../shared/sop/schema';
import { ticketFromRun } from '../../../shared/sop/ticket';
import { useAppStore } from '../../state/store';
import type { RunRow } from '../../db/db';
import { errorText } from '../../ui/error-text';
import { CallLogNote } from '../call-log';
import { openDraftFromRun } from '../escalation';

const PRIORITY_LABEL = { critical: 'Critical', high: 'High', medium: 'Medium', low: 'Low' } as const;

/** The end of a run: what to tell the caller, and for an escalation, the way to the ticket. */
export function OutcomeView({ node, run }: { node: OutcomeNode; run: RunRow }) {
  const navigate = useAppStore((s) => s.navigate);
  const [error, setError] = useState<string | null>(null);
  const vars = run.state.variables;
  const outcome = outcomeOf(run.doc, run.state)?.outcome ?? node.outcome;
  // The priority the analyst picked on the call (a vendor matrix question), else the default.
  const chosenPriority = outcome.type === 'escalate' ? ticketFromRun(run.doc, run.state).priority : undefined;

  const createTicket = async () => {
    try {
      const draftId = await openDraftFromRun(run, Date.now());
      navigate({ name: 'draft', draftId });
    } catch (cause) {
      setError(errorText(cause));
    }
  };

  return (
    <div className={`outcome outcome-${outcome.type}`}>
      {node.text && <p className="node-text">{interpolate(node.text, vars)}</p>}
      {node.say && (
        <aside className="say" aria-label="Say to the caller">
          <h3>Say to the caller</h3>
          <p>{interpolate(node.say, vars)}</p>
        </aside>
      )}
      {outcome.type === 'resolved' && (
        <p>
          <strong>Resolved:</strong> {outcome.summary}
        </p>
      )}
      {outcome.type === 'referred' && (
        <p>
          <strong>Referred to {outcome.to}:</strong> {outcome.how}
        </p>
      )}
      {outcome.type === 'escalate' && (
        <>
          <p>
            <strong>Escalate</strong> to {outcome.assignee} ({outcome.escalationKind === 'vendor-case' ? 'vendor case' : 'district tier 2'},
            priority {PRIORITY_LABEL[chosenPriority ?? outcome.defaultPriority]}
            {chosenPriority ? ', as chosen on the call' : ''}).
          </p>
          <p>{outcome.summary}</p>
          {outcome.sealedNote && <p className="muted">Sealed note: {outcome.sealedNote.prompt}</p>}
          <button type="button" className="primary" onClick={() => void createTicket()} autoFocus>
            {run.draftId ? 'Open the escalation ticket' : 'Create the escalation ticket'}
          </button>
        </>
      )}
      {outcome.type !== 'escalate' && (
        <button type="button" className="primary" onClick={() => navigate({ name: 'library' })} autoFocus>
          Finish and take the next call
        </button>
      )}
      <CallLogNote run={run} />
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
    </div>
  );
}
