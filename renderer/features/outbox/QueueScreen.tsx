import { useEffect, useState } from 'react';
import { useT } from '../../i18n';
import type { MessageKey, Translate } from '../../i18n';
import { useAppStore } from '../../state/store';
import type { EscalationRow, OutboxRow } from '../../db/db';
import { db } from '../../db/db';
import { retryOutbox, useOutboxDelivered, useOutboxHold } from '../../outbox/runtime';
import { retryNow } from '../../outbox/store';
import { createBlankDraft, createDraftFromEscalation, refreshReviewStatus, useDrafts, useReviewStatusRefresh } from '../escalation';
import { outboxProblemText } from './problem-text';
import { addSample, drainProgress } from './progress';
import type { DrainProgress, DrainSample } from './progress';
import { EMPTY_COUNTS, useOutboxCounts, useOutboxItems, useRecentlySent } from './queries';
import type { OutboxItem } from './queries';

const STATE_WORDS: Record<OutboxRow['state'], MessageKey> = {
  pending: 'outbox.state.pending',
  sending: 'outbox.state.sending',
  needs_reconcile: 'outbox.state.needsReconcile',
  failed: 'outbox.state.failed',
  paused: 'outbox.state.paused',
};

const REVIEW_WORDS: Record<NonNullable<EscalationRow['reviewState']>, MessageKey> = {
  'awaiting-review': 'outbox.review.awaitingReview',
  returned: 'outbox.review.returned',
  approved: 'outbox.review.approved',
  forwarded: 'outbox.review.forwarded',
};

/** The clock time as the queue shows it: hours, minutes and seconds in the analyst's locale. */
const CLOCK = { hour: 'numeric', minute: '2-digit', second: '2-digit' } as const;

function when(t: Translate, ms: number, now: number): string {
  if (ms >= Number.MAX_SAFE_INTEGER || Number.isNaN(new Date(ms).getTime())) return '—';
  const s = Math.round((ms - now) / 1000);
  if (s <= 0) return t('outbox.when.now');
  if (s < 60) return t('outbox.when.seconds', { seconds: s });
  if (s < 3600) return t('outbox.when.minutes', { minutes: Math.round(s / 60) });
  return t.intl.formatTime(ms, CLOCK);
}

/** How often the estimate is refreshed while nothing lands (a stall shows as "no estimate"). */
const PROGRESS_TICK_MS = 5_000;

/** `waiting`: what was left when last counted, shown until this screen's counts are read. */
type DrainSession = { baseline: number; samples: DrainSample[]; waiting: number };

/**
 * The drain under way, kept outside the screen: a technician who goes to the library and comes
 * back mid-drain sees "Sent 1,200 of 10,000" still, not a count restarted at the reopening.
 */
let drainSession: DrainSession | null = null;

/**
 * A drain last seen this long ago is not resumed: the queue may have emptied and filled again
 * while the screen was closed, and "Sent 1,300 of 1,310" would count this morning's tickets.
 */
const SESSION_STALE_MS = 30 * 60_000;

function resumedSession(now: number): DrainSession | null {
  const last = drainSession?.samples.at(-1);
  return last && now - last.at < SESSION_STALE_MS ? drainSession : null;
}

/**
 * This drain's progress: counted from when something began waiting (seen by this screen, since
 * the app started), so a technician back at school with a backlog sees "Sent 1,200 of 10,000"
 * and the time left. It ends when nothing waits.
 */
function useDrainProgress(delivered: number, waiting: number, counted: boolean): DrainProgress | null {
  const [state, setState] = useState<DrainSession | null>(() => resumedSession(Date.now()));
  useEffect(() => {
    // Until the counts are read, "0 waiting" means "not known yet", not "drained".
    if (!counted) return undefined;
    const sample = () =>
      setState((s) => {
        if (waiting === 0) return (drainSession = null);
        const next = { at: Date.now(), delivered };
        const session = s ? { ...s, samples: addSample(s.samples, next), waiting } : { baseline: delivered, samples: [next], waiting };
        return (drainSession = session);
      });
    sample();
    if (waiting === 0) return undefined;
    const timer = setInterval(sample, PROGRESS_TICK_MS);
    return () => clearInterval(timer);
  }, [delivered, waiting, counted]);
  // Back on the screen mid-drain, the counts are not read yet: "Sent 130 of 130" would be wrong.
  return state ? drainProgress(state.baseline, state.samples, counted ? waiting : state.waiting) : null;
}

