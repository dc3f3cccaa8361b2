import { describe, expect, it } from 'vitest';
import type { DecisionResult } from '../../shared/ipc/sync';
import type { ReviewDetail } from '../../shared/review/schema';
import { SIGN_IN_CODES, err, ok } from '../../shared/result';
import type { ErrorCode } from '../../shared/result';
import type { OutboxRow } from '../db/db';
import { NEVER, applyOutcome, outcomeOf, signInText, thrownOutcome } from './apply-outcome';
import { BACKOFF_CAP_MS } from './backoff';

const NOW = 5_000_000;

function sending(changes: Partial<OutboxRow> = {}): OutboxRow {
  return {
    id: 'entry-1',
    escalationId: 'entry-1',
    state: 'sending',
    attemptId: 'attempt-1',
    attempts: 1,
    maybeDelivered: false,
    nextAttemptAt: NEVER,
    lastError: null,
    lastOutcome: null,
    createdAt: 1,
    updatedAt: 2,
    ...changes,
  };
}

const apply = (row: OutboxRow | undefined, outcome: DecisionResult, random = () => 0.5) => applyOutcome(row, { attemptId: 'attempt-1', outcome }, NOW, random);

/** The row afterwards, for outcomes that keep the entry. */
function kept(row: OutboxRow, outcome: DecisionResult, random?: () => number): OutboxRow {
  const changes = apply(row, outcome, random);
  if (changes.stale || !changes.row) throw new Error(`expected the entry to be kept, got ${JSON.stringify(changes)}`);
  return changes.row;
}

const current: ReviewDetail = {
  remoteId: '42',
  url: 'https://rt/42',
  requestId: 'r',
  subject: 's',
  rtStatus: 'open',
  reviewState: 'returned',
  createdAt: '2026-11-23T15:00:00.000Z',
  lastUpdated: '2026-11-23T16:00:00.000Z',
  escalation: null,
  hasSealedNote: false,
  etag: 'v2',
  history: [],
};

