import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { CallLogRecord } from '../../../shared/call-log/schema';
import type { Escalation } from '../../../shared/escalation/schema';
import type { Connector, ProbeProblem, ProbeReport, SealedNote } from '../connector';
import { exchange } from '../http';
import type { HttpDeps, HttpExchange, HttpRequestInit } from '../http';
import { ConnectorError, NETWORK_LABEL, classifyNetworkFailure, classifyStatus, serverMessage } from '../outcome';
import type { DeliveryOutcome, FailureOutcome, RemoteTicket } from '../outcome';
import { isSafeRequestId } from '../request-id';
import { WebhookSecretError, boundContent, standardWebhookHeaders, webhookKey } from './signature';

/** The body's version: receivers branch on it; a breaking change bumps it. */
export const WEBHOOK_BODY_VERSION = 1;

/** What Deskbook POSTs. `internalNotes` carries sealed notes: staff only, never to the requestor. */
export interface WebhookBody {
  version: typeof WEBHOOK_BODY_VERSION;
  requestId: string;
  escalation: Escalation;
  internalNotes: { label: string; text: string }[];
}

/** The event type of a logged call; a body without `type` is an escalation. */
export const CALL_LOGGED_EVENT = 'call.logged';

/** What Deskbook POSTs for a resolved or referred call (policy LogResolvedCalls). */
export interface WebhookCallLogBody {
  version: typeof WEBHOOK_BODY_VERSION;
  type: typeof CALL_LOGGED_EVENT;
  requestId: string;
  callLog: CallLogRecord;
}

export interface WebhookConnectorOptions extends HttpDeps {
  /** The receiver's endpoint, e.g. `https://tickets.district.example/deskbook/escalations`. */
  url: string;
  /**
   * The shared signing secret, or a function that reads it from the vault: `whsec_<base64>` as the
   * Standard Webhooks spec serialises it, or a raw secret whose UTF-8 bytes are the key
   * (`webhookKey` in ./signature.ts).
   */
  secret: string | (() => Promise<string>);
  /** A fresh `webhook-id` for each lookup, probe and note. Default `crypto.randomUUID`. */
  randomId?: () => string;
}

const ticketAnswer = z.object({ id: z.union([z.string(), z.number()]).transform(String).optional(), url: z.string().optional() });

/** A request id that no escalation has; the probe looks it up and expects 404. */
const PROBE_REQUEST_ID = '00000000-0000-4000-8000-000000000000';

/**
 * What one request signs: the escalation POST signs its body, as the Standard Webhooks spec has
 * it, under `webhook-id` = the request id; every other request signs its method, path, query and
 * body (`boundContent`) under a `webhook-id` of its own.
 */
type Signing = { form: 'body'; id: string } | { form: 'request' };

/**
 * A generic HTTPS webhook; the contract is in ./README.md. Every request is signed by the Standard
 * Webhooks specification; the escalation's request id is its `webhook-id` and travels again as
 * `Idempotency-Key` so a receiver can answer a repeat with the original result, and
 * `GET <url>/<requestId>` (404 when unknown) lets a retry check before sending again. Sealed notes
 * travel in the same request as the escalation, so there is no half-delivered state to repair.
 */
