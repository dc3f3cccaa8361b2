import type { CallLogRecord } from '../../../shared/call-log/schema';
import type { CallLogConnector } from '../connector';
import { ConnectorError, failedAfterLanding } from '../outcome';
import type { DeliveryOutcome, FailureOutcome, RemoteTicket } from '../outcome';
import { isSafeRequestId } from '../request-id';
import { callLogSubject, renderCallLogBody } from '../rt/call-log-render';
import { iiqCall, isGuid, ticketEnvelope } from './iiq-api';
import { notATicketId } from './iiq-context';
import type { IiqContext } from './iiq-context';
import { createVerifiedTicket } from './iiq-tickets';

/**
 * The "Resolved" close reason. The reference's Close/Cancel ticket sample lists the close reason
 * types with fixed ids (C98AE44E-ADA0-4AE7-AE30-817785C00001 Canceled, …00002 Resolved, …);
 * `POST /tickets/{TicketId}/close` takes one as `CloseReasonTypeId`.
 */
export const RESOLVED_CLOSE_REASON = 'C98AE44E-ADA0-4AE7-AE30-817785C00002';

/**
 * Logged calls on Incident IQ: a ticket created like an escalation's (request id in its custom
 * field, re-read and checked) and then closed with `POST /tickets/{TicketId}/close` and the
 * Resolved reason, skipping the workflow's optional steps, which a call already finished has no
 * use for. Incident IQ takes no status on create, so it is two writes: a retry that finds the
 * ticket closes it (`close`), and closing a closed ticket is never attempted.
 */
export function createIiqCallLog(ctx: IiqContext): CallLogConnector {
  async function closeTicket(ticketId: string): Promise<FailureOutcome | null> {
    const res = await iiqCall(ctx.client, 'POST', `/tickets/${ticketId}/close`, {
      mutating: true,
      body: { CloseReasonTypeId: RESOLVED_CLOSE_REASON, SkipCheckingNonMandatorySteps: true },
    });
    // A 2xx that is not the API's JSON, or carries an error, is already a failure (iiqCall).
    return res.ok ? null : res.outcome;
  }

  async function create(record: CallLogRecord, requestId: string): Promise<DeliveryOutcome> {
    if (!isSafeRequestId(requestId)) return { kind: 'failed', message: `request id '${requestId}' is not a UUID` };
    const made = await createVerifiedTicket(ctx, requestId, {
      subject: callLogSubject(record),
      description: renderCallLogBody(record, requestId),
      isUrgent: false,
      hasSensitiveInformation: false,
      what: 'call log ticket',
    });
    if (!made.ok) return made.outcome;
    const { ticket, label } = made.value;
    if (ticket.IsClosed !== true) {
      const failure = await closeTicket(ticket.TicketId);
      if (failure) return failedAfterLanding(`Incident IQ call log ticket ${label} was created, but could not be closed`, failure);
    }
    return { kind: 'sent', ...ctx.remote(ticket.TicketId) };
  }

  async function close(remote: RemoteTicket): Promise<void> {
    if (!isGuid(remote.remoteId)) throw new ConnectorError(notATicketId(remote.remoteId));
    const res = await iiqCall(ctx.client, 'GET', `/tickets/${remote.remoteId}`);
    if (!res.ok) throw new ConnectorError(res.outcome);
    const ticket = ticketEnvelope.safeParse(res.json);
    if (!ticket.success) throw new ConnectorError({ kind: 'retry', reason: `Incident IQ's answer for ticket ${remote.remoteId} was not a ticket`, maybeDelivered: false });
    if (ticket.data.Item.IsClosed === true) return;
    const failure = await closeTicket(remote.remoteId);
    if (failure) throw new ConnectorError(failedAfterLanding(`Incident IQ call log ticket ${remote.remoteId} exists, but could not be closed`, failure));
  }

  return { create, close };
}
