import type { DeliveryResult } from '../../shared/ipc/sync';
import type { HttpResponseLike, NetworkFailure } from './http';

/** Where a delivered escalation lives on the remote system. */
export interface RemoteTicket {
  /** The remote system's id (RT ticket number, webhook receiver's id). */
  remoteId: string;
  /** A page a person can open. */
  url: string;
}

/**
 * The result of one delivery attempt, as the outbox records it. The vocabulary is the shared
 * schema's (`shared/ipc/sync.ts`): main and the renderer cannot drift apart.
 */
export type DeliveryOutcome = DeliveryResult;

/** Every outcome except `sent`: what a failed lookup or note reports. */
export type FailureOutcome = Exclude<DeliveryOutcome, { kind: 'sent' }>;

/**
 * Thrown by connector methods that return data (`findByRequestId`, `addInternalNote`) so that a
 * failure still carries its classification; `deliver` turns it back into an outcome.
 */
export class ConnectorError extends Error {
  constructor(readonly outcome: FailureOutcome) {
    super(outcome.kind === 'retry' ? outcome.reason : outcome.message);
    this.name = 'ConnectorError';
  }
}

/**
 * A failure after the write landed on the server (a ticket created, a marker comment posted): a
 * retry must reconcile (look up, then complete), never write again, so a retry is
 * `maybeDelivered`; every failure names what landed (`landed`, e.g. "RT ticket #42 was created").
 */
export function failedAfterLanding(landed: string, outcome: FailureOutcome): FailureOutcome {
  switch (outcome.kind) {
    case 'retry':
      return { ...outcome, reason: `${landed}: ${outcome.reason}`, maybeDelivered: true };
    case 'auth':
    case 'failed':
      return { ...outcome, message: `${landed}: ${outcome.message}` };
  }
}

/** What a request was, for classifying its failure. */
export interface RequestContext {
  /** True when the request creates something (POST): a 5xx or a drop then "may have delivered". */
  mutating: boolean;
  /** Wall clock in ms, to turn a `Retry-After` HTTP-date into a delay. */
  now: number;
}

/**
 * Classifies a non-2xx status: 401/403 → auth; 408/429/5xx → retry (honouring `Retry-After`);
 * a redirect → failed (never followed); every other status → failed with the server's own message, because a request the server
 * understood and refused will be refused again.
 */
export function classifyStatus(
  status: number,
  headers: HttpResponseLike['headers'],
  serverMessage: string,
  ctx: RequestContext,
): FailureOutcome {
  const detail = serverMessage ? `: ${serverMessage}` : '';
  if (status === 401 || status === 403) {
    const what = status === 401 ? 'the token was not accepted' : 'the account is not allowed to do this';
    return { kind: 'auth', status, message: `HTTP ${status}, ${what}${detail}` };
  }
  if (status === 408 || status === 429 || status >= 500) {
    const retryAfterMs = parseRetryAfter(headers.get('retry-after'), ctx.now);
    // 408 and 429 say the server did not act on the request; any 5xx may come after a commit.
    const maybeDelivered = ctx.mutating && status >= 500;
    const reason = `HTTP ${status}${detail}`;
    // 429, and 503 with a Retry-After, speak for every request this computer would send next.
    const throttled = status === 429 || (status === 503 && retryAfterMs !== undefined);
    return {
      kind: 'retry',
      reason,
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
      ...(throttled ? { throttled } : {}),
      maybeDelivered,
    };
  }
  if (status >= 300 && status < 400) {
    const location = headers.get('location');
    return {
      kind: 'failed',
      status,
      message: `HTTP ${status}: the server redirects${location ? ` to ${location}` : ''}. Deskbook does not follow redirects, so the token and sealed notes go only to the address in Settings; put the right address there`,
    };
  }
  return { kind: 'failed', status, message: `HTTP ${status}${detail || ' (no message from the server)'}` };
}

/**
 * Every network failure is worth retrying; whether the request may have landed depends on how far
 * it got. DNS, refused and offline failures happen before a byte is sent; TLS fails in the
 * handshake, before the request; resets and timeouts may follow a commit.
 */
export function classifyNetworkFailure(failure: NetworkFailure, ctx: Pick<RequestContext, 'mutating'>): FailureOutcome {
  const beforeSending = failure.kind === 'dns' || failure.kind === 'refused' || failure.kind === 'offline' || failure.kind === 'tls';
  return {
    kind: 'retry',
    reason: `${NETWORK_LABEL[failure.kind]}: ${failure.message}`,
    maybeDelivered: ctx.mutating && !beforeSending,
  };
}

export const NETWORK_LABEL: Readonly<Record<NetworkFailure['kind'], string>> = {
  dns: 'DNS lookup failed',
  tls: 'TLS handshake failed',
  refused: 'connection refused',
  reset: 'connection reset',
  timeout: 'timed out',
  offline: 'network unreachable',
  other: 'network error',
};

/**
 * `Retry-After` is either delta-seconds or an HTTP-date (RFC 9110 §10.2.3). Returns a delay in
 * ms (0 for dates in the past), or undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | null, nowMs: number): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  if (!/[a-z]/i.test(trimmed)) return undefined;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

/** Pulls a human message out of an error body: JSON `{ message }` (RT REST2), `{ error }`, or text. */
export function serverMessage(body: string): string {
  const text = body.trim();
  if (!text) return '';
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null) {
      for (const key of ['message', 'error', 'detail']) {
        const value = (parsed as Record<string, unknown>)[key];
        if (typeof value === 'string' && value) return value.slice(0, 300);
      }
    }
    if (Array.isArray(parsed)) return parsed.filter((m) => typeof m === 'string').join('; ').slice(0, 300);
  } catch {
    // not JSON: fall through to the text itself
  }
  return text.replace(/\s+/g, ' ').slice(0, 300);
}
