import { z } from 'zod';
import { exchange } from '../http';
import type { HttpDeps, HttpRequestInit, NetworkFailure } from '../http';
import { classifyNetworkFailure, classifyStatus, serverMessage } from '../outcome';
import type { FailureOutcome } from '../outcome';

/** How to reach one RT: its web base URL (WebBaseURL + WebPath) and a token source. */
export interface RtClient {
  deps: HttpDeps;
  baseUrl: string;
  token: () => Promise<string>;
}

/** One REST2 call: parsed JSON on 2xx, or a classified failure (with its network cause, if any). */
export type RtResult =
  | { ok: true; status: number; json: unknown; location: string | null }
  | { ok: false; outcome: FailureOutcome; status?: number; network?: NetworkFailure };

/**
 * Calls `/REST/2.0<path>` with `Authorization: token …`. `mutating` marks requests whose failure
 * may follow a commit (ticket create, comment).
 */
export async function rtCall(
  client: RtClient,
  method: HttpRequestInit['method'],
  path: string,
  options: { body?: unknown; mutating?: boolean } = {},
): Promise<RtResult> {
  const headers: Record<string, string> = {
    Authorization: `token ${await client.token()}`,
    Accept: 'application/json',
  };
  const init: HttpRequestInit = { method, headers };
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json; charset=utf-8';
    init.body = JSON.stringify(options.body);
  }
  const mutating = options.mutating ?? false;
  const res = await exchange(client.deps, `${client.baseUrl}/REST/2.0${path}`, init);
  if (!res.ok) return { ok: false, outcome: classifyNetworkFailure(res.failure, { mutating }), network: res.failure };
  if (res.status < 200 || res.status > 299) {
    const now = (client.deps.now ?? Date.now)();
    return { ok: false, status: res.status, outcome: classifyStatus(res.status, res.headers, serverMessage(res.body), { mutating, now }) };
  }
  let json: unknown = null;
  try {
    json = res.body.trim() ? JSON.parse(res.body) : null;
  } catch {
    // RT answered 2xx with a non-JSON body (a proxy's login page, say): report it, do not guess.
    return {
      ok: false,
      status: res.status,
      outcome: { kind: 'failed', status: res.status, message: `RT answered HTTP ${res.status} with a body that is not JSON: is the base URL right?` },
    };
  }
  return { ok: true, status: res.status, json, location: res.headers.get('location') };
}

/** The page a person opens for a ticket. */
export function ticketUrl(baseUrl: string, ticketId: string): string {
  return `${baseUrl}/Ticket/Display.html?id=${encodeURIComponent(ticketId)}`;
}

const id = z.union([z.string(), z.number()]).transform(String);

export const queueSchema = z.object({
  id,
  Name: z.string(),
  TicketCustomFields: z.array(z.object({ id, name: z.string() })).default([]),
  _hyperlinks: z.array(z.object({ ref: z.string(), type: z.string().optional() })).default([]),
});
export type RtQueue = z.output<typeof queueSchema>;

export const createdSchema = z.object({ id });

export const ticketSchema = z.object({
  id,
  CustomFields: z.array(z.object({ id, name: z.string(), values: z.array(z.string()).default([]) })).default([]),
});
export type RtTicket = z.output<typeof ticketSchema>;

export const searchSchema = z.object({ items: z.array(z.object({ id })) });

export const historySchema = z.object({
  items: z.array(z.object({ Type: z.string().optional(), Data: z.string().nullable().optional() })),
});
