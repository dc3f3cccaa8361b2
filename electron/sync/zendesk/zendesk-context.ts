import type { HttpDeps } from '../http';
import { ConnectorError } from '../outcome';
import type { FailureOutcome, RemoteTicket } from '../outcome';
import { ticketListSchema, ZENDESK_ID, zendeskCall } from './zendesk-api';
import type { ZendeskClient, ZendeskTicket } from './zendesk-api';
import { isSafeRequestId } from '../request-id';
import { ZENDESK_AGENT_EMAIL, ZENDESK_GROUP_ID } from '../../../shared/ipc/settings';

export interface ZendeskConnectorOptions extends HttpDeps {
  /** `https://<subdomain>.zendesk.com` (a trailing `/` or `/api/v2` is dropped). */
  url: string;
  /** The agent the API token belongs to. */
  email: string;
  /** The group new tickets are assigned to (its id, digits), or '' for Zendesk's own routing. */
  group: string;
  /** Reads the API token from the vault, for each request. */
  token: () => Promise<string>;
}

/** What every part of the Zendesk connector shares: the client, the group, and ticket lookups. */
export interface ZendeskContext {
  client: ZendeskClient;
  /** The group id as a number, or undefined for none. */
  groupId: number | undefined;
  remote(ticketId: string): RemoteTicket;
  /** `/api/v2/tickets/<id>` for a Zendesk ticket id; a failure for anything else. */
  ticketPath(remoteId: string): { ok: true; path: string } | { ok: false; outcome: FailureOutcome };
  /** The oldest ticket carrying this request id as `external_id`, or null; throws ConnectorError. */
  findByRequestId(requestId: string): Promise<RemoteTicket | null>;
  log(event: string, detail?: Readonly<Record<string, string | number | boolean>>): void;
}

/**
 * Checks the settings (each failure names the field and why) and builds the shared context.
 * Settings has already validated them; this guards every other caller, so a wrong value is a
 * clear error at construction, not a request to a wrong address.
 */
export function createZendeskContext(options: ZendeskConnectorOptions): ZendeskContext {
  const origin = zendeskOrigin(options.url);
  const email = options.email.trim();
  if (!ZENDESK_AGENT_EMAIL.test(email)) throw new Error(`Agent email: '${options.email}' is not an e-mail address (the Zendesk agent the API token belongs to)`);
  const group = options.group.trim();
  if (!ZENDESK_GROUP_ID.test(group)) throw new Error(`Group: '${options.group}' is not a Zendesk group id (digits, from Admin Center > People > Groups), or leave it empty`);
  const client: ZendeskClient = { deps: options, origin, email, token: options.token };
  const log = (event: string, detail?: Readonly<Record<string, string | number | boolean>>) => options.log?.(event, detail);

  const remote = (ticketId: string): RemoteTicket => ({ remoteId: ticketId, url: `${origin}/agent/tickets/${ticketId}` });

  function ticketPath(remoteId: string): { ok: true; path: string } | { ok: false; outcome: FailureOutcome } {
    if (!ZENDESK_ID.test(remoteId)) return { ok: false, outcome: { kind: 'failed', message: `'${remoteId.slice(0, 80)}' is not a Zendesk ticket id (Zendesk ids are numbers)` } };
    return { ok: true, path: `/api/v2/tickets/${remoteId}` };
  }

  /**
   * List Tickets by `external_id` (Tickets: "external ids don't have to be unique", so the answer
   * may hold several). The idempotency key only lasts two hours, so this is what a later retry
   * relies on. Only tickets whose `external_id` is exactly the request id count; the oldest wins,
   * and any others are reported in the log (ids only) for a person to merge.
   */
  async function findByRequestId(requestId: string): Promise<RemoteTicket | null> {
    if (!isSafeRequestId(requestId)) throw new ConnectorError({ kind: 'failed', message: `request id '${requestId.slice(0, 80)}' is not a UUID` });
    const found: ZendeskTicket[] = [];
    for (let page = 1; ; page++) {
      if (page > 10) throw new ConnectorError({ kind: 'failed', message: `Zendesk lists more than 1000 tickets for request id ${requestId}; Deskbook stopped reading them` });
      const query = new URLSearchParams({ external_id: requestId, per_page: '100', page: String(page) });
      const res = await zendeskCall(client, 'GET', `/api/v2/tickets?${query.toString()}`, { expect: 'a list of tickets' });
      if (!res.ok) throw new ConnectorError(res.outcome);
      const parsed = ticketListSchema.safeParse(res.json);
      if (!parsed.success) throw new ConnectorError({ kind: 'failed', message: "Zendesk's answer to a lookup by external_id was not a list of tickets" });
      found.push(...parsed.data.tickets.filter((t) => t.external_id === requestId));
      if (!parsed.data.next_page) break;
    }
    if (found.length === 0) return null;
    const [oldest, ...others] = [...found].sort(byAge);
    if (others.length > 0) {
      log('zendesk.duplicate-tickets', { requestId, kept: oldest!.id, others: others.map((t) => t.id).join(','), count: found.length });
    }
    return remote(oldest!.id);
  }

  return { client, groupId: group === '' ? undefined : Number(group), remote, ticketPath, findByRequestId, log };
}

/** Oldest first: by `created_at`, then by id (Zendesk ids grow with time). */
function byAge(a: ZendeskTicket, b: ZendeskTicket): number {
  const at = Date.parse(a.created_at ?? '');
  const bt = Date.parse(b.created_at ?? '');
  if (!Number.isNaN(at) && !Number.isNaN(bt) && at !== bt) return at - bt;
  return Number(a.id) - Number(b.id);
}

/**
 * The account's origin from what Settings holds: `https://x.zendesk.com`, `https://x.zendesk.com/`
 * and `https://x.zendesk.com/api/v2` all mean the same account. Anything but an http(s) URL
 * without credentials, query or fragment is refused.
 */
export function zendeskOrigin(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw new Error(`Zendesk URL: '${url}' is not a URL (https://<subdomain>.zendesk.com)`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new Error(`Zendesk URL: '${url}' must start with https://`);
  if (parsed.username || parsed.password || parsed.search || parsed.hash) throw new Error(`Zendesk URL: '${url}' must be only the address (https://<subdomain>.zendesk.com), without a user, query or #`);
  const path = parsed.pathname.replace(/\/+$/, '').replace(/\/api\/v2$/, '');
  return `${parsed.origin}${path}`;
}
