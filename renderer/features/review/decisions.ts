import { DECISION_STATE } from '../../../shared/review/schema';
import type { Decision } from '../../../shared/review/schema';
import type { DecisionRow, DeskbookDb, ReviewRow } from '../../db/db';
import { defineDeliveryKind, missing } from '../../outbox/kinds';
import { newOutboxEntry, putEntry } from '../../outbox/store';

// A supervisor's decision, from the form to the ticket: queued with its outbox entry, sent
// through the outbox, and what its landing (or refusal, or conflict) writes into this feature's
// own tables, `decisions` and the `reviews` cache.

/**
 * Queues a supervisor's decision: the decision and its outbox entry in one transaction, so a
 * decision made offline is never lost and, carrying its own id to the server, never applied twice.
 */
/**
 * A new queued decision on the ticket in `row`. `expectedEtag`: the version decided on, or null
 * when the decision judges no version (recording a vendor case number).
 */
export function newDecisionRow(row: ReviewRow, decision: Decision, expectedEtag: string | null): DecisionRow {
  return {
    id: crypto.randomUUID(),
    remoteId: row.remoteId,
    requestId: row.item.requestId,
    decision,
    expectedEtag,
    decidedAt: new Date().toISOString(),
    seen: row.item,
    state: 'queued',
    current: null,
    message: null,
  };
}

export async function enqueueDecision(db: DeskbookDb, decision: DecisionRow, now: number): Promise<void> {
  await db.transaction('rw', db.decisions, db.outbox, async () => {
    await Promise.all([db.decisions.put(decision), putEntry(db, newOutboxEntry(decision.id, decision.id, now, 'decision', decision.remoteId))]);
  });
}

/**
 * `review:decide` applies the decision on the ticket, once (its id travels as the decision id);
 * a recorded vendor case number is a decision too (kind `vendor-case`), on the same road.
 * Landing marks it applied and shows it in the supervisor's cached list at once, before the next
 * pull; a conflict keeps both versions for the supervisor to decide again; a refusal is shown.
 */
export const decisionKind = defineDeliveryKind<DecisionRow>({
  name: 'decision',
  reads: ['decisions'],
  load: (db, rows) => db.decisions.bulkGet(rows.map((r) => r.escalationId)),
  async send(row, decision, ipc) {
    const decide = ipc.review?.decide;
    if (!decision || !decide) return missing('decision');
    return decide({
      decisionId: decision.id,
      attemptId: row.attemptId!,
      remoteId: decision.remoteId,
      requestId: decision.requestId,
      decision: decision.decision,
      expectedEtag: decision.expectedEtag,
      decidedAt: decision.decidedAt,
      maybeDelivered: row.maybeDelivered,
    });
  },
  writes: ['decisions', 'reviews'],
  async landed(db, entries) {
    for (const { row } of entries) {
      await db.decisions.update(row.escalationId, { state: 'applied', message: null });
      const decision = await db.decisions.get(row.escalationId);
      if (decision) {
        const d = decision.decision;
        const reviewState = DECISION_STATE[d.kind];
        // A recorded vendor case shows (and starts the vendor clock) at once, before the next pull.
        const vendorCase = d.kind === 'vendor-case' ? { 'item.vendorCase': { caseNumber: d.caseNumber, submittedAt: d.submittedAt } } : {};
        await db.reviews.update(decision.remoteId, { reviewState, 'item.reviewState': reviewState, ...vendorCase });
      }
    }
  },
  async failed(db, entries) {
    for (const { row, message } of entries) await db.decisions.update(row.escalationId, { state: 'failed', message });
  },
  async conflicted(db, entries) {
    for (const { row, message, current } of entries) await db.decisions.update(row.escalationId, { state: 'conflict', current, message });
  },
});
