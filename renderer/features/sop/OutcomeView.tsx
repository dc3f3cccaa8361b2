import { useState } from 'react';
import { interpolate, outcomeOf } from '../../../shared/sop/engine';
import type { OutcomeNode } from '../../../shared/sop/schema';
import { ticketFromRun } from '../../../shared/sop/ticket';
import { useT } from '../../i18n';
import { useAppStore } from '../../state/store';
import type { RunRow } from '../../db/db';
import { errorText } from '../../ui/error-text';
import { CallLogNote } from '../call-log';
import { openDraftFromRun } from '../escalation';
import { optionalAnalystText, useUiLanguage } from './language';
import { SayPanel } from './NodeExtras';

/**
 * The end of a run: what to tell the caller (in the caller's language), and for an escalation,
 * the way to the ticket.
 */
export function OutcomeView({
  node,
  run,
  callerLanguage,
  onSwitchLanguage,
  preview = false,
}: {
  node: OutcomeNode;
  run: RunRow;
  callerLanguage: string;
  onSwitchLanguage: () => void;
  /** In the Studio's preview: no ticket, no call log, no way out to the library. */
  preview?: boolean;
}) {
  const t = useT();
  const uiLanguage = useUiLanguage();
  const text = optionalAnalystText(run.doc, node, 'text', node.text, uiLanguage);
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
      {text && (
        <p className="node-text" lang={text.lang}>
          {interpolate(text.text, vars)}
        </p>
      )}
      <SayPanel doc={run.doc} node={node} vars={vars} callerLanguage={callerLanguage} onSwitch={onSwitchLanguage} />
      {outcome.type === 'resolved' && (
        <p>{t.rich('sop.outcome.resolved', { summary: outcome.summary, strong: (chunks) => <strong>{chunks}</strong> })}</p>
      )}
      {outcome.type === 'referred' && (
        <p>{t.rich('sop.outcome.referred', { to: outcome.to, how: outcome.how, strong: (chunks) => <strong>{chunks}</strong> })}</p>
      )}
      {outcome.type === 'escalate' && (
        <>
          <p>
            {t.rich('sop.outcome.escalate', {
              assignee: outcome.assignee,
              kind: outcome.escalationKind === 'vendor-case' ? 'vendor' : 'district',
              priority: t('sop.outcome.priority', { priority: chosenPriority ?? outcome.defaultPriority }),
              chosen: chosenPriority ? 'yes' : 'no',
              strong: (chunks) => <strong>{chunks}</strong>,
            })}
          </p>
          <p>{outcome.summary}</p>
          {outcome.sealedNote && <p className="muted">{t('sop.outcome.sealedNote', { prompt: outcome.sealedNote.prompt })}</p>}
          {!preview && (
            <button type="button" className="primary" onClick={() => void createTicket()} autoFocus>
              {t(run.draftId ? 'sop.outcome.openTicket' : 'sop.outcome.createTicket')}
            </button>
          )}
        </>
      )}
      {outcome.type !== 'escalate' && !preview && (
        <button type="button" className="primary" onClick={() => navigate({ name: 'library' })} autoFocus>
          {t('sop.outcome.finish')}
        </button>
      )}
      {preview ? <p className="muted">{t('sop.outcome.previewEnd')}</p> : <CallLogNote run={run} />}
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
    </div>
  );
}
