import { z } from 'zod';
import type { CallLogRecord } from '../../../shared/call-log/schema';
import type { CallLogConnector } from '../connector';
import { ConnectorError, failedAfterLanding } from '../outcome';
import type { DeliveryOutcome, FailureOutcome, RemoteTicket } from '../outcome';
import { isSafeRequestId } from '../request-id';
import { callLogSopPath, callLogSubject, renderCallLogBody } from './call-log-render';
import { createdSchema, rtCall, ticketSchema } from './rt-api';
import type { RtContext } from './rt-context';

/** Statuses of RT's default lifecycle that count as closed: a logged call left in one is done. */
const CLOSED = new Set(['resolved', 'rejected', 'deleted']);
const ticketWithStatus = ticketSchema.extend({ Status: z.string() });

/**
 * Logged calls on Request Tracker 5: ONE create that carries `Status: resolved` (RT 5.0.3 takes
 * a status on create, sets Resolved, and a repeated `Status: resolved` PUT is a no-op), with the
 * request id in its custom field so a retry finds it, and the call's duration as TimeWorked. The
 * ticket is re-read: a request id that did not stick would let a retry create a second one, and
 * a lifecycle that refused the status on create is resolved with a PUT.
 */
export function createRtCallLog(ctx: RtContext): CallLogConnector {
  const { client, names } = ctx;

  /** Resolves the ticket unless it already is closed; a failure is returned, not thrown. */
  async function resolveTicket(ticketId: string, status: string | undefined): Promise<FailureOutcome | null> {
    if (status !== undefined && CLOSED.has(status.toLowerCase())) return null;
    const res = await rtCall(client, 'PUT', `/ticket/${encodeURIComponent(ticketId)}`, { mutating: true, body: { Status: 'resolved' } });
    return res.ok ? null : res.outcome;
  }

  async function create(record: CallLogRecord, requestId: string): Promise<DeliveryOutcome> {
    if (!isSafeRequestId(requestId)) return { kind: 'failed', message: `request id '${requestId}' is not a UUID` };
    const fields = await ctx.resolve();
    if (!fields.ok) return fields.outcome;
    const expected: Record<string, { name: string; value: string }> = {
      [fields.ids.requestId]: { name: names.requestId, value: requestId },
      [fields.ids.sopPath]: { name: names.sopPath, value: callLogSopPath(record) },
    };
    const created = await rtCall(client, 'POST', '/ticket', {
      mutating: true,
      body: {
        Queue: ctx.queue,
        Subject: callLogSubject(record),
        Content: renderCallLogBody(record, requestId),
        ContentType: 'text/plain',
        Status: 'resolved',
        TimeWorked: Math.max(1, Math.ceil(record.durationSeconds / 60)),
        CustomFields: Object.fromEntries(Object.entries(expected).map(([id, f]) => [id, f.value])),
      },
    });
    if (!created.ok) return created.outcome;
    const ticketId = createdSchema.safeParse(created.json).data?.id ?? /\/ticket\/(\d+)/.exec(created.location ?? '')?.[1];
    if (!ticketId) return { kind: 'retry', reason: 'RT answered the create without a ticket id', maybeDelivered: true };

    const reread = await rtCall(client, 'GET', `/ticket/${ticketId}`);
    if (!reread.ok) return failedAfterLanding(`RT ticket #${ticketId} was created, but could not be re-read to check it`, reread.outcome);
    const ticket = ticketWithStatus.safeParse(reread.json);
    if (!ticket.success) return { kind: 'failed', message: `ticket #${ticketId} was created, but RT's answer when re-reading it was not a ticket` };
    const notStuck = Object.entries(expected)
      .filter(([id, f]) => !ticket.data.CustomFields.some((cf) => cf.id === id && cf.values.includes(f.value)))
      .map(([, f]) => `'${f.name}'`);
    if (notStuck.length > 0) {
      ctx.forget();
      return {
        kind: 'failed',
        message: `call log ticket #${ticketId} was created, but custom field ${notStuck.join(', ')} did not stick: is it applied to queue '${ctx.queue}', and may this account modify it (ModifyCustomField)?`,
      };
    }
    const unresolved = await resolveTicket(ticketId, ticket.data.Status);
    if (unresolved) return failedAfterLanding(`call log ticket #${ticketId} was created, but could not be resolved`, unresolved);
    return { kind: 'sent', ...ctx.remote(ticketId) };
  }

  async function close(remote: RemoteTicket): Promise<void> {
    const res = await rtCall(client, 'GET', `/ticket/${encodeURIComponent(remote.remoteId)}`);
    if (!res.ok) throw new ConnectorError(res.outcome);
    const status = ticketWithStatus.safeParse(res.json).data?.Status;
    const unresolved = await resolveTicket(remote.remoteId, status);
    if (unresolved) throw new ConnectorError(failedAfterLanding(`call log ticket #${remote.remoteId} exists, but could not be resolved`, unresolved));
  }

  return { create, close };
}
