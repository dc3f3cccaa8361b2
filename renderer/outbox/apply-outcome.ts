import type { DecisionResult } from '../../shared/ipc/sync';
import type { ReviewDetail } from '../../shared/review/schema';
import { isSignInCode } from '../../shared/result';
import type { Result } from '../../shared/result';
import type { OutboxRow } from '../db/db';
import { errorText } from '../ui/error-text';
import { backoffDelay } from './backoff';

/** Entries not eligible for a claim (sending, failed, paused) park their due time here. */
export const NEVER = Number.MAX_SAFE_INTEGER;

/** One attempt's result, waiting to be recorded. */
export interface AttemptResult {
  id: string;
  attemptId: string;
  outcome: DecisionResult;
}

/**
 * What an outcome means for the feature whose entry it is (the entry's kind writes it): it
 * landed, it was refused for good, or (decisions) the ticket changed since it was decided.
 * Retries and sign-in pauses concern the outbox row only.
 */
export type KindEvent =
  | { type: 'landed'; remoteId: string; url: string }
  | { type: 'failed'; message: string }
  | { type: 'conflict'; message: string; current: ReviewDetail };

/** How one result changes the outbox: nothing (a stale attempt), or the row afterwards and the kind's event. */
export type OutcomeChanges =
  | { stale: true }
  | {
      stale: false;
      /** The entry as it stands afterwards; `undefined`: it leaves the outbox. */
      row: OutboxRow | undefined;
      event: KindEvent | null;
    };

/** The words of a sign-in pause: what was refused, and the one thing that fixes it. */
export function signInText(status: number, message: string): string {
  const who = status === 403 ? "The ticketing system refused Deskbook's account" : 'Deskbook is not signed in to the ticketing system';
  return `${who} (${status}): ${message.replace(/\.$/, '')}. Sign in again in Settings.`;
}

/**
 * The outbox's state machine, pure: what one attempt's outcome does to its entry. Only the
 * current attempt counts: a result for an entry that is gone, no longer `sending`, or sending
 * under another attempt id (recovered at start-up, released, edited since) changes nothing.
 * - `sent`: the entry leaves the outbox; its kind records where it landed.
 * - `conflict`: not an error to retry (a supervisor must look at both versions and decide
 *   again): the entry leaves the outbox; its kind keeps both versions.
 * - `retry`: back in line after a full-jitter backoff that grows with failures (not with
 *   attempts a reload interrupted); `Retry-After` wins. "Maybe delivered" is sticky: once an
 *   attempt may have landed, every later one looks the request id up before creating.
 * - `failed`: kept, parked, shown with its message until someone edits it; its kind is told.
 * - `auth`: paused with words that say to sign in; `resumePaused` puts it back in line.
 */
export function applyOutcome(
  row: OutboxRow | undefined,
  result: Pick<AttemptResult, 'attemptId' | 'outcome'>,
  now: number,
  random: () => number,
): OutcomeChanges {
  const { attemptId, outcome } = result;
  if (!row || row.state !== 'sending' || row.attemptId !== attemptId) return { stale: true };
  const base = { attemptId: null, updatedAt: now, lastOutcome: outcome.kind === 'conflict' ? ('failed' as const) : outcome.kind };
  switch (outcome.kind) {
    case 'sent':
      return { stale: false, row: undefined, event: { type: 'landed', remoteId: outcome.remoteId, url: outcome.url } };
    case 'conflict':
      return { stale: false, row: undefined, event: { type: 'conflict', message: outcome.message, current: outcome.current } };
    case 'retry': {
      const failures = (row.failures ?? 0) + 1;
      const next: OutboxRow = {
        ...row,
        ...base,
        state: 'pending',
        failures,
        maybeDelivered: row.maybeDelivered || outcome.maybeDelivered,
        nextAttemptAt: now + backoffDelay(failures, random, outcome.retryAfterMs),
        lastError: outcome.reason,
      };
      return { stale: false, row: next, event: null };
    }
    case 'failed':
      return {
        stale: false,
        row: { ...row, ...base, state: 'failed', nextAttemptAt: NEVER, lastError: outcome.message },
        event: { type: 'failed', message: outcome.message },
      };
    case 'auth':
      return {
        stale: false,
        row: { ...row, ...base, state: 'paused', nextAttemptAt: NEVER, lastError: signInText(outcome.status, outcome.message) },
        event: null,
      };
  }
}

/**
 * Turns main's answer into an outcome. An IPC error is not an answer from the ticketing system:
 * main refused this user (a role, an Authorized-Contact rule) or the input, which signing in
 * cannot fix (failed); a sign-in code (`isSignInCode`, the same list main uses) pauses with
 * "sign in"; anything else may have happened after main sent the request, so it is a retry
 * that looks the request id up first.
 */
export function outcomeOf(result: Result<DecisionResult>): DecisionResult {
  if (result.ok) return result.value;
  const { code, message } = result.error;
  if (code === 'FORBIDDEN' || code === 'BAD_INPUT') return { kind: 'failed', message };
  if (isSignInCode(code)) return { kind: 'auth', status: 401, message };
  return { kind: 'retry', reason: message, maybeDelivered: true };
}

/** The IPC call itself threw: the request may have reached main, so look it up before resending. */
export function thrownOutcome(error: unknown): DecisionResult {
  return { kind: 'retry', reason: `Deskbook could not hear back from its own sync process (${errorText(error)}).`, maybeDelivered: true };
}
