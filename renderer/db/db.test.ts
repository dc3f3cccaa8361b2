import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { openDeskbookDb } from './db';
import type { DeskbookDb } from './db';
import { draftModeFromLegacy, editedRequestId } from './draft-mode';

/** The schema version openDeskbookDb declares last. */
const LATEST = 6;

/**
 * The database as version 2 of the app declared it, copied here unchanged: what an analyst's
 * machine has on disk before the upgrade.
 */
function openVersion2(name: string): Dexie {
  const db = new Dexie(name);
  db.version(1).stores({
    runs: 'id, status, updatedAt, finishedAt',
    drafts: 'id, runId, updatedAt',
    outbox: 'id, state, nextAttemptAt, escalationId',
    escalations: 'id, requestId, status, createdAt',
    packs: 'key, id, importedAt',
  });
  db.version(2).stores({
    escalations: 'id, requestId, status, createdAt, remoteId',
    reviews:
      'remoteId, [reviewState+createdAt], [reviewState+priority+createdAt], [reviewState+school+createdAt], [reviewState+sopId+createdAt], [reviewState+slaDueAt], lastUpdated, school, sopId',
    decisions: 'id, remoteId, state',
    meta: 'key',
  });
  return db;
}

const values = { kind: 'district-tier2', subject: 'HAC login fails', description: 'Parent cannot log in.', stepsTried: [], callerRole: 'parent', callbackPhone: '', priority: 'medium', sop: null, sealedNotes: [] };
const v2Draft = (id: string, modeFields: Record<string, unknown>) => ({ id, runId: null, values, ...modeFields, createdAt: 1, updatedAt: 2 });

let name = '';
let opened: DeskbookDb | null = null;
afterEach(async () => {
  opened?.close();
  await Dexie.delete(name);
});

describe('version 3: the draft mode', () => {
  it('converts the drafts a version-2 database saved, each to its mode, and keeps the rest of them', async () => {
    name = `upgrade-${Math.random()}`;
    const before = openVersion2(name);
    await before.table('drafts').bulkPut([
      v2Draft('new', { replacesRequestId: null, resubmitRemoteId: null }),
      v2Draft('requeue', { replacesRequestId: 'req-1', resubmitRemoteId: null }),
      v2Draft('fix', { replacesRequestId: 'req-2', resubmitRemoteId: '4711' }),
      // Saved before returned escalations could be fixed: no resubmitRemoteId at all.
      v2Draft('legacy-requeue', { replacesRequestId: 'req-3' }),
      v2Draft('legacy-new', { replacesRequestId: null }),
    ]);
    await before.table('escalations').put({ id: 'req-1', requestId: 'req-1', status: 'failed', remoteId: null });
    before.close();

    opened = openDeskbookDb(name);
    const drafts = await opened.drafts.toArray();
    expect(opened.verno).toBe(LATEST);
    expect(Object.fromEntries(drafts.map((d) => [d.id, d.mode]))).toEqual({
      new: { kind: 'new' },
      requeue: { kind: 'requeue', requestId: 'req-1' },
      fix: { kind: 'fix', requestId: 'req-2', remoteId: '4711' },
      'legacy-requeue': { kind: 'requeue', requestId: 'req-3' },
      'legacy-new': { kind: 'new' },
    });
    for (const draft of drafts) {
      expect(draft).not.toHaveProperty('replacesRequestId');
      expect(draft).not.toHaveProperty('resubmitRemoteId');
      expect(draft).toMatchObject({ runId: null, values, createdAt: 1, updatedAt: 2 });
    }
    expect(await opened.escalations.get('req-1')).toMatchObject({ requestId: 'req-1', status: 'failed' });
    expect(await opened.drafts.where('updatedAt').equals(2).count()).toBe(5);
  });

  it('opens an empty database at the latest version', async () => {
    name = `fresh-${Math.random()}`;
    opened = openDeskbookDb(name);
    await opened.open();
    expect(opened.verno).toBe(LATEST);
  });
});

