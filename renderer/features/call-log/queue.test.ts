import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ANALYST, CALL_DOC, RUN_ID, finishedRun } from '../../../shared/call-log/call-log.testkit';
import type { CallLogRequest } from '../../../shared/call-log/schema';
import { back } from '../../../shared/sop/engine';
import type { DeliveryResult } from '../../../shared/ipc/sync';
import { err, ok } from '../../../shared/result';
import type { Result } from '../../../shared/result';
import { openDeskbookDb } from '../../db/db';
import type { DeskbookDb, RunRow } from '../../db/db';
import { registerDeliveryKinds } from '../../outbox/kinds';
import { drainOnce, testPump } from '../../outbox/pump.testkit';
import { callLogKind } from './kind';
import { noteText } from './note-text';
import { logFinishedCall } from './queue';
import type { CallLogContext } from './queue';

const NOW = 1_000_000;
let db: DeskbookDb;

beforeAll(() => registerDeliveryKinds(callLogKind));
beforeEach(() => {
  db = openDeskbookDb(`call-log-${Math.random()}`);
});
afterEach(async () => {
  await db.delete();
});

const ON: CallLogContext = { policy: { enabled: true, includeStudentData: false }, analyst: ANALYST };

function run(choice: 'yes' | 'office' | 'no', t0?: number): RunRow {
  const state = finishedRun(choice, t0);
  return {
    id: RUN_ID,
    doc: CALL_DOC,
    packId: 'hac-support',
    state,
    status: 'finished',
    notes: {},
    startedAt: state.startedAt,
    updatedAt: state.finishedAt!,
    finishedAt: state.finishedAt!,
    draftId: null,
  };
}

function logCallWith(answer: (r: CallLogRequest) => Result<DeliveryResult>) {
  const requests: CallLogRequest[] = [];
  const logCall = async (r: CallLogRequest) => {
    requests.push(r);
    return answer(r);
  };
  return { requests, pump: testPump(db, { sync: { logCall } }) };
}

describe('queueing a finished call', () => {
  it('queues nothing while the policy is off', async () => {
    expect(await logFinishedCall(db, run('yes'), { ...ON, policy: { enabled: false, includeStudentData: true } }, NOW)).toBe('off');
    expect(await db.outbox.count()).toBe(0);
    expect(await db.callLogs.count()).toBe(0);
  });

  it('queues one log keyed by the run id, without student data unless the district allows it', async () => {
    expect(await logFinishedCall(db, run('yes'), ON, NOW)).toBe('queued');
    expect(await db.outbox.toArray()).toEqual([expect.objectContaining({ id: RUN_ID, kind: 'call-log', escalationId: RUN_ID, state: 'pending' })]);
    const log = await db.callLogs.get(RUN_ID);
    expect(log).toMatchObject({ status: 'queued', record: { runId: RUN_ID, outcome: { type: 'resolved' } } });
    expect(log?.record.student).toBeUndefined();
    expect(JSON.stringify(log)).not.toContain('Maria');
  });

  it('queues once however often the outcome shows: a second click, a reload, two at once', async () => {
    const changes = await Promise.all([logFinishedCall(db, run('yes'), ON, NOW), logFinishedCall(db, run('yes'), ON, NOW)]);
    expect(changes.sort()).toEqual(['kept', 'queued']);
    expect(await logFinishedCall(db, run('yes'), ON, NOW + 5)).toBe('kept');
    expect(await db.outbox.count()).toBe(1);
    expect(await db.callLogs.count()).toBe(1);
  });

  it('queues nothing again after the log was delivered (a reload of the finished run)', async () => {
    await logFinishedCall(db, run('yes'), ON, NOW);
    await drainOnce(logCallWith(() => ok({ kind: 'sent', remoteId: '77', url: 'https://rt/77' })).pump);
    expect(await db.outbox.count()).toBe(0);
    expect(await logFinishedCall(db, run('yes'), ON, NOW + 10)).toBe('kept');
    expect(await db.outbox.count()).toBe(0);
    expect(await db.callLogs.get(RUN_ID)).toMatchObject({ status: 'sent', remoteId: '77', remoteUrl: 'https://rt/77', sentAt: NOW });
  });

  it('going back and finishing again keeps one entry; an unsent log follows the new ending', async () => {
    await logFinishedCall(db, run('yes'), ON, NOW);
    const first = run('yes');
    const reopened: RunRow = { ...first, state: back(CALL_DOC, first.state, first.finishedAt! + 1000), status: 'active', finishedAt: null };
    expect(await logFinishedCall(db, reopened, ON, NOW + 1)).toBe('nothing');
    expect(await logFinishedCall(db, run('office'), ON, NOW + 2)).toBe('updated');
    expect(await db.outbox.count()).toBe(1);
    expect((await db.callLogs.get(RUN_ID))?.record.outcome.type).toBe('referred');
  });

  it('withdraws an unsent log when the run now ends in an escalation, and keeps one that may have landed', async () => {
    await logFinishedCall(db, run('yes'), ON, NOW);
    expect(await logFinishedCall(db, run('no'), ON, NOW + 1)).toBe('withdrawn');
    expect(await db.outbox.count()).toBe(0);
    expect(await db.callLogs.count()).toBe(0);

    await logFinishedCall(db, run('yes'), ON, NOW + 2);
    await db.outbox.update(RUN_ID, { maybeDelivered: true, state: 'needs_reconcile' });
    expect(await logFinishedCall(db, run('no'), ON, NOW + 3)).toBe('nothing');
    expect(await logFinishedCall(db, run('office'), ON, NOW + 4)).toBe('kept');
    expect((await db.callLogs.get(RUN_ID))?.record.outcome.type).toBe('resolved');
  });
});

describe('the call-log delivery kind', () => {
  it('sends the record with the run id as request id, on the outbox road', async () => {
    await logFinishedCall(db, run('office'), ON, NOW);
    const { requests, pump } = logCallWith(() => ok({ kind: 'sent', remoteId: '8', url: 'https://rt/8' }));
    await drainOnce(pump);
    expect(requests).toEqual([{ requestId: RUN_ID, attemptId: 'attempt-1', record: (await db.callLogs.get(RUN_ID))!.record, maybeDelivered: false }]);
  });

  it('keeps a refusal (the policy turned off in main) with its words, for the note on the outcome', async () => {
    await logFinishedCall(db, run('yes'), ON, NOW);
    await drainOnce(logCallWith(() => err('FORBIDDEN', 'Logging resolved calls is turned off for this computer.')).pump);
    const log = await db.callLogs.get(RUN_ID);
    expect(log).toMatchObject({ status: 'failed', message: 'Logging resolved calls is turned off for this computer.' });
    expect(await db.outbox.get(RUN_ID)).toMatchObject({ state: 'failed' });
    expect(noteText({ log: log!, entry: null })).toMatchObject({ state: 'failed', text: expect.stringContaining('turned off') });
  });

  it('says queued, then logged with a link to the ticket', async () => {
    await logFinishedCall(db, run('yes'), ON, NOW);
    expect(noteText({ log: (await db.callLogs.get(RUN_ID))!, entry: (await db.outbox.get(RUN_ID))! })).toMatchObject({ state: 'queued' });
    await drainOnce(logCallWith(() => ok({ kind: 'sent', remoteId: '9', url: 'https://rt/9' })).pump);
    expect(noteText({ log: (await db.callLogs.get(RUN_ID))!, entry: null })).toEqual({ state: 'sent', text: 'Call logged as', link: { id: '9', url: 'https://rt/9' } });
  });
});
