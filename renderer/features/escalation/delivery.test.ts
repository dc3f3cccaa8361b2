import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Escalation } from '../../../shared/escalation/schema';
import type { DeliverRequest } from '../../../shared/ipc/sync';
import type { ResubmitRequest } from '../../../shared/review/schema';
import { err, ok } from '../../../shared/result';
import { openDeskbookDb } from '../../db/db';
import type { DeskbookDb, DraftRow, EscalationRow } from '../../db/db';
import { registerDeliveryKinds } from '../../outbox/kinds';
import { drainOnce, testEscalation, testPump } from '../../outbox/pump.testkit';
import { claimBatch, recordResult } from '../../outbox/store';
import { enqueueEscalation, enqueueResubmit, escalationKind, queuedEscalationRow, requeueEdited, resubmitKind } from './delivery';

const NOW = 1_000_000;
let db: DeskbookDb;

beforeAll(() => registerDeliveryKinds(escalationKind, resubmitKind));
beforeEach(() => {
  db = openDeskbookDb(`escalation-delivery-${Math.random()}`);
});
afterEach(async () => {
  await db.delete();
});

function edited(escalation: Escalation, subject: string): Escalation {
  return { ...escalation, draft: { ...escalation.draft, subject } };
}

/** The draft an analyst edits a queued escalation in. */
async function draftFor(escalation: Escalation, mode: DraftRow['mode']): Promise<string> {
  const id = `draft-${escalation.id.slice(-4)}`;
  const d = escalation.draft;
  await db.drafts.put({
    id,
    runId: null,
    values: { ...d, replicationSteps: '', callerName: '', studentName: '', studentNumber: '', school: '' },
    mode,
    createdAt: NOW,
    updatedAt: NOW,
  });
  return id;
}

/** An escalation this machine delivered, which a supervisor then returned. */
async function returnedEscalation(n: number): Promise<EscalationRow> {
  const row: EscalationRow = {
    ...queuedEscalationRow(testEscalation(n), NOW - 10_000),
    status: 'sent',
    remoteId: '42',
    remoteUrl: 'https://rt/42',
    sentAt: NOW - 5_000,
    reviewState: 'returned',
    reviewComment: { at: '2026-11-23T16:00:00.000Z', author: 'Supervisor', kind: 'returned', text: 'Add the student number.' },
  };
  await db.escalations.put(row);
  return row;
}

/** Queues `escalation` and has its first attempt refused. */
async function failedOnce(escalation: Escalation): Promise<void> {
  await enqueueEscalation(db, escalation, NOW, null);
  const [claimed] = await claimBatch(db, NOW, 1, () => 'attempt-1');
  await recordResult(db, claimed!.id, 'attempt-1', { kind: 'failed', message: 'Custom field did not stick' }, NOW, () => 0.5);
}

describe('requeueEdited', () => {
  it('re-queues a failed escalation under the same request id, looked up before it is created again', async () => {
    const original = testEscalation(1);
    await failedOnce(original);
    expect(await db.escalations.get(original.id)).toMatchObject({ status: 'failed' });
    const draftId = await draftFor(original, { kind: 'requeue', requestId: original.id });

    await requeueEdited(db, edited(original, 'Ticket 1, corrected'), NOW + 1_000, draftId);

    expect(await db.outbox.get(original.id)).toMatchObject({
      state: 'needs_reconcile',
      maybeDelivered: true,
      attempts: 1,
      failures: 0,
      lastError: null,
      attemptId: null,
      nextAttemptAt: NOW + 1_000,
      createdAt: NOW,
    });
    const row = await db.escalations.get(original.id);
    expect(row).toMatchObject({ status: 'queued' });
    expect(row?.escalation.draft.subject).toBe('Ticket 1, corrected');
    expect(await db.drafts.get(draftId)).toBeUndefined();

    const requests: DeliverRequest[] = [];
    const deliver = async (r: DeliverRequest) => {
      requests.push(r);
      return ok({ kind: 'sent' as const, remoteId: '9', url: 'https://rt/9' });
    };
    await drainOnce(testPump(db, { sync: { deliver } }, { now: () => NOW + 1_000 }));
    expect(requests.map((r) => [r.requestId, r.maybeDelivered, r.escalation.draft.subject])).toEqual([[original.id, true, 'Ticket 1, corrected']]);
    expect(await db.escalations.get(original.id)).toMatchObject({ status: 'sent', remoteId: '9' });
  });

  it('refuses an edit while an attempt is in flight, and changes nothing', async () => {
    const original = testEscalation(2);
    await enqueueEscalation(db, original, NOW, null);
    await claimBatch(db, NOW, 1, () => 'attempt-1');
    const draftId = await draftFor(original, { kind: 'requeue', requestId: original.id });
    await expect(requeueEdited(db, edited(original, 'changed'), NOW, draftId)).rejects.toThrow('being delivered right now');
    expect(await db.outbox.get(original.id)).toMatchObject({ state: 'sending', attemptId: 'attempt-1' });
    expect((await db.escalations.get(original.id))?.escalation.draft.subject).toBe('Ticket 2');
    expect(await db.drafts.get(draftId)).toBeDefined();
  });

  it('refuses an edit of a ticket that was delivered meanwhile, keeping the draft', async () => {
    const original = testEscalation(3);
    await enqueueEscalation(db, original, NOW, null);
    const [claimed] = await claimBatch(db, NOW, 1, () => 'attempt-1');
    await recordResult(db, claimed!.id, 'attempt-1', { kind: 'sent', remoteId: '5', url: 'https://rt/5' }, NOW, () => 0.5);
    const draftId = await draftFor(original, { kind: 'requeue', requestId: original.id });
    await expect(requeueEdited(db, edited(original, 'late edit'), NOW, draftId)).rejects.toThrow('delivered meanwhile');
    expect(await db.outbox.count()).toBe(0);
    expect(await db.escalations.get(original.id)).toMatchObject({ status: 'sent', remoteId: '5' });
    expect(await db.drafts.get(draftId)).toBeDefined();
  });
});

