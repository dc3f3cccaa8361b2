import { describe, expect, it } from 'vitest';
import { startRun } from '../sop/engine';
import { callLogFromRun } from './build';
import { ANALYST, CALL_DOC, RUN_ID, STUDENT, finishedRun } from './call-log.testkit';
import { callLogRecordSchema, callLogRequestSchema } from './schema';
import { scrubStudent, studentVariables } from './student';

const source = (choice: 'yes' | 'office' | 'no', includeStudentData = false) => ({
  runId: RUN_ID,
  packId: 'hac-support',
  doc: CALL_DOC,
  state: finishedRun(choice),
  analyst: ANALYST,
  includeStudentData,
});

describe('callLogFromRun', () => {
  it('logs a resolved call with its SOP, path, outcome, times and analyst', () => {
    const record = callLogFromRun(source('yes'));
    expect(record).toMatchObject({
      version: 1,
      runId: RUN_ID,
      sop: { id: 'hac-login', version: '2.1.0', title: 'HAC parent login', packId: 'hac-support' },
      path: [
        { nodeId: 'student', title: 'Student' },
        { nodeId: 'check', title: 'Check the account of (student)' },
        { nodeId: 'fixed', title: 'Did it work?' },
      ],
      outcome: { type: 'resolved', nodeId: 'resolved', title: 'Login works' },
      startedAt: '2026-11-30T15:00:00.000Z',
      finishedAt: '2026-11-30T15:04:12.000Z',
      durationSeconds: 252,
      analyst: ANALYST,
    });
    expect(callLogRecordSchema.safeParse(record).success).toBe(true);
  });

  it('names no student unless the district allows it: variables read "(student)" and other texts are scrubbed', () => {
    const record = callLogFromRun(source('yes'))!;
    expect(record.student).toBeUndefined();
    expect(record.outcome).toMatchObject({ summary: 'Unlocked the HAC account for (student) (#(student)): (student) picked the wrong school year' });
    const json = JSON.stringify(record);
    for (const leak of ['Maria', 'Lopez', STUDENT.number]) expect(json).not.toContain(leak);
  });

  it('names the student when the district allows it', () => {
    const record = callLogFromRun(source('yes', true))!;
    expect(record.student).toEqual({ name: STUDENT.name, number: STUDENT.number });
    expect(record.outcome).toMatchObject({ summary: 'Unlocked the HAC account for Maria Lopez (#123456): Maria picked the wrong school year' });
  });

  it('logs a referral with where the caller was sent, without student data', () => {
    const record = callLogFromRun(source('office'))!;
    expect(record.outcome).toEqual({
      type: 'referred',
      nodeId: 'referred',
      title: 'Sent to the school office',
      to: 'the school office',
      how: 'Call the front desk about (student)',
      summary: 'Office re-links (student)',
    });
  });

  it('logs nothing for an escalation or an unfinished run', () => {
    expect(callLogFromRun(source('no'))).toBeNull();
    expect(callLogFromRun({ ...source('yes'), state: startRun(CALL_DOC, 0) })).toBeNull();
  });
});

describe('student data', () => {
  it('knows the canonical student variables, student-number fields and fields mapped to the student', () => {
    const vars = studentVariables(CALL_DOC);
    expect([...vars.name]).toContain('studentName');
    expect([...vars.number]).toEqual(expect.arrayContaining(['studentNumber', 'sid']));
  });

  it('scrubs the whole name, each part of it in any case, and the number, as whole words only', () => {
    expect(scrubStudent('maria LOPEZ called; Lopez, Maria #123456; Mariachi 1234567', STUDENT)).toBe(
      '(student) called; (student), (student) #(student); Mariachi 1234567',
    );
  });
});

describe('the record schema', () => {
  const record = () => callLogFromRun(source('yes'))!;

  it('refuses fields it does not know (a student name smuggled beside `student`)', () => {
    expect(callLogRecordSchema.safeParse({ ...record(), studentName: 'Maria Lopez' }).success).toBe(false);
    expect(callLogRecordSchema.safeParse({ ...record(), student: { name: 'Maria', grade: '4' } }).success).toBe(false);
  });

  it('refuses a duration that does not match the times', () => {
    expect(callLogRecordSchema.safeParse({ ...record(), durationSeconds: 5 }).error?.issues[0]?.path).toEqual(['durationSeconds']);
    expect(callLogRecordSchema.safeParse({ ...record(), finishedAt: '2026-11-30T14:00:00.000Z' }).error?.issues[0]?.path).toEqual(['finishedAt']);
  });

  it('takes only a request whose request id is the run id', () => {
    const request = { requestId: RUN_ID, attemptId: 'a1', record: record(), maybeDelivered: false };
    expect(callLogRequestSchema.safeParse(request).success).toBe(true);
    expect(callLogRequestSchema.safeParse({ ...request, requestId: '0b6b3c1e-1f0e-4f57-8d3c-7c1f2d9e0a55' }).error?.issues[0]?.path).toEqual(['requestId']);
  });
});
