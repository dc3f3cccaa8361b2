import type { ServerResponse } from 'node:http';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { WEBHOOK_ID_HEADER } from '../../electron/sync/webhook/signature';
import type { WebhookBody } from '../../electron/sync/webhook/webhook-connector';
import { sendJson } from './loopback-server';
import type { SeenRequest } from './loopback-server';

export const header = (req: SeenRequest, name: string): string | undefined => {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
};

/** The request's headers as plain strings, the way a receiver's framework hands them over. */
export const flatHeaders = (req: SeenRequest): Record<string, string> =>
  Object.fromEntries(Object.keys(req.headers).map((name) => [name, header(req, name) ?? '']));

/**
 * What the receiver verifies for a request, by electron/sync/webhook/README.md: the escalation POST signs its raw body
 * (the spec as it stands); every other request signs method, path, query and body, one per line.
 */
function signedContent(req: SeenRequest, isEscalationPost: (req: SeenRequest) => boolean): string {
  const { pathname, search } = new URL(req.url, 'http://receiver.invalid');
  if (isEscalationPost(req)) return req.body;
  return [req.method, pathname, search.slice(1), req.body].join('\n');
}

/**
 * A reference receiver that follows electron/sync/webhook/README.md, as an independent district would write it: every
 * request is verified with the `standardwebhooks` library before anything else; escalations are
 * deduplicated on their (signed) `webhook-id`, which `Idempotency-Key` must repeat; a lookup's or
 * a note's `webhook-id` is single-use (the spec's advice), so a verbatim replay of one is refused.
 * Each request's verdict is kept, so the tests can check that every request Deskbook sent verified.
 */
export function referenceReceiver(secret: string, base = '/hooks') {
  const isEscalationPost = (req: SeenRequest) => req.method === 'POST' && new URL(req.url, 'http://receiver.invalid').pathname === base;
  const tickets = new Map<string, { id: string; body: WebhookBody }>();
  const notes = new Map<string, string[]>();
  const usedIds = new Set<string>();
  const verdicts: { method: string; url: string; replayed: boolean; refusal: string | null }[] = [];
  let script: ((req: SeenRequest) => { status: number; body: unknown; headers?: Record<string, string> } | undefined) | undefined;

  /** null when the library verifies the request, else its reason. */
  const verify = (req: SeenRequest): string | null => {
    try {
      new Webhook(secret).verify(signedContent(req, isEscalationPost), flatHeaders(req), { jsonParse: false });
    } catch (error) {
      if (error instanceof WebhookVerificationError) return error.message;
      throw error;
    }
    if (isEscalationPost(req)) return null; // a repeat is the same delivery, answered below
    const id = header(req, WEBHOOK_ID_HEADER) ?? '';
    if (usedIds.has(id)) return 'webhook-id already used';
    usedIds.add(id);
    return null;
  };

  const judge = (req: SeenRequest): string | null => {
    const refusal = verify(req);
    verdicts.push({ method: req.method, url: req.url, replayed: header(req, 'x-test-replay') === '1', refusal });
    return refusal;
  };

  const handler = (req: SeenRequest, res: ServerResponse) => {
    const refusal = judge(req);
    if (refusal) return sendJson(res, 401, { message: `bad signature: ${refusal}` });
    const scripted = script?.(req);
    if (scripted) return sendJson(res, scripted.status, scripted.body, scripted.headers);
    const path = new URL(req.url, 'http://x').pathname;
    if (req.method === 'POST' && path === base) {
      const key = header(req, WEBHOOK_ID_HEADER) ?? '';
      if (header(req, 'idempotency-key') !== key) return sendJson(res, 400, { message: 'Idempotency-Key differs from webhook-id' });
      const existing = tickets.get(key) ?? { id: `T-${tickets.size + 1}`, body: JSON.parse(req.body) as WebhookBody };
      tickets.set(key, existing);
      return sendJson(res, 201, { id: existing.id, url: `https://tickets.example/${existing.id}` });
    }
    const lookup = path.startsWith(`${base}/`) ? /^\/([^/]+)$/.exec(path.slice(base.length)) : null;
    if (req.method === 'GET' && lookup?.[1]) {
      const t = tickets.get(decodeURIComponent(lookup[1]));
      return t ? sendJson(res, 200, { id: t.id, url: `https://tickets.example/${t.id}` }) : sendJson(res, 404, { message: 'unknown' });
    }
    const note = path.startsWith(`${base}/`) ? /^\/([^/]+)\/notes$/.exec(path.slice(base.length)) : null;
    if (req.method === 'POST' && note?.[1]) {
      const ticketId = decodeURIComponent(note[1]);
      if (![...tickets.values()].some((t) => t.id === ticketId)) return sendJson(res, 404, { message: 'unknown ticket' });
      notes.set(ticketId, [...(notes.get(ticketId) ?? []), (JSON.parse(req.body) as { text: string }).text]);
      return sendJson(res, 201, {});
    }
    return sendJson(res, 404, { message: 'no route' });
  };
  return {
    tickets,
    notes,
    verdicts,
    handler,
    judge,
    setScript: (s: typeof script) => {
      script = s;
    },
  };
}

export type ReferenceReceiver = ReturnType<typeof referenceReceiver>;
