import { z } from 'zod';
import type { Escalation } from '../../../shared/escalation/schema';
import type { Connector, ProbeProblem, ProbeReport, SealedNote } from '../connector';
import { exchange } from '../http';
import type { HttpDeps, HttpExchange, HttpRequestInit } from '../http';
import { ConnectorError, NETWORK_LABEL, classifyNetworkFailure, classifyStatus, serverMessage } from '../outcome';
import type { DeliveryOutcome, FailureOutcome, RemoteTicket } from '../outcome';
import { isSafeRequestId } from '../request-id';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, signWebhook } from './signature';

/** The body's version: receivers branch on it; a breaking change bumps it. */
export const WEBHOOK_BODY_VERSION = 1;

/** What Deskbook POSTs. `internalNotes` carries sealed notes: staff only, never to the requestor. */
export interface WebhookBody {
  version: typeof WEBHOOK_BODY_VERSION;
  requestId: string;
  escalation: Escalation;
  internalNotes: { label: string; text: string }[];
}

export interface WebhookConnectorOptions extends HttpDeps {
  /** The receiver's endpoint, e.g. `https://tickets.district.example/deskbook/escalations`. */
  url: string;
  /** The shared HMAC secret, or a function that reads it from the vault. */
  secret: string | (() => Promise<string>);
}

const ticketAnswer = z.object({ id: z.union([z.string(), z.number()]).transform(String).optional(), url: z.string().optional() });

/** A request id that no escalation has; the probe looks it up and expects 404. */
const PROBE_REQUEST_ID = '00000000-0000-4000-8000-000000000000';

/**
 * A generic HTTPS webhook; the contract is in ./README.md. Every request is signed; the request id
 * travels as `Idempotency-Key` so a receiver can answer a repeat with the original result, and
 * `GET <url>/<requestId>` (404 when unknown) lets a retry check before sending again. Sealed notes
 * travel in the same request as the escalation, so there is no half-delivered state to repair.
 */
export function createWebhookConnector(options: WebhookConnectorOptions): Connector {
  const endpoint = options.url.replace(/\/+$/, '');
  const secretSource = options.secret;
  const secret = typeof secretSource === 'string' ? () => Promise.resolve(secretSource) : secretSource;
  const now = options.now ?? Date.now;

  async function send(method: HttpRequestInit['method'], url: string, body: string, extra: Record<string, string> = {}): Promise<HttpExchange> {
    const timestamp = String(Math.floor(now() / 1000));
    const headers: Record<string, string> = {
      Accept: 'application/json',
      [TIMESTAMP_HEADER]: timestamp,
      [SIGNATURE_HEADER]: signWebhook(await secret(), timestamp, body),
      ...extra,
    };
    if (method === 'POST') headers['Content-Type'] = 'application/json; charset=utf-8';
    return exchange(options, url, method === 'POST' ? { method, headers, body } : { method, headers });
  }

  function failure(res: HttpExchange, mutating: boolean): FailureOutcome {
    if (!res.ok) return classifyNetworkFailure(res.failure, { mutating });
    return classifyStatus(res.status, res.headers, serverMessage(res.body), { mutating, now: now() });
  }

  function toRemote(body: string, requestId: string): RemoteTicket {
    let parsed: z.output<typeof ticketAnswer> = {};
    try {
      parsed = ticketAnswer.safeParse(JSON.parse(body)).data ?? {};
    } catch {
      // an empty or non-JSON 2xx still means "accepted"
    }
    return { remoteId: parsed.id ?? requestId, url: parsed.url ?? lookupUrl(requestId) };
  }

  const lookupUrl = (requestId: string) => `${endpoint}/${encodeURIComponent(requestId)}`;

  async function findByRequestId(requestId: string): Promise<RemoteTicket | null> {
    if (!isSafeRequestId(requestId)) throw new ConnectorError({ kind: 'failed', message: `request id '${requestId}' is not a UUID` });
    const res = await send('GET', lookupUrl(requestId), '');
    if (res.ok && res.status === 404) return null;
    if (res.ok && res.status >= 200 && res.status < 300) return toRemote(res.body, requestId);
    throw new ConnectorError(failure(res, false));
  }

  async function create(escalation: Escalation, requestId: string, sealedNotes: readonly SealedNote[]): Promise<DeliveryOutcome> {
    if (!isSafeRequestId(requestId)) return { kind: 'failed', message: `request id '${requestId}' is not a UUID` };
    const body: WebhookBody = {
      version: WEBHOOK_BODY_VERSION,
      requestId,
      escalation,
      internalNotes: sealedNotes.map((n) => ({ label: n.label, text: n.plaintext })),
    };
    const res = await send('POST', endpoint, JSON.stringify(body), { 'Idempotency-Key': requestId });
    if (res.ok && res.status >= 200 && res.status < 300) return { kind: 'sent', ...toRemote(res.body, requestId) };
    if (res.ok && res.status === 409) {
      // "Already have this Idempotency-Key": fetch what the receiver made of it.
      try {
        const existing = await findByRequestId(requestId);
        if (existing) return { kind: 'sent', ...existing };
      } catch (error) {
        if (error instanceof ConnectorError) return error.outcome.kind === 'retry' ? { ...error.outcome, maybeDelivered: true } : error.outcome;
        throw error;
      }
    }
    return failure(res, true);
  }

  async function addInternalNote(remoteId: string, text: string): Promise<void> {
    const url = `${endpoint}/${encodeURIComponent(remoteId)}/notes`;
    const res = await send('POST', url, JSON.stringify({ version: WEBHOOK_BODY_VERSION, text }));
    if (!(res.ok && res.status >= 200 && res.status < 300)) throw new ConnectorError(failure(res, true));
  }

  async function probe(): Promise<ProbeReport> {
    const res = await send('GET', lookupUrl(PROBE_REQUEST_ID), '');
    if (!res.ok) {
      const kind = res.failure.kind;
      const problem: ProbeProblem = kind === 'other' ? 'network' : kind;
      return { ok: false, problem, message: `${NETWORK_LABEL[kind]} reaching ${endpoint}: ${res.failure.message}` };
    }
    if (res.status === 404 || (res.status >= 200 && res.status < 300)) {
      return { ok: true, detail: `${endpoint} answered a signed lookup (HTTP ${res.status})` };
    }
    if (res.status === 401) return { ok: false, problem: 'unauthorized', status: 401, message: 'the receiver rejected the signature (HTTP 401): check the shared secret on both sides' };
    if (res.status === 403) return { ok: false, problem: 'forbidden', status: 403, message: 'the receiver refused the request (HTTP 403)' };
    const detail = serverMessage(res.body);
    return { ok: false, problem: 'unexpected-response', status: res.status, message: `the receiver answered HTTP ${res.status} to a lookup, not 404${detail ? `: ${detail}` : ''}` };
  }

  return {
    kind: 'webhook',
    probe,
    create,
    findByRequestId,
    addInternalNote,
    ensureSealedNotes: () => Promise.resolve(),
  };
}
