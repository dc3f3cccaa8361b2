import type { Escalation } from '../../../shared/escalation/schema';
import type { Priority } from '../../../shared/sla/priority';
import type { Connector, SealedNote } from '../connector';
import { ConnectorError, failedAfterLanding } from '../outcome';
import type { DeliveryOutcome, FailureOutcome, RemoteTicket } from '../outcome';
import { renderSealedNotesComment, renderTicketBody, rtDateTime, sealedNotesSubject, sopPathValue } from './render';
import { createdSchema, historySchema, rtCall, searchSchema, ticketSchema } from './rt-api';
import type { RtTicket } from './rt-api';
import { createRtCallLog } from './rt-call-log';
import { createRtContext } from './rt-context';
import type { RtContextOptions } from './rt-context';
import { escalationFieldValue } from './review-item';
import { probeRt } from './rt-probe';
import { createRtReview } from './rt-review';
import { isSafeRequestId } from '../request-id';
import { requestIdQuery } from './ticketsql';

/** RT's numeric priorities for Deskbook's four; RT 5's default PriorityAsString is 0/50/100. */
export const DEFAULT_RT_PRIORITIES: Readonly<Record<Priority, number>> = { critical: 100, high: 75, medium: 50, low: 25 };

export interface RtConnectorOptions extends RtContextOptions {
  priorities?: Readonly<Record<Priority, number>>;
  /** The requestor's email, when one is known; RT then also sends its autoreply there. */
  requestorFor?: (escalation: Escalation) => string | undefined;
}

/**
 * Request Tracker 5 (REST2). RT has no idempotency key, so the request id is stored in a ticket
 * custom field and searched with TicketSQL before any retry; RT also drops unknown custom fields
 * without an error, so the connector checks the queue's fields before creating and re-reads the
 * ticket after, and fails loudly when a field did not stick. Sealed notes become an internal
 * comment, after those checks, so no secret lands in a ticket that is being reported as broken.
 * The ticket also carries a JSON copy of the escalation and its review state, for `review`.
 */
