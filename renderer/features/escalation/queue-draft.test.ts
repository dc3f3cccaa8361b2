import { beforeEach, describe, expect, it } from 'vitest';
import { escalationDraftSchema } from '../../../shared/escalation/schema';
import type { UserProfile } from '../../../shared/ipc/settings';
import { DEFAULT_DISTRICT_POLICY } from '../../../shared/sla/district';
import { db } from '../../db/db';
import type { DraftRow } from '../../db/db';
import type { DraftMode } from '../../db/draft-mode';
import { queuedEscalationRow } from './delivery';
import { queueDraft } from './queue-draft';

const REQUEST_ID = '00000000-0000-4000-8000-000000000007';
const analyst: UserProfile = { id: 'a1', name: 'Analyst', role: 'analyst', authorizedContact: false };
const values = escalationDraftSchema.parse({
  kind: 'district-tier2',
  subject: 'HAC login fails',
  description: 'Parent cannot log in to HAC after reset.',
  stepsTried: [],
  callerRole: 'parent',
  callbackPhone: '555 234 5678',
  priority: 'medium',
  sop: null,
  sealedNotes: [],
});

async function queue(mode: DraftMode): Promise<string> {
  const draft: DraftRow = { id: `draft-${mode.kind}`, runId: null, values, mode, createdAt: 1, updatedAt: 1 };
  await db().drafts.put(draft);
  return queueDraft(draft, values, { analyst, policy: DEFAULT_DISTRICT_POLICY, now: new Date('2026-11-23T15:00:00Z') });
}

async function queuedEarlier(remoteId: string | null) {
  const row = queuedEscalationRow(
    { id: REQUEST_ID, createdAt: '2026-11-22T15:00:00.000Z', analyst, slaDueAt: '2026-11-23T15:00:00.000Z', draft: values },
    1,
  );
  await db().escalations.put({ ...row, status: remoteId ? 'sent' : 'failed', remoteId });
}

beforeEach(async () => {
  await Promise.all([db().drafts.clear(), db().escalations.clear(), db().outbox.clear()]);
});

describe('queueDraft, by the draft mode', () => {
  it('queues a new draft as a new escalation under a new request id, and removes the draft', async () => {
    const id = await queue({ kind: 'new' });
    expect(id).not.toBe(REQUEST_ID);
    expect(await db().outbox.get(id)).toMatchObject({ escalationId: id, state: 'pending' });
    expect((await db().outbox.get(id))?.kind).toBeUndefined();
    expect(await db().escalations.get(id)).toMatchObject({ status: 'queued' });
    expect(await db().drafts.count()).toBe(0);
  });

  it('re-queues an edit under the request id it replaces, looking it up before creating again', async () => {
    await queuedEarlier(null);
    expect(await queue({ kind: 'requeue', requestId: REQUEST_ID })).toBe(REQUEST_ID);
    expect(await db().outbox.get(REQUEST_ID)).toMatchObject({ state: 'needs_reconcile', maybeDelivered: true });
    expect(await db().escalations.count()).toBe(1);
    expect(await db().drafts.count()).toBe(0);
  });

  it("sends a fix to the returned escalation's ticket, as a resubmission", async () => {
    await queuedEarlier('4711');
    expect(await queue({ kind: 'fix', requestId: REQUEST_ID, remoteId: '4711' })).toBe(REQUEST_ID);
    const entries = await db().outbox.toArray();
    expect(entries).toEqual([expect.objectContaining({ kind: 'resubmit', escalationId: REQUEST_ID, remoteId: '4711', state: 'pending' })]);
    expect(await db().escalations.get(REQUEST_ID)).toMatchObject({ status: 'queued', reviewState: 'awaiting-review' });
    expect(await db().drafts.count()).toBe(0);
  });
});
