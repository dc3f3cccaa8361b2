import { describe, expect, it } from 'vitest';
import { findOutgoingSecret } from '../escalation/outgoing-texts';
import { callLogFromRun } from './build';
import { ANALYST, CALL_DOC, RUN_ID, finishedRun } from './call-log.testkit';
import { allowedCallLog, callLogTexts } from './policy';

/** A record as a renderer that named the student wrote it (allowed at the time, or compromised). */
const named = () => callLogFromRun({ runId: RUN_ID, packId: 'hac-support', doc: CALL_DOC, state: finishedRun('office'), analyst: ANALYST, includeStudentData: true })!;

describe('allowedCallLog (main decides from its own settings)', () => {
  it('refuses every call log while LogResolvedCalls is off', () => {
    const checked = allowedCallLog(named(), { enabled: false, includeStudentData: true });
    expect(checked).toEqual({ allowed: false, message: expect.stringContaining('LogResolvedCalls') });
  });

  it('takes student data out, and every mention of that student, when LogCallStudentData is off', () => {
    const checked = allowedCallLog(named(), { enabled: true, includeStudentData: false });
    if (!checked.allowed) throw new Error('refused');
    expect(checked.stripped).toBe(true);
    expect(checked.record.student).toBeUndefined();
    expect(checked.record.outcome).toMatchObject({ how: 'Call the front desk about (student)', summary: 'Office re-links (student)' });
    expect(checked.record.path[1]).toEqual({ nodeId: 'check', title: 'Check the account of (student)' });
    const json = JSON.stringify(checked.record);
    for (const leak of ['Maria', 'Lopez', '123456']) expect(json).not.toContain(leak);
  });

  it('sends the record unchanged when the district allows student data', () => {
    const record = named();
    expect(allowedCallLog(record, { enabled: true, includeStudentData: true })).toEqual({ allowed: true, record, stripped: false });
  });
});

describe('callLogTexts', () => {
  it('hands every free text to the credential guard, naming the field', () => {
    const record = named();
    const leaked = { ...record, outcome: { ...record.outcome, how: 'Told her the temporary password is Bluejay#7' } };
    expect(findOutgoingSecret(callLogTexts(leaked))).toMatchObject({ path: 'record.outcome.how' });
    expect(findOutgoingSecret(callLogTexts(record))).toBeNull();
    expect(callLogTexts(record).map((t) => t.path)).toEqual(
      expect.arrayContaining(['record.sop.title', 'record.path', 'record.outcome.to', 'record.outcome.summary', 'record.analyst.name', 'record.student.name']),
    );
  });
});
