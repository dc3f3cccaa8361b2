import { t as activeT } from '../../i18n';
import type { MessageKey } from '../../i18n';
import type { CallLogView } from './queries';

/** `t` from renderer/i18n or `useT()`: a message in the interface language. */
type MessageFn = (key: MessageKey, values?: Record<string, string>) => string;

/**
 * What the note says for a log in each state, in the interface language; null when this run has
 * none. A sent log with a link reads "Call logged as" followed by the link (its words: `ticketLink`).
 */
export function noteText(
  view: CallLogView,
  t: MessageFn = activeT,
): { state: string; text: string; link?: { id: string; url: string } } | null {
  const { log, entry } = view;
  if (!log) return null;
  if (log.status === 'sent') {
    return log.remoteUrl && log.remoteId
      ? { state: 'sent', text: t('escalation.callLog.sentAs'), link: { id: log.remoteId, url: log.remoteUrl } }
      : { state: 'sent', text: t('escalation.callLog.sent') };
  }
  if (log.status === 'failed') return { state: 'failed', text: t('escalation.callLog.refused', { reason: log.message ?? t('escalation.callLog.noReason') }) };
  if (entry?.state === 'paused') return { state: 'paused', text: t('escalation.callLog.paused') };
  if (entry?.state === 'sending') return { state: 'sending', text: t('escalation.callLog.sending') };
  return { state: 'queued', text: t('escalation.callLog.queued') };
}