function timeLeft(t: Translate, ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return t('outbox.progress.lessThanMinute');
  if (minutes < 60) return t('outbox.progress.minutes', { minutes });
  return t('outbox.progress.hours', { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
}

/**
 * The outbox as a technician needs it: what is waiting and why, in plain words; what needs
 * them (failed, paused); what already arrived, with a link to the ticket.
 */
export function QueueScreen() {
  const t = useT();
  // The rows first: their query then goes to IndexedDB ahead of the counts, so they paint first.
  const loaded = useOutboxItems();
  const items = loaded ?? [];
  const counts = useOutboxCounts(loaded !== undefined);
  const sent = useRecentlySent();
  const drafts = useDrafts();
  const net = useAppStore((s) => s.net);
  const flash = useAppStore((s) => s.flash);
  const navigate = useAppStore((s) => s.navigate);
  const [now] = useState(() => Date.now());
  const hold = useOutboxHold((s) => s.until);
  useReviewStatusRefresh();
  const waiting = counts.pending + counts.sending + counts.needs_reconcile + counts.paused + counts.failed;
  // What will go by itself: failed and paused entries wait for a person, not for the pump.
  // Counted by the pump, every kind: a backlog of call logs and escalations ends at "N of N".
  const delivered = useOutboxDelivered((s) => s.delivered);
  const progress = useDrainProgress(delivered, counts.pending + counts.sending + counts.needs_reconcile, counts !== EMPTY_COUNTS);
  const count = (n: number) => t.intl.formatNumber(n);

  const fix = async (row: EscalationRow) => navigate({ name: 'draft', draftId: await createDraftFromEscalation(row, Date.now()) });
  const newDraft = async () => navigate({ name: 'draft', draftId: await createBlankDraft(Date.now()) });

  return (
    <div className="queue">
      <h1>{t('outbox.queue.heading')}</h1>
      {flash && (
        <p role="status" className="flash">
          {flash}
        </p>
      )}
      {net && net.state !== 'online' && waiting > 0 && (
        <p className="banner offline" role="status" data-testid="offline-banner">
          {t('outbox.queue.offline', { count: waiting, detail: net.detail })}
        </p>
      )}
      {hold !== null && waiting > 0 && (
        <p className="banner held" role="status" data-testid="held-banner" data-until={hold}>
          {t('outbox.queue.held', { when: when(t, hold, Date.now()) })}
        </p>
      )}
      <dl className="counts" aria-label={t('outbox.counts.label')}>
        <div>
          <dt>{t('outbox.counts.waiting')}</dt>
          <dd data-testid="count-pending">{count(counts.pending + counts.needs_reconcile)}</dd>
        </div>
        <div>
          <dt>{t('outbox.counts.sending')}</dt>
          <dd data-testid="count-sending">{count(counts.sending)}</dd>
        </div>
        <div>
          <dt>{t('outbox.counts.attention')}</dt>
          <dd data-testid="count-attention">{count(counts.failed + counts.paused)}</dd>
        </div>
        <div>
          <dt>{t('outbox.counts.sent')}</dt>
          <dd data-testid="count-sent">{count(counts.sent)}</dd>
        </div>
      </dl>
      {progress && progress.sent > 0 && (
        <div className="drain-progress" data-testid="drain-progress">
          <progress value={progress.sent} max={progress.total} aria-label={t('outbox.progress.label')} />{' '}
          <span>
            {t('outbox.progress.sent', { sent: progress.sent, total: progress.total })}
            {progress.remainingMs !== null && ` · ${timeLeft(t, progress.remainingMs)}`}
          </span>
        </div>
      )}
      <div className="row">
        <button type="button" onClick={() => void newDraft()}>
          {t('outbox.queue.newEscalation')}
        </button>
        <button type="button" onClick={() => retryOutbox()} disabled={waiting === 0}>
          {t('outbox.queue.sendNow')}
        </button>
      </div>
      {drafts.length > 0 && (
        <section aria-labelledby="drafts-heading">
          <h2 id="drafts-heading">{t('outbox.drafts.heading')}</h2>
          <ul className="plain">
            {drafts.map((d) => (
              <li key={d.id}>
                <button type="button" className="link" onClick={() => navigate({ name: 'draft', draftId: d.id })}>
                  {d.values.subject || t('outbox.drafts.untitled')}
                </button>{' '}
                <span className="muted">{t('outbox.drafts.saved', { time: t.intl.formatTime(d.updatedAt, CLOCK) })}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="waiting-heading">
        <h2 id="waiting-heading">{t('outbox.waiting.heading', { count: waiting })}</h2>
        {loaded === undefined ? null : items.length === 0 ? (
          <p>{t('outbox.waiting.empty')}</p>
        ) : (
          <ul className="outbox-list">
            {items.map((item) => (
              <OutboxEntry key={item.entry.id} item={item} now={now} hold={hold} />
            ))}
            {waiting > items.length && <li className="muted">{t('outbox.waiting.more', { count: waiting - items.length })}</li>}
          </ul>
        )}
      </section>
      <section aria-labelledby="sent-heading">
        <h2 id="sent-heading">{t('outbox.sent.heading')}</h2>
        {sent.length > 0 && (
          <button type="button" onClick={() => void refreshReviewStatus()}>
            {t('outbox.sent.checkReplies')}
          </button>
        )}
        {sent.length === 0 ? (
          <p>{t('outbox.sent.empty')}</p>
        ) : (
          <ul className="plain">
            {sent.map((row) => (
              <li key={row.id} data-testid="sent-item" data-review={row.reviewState ?? 'unknown'}>
                {row.escalation.draft.subject} —{' '}
                {row.remoteUrl ? (
                  <a href={row.remoteUrl} target="_blank" rel="noreferrer noopener">
                    {t('outbox.sent.ticket', { id: row.remoteId })}
                  </a>
                ) : (
                  t('outbox.sent.ticket', { id: row.remoteId ?? '' })
                )}
                {row.reviewState && <span className={`chip review-${row.reviewState}`}> {t(REVIEW_WORDS[row.reviewState])}</span>}
                {row.reviewState === 'returned' && (
                  <div className="returned">
                    <p>
                      <strong>
                        {row.reviewComment?.author
                          ? t('outbox.sent.returnedBy', { author: row.reviewComment.author })
                          : t('outbox.sent.returnedBySupervisor')}
                      </strong>{' '}
                      {row.reviewComment?.text}
                    </p>
                    <button type="button" onClick={() => void fix(row)}>
                      {t('outbox.sent.fix')}
                    </button>
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

/** One waiting entry; while the server's rate limit holds the queue, its next try is when the hold ends. */
function OutboxEntry({ item, now, hold }: { item: OutboxItem; now: number; hold: number | null }) {
  const t = useT();
  const navigate = useAppStore((s) => s.navigate);
  const { entry, escalation, callLog } = item;
  const nextTry = Math.max(entry.nextAttemptAt, hold ?? 0);
  const subject = escalation?.escalation.draft.subject ?? (callLog ? t('outbox.item.callLog', { title: callLog.record.sop.title }) : entry.id);
  const edit = async () => {
    if (!escalation) return;
    navigate({ name: 'draft', draftId: await createDraftFromEscalation(escalation, Date.now()) });
  };
  return (
    <li className={`outbox-item state-${entry.state}`} data-testid="outbox-item" data-state={entry.state} data-next-try={nextTry}>
      <div className="outbox-subject">{subject}</div>
      <div className="muted">
        {t(STATE_WORDS[entry.state])} · {t('outbox.item.attempts', { count: entry.attempts })}
        {entry.state === 'pending' || entry.state === 'needs_reconcile' ? ` · ${t('outbox.item.nextTry', { when: when(t, nextTry, now) })}` : ''}
      </div>
      {entry.lastError && <div className="outbox-error">{t('outbox.item.lastProblem', { problem: outboxProblemText(t, entry.lastError) })}</div>}
      <div className="row">
        {(entry.state === 'pending' || entry.state === 'needs_reconcile' || entry.state === 'paused') && (
          <button
            type="button"
            onClick={() => {
              void retryNow(db(), entry.id, Date.now()).then(() => retryOutbox());
            }}
          >
            {t('outbox.item.retry')}
          </button>
        )}
        {(entry.state === 'failed' || entry.state === 'paused') && escalation && (
          <button type="button" onClick={() => void edit()}>
            {t('outbox.item.edit')}
          </button>
        )}
      </div>
    </li>
  );
}
