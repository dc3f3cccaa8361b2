import type { CallLogRecord } from '../../../shared/call-log/schema';
import type { CallLogConnector } from '../connector';
import { ConnectorError, failedAfterLanding } from '../outcome';
import type { DeliveryOutcome, FailureOutcome, RemoteTicket } from '../outcome';
import { isSafeRequestId } from '../request-id';
import { callLogSubject, renderCallLogBody } from '../rt/call-log-render';
import { ticketAnswerSchema, zendeskCall } from './zendesk-api';
import type { ZendeskContext } from './zendesk-context';
import { createTicket } from './zendesk-create';
import { CALL_LOG_TAGS } from './zendesk-render';

/** Zendesk statuses that count as done: a logged call left in one needs nothing more. */
const DONE = new Set(['solved', 'closed']);

/**
 * Logged calls on Zendesk: ONE create that carries `status: solved`, under the same idempotency
 * rules as escalations (the run id is the `Idempotency-Key` and the `external_id`), assigned to
 * the signed-in agent (`assignee_email`: Zendesk solves only assigned tickets). No group: the call
 * is over, there is nothing to route. If Zendesk's answer is not solved (a trigger reopened it,
 * or the ticket came from an earlier attempt), it is solved with a PUT.
 */
export function createZendeskCallLog(ctx: ZendeskContext): CallLogConnector {
  /** Solves the ticket unless it is already done; a failure is returned, not thrown. */
  async function solve(remoteId: string, status: string | undefined): Promise<FailureOutcome | null> {
    if (status !== undefined && DONE.has(status)) return null;
    const path = ctx.ticketPath(remoteId);
    if (!path.ok) return path.outcome;
    const res = await zendeskCall(ctx.client, 'PUT', path.path, {
      mutating: true,
      body: { ticket: { status: 'solved', assignee_email: ctx.client.email } },
      expect: `ticket #${remoteId}, solved`,
    });
    return res.ok ? null : res.outcome;
  }

  async function currentStatus(remoteId: string): Promise<{ ok: true; status: string | undefined } | { ok: false; outcome: FailureOutcome }> {
    const path = ctx.ticketPath(remoteId);
    if (!path.ok) return path;
    const res = await zendeskCall(ctx.client, 'GET', path.path, { expect: `ticket #${remoteId}` });
    if (!res.ok) return res;
    const parsed = ticketAnswerSchema.safeParse(res.json);
    if (!parsed.success) return { ok: false, outcome: { kind: 'failed', message: `Zendesk's answer for ticket #${remoteId} was not a ticket` } };
    return { ok: true, status: parsed.data.ticket.status };
  }

  async function create(record: CallLogRecord, requestId: string): Promise<DeliveryOutcome> {
    if (!isSafeRequestId(requestId)) return { kind: 'failed', message: `request id '${requestId.slice(0, 80)}' is not a UUID` };
    const created = await createTicket(ctx, requestId, {
      subject: callLogSubject(record),
      comment: { body: renderCallLogBody(record, requestId) },
      status: 'solved',
      assignee_email: ctx.client.email,
      tags: [...CALL_LOG_TAGS],
    });
    if (!created.ok) return created.outcome;
    const ticketId = created.remote.remoteId;
    let status = created.earlier ? undefined : created.ticket?.status;
    if (status === undefined) {
      // An earlier attempt's ticket: Zendesk's replayed answer is from then, so read it now.
      const current = await currentStatus(ticketId);
      if (!current.ok) return failedAfterLanding(`call log ticket #${ticketId} was created, but could not be read back to check it is solved`, current.outcome);
      status = current.status;
    }
    const unsolved = await solve(ticketId, status);
    if (unsolved) return failedAfterLanding(`call log ticket #${ticketId} was created, but could not be solved`, unsolved);
    return { kind: 'sent', ...created.remote };
  }

  async function close(remote: RemoteTicket): Promise<void> {
    const current = await currentStatus(remote.remoteId);
    if (!current.ok) throw new ConnectorError(current.outcome);
    const unsolved = await solve(remote.remoteId, current.status);
    if (unsolved) throw new ConnectorError(failedAfterLanding(`call log ticket #${remote.remoteId} exists, but could not be solved`, unsolved));
  }

  return { create, close };
}
