import { ConnectorError } from '../outcome';
import type { RemoteTicket } from '../outcome';
import { isSafeRequestId } from '../request-id';
import { iiqCall, isGuid, sameGuid, ticketEnvelope, ticketListEnvelope } from './iiq-api';
import type { IiqTicket } from './iiq-api';
import type { IiqContext, RequestIdField } from './iiq-context';

/** More tickets with one request id than this means something other than a retry made them. */
const PAGE_SIZE = 25;

/**
 * Finds the ticket an earlier attempt created: `POST /tickets?$s=…&$p=0` with the reference's
 * `ticketcustomfield` facet (`Id` = the field's CustomFieldTypeId, `Value` = the request id) and
 * `Schema: "All"`, so closed tickets (logged calls) are found too. Incident IQ has no idempotency
 * key, so this search is what keeps a retry from filing a second ticket.
 *
 * The answer is checked, not trusted: every ticket returned must carry the request id (read
 * again when a search result leaves its custom fields out); a result without it means the filter
 * was not applied, and the lookup fails rather than guess. Several tickets: the oldest is the
 * one, and the others are logged. Null only when the search positively found none.
 */
export async function findTicketByRequestId(ctx: IiqContext, requestId: string): Promise<RemoteTicket | null> {
  if (!isSafeRequestId(requestId)) throw new ConnectorError({ kind: 'failed', message: `request id '${requestId}' is not a UUID` });
  // A search on a field this site does not have finds nothing, which would read as "not
  // delivered" and file a duplicate: the field must exist first.
  const field = await ctx.field();
  if (!field.ok) throw new ConnectorError(field.outcome);
  const res = await iiqCall(ctx.client, 'POST', `/tickets?$s=${PAGE_SIZE}&$p=0&$o=${encodeURIComponent('TicketCreatedDate asc')}`, {
    body: {
      Schema: 'All',
      OnlyShowDeleted: false,
      Filters: [{ Facet: 'ticketcustomfield', Id: field.value.typeId, Value: requestId, Selected: true }],
    },
  });
  if (!res.ok) throw new ConnectorError(res.outcome);
  const parsed = ticketListEnvelope.safeParse(res.json);
  if (!parsed.success) throw new ConnectorError({ kind: 'retry', reason: "Incident IQ's ticket search answer had no Items list", maybeDelivered: false });

  const matches: IiqTicket[] = [];
  for (const listed of parsed.data.Items) {
    if (!isGuid(listed.TicketId)) throw new ConnectorError({ kind: 'failed', message: `Incident IQ's ticket search returned '${listed.TicketId.slice(0, 80)}', which is not a ticket id` });
    const ticket = listed.CustomFieldValues ? listed : await reread(ctx, listed.TicketId);
    if (!carries(ticket, field.value, requestId)) {
      throw new ConnectorError({
        kind: 'failed',
        message: `Incident IQ's search for request id ${requestId} returned ticket ${label(ticket)}, which does not carry it: the search on custom field '${field.value.name}' was not applied, so Deskbook cannot tell whether this was delivered`,
      });
    }
    matches.push(ticket);
  }
  matches.sort(oldestFirst);
  const [first, ...others] = matches;
  if (!first) return null;
  if (others.length > 0) {
    ctx.options.log?.('sync.incident-iq.duplicates', { requestId, kept: first.TicketId, others: others.map((t) => t.TicketId).join(',') });
  }
  return ctx.remote(first.TicketId);
}

async function reread(ctx: IiqContext, ticketId: string): Promise<IiqTicket> {
  const res = await iiqCall(ctx.client, 'GET', `/tickets/${ticketId}`);
  if (!res.ok) throw new ConnectorError(res.outcome);
  const parsed = ticketEnvelope.safeParse(res.json);
  if (!parsed.success) throw new ConnectorError({ kind: 'retry', reason: `Incident IQ's answer for ticket ${ticketId} was not a ticket`, maybeDelivered: false });
  return parsed.data.Item;
}

function carries(ticket: IiqTicket, field: RequestIdField, requestId: string): boolean {
  return (ticket.CustomFieldValues ?? []).some((v) => sameGuid(v.CustomFieldTypeId, field.typeId) && v.Value === requestId);
}

/** By creation time, then by ticket number; a ticket without a readable date sorts last. */
function oldestFirst(a: IiqTicket, b: IiqTicket): number {
  const byDate = createdAt(a) - createdAt(b);
  return byDate !== 0 ? byDate : (a.TicketNumber ?? '').localeCompare(b.TicketNumber ?? '', 'en', { numeric: true });
}

function createdAt(ticket: IiqTicket): number {
  const at = ticket.CreatedDate ? Date.parse(ticket.CreatedDate) : Number.NaN;
  return Number.isNaN(at) ? Number.MAX_SAFE_INTEGER : at;
}

function label(ticket: IiqTicket): string {
  return ticket.TicketNumber ? `#${ticket.TicketNumber}` : ticket.TicketId;
}
