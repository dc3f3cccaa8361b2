import { useState } from 'react';
import { useAppStore } from '../../state/store';
import type { EscalationRow, OutboxRow } from '../../db/db';
import { db } from '../../db/db';
import { kickOutbox } from '../../outbox/runtime';
import { retryNow } from '../../outbox/store';
import { createBlankDraft, createDraftFromEscalation, refreshReviewStatus, useDrafts, useReviewStatusRefresh } from '../escalation';
import { useOutboxCounts, useOutboxItems, useRecentlySent } from './queries';
import type { OutboxItem } from './queries';

const STATE_WORDS: Record<OutboxRow['state'], string> = {
  pending: 'Waiting to send',
  sending: 'Sending now',
  needs_reconcile: 'Checking whether it arrived',
  failed: 'Refused by the ticketing system',
  paused: 'Paused: sign in again',
};

const REVIEW_WORDS = { 'awaiting-review': 'Awaiting review', returned: 'Returned', approved: 'Approved', forwarded: 'Forwarded to the vendor' } as const;

function when(ms: number, now: number): string {
  if (ms >= Number.MAX_SAFE_INTEGER) return '—';
  const s = Math.round((ms - now) / 1000);
  if (s <= 0) return 'now';
  if (s < 60) return `in ${s}s`;
  if (s < 3600) return `in ${Math.round(s / 60)} min`;
  return new Date(ms).toLocaleTimeString();
}

/**
 * The outbox as a technician needs it: what is waiting and why, in plain words; what needs
 * them (failed, paused); what already arrived, with a link to the ticket.
 */
export function QueueScreen() {
  const counts = useOutboxCounts();
  const items = useOutboxItems();
  const sent = useRecentlySent();
  const drafts = useDrafts();
  const net = useAppStore((s) => s.net);
  const flash = useAppStore((s) => s.flash);
  const navigate = useAppStore((s) => s.navigate);
  const [now] = useState(() => Date.now());
  useReviewStatusRefresh();
  const waiting = counts.pending + counts.sending + counts.needs_reconcile + counts.paused + counts.failed;

  const fix = async (row: EscalationRow) => navigate({ name: 'draft', draftId: await createDraftFromEscalation(row, Date.now()) });
  const newDraft = async () => navigate({ name: 'draft', draftId: await createBlankDraft(Date.now()) });

  return (
    <div className="queue">
      <h1>Outbox</h1>
      {flash && (
        <p role="status" className="flash">
          {flash}
        </p>
      )}
      {net && net.state !== 'online' && waiting > 0 && (
        <p className="banner offline" role="status" data-testid="offline-banner">
          Offline — {waiting} waiting. {net.detail} Tickets are safe on this computer and go out by themselves when the
          ticketing system answers again.
        </p>
      )}
      <dl className="counts" aria-label="Outbox counts">
        <div>
          <dt>Waiting</dt>
          <dd data-testid="count-pending">{counts.pending + counts.needs_reconcile}</dd>
        </div>
        <div>
          <dt>Sending</dt>
          <dd data-testid="count-sending">{counts.sending}</dd>
        </div>
        <div>
          <dt>Need you</dt>
          <dd data-testid="count-attention">{counts.failed + counts.paused}</dd>
        </div>
        <div>
          <dt>Delivered</dt>
          <dd data-testid="count-sent">{counts.sent}</dd>
        </div>
      </dl>
      <div className="row">
        <button type="button" onClick={() => void newDraft()}>
          New escalation
        </button>
        <button type="button" onClick={() => kickOutbox()} disabled={waiting === 0}>
          Send now
        </button>
      </div>
      {drafts.length > 0 && (
        <section aria-labelledby="drafts-heading">
          <h2 id="drafts-heading">Drafts (not queued yet)</h2>
          <ul className="plain">
            {drafts.map((d) => (
              <li key={d.id}>
                <button type="button" className="link" onClick={() => navigate({ name: 'draft', draftId: d.id })}>
                  {d.values.subject || 'Untitled draft'}
                </button>{' '}
                <span className="muted">saved {new Date(d.updatedAt).toLocaleTimeString()}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="waiting-heading">
        <h2 id="waiting-heading">Waiting ({waiting})</h2>
        {items.length === 0 ? (
          <p>Nothing is waiting.</p>
        ) : (
          <ul className="outbox-list">
            {items.map((item) => (
              <OutboxEntry key={item.entry.id} item={item} now={now} />
            ))}
            {waiting > items.length && <li className="muted">…and {waiting - items.length} more.</li>}
          </ul>
        )}
      </section>
      <section aria-labelledby="sent-heading">
        <h2 id="sent-heading">Recently delivered</h2>
        {sent.length > 0 && (
          <button type="button" onClick={() => void refreshReviewStatus()}>
            Check for supervisor replies
          </button>
        )}
        {sent.length === 0 ? (
          <p>Nothing delivered yet.</p>
        ) : (
          <ul className="plain">
            {sent.map((row) => (
              <li key={row.id} data-testid="sent-item" data-review={row.reviewState ?? 'unknown'}>
                {row.escalation.draft.subject} —{' '}
                {row.remoteUrl ? (
                  <a href={row.remoteUrl} target="_blank" rel="noreferrer noopener">
                    ticket {row.remoteId}
                  </a>
                ) : (
                  `ticket ${row.remoteId ?? ''}`
                )}
                {row.reviewState && <span className={`chip review-${row.reviewState}`}> {REVIEW_WORDS[row.reviewState]}</span>}
                {row.reviewState === 'returned' && (
                  <div className="returned">
                    <p>
                      <strong>Returned by {row.reviewComment?.author ?? 'a supervisor'}:</strong> {row.reviewComment?.text}
                    </p>
                    <button type="button" onClick={() => void fix(row)}>
                      Fix and re-queue
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

function OutboxEntry({ item, now }: { item: OutboxItem; now: number }) {
  const navigate = useAppStore((s) => s.navigate);
  const { entry, escalation, callLog } = item;
  const subject = escalation?.escalation.draft.subject ?? (callLog ? `Call log: ${callLog.record.sop.title}` : entry.id);
  const edit = async () => {
    if (!escalation) return;
    navigate({ name: 'draft', draftId: await createDraftFromEscalation(escalation, Date.now()) });
  };
  return (
    <li className={`outbox-item state-${entry.state}`} data-testid="outbox-item" data-state={entry.state}>
      <div className="outbox-subject">{subject}</div>
      <div className="muted">
        {STATE_WORDS[entry.state]} · {entry.attempts} {entry.attempts === 1 ? 'attempt' : 'attempts'}
        {entry.state === 'pending' || entry.state === 'needs_reconcile' ? ` · next try ${when(entry.nextAttemptAt, now)}` : ''}
      </div>
      {entry.lastError && <div className="outbox-error">Last problem: {entry.lastError}</div>}
      <div className="row">
        {(entry.state === 'pending' || entry.state === 'needs_reconcile' || entry.state === 'paused') && (
          <button
            type="button"
            onClick={() => {
              void retryNow(db(), entry.id, Date.now()).then(() => kickOutbox());
            }}
          >
            Retry now
          </button>
        )}
        {(entry.state === 'failed' || entry.state === 'paused') && escalation && (
          <button type="button" onClick={() => void edit()}>
            Edit and re-queue
          </button>
        )}
      </div>
    </li>
  );
}
