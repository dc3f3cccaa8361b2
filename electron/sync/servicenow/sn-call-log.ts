import type { CallLogRecord } from '../../../shared/call-log/schema';
import type { CallLogConnector } from '../connector';
import { ConnectorError, failedAfterLanding } from '../outcome';
import type { DeliveryOutcome, FailureOutcome, RemoteTicket } from '../outcome';
import { isSafeRequestId } from '../request-id';
import { callLogSubject, renderCallLogBody } from '../rt/call-log-render';
import { isSysId, notSysId } from './sn-api';
import type { SnContext } from './sn-context';
import { insertIncident, readIncident, updateIncident } from './sn-incident';
import { CORRELATION_DISPLAY, shortDescription } from './sn-render';

/** Incident states that count as done: 6 Resolved, 7 Closed, 8 Canceled. */
const DONE = new Set(['6', '7', '8']);
export const RESOLVED_STATE = '6';

/** The resolution notes: how the call ended, in the analyst's words. */
export function callLogCloseNotes(record: CallLogRecord): string {
  const o = record.outcome;
  return o.type === 'resolved' ? `Resolved on the call: ${o.summary}` : `Referred to ${o.to}: ${o.how}${o.summary ? `\n${o.summary}` : ''}`;
}

/**
 * Logged calls as incidents created already resolved: ONE insert with state 6, `close_code` and
 * `close_notes` (both mandatory to resolve wherever a data policy enforces the form's rule), the
 * request id as `correlation_id` so a retry finds it. A business rule that leaves it open is
 * answered with an update that resolves it.
 */
export function createSnCallLog(ctx: SnContext): CallLogConnector {
  const { client } = ctx;

  async function resolve(sysId: string, state: string, closeCode: string, closeNotes: string): Promise<FailureOutcome | null> {
    if (DONE.has(state)) return null;
    const res = await updateIncident(client, sysId, { state: RESOLVED_STATE, close_code: closeCode, close_notes: closeNotes });
    if (!res.ok) return res.outcome;
    return DONE.has(res.state) ? null : { kind: 'failed', message: `ServiceNow kept incident ${res.number} in state ${res.state || '(none)'} after it was resolved: a business rule may prevent it` };
  }

  async function create(record: CallLogRecord, requestId: string): Promise<DeliveryOutcome> {
    if (!isSafeRequestId(requestId)) return { kind: 'failed', message: `request id '${requestId}' is not a UUID` };
    const group = await ctx.group();
    if (!group.ok) return group.outcome;
    const subject = shortDescription(callLogSubject(record));
    const closeCode = record.outcome.type === 'resolved' ? ctx.closeCodes.resolved : ctx.closeCodes.referred;
    const closeNotes = callLogCloseNotes(record);
    const fields: Record<string, string> = {
      short_description: subject.text,
      description: renderCallLogBody(record, requestId),
      contact_type: 'phone',
      correlation_id: requestId,
      correlation_display: CORRELATION_DISPLAY,
      state: RESOLVED_STATE,
      close_code: closeCode,
      close_notes: closeNotes,
    };
    if (group.sysId) fields.assignment_group = group.sysId;
    const created = await insertIncident(client, fields, requestId);
    if (!created.ok) return created.outcome;
    const open = await resolve(created.sysId, created.state, closeCode, closeNotes);
    if (open) return failedAfterLanding(`call log incident ${created.number} was created, but could not be resolved`, open);
    return { kind: 'sent', ...ctx.remote(created.sysId) };
  }

  async function close(remote: RemoteTicket): Promise<void> {
    if (!isSysId(remote.remoteId)) throw new ConnectorError(notSysId(remote.remoteId));
    const read = await readIncident(client, remote.remoteId, 'sys_id,state,close_code,close_notes');
    if (!read.ok) throw new ConnectorError(read.outcome);
    const text = (key: string) => (typeof read.row[key] === 'string' ? (read.row[key] as string) : '');
    const open = await resolve(remote.remoteId, text('state'), text('close_code') || ctx.closeCodes.resolved, text('close_notes') || 'Call logged by Deskbook; resolved on the call.');
    if (open) throw new ConnectorError(failedAfterLanding(`call log incident ${remote.remoteId} exists, but could not be resolved`, open));
  }

  return { create, close };
}
