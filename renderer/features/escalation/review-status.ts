import { useEffect } from 'react';
import { useAppStore } from '../../state/store';
import { db } from '../../db/db';
import { deskbook } from '../../ipc/client';

/**
 * What supervisors decided about the escalations this machine delivered: pulled on opening the
 * outbox, every minute, and on reconnect, and saved on each escalation, so a "returned" and its
 * comment are visible even offline afterwards. The only writer of `reviewState`/`reviewComment`
 * as pulled (a resubmission resets them in delivery.ts).
 */
export async function refreshReviewStatus(): Promise<void> {
  const sent = (await db().escalations.where('status').equals('sent').reverse().sortBy('sentAt')).slice(0, 500);
  const remoteIds = sent.map((e) => e.remoteId).filter((id): id is string => id !== null);
  if (remoteIds.length === 0) return;
  const result = await deskbook().review.status({ remoteIds });
  if (!result.ok) return;
  const byRemote = new Map(result.value.items.map((i) => [i.remoteId, i]));
  await db().transaction('rw', db().escalations, async () => {
    for (const row of sent) {
      const status = row.remoteId ? byRemote.get(row.remoteId) : undefined;
      if (status) await db().escalations.update(row.id, { reviewState: status.reviewState, reviewComment: status.lastComment });
    }
  });
}

/** Refreshes on opening the outbox, every 20 seconds while online, and on reconnect. */
export function useReviewStatusRefresh(): void {
  const net = useAppStore((s) => s.net?.state);
  useEffect(() => {
    if (net !== 'online') return;
    void refreshReviewStatus();
    const timer = setInterval(() => void refreshReviewStatus(), 20_000);
    return () => clearInterval(timer);
  }, [net]);
}