export function createRtConnector(options: RtConnectorOptions): Connector {
  const ctx = createRtContext(options);
  const { client, names } = ctx;
  const priorities = options.priorities ?? DEFAULT_RT_PRIORITIES;
  const fieldIds = ctx.resolve;
  const remote = ctx.remote;

  async function create(escalation: Escalation, requestId: string, sealedNotes: readonly SealedNote[]): Promise<DeliveryOutcome> {
    if (!isSafeRequestId(requestId)) return { kind: 'failed', message: `request id '${requestId}' is not a UUID` };
    const fields = await fieldIds();
    if (!fields.ok) return fields.outcome;

    const expected: Record<string, { name: string; value: string }> = {
      [fields.ids.requestId]: { name: names.requestId, value: requestId },
      [fields.ids.slaDueAt]: { name: names.slaDueAt, value: escalation.slaDueAt },
      [fields.ids.escalation]: { name: names.escalation, value: escalationFieldValue(escalation) },
      [fields.ids.review]: { name: names.review, value: 'awaiting-review' },
    };
    const sopPath = sopPathValue(escalation);
    if (sopPath) expected[fields.ids.sopPath] = { name: names.sopPath, value: sopPath };

    const requestor = options.requestorFor?.(escalation);
    const created = await rtCall(client, 'POST', '/ticket', {
      mutating: true,
      body: {
        Queue: options.queue,
        Subject: escalation.draft.subject,
        Content: renderTicketBody(escalation, requestId),
        ContentType: 'text/plain',
        Priority: priorities[escalation.draft.priority],
        Due: rtDateTime(escalation.slaDueAt),
        ...(requestor ? { Requestor: requestor } : {}),
        // By id, resolved from this queue: REST2 looks names up before the new ticket has a queue,
        // where a same-named field applied to another queue could be picked instead.
        CustomFields: Object.fromEntries(Object.entries(expected).map(([id, f]) => [id, f.value])),
      },
    });
    if (!created.ok) return created.outcome;
    const ticketId = createdSchema.safeParse(created.json).data?.id ?? /\/ticket\/(\d+)/.exec(created.location ?? '')?.[1];
    if (!ticketId) return { kind: 'retry', reason: 'RT answered the create without a ticket id', maybeDelivered: true };

    const reread = await rtCall(client, 'GET', `/ticket/${ticketId}`);
    if (!reread.ok) return failedAfterLanding(`RT ticket #${ticketId} could not be re-read to check its custom fields`, reread.outcome);
    const ticket = ticketSchema.safeParse(reread.json);
    if (!ticket.success) return { kind: 'failed', message: `ticket #${ticketId} was created, but RT's answer when re-reading it was not a ticket` };
    const notStuck = Object.entries(expected).filter(([id, f]) => !hasValue(ticket.data, id, f.value)).map(([, f]) => f.name);
    if (notStuck.length > 0) {
      ctx.forget();
      const list = notStuck.map((n) => `'${n}'`).join(', ');
      return {
        kind: 'failed',
        message: `ticket #${ticketId} was created, but custom field ${list} did not stick: is it applied to queue '${options.queue}', and may this account modify it (ModifyCustomField)?`,
      };
    }

    if (sealedNotes.length > 0) {
      const note = await addSealedNotes(ticketId, requestId, sealedNotes);
      if (note) return failedAfterLanding(`RT ticket #${ticketId} was created, but its sealed notes could not be added`, note);
    }
    return { kind: 'sent', ...remote(ticketId) };
  }

  async function addSealedNotes(ticketId: string, requestId: string, notes: readonly SealedNote[]): Promise<FailureOutcome | null> {
    const comment = renderSealedNotesComment(requestId, notes);
    const res = await rtCall(client, 'POST', `/ticket/${ticketId}/comment`, {
      mutating: true,
      body: { Subject: comment.subject, Content: comment.content, ContentType: 'text/plain' },
    });
    return res.ok ? null : res.outcome;
  }

  async function findByRequestId(requestId: string): Promise<RemoteTicket | null> {
    if (!isSafeRequestId(requestId)) throw new ConnectorError({ kind: 'failed', message: `request id '${requestId}' is not a UUID` });
    // A search on a custom field RT does not know finds nothing, which would read as "not
    // delivered" and create a duplicate: make sure the field exists first.
    const fields = await fieldIds();
    if (!fields.ok) throw new ConnectorError(fields.outcome);
    const query = new URLSearchParams({ query: requestIdQuery(names.requestId, requestId), orderby: 'id', order: 'ASC', per_page: '5' });
    const res = await rtCall(client, 'GET', `/tickets?${query.toString()}`);
    if (!res.ok) throw new ConnectorError(res.outcome);
    const parsed = searchSchema.safeParse(res.json);
    if (!parsed.success) throw new ConnectorError({ kind: 'failed', message: "RT's search answer had no items list" });
    const first = parsed.data.items[0];
    return first ? remote(first.id) : null;
  }

  async function addInternalNote(remoteId: string, text: string): Promise<void> {
    const res = await rtCall(client, 'POST', `/ticket/${encodeURIComponent(remoteId)}/comment`, {
      mutating: true,
      body: { Content: text, ContentType: 'text/plain' },
    });
    if (!res.ok) throw new ConnectorError(res.outcome);
  }

  async function ensureSealedNotes(existing: RemoteTicket, requestId: string, notes: readonly SealedNote[]): Promise<void> {
    const subject = sealedNotesSubject(requestId);
    const perPage = 100;
    // RT 5.0.3 leaves `total` and `next_page` out of history pages: page until one comes back short.
    for (let page = 1; page <= 20; page++) {
      const res = await rtCall(client, 'GET', `/ticket/${encodeURIComponent(existing.remoteId)}/history?fields=Type,Data&per_page=${perPage}&page=${page}`);
      if (!res.ok) throw new ConnectorError(res.outcome);
      const history = historySchema.safeParse(res.json);
      if (!history.success) throw new ConnectorError({ kind: 'failed', message: `RT's history of ticket #${existing.remoteId} was unreadable` });
      // A comment transaction keeps its subject in Data: ours names the request id.
      if (history.data.items.some((t) => t.Type === 'Comment' && (t.Data ?? '').includes(subject))) return;
      if (history.data.items.length < perPage) break;
    }
    const failure = await addSealedNotes(existing.remoteId, requestId, notes);
    if (failure) throw new ConnectorError(failedAfterLanding(`RT ticket #${existing.remoteId} exists, but its sealed notes could not be added`, failure));
  }

  return {
    kind: 'rt',
    probe: (probeOptions) => probeRt(client, options.queue, names, probeOptions),
    create,
    findByRequestId,
    addInternalNote,
    ensureSealedNotes,
    review: createRtReview(ctx),
    callLog: createRtCallLog(ctx),
  };
}

function hasValue(ticket: RtTicket, fieldId: string, value: string): boolean {
  return ticket.CustomFields.some((cf) => cf.id === fieldId && cf.values.includes(value));
}
