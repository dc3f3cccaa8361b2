import { failedAfterLanding } from '../outcome';
import type { FailureOutcome } from '../outcome';
import { activityCreatedEnvelope, activityListEnvelope, iiqCall, isGuid, sameGuid, ticketEnvelope } from './iiq-api';
import type { IiqTicket } from './iiq-api';
import type { Got, IiqContext, RequestIdField } from './iiq-context';

/** A ticket Deskbook files: what it sends, and so what must still be there when it is re-read. */
export interface NewTicket {
  subject: string;
  description: string;
  isUrgent: boolean;
  hasSensitiveInformation: boolean;
  /** In messages: "ticket", "call log ticket". */
  what: string;
}

export interface LandedTicket {
  ticket: IiqTicket;
  /** How people name it: `#<TicketNumber>`, or its id when the number is missing. */
  label: string;
}

/**
 * `POST /tickets/new` with the request id in its custom field, then `GET /tickets/{TicketId}`.
 * The reference warns that "rules fire asynchronously after ticket submission so ticket data
 * initially returned may subsequently be updated", so the create's own answer proves nothing: the
 * re-read does, and a field that did not stick fails loudly, naming the field and the ticket.
 * A request id that did not stick is `failed`, never a retry: a retry could not find the ticket
 * and would file a second one.
 */
export async function createVerifiedTicket(ctx: IiqContext, requestId: string, t: NewTicket): Promise<Got<LandedTicket>> {
  const me = await ctx.me();
  if (!me.ok) return me;
  const field = await ctx.field();
  if (!field.ok) return field;
  const issueId = ctx.options.issueId;

  const created = await iiqCall(ctx.client, 'POST', '/tickets/new', {
    mutating: true,
    body: {
      Subject: t.subject,
      IssueDescription: t.description,
      ForId: me.value.userId,
      ...(issueId ? { IssueId: issueId } : {}),
      IsUrgent: t.isUrgent,
      HasSensitiveInformation: t.hasSensitiveInformation,
      SourceId: 3, // 3 = API, in the reference's list of sources
      CustomFieldValues: [
        {
          CustomFieldTypeId: field.value.typeId,
          ...(field.value.mappingId ? { CustomFieldId: field.value.mappingId } : {}),
          Value: requestId,
        },
      ],
    },
  });
  if (!created.ok) return created;
  const answered = ticketEnvelope.safeParse(created.json).data?.Item;
  const ticketId = answered?.TicketId;
  if (!ticketId || !isGuid(ticketId)) {
    // Not the API's answer: whether a ticket was made is unknown, so the retry looks first.
    return { ok: false, outcome: { kind: 'retry', reason: `Incident IQ answered the ${t.what} create (HTTP ${created.status}) without a ticket id`, maybeDelivered: true } };
  }
  const createdLabel = answered.TicketNumber ? `#${answered.TicketNumber}` : ticketId;

  const reread = await iiqCall(ctx.client, 'GET', `/tickets/${ticketId}`);
  const landed = `Incident IQ ${t.what} ${createdLabel} was created`;
  if (!reread.ok) return { ok: false, outcome: failedAfterLanding(`${landed}, but could not be re-read to check that its fields stuck`, reread.outcome) };
  const ticket = ticketEnvelope.safeParse(reread.json);
  if (!ticket.success || !sameGuid(ticket.data.Item.TicketId, ticketId)) {
    return { ok: false, outcome: failedAfterLanding(landed, { kind: 'retry', reason: "Incident IQ's answer when re-reading it was not that ticket", maybeDelivered: true }) };
  }
  const item = ticket.data.Item;
  const label = item.TicketNumber ? `#${item.TicketNumber}` : createdLabel;
  const notStuck = fieldsNotStuck(item, requestId, field.value, t);
  if (notStuck.length > 0) {
    ctx.forgetField();
    const url = ctx.remote(ticketId).url;
    return {
      ok: false,
      outcome: failedAfterLanding(`Incident IQ ${t.what} ${label} was created (${url})`, {
        kind: 'failed',
        message: `${notStuck.join('; ')}. An Incident IQ rule probably changed it after the create: ask the district's Incident IQ admin to leave Deskbook's tickets alone in that rule. A person must look at ticket ${label}: Deskbook does not send this ${t.what} again by itself, so that it cannot file a duplicate`,
      }),
    };
  }
  return { ok: true, value: { ticket: item, label } };
}

