import { describe, expect, it } from 'vitest';
import { blankDraft } from './prefill';
import { prefilledFields, stillMissing } from './review';

const values = { ...blankDraft(), subject: 'HAC parent login · account check', callerName: 'Maria Lopez', stepsTried: ['Caller → Maria Lopez'], school: '  ' };

describe('the draft review', () => {
  it('shows as facts the fields a run filled, and asks the empty ones', () => {
    const shown = prefilledFields({ runId: 'run-1', mode: { kind: 'new' }, values });
    expect([...shown].sort()).toEqual(['callerName', 'stepsTried', 'subject']);
  });

  it('has no facts on a blank draft or an edit of a queued ticket: every field is a field there', () => {
    expect(prefilledFields({ runId: null, mode: { kind: 'new' }, values }).size).toBe(0);
    expect(prefilledFields({ runId: 'run-1', mode: { kind: 'requeue', requestId: 'r-1' }, values }).size).toBe(0);
  });
});

describe('what the review still asks', () => {
  it('names each empty required field, and a vendor case’s replication steps', () => {
    expect(stillMissing({ ...values, description: 'Captured on the call: the password is rejected' })).toEqual(['callerRole', 'callbackPhone']);
    expect(stillMissing({ ...values, kind: 'vendor-case', callerRole: 'parent', description: 'x'.repeat(20), callbackPhone: '555' })).toEqual(['replicationSteps']);
  });
});
