import { useEffect, useState } from 'react';
import { db } from '../../db/db';
import type { RunRow } from '../../db/db';
import { useT } from '../../i18n';
import { kickOutbox } from '../../outbox/runtime';
import { useAppStore } from '../../state/store';
import { errorText } from '../../ui/error-text';
import { useCallLog } from './queries';
import { noteText } from './note-text';
import { logFinishedCall } from './queue';

/**
 * On the outcome of a finished run: logs the call when the policy is on (once per run, however
 * often this shows), and says in one quiet line whether the log is queued, sent or refused.
 */
export function CallLogNote({ run }: { run: RunRow }) {
  const t = useT();
  const policy = useAppStore((s) => s.settings?.callLog);
  const user = useAppStore((s) => s.settings?.user);
  const view = useCallLog(run.id);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!policy || !user || run.status !== 'finished') return;
    logFinishedCall(db(), run, { policy, analyst: { id: user.id, name: user.name } }, Date.now())
      .then((change) => {
        setError(null);
        if (change === 'queued' || change === 'updated') kickOutbox();
      })
      .catch((cause: unknown) => setError(errorText(cause)));
  }, [run, policy, user]);

  if (error) {
    return (
      <p className="muted call-log-note" role="alert" data-testid="call-log-status" data-state="error">
        {t('escalation.callLog.error', { reason: error })}
      </p>
    );
  }
  const words = view && noteText(view, t);
  if (!words) return null;
  return (
    <p className="muted call-log-note" role="status" data-testid="call-log-status" data-state={words.state}>
      {words.text}
      {words.link && (
        <>
          {' '}
          <a href={words.link.url} target="_blank" rel="noreferrer noopener">
            {t('escalation.callLog.ticket', { id: words.link.id })}
          </a>
        </>
      )}
    </p>
  );
}