function fieldsNotStuck(ticket: IiqTicket, requestId: string, field: RequestIdField, t: NewTicket): string[] {
  const problems: string[] = [];
  const values = (ticket.CustomFieldValues ?? []).filter((v) => sameGuid(v.CustomFieldTypeId, field.typeId));
  if (!values.some((v) => v.Value === requestId)) {
    const now = values.find((v) => v.Value)?.Value;
    problems.push(
      `the request id did not stick in custom field '${field.name}' (${field.typeId}): it ${now ? `reads '${now.slice(0, 80)}'` : 'is empty'}, so a retry could not find this ticket`,
    );
  }
  if ((ticket.Subject ?? '') !== t.subject) problems.push('its Subject was changed');
  if ((ticket.IsUrgent ?? false) !== t.isUrgent) problems.push(`IsUrgent is ${String(ticket.IsUrgent ?? false)}, not ${String(t.isUrgent)} as Deskbook sent it`);
  if (t.hasSensitiveInformation && ticket.HasSensitiveInformation !== true) problems.push('HasSensitiveInformation was cleared');
  return problems;
}

/**
 * Adds one private comment (`IsPublic: false`, type 6 "Comment") through
 * `/tickets/{TicketId}/activities/new/false`: the reference's `false` keeps Incident IQ from
 * e-mailing the activity to requestors and followers, so a sealed note is never mailed. Returns
 * the failure, or null.
 */
export async function addPrivateComment(ctx: IiqContext, ticketId: string, html: string, externalId?: string): Promise<FailureOutcome | null> {
  const me = await ctx.me();
  if (!me.ok) return me.outcome;
  const res = await iiqCall(ctx.client, 'POST', `/tickets/${ticketId}/activities/new/false`, {
    mutating: true,
    body: {
      TicketId: ticketId,
      IsPublic: false,
      ActivityItems: [
        {
          $type: 'Spark.Shared.Models.TicketActivityComment, Spark.Shared',
          TicketActivityTypeId: 6,
          ByUserId: me.value.userId,
          Comments: html,
          IsPublic: false,
          ...(externalId ? { ExternalId: externalId } : {}),
        },
      ],
    },
  });
  if (!res.ok) return res.outcome;
  if (!activityCreatedEnvelope.safeParse(res.json).success) {
    return { kind: 'retry', reason: `Incident IQ answered the comment (HTTP ${res.status}) without the activity it recorded`, maybeDelivered: true };
  }
  return null;
}

export interface IiqComment {
  html: string;
  externalId: string | null;
  isPublic: boolean;
}

const ACTIVITY_PAGE = 100;
const MAX_ACTIVITY_PAGES = 50;

/** Every comment on a ticket (`GET /tickets/{TicketId}/activities`, paged with `$s`/`$p`). */
export async function readComments(ctx: IiqContext, ticketId: string): Promise<Got<IiqComment[]>> {
  const comments: IiqComment[] = [];
  for (let page = 0; page < MAX_ACTIVITY_PAGES; page++) {
    const res = await iiqCall(ctx.client, 'GET', `/tickets/${ticketId}/activities?$s=${ACTIVITY_PAGE}&$p=${page}`);
    if (!res.ok) return res;
    const parsed = activityListEnvelope.safeParse(res.json);
    if (!parsed.success) return { ok: false, outcome: { kind: 'retry', reason: `Incident IQ's activity feed of ticket ${ticketId} was not readable`, maybeDelivered: false } };
    for (const activity of parsed.data.Items) {
      if (activity.IsDeleted) continue;
      for (const item of activity.ActivityItems ?? []) {
        if (item.TicketActivityTypeId !== 6) continue;
        comments.push({ html: item.Comments ?? '', externalId: item.ExternalId ?? null, isPublic: item.IsPublic ?? activity.IsPublic ?? true });
      }
    }
    const pageCount = parsed.data.Paging?.PageCount;
    const last = typeof pageCount === 'number' ? page + 1 >= pageCount : parsed.data.Items.length < ACTIVITY_PAGE;
    if (last) return { ok: true, value: comments };
  }
  return { ok: false, outcome: { kind: 'failed', message: `the activity feed of Incident IQ ticket ${ticketId} did not end after ${MAX_ACTIVITY_PAGES} pages` } };
}
