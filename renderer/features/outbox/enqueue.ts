import type { Escalation } from '../../../shared/escalation/schema';
import type { DecisionRow, DeskbookDb, EscalationRow, OutboxRow } from '../../db/db';

/** A fresh outbox entry, due now. `kind` defaults to a new escalation. */
export function newOutboxEntry(id: string, refId: string, now: number, kind?: OutboxRow['kind'], remoteId?: string): OutboxRow {
  return {
    id,
    ...(kind ? { kind } : {}),
    escalationId: refId,
    ...(remoteId ? { remoteId } : {}),
    state: 'pending',
    attemptId: null,
    attempts: 0,
    maybeDelivered: false,
    nextAttemptAt: now,
    lastError: null,
    lastOutcome: null,
    createdAt: now,
    updatedAt: now,
  };
}

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
export async function enqueueEscalation(
  db: DeskbookDb,
  escalation: Escalation,
  now: number,
  draftId: string | null,
): Promise<OutboxRow> {
  const entry = newOutboxEntry(escalation.id, escalation.id, now);
  const row = queuedEscalationRow(escalation, now);
  const write = () => Promise.all([db.escalations.put(row), db.outbox.put(entry), draftId ? db.drafts.delete(draftId) : undefined]);
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
      throw new Error('This ticket is being delivered right now; wait for the attempt to finish, then edit it.');
    }
    const queued = await db.escalations.get(escalation.id);
    if (!existing && (queued?.status === 'sent' || queued?.remoteId)) {
      throw new Error('This ticket was delivered meanwhile; this edit was not sent. Open it from "Recently delivered" instead.');
    }
    await db.escalations.update(escalation.id, { escalation, status: 'queued' });
    await db.outbox.put({
      id: escalation.id,
      escalationId: escalation.id,
      // Any earlier attempt (a "failed" one included: a custom field that did not stick, a
      // refused note) may have created the ticket: look the request id up before creating.
      state: queued ? 'needs_reconcile' : 'pending',
      attemptId: null,
      attempts: existing?.attempts ?? 0,
      failures: 0,
      maybeDelivered: queued !== undefined,
      nextAttemptAt: now,
      lastError: null,
      lastOutcome: existing?.lastOutcome ?? null,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    });
    if (draftId) await db.drafts.delete(draftId);
  });
}

/** "Retry now": makes a waiting entry due immediately (not a failed one: that needs an edit). */
export async function retryNow(db: DeskbookDb, id: string, now: number): Promise<boolean> {
  return db.transaction('rw', db.outbox, async () => {
    const row = await db.outbox.get(id);
    if (!row || (row.state !== 'pending' && row.state !== 'needs_reconcile' && row.state !== 'paused')) return false;
    await db.outbox.update(id, { nextAttemptAt: now, state: row.state === 'paused' ? 'pending' : row.state, updatedAt: now });
    return true;
  });
}


/**
 * Queues a supervisor's decision: the decision and its outbox entry in one transaction, so a
 * decision made offline is never lost and, carrying its own id to the server, never applied twice.
 */
export async function enqueueDecision(db: DeskbookDb, decision: DecisionRow, now: number): Promise<void> {
  await db.transaction('rw', db.decisions, db.outbox, async () => {
    await Promise.all([db.decisions.put(decision), db.outbox.put(newOutboxEntry(decision.id, decision.id, now, 'decision', decision.remoteId))]);
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
      throw new Error('A fix of this ticket is being delivered right now; wait for it to finish, then edit again.');
    }
    await db.outbox.bulkDelete(earlier.map((r) => r.id));
    await db.escalations.update(escalation.id, { escalation, status: 'queued', reviewState: 'awaiting-review', reviewComment: null });
    await db.outbox.put(newOutboxEntry(id, escalation.id, now, 'resubmit', remoteId));
    if (draftId) await db.drafts.delete(draftId);
  });
  return id;
}
