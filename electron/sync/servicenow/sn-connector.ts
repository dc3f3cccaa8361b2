import { z } from 'zod';
import type { Escalation } from '../../../shared/escalation/schema';
import type { Connector, SealedNote } from '../connector';
import { ConnectorError, failedAfterLanding } from '../outcome';
import type { DeliveryOutcome, FailureOutcome, RemoteTicket } from '../outcome';
import { isSafeRequestId } from '../request-id';
import { isSysId, notSysId, snCall, tablePath } from './sn-api';
import { createSnCallLog } from './sn-call-log';
import { createSnContext } from './sn-context';
import type { ServiceNowConnectorOptions, SnContext } from './sn-context';
import { insertIncident, updateIncident } from './sn-incident';
import { readWorkNotes } from './sn-journal';
import { probeServiceNow } from './sn-probe';
import { createSnReview } from './sn-review';
import { ESCALATION_FIELD, REVIEW_FIELD } from './sn-review-item';
import { escalationFieldValue } from '../rt/review-item';
import { CORRELATION_DISPLAY, incidentDescription, sealedNoteMarker, sealedNotesWorkNote, shortDescription } from './sn-render';

const found = z.array(
  z.object({
    sys_id: z.string(),
    number: z.string().nullish(),
    correlation_id: z.string().nullish(),
    sys_created_on: z.string().nullish(),
  }),
);

const notUuid = (requestId: string): FailureOutcome => ({ kind: 'failed', message: `request id '${requestId}' is not a UUID` });

/**
 * ServiceNow, through the REST Table API on `incident`. The instance has no idempotency key, so
 * the request id travels as `correlation_id` (with `correlation_display` "Deskbook") and a retry
 * that may have delivered searches it first (deliverOnce). Sealed notes go in the create as a
 * `work_notes` entry, staff only, never in short_description, description or comments; the
 * journal is then read back, because an instance drops a field this account may not write
 * without an error, and a missing note is added once more or reported. The incident also carries
 * the escalation's JSON copy and its review state, for `review` (./sn-review.ts).
 */