describe('enqueueResubmit', () => {
  it('queues the fix of a returned escalation under its own id, back to "awaiting review", draft removed', async () => {
    const row = await returnedEscalation(4);
    const draftId = await draftFor(row.escalation, { kind: 'fix', requestId: row.id, remoteId: '42' });
    const id = await enqueueResubmit(db, edited(row.escalation, 'Ticket 4, with the student number'), '42', NOW, draftId);

    expect(id).not.toBe(row.id);
    expect(await db.outbox.get(id)).toMatchObject({ kind: 'resubmit', escalationId: row.id, remoteId: '42', state: 'pending', maybeDelivered: false });
    expect(await db.escalations.get(row.id)).toMatchObject({ status: 'queued', remoteId: '42', reviewState: 'awaiting-review', reviewComment: null });
    expect(await db.drafts.get(draftId)).toBeUndefined();
  });

  it('replaces an earlier fix that is still waiting or was refused', async () => {
    const row = await returnedEscalation(5);
    const first = await enqueueResubmit(db, edited(row.escalation, 'first fix'), '42', NOW, null);
    const second = await enqueueResubmit(db, edited(row.escalation, 'second fix'), '42', NOW + 1, null);
    expect((await db.outbox.toArray()).map((r) => r.id)).toEqual([second]);
    expect(first).not.toBe(second);
    expect((await db.escalations.get(row.id))?.escalation.draft.subject).toBe('second fix');
  });

  it('refuses a new fix while the earlier one is being delivered', async () => {
    const row = await returnedEscalation(6);
    const first = await enqueueResubmit(db, edited(row.escalation, 'first fix'), '42', NOW, null);
    await claimBatch(db, NOW, 1, () => 'attempt-1');
    await expect(enqueueResubmit(db, edited(row.escalation, 'second fix'), '42', NOW, null)).rejects.toThrow('being delivered right now');
    expect((await db.outbox.toArray()).map((r) => [r.id, r.state])).toEqual([[first, 'sending']]);
    expect((await db.escalations.get(row.id))?.escalation.draft.subject).toBe('first fix');
  });
});

describe("the outbox's resubmit kind", () => {
  it('sends the fix to the same ticket; once it lands the escalation awaits review again', async () => {
    const row = await returnedEscalation(7);
    const id = await enqueueResubmit(db, edited(row.escalation, 'fixed'), '42', NOW, null);
    const requests: ResubmitRequest[] = [];
    const deliver = async () => ok({ kind: 'failed' as const, message: 'a fix must not create a ticket' });
    const resubmit = async (r: ResubmitRequest) => {
      requests.push(r);
      return ok({ kind: 'sent' as const, remoteId: '42', url: 'https://rt/42' });
    };
    await drainOnce(testPump(db, { sync: { deliver, resubmit } }, { now: () => NOW + 2_000 }));

    expect(requests.map((r) => [r.resubmitId, r.remoteId, r.maybeDelivered, r.escalation.draft.subject])).toEqual([[id, '42', false, 'fixed']]);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.escalations.get(row.id)).toMatchObject({
      status: 'sent',
      remoteId: '42',
      remoteUrl: 'https://rt/42',
      reviewState: 'awaiting-review',
      reviewComment: null,
      sentAt: NOW + 2_000,
    });
  });

  it('keeps a refused fix in the outbox, failed and saying why, for the analyst to edit again', async () => {
    const row = await returnedEscalation(8);
    const id = await enqueueResubmit(db, edited(row.escalation, 'fixed'), '42', NOW, null);
    const resubmit = async () => ok({ kind: 'failed' as const, status: 409, message: 'Ticket 42 is resolved' });
    await drainOnce(testPump(db, { sync: { resubmit } }));

    expect(await db.outbox.get(id)).toMatchObject({ state: 'failed', lastError: 'Ticket 42 is resolved', kind: 'resubmit' });
    expect(await db.escalations.get(row.id)).toMatchObject({ status: 'queued', remoteId: '42', reviewState: 'awaiting-review' });
  });

  it('pauses a fix when main has no token, with words that say to sign in', async () => {
    const row = await returnedEscalation(9);
    const id = await enqueueResubmit(db, edited(row.escalation, 'fixed'), '42', NOW, null);
    const resubmit = async () => err('AUTH_REQUIRED', 'No token is stored for the ticketing system');
    await drainOnce(testPump(db, { sync: { resubmit } }));
    const entry = await db.outbox.get(id);
    expect(entry?.state).toBe('paused');
    expect(entry?.lastError).toContain('Sign in');
  });

  it('fails, not throws, when this window has no resubmit channel', async () => {
    const row = await returnedEscalation(10);
    const id = await enqueueResubmit(db, edited(row.escalation, 'fixed'), '42', NOW, null);
    await drainOnce(testPump(db, {}));
    expect(await db.outbox.get(id)).toMatchObject({ state: 'failed', lastError: 'The corrected escalation for this entry is missing from the local database.' });
  });
});
