import { ConnectorError } from '../outcome';
import type { FailureOutcome, RemoteTicket } from '../outcome';
import { ticketAnswerSchema, zendeskCall } from './zendesk-api';
import type { ZendeskTicket } from './zendesk-api';
import type { ZendeskContext } from './zendesk-context';

/**
 * A create that Zendesk holds: `earlier` when the ticket may come from an earlier attempt (an
 * idempotency hit, or a reconcile by `external_id`), so what follows it (sealed notes, solving)
 * must look before writing. `ticket` is Zendesk's answer, absent after a reconcile.
 */
export type Created = { ok: true; remote: RemoteTicket; earlier: boolean; ticket?: ZendeskTicket } | { ok: false; outcome: FailureOutcome };

/**
 * `POST /api/v2/tickets` with `Idempotency-Key: <requestId>` (Idempotency for ticket creation)
 * and `external_id: <requestId>` in the ticket. Within Zendesk's two-hour key window a repeat is
 * answered with the original ticket and `x-idempotency-lookup: hit`; the same key with another
 * body is refused with 400 `IdempotentRequestError`, which means an earlier attempt got there
 * first, so the ticket is looked up by `external_id` instead of reported as a failure. Never the
 * async create (`?async=true`): its answer is a job, not the ticket.
 */
export async function createTicket(ctx: ZendeskContext, requestId: string, ticket: Record<string, unknown>): Promise<Created> {
  const res = await zendeskCall(ctx.client, 'POST', '/api/v2/tickets', {
    mutating: true,
    body: { ticket: { ...ticket, external_id: requestId } },
    headers: { 'Idempotency-Key': requestId },
    expect: 'the ticket it created',
  });
  if (res.ok) {
    const parsed = ticketAnswerSchema.safeParse(res.json);
    if (!parsed.success) {
      return { ok: false, outcome: { kind: 'retry', reason: `Zendesk answered the create (HTTP ${res.status}) without the ticket it created (no ticket id); Deskbook will look for the ticket before sending again`, maybeDelivered: true } };
    }
    const created = parsed.data.ticket;
    if (typeof created.external_id === 'string' && created.external_id !== requestId) {
      return { ok: false, outcome: { kind: 'retry', reason: `Zendesk answered the create with ticket #${created.id}, which carries another request id; Deskbook will look for its own ticket before sending again`, maybeDelivered: true } };
    }
    const lookup = res.headers.get('x-idempotency-lookup')?.toLowerCase() ?? 'none';
    ctx.log('zendesk.create', { ticket: created.id, idempotency: lookup });
    return { ok: true, remote: ctx.remote(created.id), earlier: lookup === 'hit', ticket: created };
  }
  if (res.status === 400 && res.error?.error === 'IdempotentRequestError') {
    ctx.log('zendesk.create', { idempotency: 'mismatch' });
    return reconcile(ctx, requestId);
  }
  return { ok: false, outcome: res.outcome };
}

/** The key is taken by an earlier, different body for this request id: find what it created. */
async function reconcile(ctx: ZendeskContext, requestId: string): Promise<Created> {
  try {
    const found = await ctx.findByRequestId(requestId);
    if (found) return { ok: true, remote: found, earlier: true };
    return {
      ok: false,
      outcome: {
        kind: 'retry',
        reason: 'Zendesk holds an earlier, different request under this request id (Idempotency-Key) but no ticket carries it yet; Deskbook will look again, and sends anew once Zendesk forgets the key (two hours)',
        maybeDelivered: true,
      },
    };
  } catch (error) {
    if (!(error instanceof ConnectorError)) throw error;
    const outcome = error.outcome;
    return { ok: false, outcome: outcome.kind === 'retry' ? { ...outcome, maybeDelivered: true } : outcome };
  }
}

/**
 * Adds one comment to a ticket (`PUT /api/v2/tickets/<id>` with `comment`, Ticket Comments);
 * `public: false` makes it an internal note. Returns the failure, if any.
 */
export async function addComment(ctx: ZendeskContext, remoteId: string, body: string, isPublic: boolean): Promise<FailureOutcome | null> {
  const path = ctx.ticketPath(remoteId);
  if (!path.ok) return path.outcome;
  const res = await zendeskCall(ctx.client, 'PUT', path.path, {
    mutating: true,
    body: { ticket: { comment: { body, public: isPublic } } },
    expect: `ticket #${remoteId} with the new comment`,
  });
  return res.ok ? null : res.outcome;
}
