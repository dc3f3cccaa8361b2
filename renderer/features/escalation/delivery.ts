import type { Escalation } from '../../../shared/escalation/schema';
import type { DeskbookDb, EscalationRow, OutboxRow } from '../../db/db';
import { t } from '../../i18n';
import { defineDeliveryKind, missing } from '../../outbox/kinds';
import { newOutboxEntry, putEntry, requeuedEntry, withdrawEntries } from '../../outbox/store';

// The one writer of an escalation's delivery status (`status`, `remoteId`, `remoteUrl`,
// `sentAt`): queueing, re-queueing and resubmitting write it with the outbox entry in one
// transaction, and the two delivery kinds below write it when a delivery lands or fails, inside
// the outbox's results transaction. Nothing else writes these fields.

/** The escalation row of a newly queued escalation; its id is also the request id. */
export function queuedEscalationRow(escalation: Escalation, now: number): EscalationRow {
  return {
    id: escalation.id,
    requestId: escalation.id,
    escalation,
    status: 'queued',
    remoteId: null,
    remoteUrl: null,
    createdAt: now,
    sentAt: null,
  };
}

/**
 * Queues an escalation: the escalation row and its outbox entry in ONE strict-durability
 * transaction, and the draft it came from removed in the same one, so a crash leaves either a
 * draft or a queued ticket, never both and never neither. The escalation's id is the request id.
 */
export async function enqueueEscalation(db: DeskbookDb, escalation: Escalation, now: number, draftId: string | null): Promise<OutboxRow> {
  const entry = newOutboxEntry(escalation.id, escalation.id, now);
  const row = queuedEscalationRow(escalation, now);
  const write = () => Promise.all([db.escalations.put(row), putEntry(db, entry), draftId ? db.drafts.delete(draftId) : undefined]);
  if (draftId) await db.transaction('rw', db.escalations, db.outbox, db.drafts, write);
  else await db.transaction('rw', db.escalations, db.outbox, write);
  return entry;
}

/**
 * Re-queues a failed (or paused) entry after the analyst edited it: same request id, so a
 * server that did get the first attempt still cannot end up with two tickets.
 */
export async function requeueEdited(db: DeskbookDb, escalation: Escalation, now: number, draftId: string | null): Promise<void> {
  await db.transaction('rw', db.escalations, db.outbox, db.drafts, async () => {
    const existing = await db.outbox.get(escalation.id);
    if (existing && existing.state === 'sending') {
      throw new Error(t('escalation.delivery.requeue.sending'));
    }
    const queued = await db.escalations.get(escalation.id);
    if (!existing && (queued?.status === 'sent' || queued?.remoteId)) {
      throw new Error(t('escalation.delivery.requeue.delivered'));
    }
    await db.escalations.update(escalation.id, { escalation, status: 'queued' });
    // Any earlier attempt may have created the ticket: look the request id up before creating.
    await putEntry(db, requeuedEntry(existing, escalation.id, escalation.id, now, queued !== undefined));
    if (draftId) await db.drafts.delete(draftId);
  });
}

/**
 * Queues an analyst's corrected escalation for the ticket a supervisor returned: the updated
 * escalation row, an outbox entry with its own id (the resubmission id), and the draft removed,
 * in one transaction.
 */
export async function enqueueResubmit(db: DeskbookDb, escalation: Escalation, remoteId: string, now: number, draftId: string | null): Promise<string> {
  const id = crypto.randomUUID();
  await db.transaction('rw', [db.escalations, db.outbox, db.drafts], async () => {
    // A fix replaces any earlier fix of the same ticket that failed or is still waiting.
    const earlier = await db.outbox.where('escalationId').equals(escalation.id).filter((r) => r.kind === 'resubmit').toArray();
    if (earlier.some((r) => r.state === 'sending')) {
      throw new Error(t('escalation.delivery.resubmit.sending'));
    }
    await withdrawEntries(db, earlier.map((r) => r.id));
    await db.escalations.update(escalation.id, { escalation, status: 'queued', reviewState: 'awaiting-review', reviewComment: null });
    await putEntry(db, newOutboxEntry(id, escalation.id, now, 'resubmit', remoteId));
    if (draftId) await db.drafts.delete(draftId);
  });
  return id;
}

/** One bulk write of the escalations a batch of results touched. */
async function updateEscalations(db: DeskbookDb, entries: readonly { row: { escalationId: string } }[], changes: (i: number) => Partial<EscalationRow>) {
  await db.escalations.bulkUpdate(entries.map((entry, i) => ({ key: entry.row.escalationId, changes: changes(i) })));
}

const loadEscalations = (db: DeskbookDb, rows: readonly { escalationId: string }[]) => db.escalations.bulkGet(rows.map((r) => r.escalationId));

/** A new escalation: `sync:deliver` creates the ticket; landing records where, for the queue screen and history. */
export const escalationKind = defineDeliveryKind<EscalationRow>({
  name: 'escalation',
  reads: ['escalations'],
  load: loadEscalations,
  async send(row, escalation, ipc) {
    const deliver = ipc.sync?.deliver;
    if (!escalation || !deliver) return missing('escalation');
    return deliver({ requestId: row.id, attemptId: row.attemptId!, escalation: escalation.escalation, maybeDelivered: row.maybeDelivered });
  },
  writes: ['escalations'],
  landed: (db, entries, now) =>
    updateEscalations(db, entries, (i) => ({ status: 'sent', remoteId: entries[i]!.remoteId, remoteUrl: entries[i]!.url, sentAt: now })),
  failed: (db, entries) => updateEscalations(db, entries, () => ({ status: 'failed' })),
});

/**
 * An analyst's fix of a returned escalation: `sync:resubmit` updates the same ticket; landing
 * puts the escalation back in front of the supervisors. A refused fix stays in the outbox,
 * failed, for the analyst to edit again.
 */
export const resubmitKind = defineDeliveryKind<EscalationRow>({
  name: 'resubmit',
  reads: ['escalations'],
  load: loadEscalations,
  async send(row, escalation, ipc) {
    const resubmit = ipc.sync?.resubmit;
    if (!escalation || !row.remoteId || !resubmit) return missing('corrected escalation');
    return resubmit({ resubmitId: row.id, attemptId: row.attemptId!, remoteId: row.remoteId, escalation: escalation.escalation, maybeDelivered: row.maybeDelivered });
  },
  writes: ['escalations'],
  landed: (db, entries, now) => updateEscalations(db, entries, () => ({ status: 'sent', reviewState: 'awaiting-review', reviewComment: null, sentAt: now })),
});
