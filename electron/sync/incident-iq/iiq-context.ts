import { createHash } from 'node:crypto';
import type { HttpDeps } from '../http';
import type { FailureOutcome, RemoteTicket } from '../outcome';
import { isGuid, iiqCall, meEnvelope, sameGuid, ticketFieldsEnvelope } from './iiq-api';
import type { IiqClient, IiqResult } from './iiq-api';

export interface IncidentIqConnectorOptions extends HttpDeps {
  /** The district's Incident IQ address, e.g. `https://district.incidentiq.com` (API under /api/v1.0). */
  url: string;
  /** The `SiteId` header (Administration > Developer Tools > Site Info). */
  siteId: string;
  /** The ticket custom field (its CustomFieldTypeId, or the ticket mapping's CustomFieldId) holding the request id. */
  requestIdField: string;
  /** The API token, read from the vault for each request. */
  token: () => Promise<string>;
  /**
   * The Issue new tickets are filed under (`IssueId`, which the reference lists among the minimal
   * fields of `POST /tickets/new`). Without one the create sends none and Incident IQ decides.
   */
  issueId?: string;
}

/** The request-id field as this site has it: the type id tickets carry values under. */
export interface RequestIdField {
  typeId: string;
  /** The ticket mapping's id, sent alongside the type id as the reference's create sample does. */
  mappingId: string | null;
  name: string;
}

export type Got<T> = { ok: true; value: T } | { ok: false; outcome: FailureOutcome; result?: IiqResult };

/**
 * What every part of the connector shares: the client, and two answers looked up once and kept
 * until they may be stale: the token's own user (comments need a `ByUserId`; kept per token, so a
 * new sign-in looks again) and the request-id field (dropped when a value did not stick).
 */
export interface IiqContext {
  client: IiqClient;
  options: IncidentIqConnectorOptions;
  me(): Promise<Got<{ userId: string; name: string; siteId: string | null }>>;
  field(): Promise<Got<RequestIdField>>;
  forgetField(): void;
  remote(ticketId: string): RemoteTicket;
}

export function createIiqContext(options: IncidentIqConnectorOptions): IiqContext {
  const baseUrl = options.url.replace(/\/+$/, '');
  const client: IiqClient = { deps: options, baseUrl, siteId: options.siteId, token: options.token };
  let me: { tokenHash: string; value: { userId: string; name: string; siteId: string | null } } | undefined;
  let field: RequestIdField | undefined;

  return {
    client,
    options,
    async me() {
      // Only a digest of the token is kept, to know when the vault hands out another one.
      const tokenHash = createHash('sha256').update(await options.token()).digest('hex');
      if (me?.tokenHash === tokenHash) return { ok: true, value: me.value };
      const res = await iiqCall(client, 'GET', '/users/me');
      if (!res.ok) return { ok: false, outcome: res.outcome, result: res };
      const parsed = meEnvelope.safeParse(res.json);
      if (!parsed.success) {
        return { ok: false, outcome: { kind: 'retry', reason: "Incident IQ's answer for the signed-in user (GET /api/v1.0/users/me) had no user id", maybeDelivered: false } };
      }
      const item = parsed.data.Item;
      me = { tokenHash, value: { userId: item.UserId, name: item.Name ?? item.User?.Name ?? 'the API user', siteId: item.SiteId ?? null } };
      return { ok: true, value: me.value };
    },
    async field() {
      if (field) return { ok: true, value: field };
      const res = await iiqCall(client, 'POST', '/custom-fields/for/ticket', { body: {} });
      if (!res.ok) return { ok: false, outcome: res.outcome, result: res };
      const parsed = ticketFieldsEnvelope.safeParse(res.json);
      if (!parsed.success) {
        return { ok: false, outcome: { kind: 'retry', reason: "Incident IQ's list of ticket custom fields was not readable", maybeDelivered: false } };
      }
      const wanted = options.requestIdField;
      const found = parsed.data.Items.find((f) => !f.IsDeleted && (sameGuid(f.CustomFieldTypeId, wanted) || sameGuid(f.CustomFieldId, wanted)));
      if (!found?.CustomFieldTypeId || !isGuid(found.CustomFieldTypeId)) {
        return { ok: false, outcome: { kind: 'failed', message: missingFieldMessage(wanted) } };
      }
      field = {
        typeId: found.CustomFieldTypeId,
        mappingId: found.CustomFieldId && isGuid(found.CustomFieldId) ? found.CustomFieldId : null,
        name: found.CustomFieldType?.Name ?? wanted,
      };
      return { ok: true, value: field };
    },
    forgetField() {
      field = undefined;
    },
    remote: (ticketId) => ({ remoteId: ticketId, url: ticketUrl(baseUrl, ticketId) }),
  };
}

/** The page a technician opens for a ticket. */
export function ticketUrl(baseUrl: string, ticketId: string): string {
  return `${baseUrl}/agent/tickets/${encodeURIComponent(ticketId)}`;
}

export function missingFieldMessage(requestIdField: string): string {
  return `Incident IQ has no ticket custom field ${requestIdField} (Settings, Request ID custom field): create a text custom field on tickets (Incident IQ Administration > Custom Fields) and put its id in Settings. Deskbook keeps its request id there, so that a retry can find a ticket it already created`;
}

/** A ConnectorError-ready refusal for an id that is not an Incident IQ ticket id. */
export function notATicketId(remoteId: string): FailureOutcome {
  return { kind: 'failed', message: `'${remoteId.slice(0, 80)}' is not an Incident IQ ticket id (a GUID): it may come from another ticketing system, so Deskbook will not use it` };
}
