import { describe, expect, it } from 'vitest';
import { allowedCallLog } from '../../../shared/call-log/policy';
import { callLogFromRun } from '../../../shared/call-log/build';
import { ANALYST, CALL_DOC, RUN_ID, finishedRun } from '../../../shared/call-log/call-log.testkit';
import { callLogSopPath, callLogSubject, durationText, renderCallLogBody } from './call-log-render';

const record = (choice: 'yes' | 'office', includeStudentData: boolean) =>
  callLogFromRun({ runId: RUN_ID, packId: 'hac-support', doc: CALL_DOC, state: finishedRun(choice), analyst: ANALYST, includeStudentData })!;

describe('a logged call as an RT ticket', () => {
  it('has a subject that names the procedure and the ending, never a person, even where student data is allowed', () => {
    expect(callLogSubject(record('yes', true))).toBe('Call log · HAC parent login · resolved on the call');
    expect(callLogSubject(record('office', true))).toBe('Call log · HAC parent login · referred');
  });

  it('has a body with the outcome, the path, the times and the analyst; the student only when allowed', () => {
    const body = renderCallLogBody(record('yes', false), RUN_ID);
    expect(body).toContain('Resolved: Unlocked the HAC account for (student)');
    expect(body).toContain('2. Check the account of (student) [check]');
    expect(body).toContain('4. Login works [resolved]');
    expect(body).toContain('Duration: 4 min 12 s');
    expect(body).toContain('Analyst: Alex Rivera (a.rivera)');
    expect(body).not.toContain('Student:');
    expect(renderCallLogBody(record('yes', true), RUN_ID)).toContain('Student: Maria Lopez (#123456)');
    const stripped = allowedCallLog(record('yes', true), { enabled: true, includeStudentData: false });
    expect(stripped.allowed && renderCallLogBody(stripped.record, RUN_ID)).not.toMatch(/Maria|Lopez|123456/);
  });

  it('fills the SOP Path field as escalations do: id@version: node > node', () => {
    expect(callLogSopPath(record('office', false))).toBe('hac-login@2.1.0: student > check > fixed > referred');
  });

  it('says durations in words', () => {
    expect([durationText(45), durationText(252), durationText(3780)]).toEqual(['45 s', '4 min 12 s', '1 h 3 min']);
  });
});