export function createWebhookConnector(options: WebhookConnectorOptions): Connector {
  const endpoint = options.url.replace(/\/+$/, '');
  const secretSource = options.secret;
  const secret = typeof secretSource === 'string' ? () => Promise.resolve(secretSource) : secretSource;
  const now = options.now ?? Date.now;
  const randomId = options.randomId ?? randomUUID;

  /**
   * The key, read per request so a new secret applies at once. A broken one is `auth` (status 401
   * as for a missing token in deliverOnce, though nothing was sent): the fix is entering it again.
   */
  async function signingKey(): Promise<Buffer> {
    try {
      return webhookKey(await secret());
    } catch (error) {
      if (error instanceof WebhookSecretError) throw new ConnectorError({ kind: 'auth', status: 401, message: error.message });
      throw error;
    }
  }

  /** Signs and sends one request; throws ConnectorError (auth) only for an unusable secret. */
  async function send(method: HttpRequestInit['method'], url: string, body: string, signing: Signing, extra: Record<string, string> = {}): Promise<HttpExchange> {
    const key = await signingKey();
    const timestamp = Math.floor(now() / 1000);
    const signed =
      signing.form === 'body'
        ? standardWebhookHeaders(key, signing.id, timestamp, body)
        : standardWebhookHeaders(key, randomId(), timestamp, boundContent(method, url, body));
    const headers: Record<string, string> = { Accept: 'application/json', ...signed, ...extra };
    if (method === 'POST') headers['Content-Type'] = 'application/json; charset=utf-8';
    return exchange(options, url, method === 'POST' ? { method, headers, body } : { method, headers });
  }

  function failure(res: HttpExchange, mutating: boolean): FailureOutcome {
    if (!res.ok) return classifyNetworkFailure(res.failure, { mutating });
    return classifyStatus(res.status, res.headers, serverMessage(res.body), { mutating, now: now() });
  }

  /**
   * A 2xx answer as the contract has it: empty, or a JSON object with optional `id` and `url`.
   * Anything else (a proxy's sign-in page, `{ "error": … }`) is not the receiver's word that it
   * has the delivery: null, and the caller retries after a lookup rather than report it sent.
   */
  function toRemote(body: string, requestId: string): RemoteTicket | null {
    const fallback = { remoteId: requestId, url: lookupUrl(requestId) };
    if (body.trim() === '') return fallback;
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      return null;
    }
    const parsed = ticketAnswer.safeParse(json);
    if (!parsed.success || (typeof json === 'object' && json !== null && 'error' in json && parsed.data.id === undefined)) return null;
    return { remoteId: parsed.data.id ?? requestId, url: parsed.data.url ?? fallback.url };
  }

  const offContract = (status: number, body: string): FailureOutcome => ({
    kind: 'retry',
    reason: `the receiver answered HTTP ${status} but not with Deskbook's JSON (${/^\s*</.test(body) ? 'a web page: a sign-in or proxy page?' : serverMessage(body) || 'unreadable'}); Deskbook will look the delivery up before sending it again`,
    maybeDelivered: true,
  });

  const lookupUrl = (requestId: string) => `${endpoint}/${encodeURIComponent(requestId)}`;

  async function findByRequestId(requestId: string): Promise<RemoteTicket | null> {
    if (!isSafeRequestId(requestId)) throw new ConnectorError({ kind: 'failed', message: `request id '${requestId}' is not a UUID` });
    const res = await send('GET', lookupUrl(requestId), '', { form: 'request' });
    if (res.ok && res.status === 404) return null;
    if (res.ok && res.status >= 200 && res.status < 300) {
      const found = toRemote(res.body, requestId);
      if (found) return found;
      throw new ConnectorError(offContract(res.status, res.body));
    }
    throw new ConnectorError(failure(res, false));
  }

  async function create(escalation: Escalation, requestId: string, sealedNotes: readonly SealedNote[]): Promise<DeliveryOutcome> {
    const body: WebhookBody = {
      version: WEBHOOK_BODY_VERSION,
      requestId,
      escalation,
      internalNotes: sealedNotes.map((n) => ({ label: n.label, text: n.plaintext })),
    };
    return post(requestId, body);
  }

  /** A logged call: the `call.logged` event, delivered and deduplicated as escalations are. */
  async function logCall(record: CallLogRecord, requestId: string): Promise<DeliveryOutcome> {
    const body: WebhookCallLogBody = { version: WEBHOOK_BODY_VERSION, type: CALL_LOGGED_EVENT, requestId, callLog: record };
    return post(requestId, body);
  }

  /**
   * POSTs one delivery to `<url>`, signed over its body under `webhook-id` = the request id (and
   * `Idempotency-Key`), so a repeat is recognised; a 409 looks up what the receiver made of it.
   */
  async function post(requestId: string, body: WebhookBody | WebhookCallLogBody): Promise<DeliveryOutcome> {
    // A webhook-id holds no '.' (the spec's rule), so the outbox's UUIDs only.
    if (!isSafeRequestId(requestId) || requestId.includes('.')) return { kind: 'failed', message: `request id '${requestId}' is not a UUID` };
    let res: HttpExchange;
    try {
      res = await send('POST', endpoint, JSON.stringify(body), { form: 'body', id: requestId }, { 'Idempotency-Key': requestId });
    } catch (error) {
      if (error instanceof ConnectorError) return error.outcome;
      throw error;
    }
    if (res.ok && res.status >= 200 && res.status < 300) {
      const remote = toRemote(res.body, requestId);
      return remote ? { kind: 'sent', ...remote } : offContract(res.status, res.body);
    }
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
    const res = await send('POST', url, JSON.stringify({ version: WEBHOOK_BODY_VERSION, text }), { form: 'request' });
    if (!(res.ok && res.status >= 200 && res.status < 300)) throw new ConnectorError(failure(res, true));
  }

  async function probe(): Promise<ProbeReport> {
    let res: HttpExchange;
    try {
      res = await send('GET', lookupUrl(PROBE_REQUEST_ID), '', { form: 'request' });
    } catch (error) {
      if (error instanceof ConnectorError && error.outcome.kind === 'auth') return { ok: false, problem: 'unauthorized', message: error.outcome.message };
      throw error;
    }
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
    // A receiver keeps the event as it likes; there is no ticket state to repair on a retry.
    callLog: { create: logCall, close: () => Promise.resolve() },
  };
}
