import type { CallLogView } from './queries';

/** What the note says for a log in each state; null when this run has none. */
export function noteText(view: CallLogView): { state: string; text: string; link?: { id: string; url: string } } | null {
  const { log, entry } = view;
  if (!log) return null;
  if (log.status === 'sent') {
    return log.remoteUrl && log.remoteId
      ? { state: 'sent', text: 'Call logged as', link: { id: log.remoteId, url: log.remoteUrl } }
      : { state: 'sent', text: 'Call logged.' };
  }
  if (log.status === 'failed') return { state: 'failed', text: `Call log refused: ${log.message ?? 'no reason given'}` };
  if (entry?.state === 'paused') return { state: 'paused', text: 'Call log waiting: sign in again in Settings.' };
  if (entry?.state === 'sending') return { state: 'sending', text: 'Logging this call…' };
  return { state: 'queued', text: 'Call log queued; it is sent when the ticketing system answers.' };
}