export function createServiceNowConnector(options: ServiceNowConnectorOptions): Connector {
  const ctx = createSnContext(options);
  const { client } = ctx;

  async function create(escalation: Escalation, requestId: string, sealedNotes: readonly SealedNote[]): Promise<DeliveryOutcome> {
    if (!isSafeRequestId(requestId)) return notUuid(requestId);
    const group = await ctx.group();
    if (!group.ok) return group.outcome;
    const subject = shortDescription(escalation.draft.subject);
    const { impact, urgency } = ctx.priorities[escalation.draft.priority];
    const fields: Record<string, string> = {
      short_description: subject.text,
      description: incidentDescription(escalation, requestId, subject),
      impact: String(impact),
      urgency: String(urgency),
      contact_type: 'phone',
      correlation_id: requestId,
      correlation_display: CORRELATION_DISPLAY,
      // For supervisor review; an instance without these fields ignores them (README).
      [ESCALATION_FIELD]: escalationFieldValue(escalation),
      [REVIEW_FIELD]: 'awaiting-review',
    };
    if (group.sysId) fields.assignment_group = group.sysId;
    const all = sealedNotes.map((note, index) => ({ note, index }));
    if (all.length > 0) fields.work_notes = sealedNotesWorkNote(requestId, all, all.length);

    const created = await insertIncident(client, fields, requestId);
    if (!created.ok) return created.outcome;
    if (sealedNotes.length > 0) {
      const notes = await completeSealedNotes(ctx, created.sysId, requestId, sealedNotes);
      if (notes) return failedAfterLanding(`ServiceNow incident ${created.number} was created`, notes);
    }
    return { kind: 'sent', ...ctx.remote(created.sysId) };
  }

  async function findByRequestId(requestId: string): Promise<RemoteTicket | null> {
    if (!isSafeRequestId(requestId)) throw new ConnectorError(notUuid(requestId));
    const res = await snCall(
      client,
      'GET',
      tablePath('incident', {
        sysparm_query: `correlation_id=${requestId}^ORDERBYsys_created_on`,
        sysparm_fields: 'sys_id,number,correlation_id,sys_created_on',
        sysparm_exclude_reference_link: 'true',
        sysparm_limit: '20',
      }),
    );
    if (!res.ok) throw new ConnectorError(res.outcome);
    const rows = found.safeParse(res.result);
    if (!rows.success) throw new ConnectorError({ kind: 'retry', reason: "ServiceNow's answer to the correlation_id search was not a list of incidents", maybeDelivered: true });
    // An instance ignores a condition it cannot apply (a field hidden by an ACL) and lists
    // everything: only rows that carry the id count, and any other row means the search was not
    // applied, so "none" could not be trusted.
    const stray = rows.data.filter((r) => r.correlation_id !== requestId);
    if (stray.length > 0) {
      throw new ConnectorError({
        kind: 'failed',
        message: `ServiceNow answered the search for correlation_id ${requestId} with incidents that do not carry it: may this account read correlation_id on incident?`,
      });
    }
    const matches = rows.data
      .filter((r) => isSysId(r.sys_id))
      .sort((a, b) => (a.sys_created_on ?? '').localeCompare(b.sys_created_on ?? '') || (a.number ?? '').localeCompare(b.number ?? ''));
    const [oldest, ...others] = matches;
    if (!oldest) {
      if (rows.data.length > 0) throw new ConnectorError({ kind: 'failed', message: `ServiceNow found incidents for correlation_id ${requestId}, but without a usable sys_id` });
      return null;
    }
    if (others.length > 0) {
      // Two attempts both landed (a create whose answer was lost, then resent before this
      // lookup existed, or another tool): keep the oldest, and say which others to merge.
      ctx.log('sync.servicenow.duplicate-incidents', { requestId, kept: oldest.number ?? oldest.sys_id, others: others.map((o) => o.number ?? o.sys_id).join(',') });
    }
    return ctx.remote(oldest.sys_id);
  }

  async function addInternalNote(remoteId: string, text: string): Promise<void> {
    if (!isSysId(remoteId)) throw new ConnectorError(notSysId(remoteId));
    const res = await updateIncident(client, remoteId, { work_notes: text });
    if (!res.ok) throw new ConnectorError(res.outcome);
  }

  async function ensureSealedNotes(existing: RemoteTicket, requestId: string, notes: readonly SealedNote[]): Promise<void> {
    if (!isSysId(existing.remoteId)) throw new ConnectorError(notSysId(existing.remoteId));
    if (!isSafeRequestId(requestId)) throw new ConnectorError(notUuid(requestId));
    if (notes.length === 0) return;
    const failure = await completeSealedNotes(ctx, existing.remoteId, requestId, notes);
    if (failure) throw new ConnectorError(failedAfterLanding(`ServiceNow incident ${existing.remoteId} exists`, failure));
  }

  return {
    kind: 'servicenow',
    probe: (probeOptions) => probeServiceNow(ctx, probeOptions),
    create,
    findByRequestId,
    addInternalNote,
    ensureSealedNotes,
    review: createSnReview(ctx),
    callLog: createSnCallLog(ctx),
  };
}

/**
 * Makes sure every sealed note is in the incident's work notes: reads them, adds the missing ones
 * in one work note, and reads again. Null when all are there; otherwise what went wrong (a
 * note that still is not there after being written was dropped by the instance: `failed`).
 */
async function completeSealedNotes(ctx: SnContext, sysId: string, requestId: string, notes: readonly SealedNote[]): Promise<FailureOutcome | null> {
  const missing = async (): Promise<{ ok: true; list: { note: SealedNote; index: number }[] } | { ok: false; outcome: FailureOutcome }> => {
    const read = await readWorkNotes(ctx.client, sysId);
    if (!read.ok) return read;
    const list = notes.map((note, index) => ({ note, index })).filter(({ index }) => !read.texts.some((t) => t.includes(sealedNoteMarker(requestId, index, notes.length))));
    return { ok: true, list };
  };
  const before = await missing();
  if (!before.ok) return { ...before.outcome, ...(before.outcome.kind === 'retry' ? { reason: `its sealed notes could not be checked: ${before.outcome.reason}` } : {}) };
  if (before.list.length === 0) return null;
  const written = await updateIncident(ctx.client, sysId, { work_notes: sealedNotesWorkNote(requestId, before.list, notes.length) });
  if (!written.ok) return written.outcome;
  const after = await missing();
  if (!after.ok) return after.outcome;
  if (after.list.length === 0) return null;
  return {
    kind: 'failed',
    message: `${after.list.length} sealed note(s) did not appear in its work notes after being written: may this account write work_notes on incident?`,
  };
}