describe('applyOutcome', () => {
  it('takes a sent entry out of the outbox and tells its kind where it landed', () => {
    expect(apply(sending(), { kind: 'sent', remoteId: '7', url: 'https://rt/7' })).toEqual({
      stale: false,
      row: undefined,
      event: { type: 'landed', remoteId: '7', url: 'https://rt/7' },
    });
  });

  it('takes a conflicting decision out of the outbox and hands both versions to its kind', () => {
    expect(apply(sending({ kind: 'decision' }), { kind: 'conflict', message: 'changed meanwhile', current })).toEqual({
      stale: false,
      row: undefined,
      event: { type: 'conflict', message: 'changed meanwhile', current },
    });
  });

  it('keeps a refused entry, parked and showing why, and tells its kind', () => {
    const changes = apply(sending(), { kind: 'failed', status: 422, message: 'Queue not found' });
    expect(changes).toMatchObject({
      stale: false,
      row: { state: 'failed', attemptId: null, nextAttemptAt: NEVER, lastError: 'Queue not found', lastOutcome: 'failed', updatedAt: NOW },
      event: { type: 'failed', message: 'Queue not found' },
    });
  });

  it('puts a retry back in line after a backoff that grows with failures, without telling the kind', () => {
    const changes = apply(sending({ failures: 2 }), { kind: 'retry', reason: 'HTTP 503', maybeDelivered: false }, () => 0.5);
    expect(changes).toMatchObject({
      stale: false,
      row: { state: 'pending', failures: 3, attemptId: null, lastError: 'HTTP 503', lastOutcome: 'retry', nextAttemptAt: NOW + 2_000 },
      event: null,
    });
  });

  it('keeps backoff within full jitter, below the 5-minute cap, and lets Retry-After win', () => {
    const retry: DecisionResult = { kind: 'retry', reason: 'reset', maybeDelivered: false };
    expect(kept(sending(), retry, () => 0).nextAttemptAt).toBe(NOW);
    expect(kept(sending(), retry, () => 0.999).nextAttemptAt).toBe(NOW + 999);
    expect(kept(sending({ failures: 40 }), retry, () => 0.999999).nextAttemptAt - NOW).toBeLessThan(BACKOFF_CAP_MS);
    expect(kept(sending({ failures: 40 }), retry, () => 0.999999).nextAttemptAt - NOW).toBeGreaterThan(BACKOFF_CAP_MS - 1_000);
    expect(kept(sending(), { ...retry, retryAfterMs: 30_000 }).nextAttemptAt).toBe(NOW + 30_000);
  });

  it('keeps "maybe delivered" once an attempt may have landed, whatever later attempts say', () => {
    expect(kept(sending(), { kind: 'retry', reason: 'reset', maybeDelivered: true }).maybeDelivered).toBe(true);
    expect(kept(sending({ maybeDelivered: true }), { kind: 'retry', reason: 'HTTP 429', maybeDelivered: false }).maybeDelivered).toBe(true);
    expect(kept(sending({ maybeDelivered: true }), { kind: 'failed', message: 'no' }).maybeDelivered).toBe(true);
    expect(kept(sending(), { kind: 'retry', reason: 'HTTP 429', maybeDelivered: false }).maybeDelivered).toBe(false);
  });

  it('pauses on a sign-in failure with words that say to sign in', () => {
    const row = kept(sending(), { kind: 'auth', status: 401, message: 'No token is stored.' });
    expect(row).toMatchObject({ state: 'paused', nextAttemptAt: NEVER, attemptId: null, lastOutcome: 'auth' });
    expect(row.lastError).toBe('Deskbook is not signed in to the ticketing system (401): No token is stored. Sign in again in Settings.');
    expect(kept(sending(), { kind: 'auth', status: 403, message: 'denied' }).lastError).toBe(
      "The ticketing system refused Deskbook's account (403): denied. Sign in again in Settings.",
    );
    expect(signInText(401, 'x')).toContain('Sign in');
  });

  it('ignores the result of an attempt that is not the current one', () => {
    const sent: DecisionResult = { kind: 'sent', remoteId: '1', url: 'u' };
    expect(apply(undefined, sent)).toEqual({ stale: true });
    expect(apply(sending({ attemptId: 'attempt-2' }), sent)).toEqual({ stale: true });
    expect(apply(sending({ state: 'needs_reconcile', attemptId: null }), sent)).toEqual({ stale: true });
    expect(apply(sending({ state: 'pending', attemptId: 'attempt-1' }), sent)).toEqual({ stale: true });
  });
});

describe('outcomeOf', () => {
  it("passes main's answer through", () => {
    expect(outcomeOf(ok({ kind: 'sent', remoteId: '1', url: 'u' }))).toEqual({ kind: 'sent', remoteId: '1', url: 'u' });
  });

  it('pauses for every sign-in code, including a missing token', () => {
    for (const code of SIGN_IN_CODES) expect(outcomeOf(err(code, 'Sign in first'))).toEqual({ kind: 'auth', status: 401, message: 'Sign in first' });
    expect(outcomeOf(err('AUTH_REQUIRED', 'No token is stored'))).toMatchObject({ kind: 'auth' });
  });

  it('fails what signing in cannot fix: a refused role or input', () => {
    expect(outcomeOf(err('FORBIDDEN', 'Supervisors only'))).toEqual({ kind: 'failed', message: 'Supervisors only' });
    expect(outcomeOf(err('BAD_INPUT', 'bad'))).toEqual({ kind: 'failed', message: 'bad' });
  });

  it('retries any other error, looking the request up first', () => {
    for (const code of ['UNAVAILABLE', 'INTERNAL', 'BAD_OUTPUT'] satisfies ErrorCode[]) {
      expect(outcomeOf(err(code, 'lost'))).toEqual({ kind: 'retry', reason: 'lost', maybeDelivered: true });
    }
  });

  it('turns a call that threw into a retry that looks the request up first', () => {
    expect(thrownOutcome(new Error('bridge gone'))).toMatchObject({ kind: 'retry', maybeDelivered: true });
    expect(thrownOutcome(new Error('bridge gone'))).toHaveProperty('reason', expect.stringContaining('bridge gone'));
  });
});