describe('version 4: logged calls', () => {
  it('adds the callLogs table to a version-3 database and keeps its rows', async () => {
    name = `upgrade-4-${Math.random()}`;
    const before = openVersion2(name);
    before.version(3).upgrade(() => undefined);
    await before.table('runs').put({ id: 'run-1', status: 'finished', updatedAt: 5, finishedAt: 5 });
    await before.table('outbox').put({ id: 'e1', state: 'pending', nextAttemptAt: 1, escalationId: 'e1' });
    before.close();

    opened = openDeskbookDb(name);
    expect(await opened.callLogs.count()).toBe(0);
    expect(opened.verno).toBe(LATEST);
    expect(await opened.runs.get('run-1')).toMatchObject({ status: 'finished' });
    expect(await opened.outbox.get('e1')).toMatchObject({ state: 'pending' });
    expect(await opened.callLogs.where('status').equals('queued').count()).toBe(0);
  });
});

describe('version 5: the SOP Studio', () => {
  it('adds the studio table to a version-4 database and keeps its rows', async () => {
    name = `upgrade-5-${Math.random()}`;
    const before = openVersion2(name);
    before.version(3).upgrade(() => undefined);
    before.version(4).stores({ callLogs: 'runId, status' });
    await before.table('packs').put({ key: 'p@1.0.0', id: 'p', importedAt: 1 });
    await before.table('callLogs').put({ runId: 'run-1', status: 'queued' });
    before.close();

    opened = openDeskbookDb(name);
    expect(await opened.studio.count()).toBe(0);
    expect(opened.verno).toBe(LATEST);
    expect(await opened.packs.get('p@1.0.0')).toMatchObject({ id: 'p' });
    expect(await opened.callLogs.get('run-1')).toMatchObject({ status: 'queued' });
  });
});

describe('version 6: delivered escalations by time', () => {
  it('indexes the escalations a version-5 database holds by status and delivery time, and keeps them', async () => {
    name = `upgrade-6-${Math.random()}`;
    const before = openVersion2(name);
    before.version(3).upgrade(() => undefined);
    before.version(4).stores({ callLogs: 'runId, status' });
    before.version(5).stores({ studio: 'id, updatedAt' });
    await before.table('escalations').bulkPut([
      { id: 'old', requestId: 'old', status: 'sent', remoteId: '1', sentAt: 100 },
      { id: 'new', requestId: 'new', status: 'sent', remoteId: '2', sentAt: 300 },
      { id: 'queued', requestId: 'queued', status: 'queued', remoteId: null, sentAt: null },
    ]);
    before.close();

    opened = openDeskbookDb(name);
    const newestFirst = await opened.escalations.where('[status+sentAt]').between(['sent', Dexie.minKey], ['sent', Dexie.maxKey]).reverse().toArray();
    expect(opened.verno).toBe(LATEST);
    expect(newestFirst.map((e) => e.id)).toEqual(['new', 'old']);
    expect(await opened.escalations.get('queued')).toMatchObject({ status: 'queued' });
  });
});

describe('draftModeFromLegacy', () => {
  it('reads the two old fields the way queueing read them', () => {
    expect(draftModeFromLegacy({ replacesRequestId: null, resubmitRemoteId: null })).toEqual({ kind: 'new' });
    expect(draftModeFromLegacy({})).toEqual({ kind: 'new' });
    expect(draftModeFromLegacy({ replacesRequestId: 'r' })).toEqual({ kind: 'requeue', requestId: 'r' });
    expect(draftModeFromLegacy({ replacesRequestId: 'r', resubmitRemoteId: '9' })).toEqual({ kind: 'fix', requestId: 'r', remoteId: '9' });
  });

  it('makes a remote id with no request id (never written) a new draft, not a fix of an escalation it cannot name', () => {
    expect(draftModeFromLegacy({ replacesRequestId: null, resubmitRemoteId: '9' })).toEqual({ kind: 'new' });
  });
});

describe('editedRequestId', () => {
  it('names the queued escalation a re-queue or a fix edits, and none for a new draft', () => {
    expect(editedRequestId({ kind: 'new' })).toBeNull();
    expect(editedRequestId({ kind: 'requeue', requestId: 'r' })).toBe('r');
    expect(editedRequestId({ kind: 'fix', requestId: 'r', remoteId: '9' })).toBe('r');
  });
});
