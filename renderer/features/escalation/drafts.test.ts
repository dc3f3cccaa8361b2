import { beforeEach, describe, expect, it } from 'vitest';
import type { Escalation, EscalationDraftInput } from '../../../shared/escalation/schema';
import { db } from '../../db/db';
import type { EscalationRow, RunRow } from '../../db/db';
import { CALL_DOC } from '../../../shared/call-log/call-log.testkit';
import { answer, startRun } from '../../../shared/sop/engine';
import { createBlankDraft, createDraftFromEscalation, deleteDraft, openDraftFromRun, saveDraftValues } from './drafts';
import { blankDraft } from './prefill';
import { UNSAVED_SECRET_MARK } from './secrets';

const REQUEST_ID = '00000000-0000-4000-8000-000000000001';

function escalationRow(more: Partial<EscalationRow> = {}, notes = ['h-kept']): EscalationRow {
  const escalation: Escalation = {
    id: REQUEST_ID,
    createdAt: '2026-11-23T15:00:00.000Z',
    analyst: { id: 'a1', name: 'Analyst' },
    slaDueAt: '2026-11-24T15:00:00.000Z',
    draft: {
      kind: 'district-tier2',
      subject: 'HAC login fails',
      description: 'Parent cannot log in to HAC after reset.',
      stepsTried: ['Checked caps lock'],
      callerRole: 'parent',
      callbackPhone: '(555) 234-5678',
      priority: 'medium',
      sop: null,
      sealedNotes: notes.map((handle) => ({ handle, label: 'Login ID', preview: 'a•••' })),
      replicationSteps: undefined,
      usersAffected: undefined,
      hostedOutage: false,
      callerName: 'Ana Lopez',
      studentName: undefined,
      studentNumber: undefined,
      school: undefined,
    },
  };
  return { id: REQUEST_ID, requestId: REQUEST_ID, escalation, status: 'failed', remoteId: null, remoteUrl: null, createdAt: 1, sentAt: null, ...more };
}

beforeEach(async () => {
  await Promise.all([db().drafts.clear(), db().escalations.clear()]);
});

describe('createDraftFromEscalation', () => {
  it('opens a queued escalation that was never delivered as an edit to re-queue under its request id', async () => {
    const id = await createDraftFromEscalation(escalationRow(), 10);
    const draft = await db().drafts.get(id);
    expect(draft?.mode).toEqual({ kind: 'requeue', requestId: REQUEST_ID });
  });

  it('opens a delivered escalation a supervisor returned as a fix of its ticket', async () => {
    const id = await createDraftFromEscalation(escalationRow({ status: 'sent', remoteId: '4711', reviewState: 'returned' }), 10);
    const draft = await db().drafts.get(id);
    expect(draft?.mode).toEqual({ kind: 'fix', requestId: REQUEST_ID, remoteId: '4711' });
  });

  it('fills the form with the escalation as queued, its empty optional fields as empty text', async () => {
    const id = await createDraftFromEscalation(escalationRow(), 10);
    const draft = await db().drafts.get(id);
    expect(draft?.values).toMatchObject({ subject: 'HAC login fails', callerName: 'Ana Lopez', replicationSteps: '', studentName: '', studentNumber: '', school: '' });
    expect(draft?.values.sealedNotes.map((n) => n.handle)).toEqual(['h-kept']);
    expect(draft).toMatchObject({ runId: null, createdAt: 10, updatedAt: 10 });
  });
});

describe('createBlankDraft', () => {
  it('starts a new escalation', async () => {
    const draft = await db().drafts.get(await createBlankDraft(10));
    expect(draft?.mode).toEqual({ kind: 'new' });
    expect(draft?.values).toEqual(blankDraft());
  });
});

describe('saveDraftValues', () => {
  it('writes the typed values to IndexedDB without the password typed into them', async () => {
    const id = await createBlankDraft(10);
    const values: EscalationDraftInput = { ...blankDraft(), description: 'Parent says the password is Tr0ub4dor&3 and it fails.' };
    await saveDraftValues(id, values, 20);
    const saved = await db().drafts.get(id);
    expect(saved?.values.description).toBe(`Parent says the password is ${UNSAVED_SECRET_MARK} and it fails.`);
    expect(saved?.updatedAt).toBe(20);
  });
});

describe('deleteDraft (the Dexie part of discardDraft)', () => {
  async function draftWithNotes(handles: string[], mode: 'new' | 'requeue'): Promise<string> {
    const id = mode === 'new' ? await createBlankDraft(10) : await createDraftFromEscalation(escalationRow(), 10);
    const values = { ...blankDraft(), sealedNotes: handles.map((handle) => ({ handle, label: 'Login ID', preview: 'a•••' })) };
    await db().drafts.update(id, { values });
    return id;
  }

  it("deletes the draft and names all its sealed notes for the vault when it edits nothing", async () => {
    const id = await draftWithNotes(['h1', 'h2'], 'new');
    expect(await deleteDraft(id)).toEqual(['h1', 'h2']);
    expect(await db().drafts.get(id)).toBeUndefined();
  });

  it('keeps the sealed notes the queued escalation it was editing still uses', async () => {
    await db().escalations.put(escalationRow());
    const id = await draftWithNotes(['h-kept', 'h-new'], 'requeue');
    expect(await deleteDraft(id)).toEqual(['h-new']);
    expect(await db().drafts.get(id)).toBeUndefined();
    expect((await db().escalations.get(REQUEST_ID))?.escalation.draft.sealedNotes.map((n) => n.handle)).toEqual(['h-kept']);
  });

  it('keeps the notes of a returned escalation being fixed', async () => {
    const returned = escalationRow({ status: 'sent', remoteId: '4711' });
    await db().escalations.put(returned);
    const id = await createDraftFromEscalation(returned, 10);
    expect(await deleteDraft(id)).toEqual([]);
  });

  it('names nothing for a draft that is already gone', async () => {
    expect(await deleteDraft('no-such-draft')).toEqual([]);
  });
});

describe('openDraftFromRun, escalating again after the call went on', () => {
  it('reopens the same draft with the steps taken since, keeping what the analyst typed in it', async () => {
    const t0 = Date.parse('2026-11-30T15:00:00.000Z');
    const run: RunRow = {
      id: 'run-again',
      doc: CALL_DOC,
      packId: 'hac-support',
      state: answer(CALL_DOC, startRun(CALL_DOC, t0), { type: 'input', values: { studentName: 'Maria Lopez', sid: '123456', issue: 'Wrong school year' } }, t0 + 60_000),
      status: 'active',
      notes: {},
      startedAt: t0,
      updatedAt: t0,
      finishedAt: null,
      draftId: null,
    };
    await db().runs.put(run);
    const id = await openDraftFromRun(run, t0 + 61_000);
    const first = (await db().drafts.get(id))!;
    await saveDraftValues(id, { ...first.values, callerName: 'Ana Lopez' }, t0 + 62_000);

    const later: RunRow = { ...(await db().runs.get(run.id))!, state: answer(CALL_DOC, run.state, { type: 'continue' }, t0 + 120_000), notes: { check: 'Account looks linked' } };
    await db().runs.put(later);
    expect(await openDraftFromRun(later, t0 + 121_000)).toBe(id);
    const reopened = (await db().drafts.get(id))!.values;
    expect(reopened.callerName).toBe('Ana Lopez');
    expect(first.values.sop?.path).toEqual(['student']);
    expect(reopened.sop?.path).toEqual(['student', 'check']);
    expect(reopened.stepsTried.length).toBeGreaterThan(first.values.stepsTried.length);
    expect(reopened.description).toContain('Account looks linked');
  });
});
