import type { Escalation } from '../../../shared/escalation/schema';
import type { Priority } from '../../../shared/sla/priority';
import type { Connector, SealedNote } from '../connector';
import { ConnectorError, failedAfterLanding } from '../outcome';
import type { DeliveryOutcome, FailureOutcome, RemoteTicket } from '../outcome';
import { isSafeRequestId } from '../request-id';
import { renderTicketBody } from '../rt/render';
import { isGuid } from './iiq-api';
import { createIiqCallLog } from './iiq-call-log';
import { createIiqContext, notATicketId } from './iiq-context';
import type { IiqContext, IncidentIqConnectorOptions } from './iiq-context';
import { findTicketByRequestId } from './iiq-lookup';
import { probeIncidentIq } from './iiq-probe';
import { commentHtml, sealedNoteComment, sealedNoteExternalId, sealedNoteMarker } from './iiq-render';
import { addPrivateComment, createVerifiedTicket, readComments } from './iiq-tickets';

/** Incident IQ has one urgency flag: Deskbook's two top priorities raise it. */
export const URGENT_PRIORITIES: ReadonlySet<Priority> = new Set<Priority>(['critical', 'high']);

/**
 * Incident IQ (API v1.0; the reference followed is named in iiq-api.ts and in each module). No
 * idempotency key: the request id goes into a ticket custom field, and a retry searches that field
 * before sending again (iiq-lookup.ts). Rules run after a create and may change the ticket, so it
 * is re-read and a field that did not stick fails loudly (iiq-tickets.ts). Sealed notes become
 * private comments (`IsPublic: false`, not e-mailed), one per note, after those checks, so no
 * secret lands in a ticket being reported as broken; the ticket is flagged
 * `HasSensitiveInformation`. Supervisor review is not supported on Incident IQ: no `review`.
 */
export function createIncidentIqConnector(options: IncidentIqConnectorOptions): Connector {
  const ctx = createIiqContext(options);

  async function create(escalation: Escalation, requestId: string, sealedNotes: readonly SealedNote[]): Promise<DeliveryOutcome> {
    if (!isSafeRequestId(requestId)) return { kind: 'failed', message: `request id '${requestId}' is not a UUID` };
    const made = await createVerifiedTicket(ctx, requestId, {
      subject: escalation.draft.subject,
      description: renderTicketBody(escalation, requestId, 'private comments'),
      isUrgent: URGENT_PRIORITIES.has(escalation.draft.priority),
      hasSensitiveInformation: sealedNotes.length > 0 || escalation.draft.sealedNotes.length > 0,
      what: 'ticket',
    });
    if (!made.ok) return made.outcome;
    const { ticket, label } = made.value;
    for (let i = 0; i < sealedNotes.length; i++) {
      const failure = await addSealedNote(ctx, ticket.TicketId, requestId, sealedNotes, i);
      if (failure) return failedAfterLanding(`Incident IQ ticket ${label} was created, but its sealed notes could not be added`, failure);
    }
    return { kind: 'sent', ...ctx.remote(ticket.TicketId) };
  }

  async function addInternalNote(remoteId: string, text: string): Promise<void> {
    if (!isGuid(remoteId)) throw new ConnectorError(notATicketId(remoteId));
    const failure = await addPrivateComment(ctx, remoteId, commentHtml(text));
    if (failure) throw new ConnectorError(failure);
  }

  /**
   * A retry found the ticket: reads its comments and adds only the sealed notes not there yet,
   * recognised by ExternalId or by their marker line.
   */
  async function ensureSealedNotes(remote: RemoteTicket, requestId: string, notes: readonly SealedNote[]): Promise<void> {
    if (!isGuid(remote.remoteId)) throw new ConnectorError(notATicketId(remote.remoteId));
    if (!isSafeRequestId(requestId)) throw new ConnectorError({ kind: 'failed', message: `request id '${requestId}' is not a UUID` });
    const existing = await readComments(ctx, remote.remoteId);
    if (!existing.ok) throw new ConnectorError(existing.outcome);
    for (let i = 0; i < notes.length; i++) {
      const externalId = sealedNoteExternalId(requestId, i);
      const marker = sealedNoteMarker(requestId, i, notes.length);
      if (existing.value.some((c) => c.externalId === externalId || c.html.includes(marker))) continue;
      const failure = await addSealedNote(ctx, remote.remoteId, requestId, notes, i);
      if (failure) throw new ConnectorError(failedAfterLanding(`Incident IQ ticket ${remote.remoteId} exists, but its sealed notes could not be added`, failure));
    }
  }

  return {
    kind: 'incident-iq',
    probe: (probeOptions) => probeIncidentIq(ctx, probeOptions),
    create,
    findByRequestId: (requestId) => findTicketByRequestId(ctx, requestId),
    addInternalNote,
    ensureSealedNotes,
    callLog: createIiqCallLog(ctx),
  };
}

function addSealedNote(ctx: IiqContext, ticketId: string, requestId: string, notes: readonly SealedNote[], index: number): Promise<FailureOutcome | null> {
  const comment = sealedNoteComment(requestId, notes, index);
  return addPrivateComment(ctx, ticketId, comment.html, comment.externalId);
}
