/**
 * One Incident IQ API call and the shapes Deskbook reads back.
 *
 * Followed (Incident IQ API reference, apihub.incidentiq.com; its generated pages as published in
 * the scopousiiq/iiq-docusaurus-docs repository): "Access and API Keys" (every request carries
 * `Authorization: Bearer <token>`, `SiteId: <GUID>` and `Client: ApiClient`; the API lives under
 * `<site>/api/v1.0`), "Error Handling" (errors are `{ StatusCode, Message, Errors: [{ Field,
 * Message }] }`; 401 missing or invalid token, 403 no permission, 404, 422 validation, 429 rate
 * limit), and the response envelopes `ItemGetResponse` (`{ Item, StatusCode, Message, ErrorKey,
 * Errors }`) and `ListGetResponse` (`{ Items, ItemCount, Paging }`).
 *
 * Inferred: that a 2xx envelope whose own `StatusCode` is 400 or more reports a failure (the
 * reference mirrors the HTTP status there and gives it no other meaning), and that a 2xx that is
 * not JSON is a proxy's or the web app's sign-in page, not the API.
 */

import { z } from 'zod';
import { exchange } from '../http';
import type { HttpDeps, HttpRequestInit, NetworkFailure } from '../http';
import { classifyNetworkFailure, classifyStatus, serverMessage } from '../outcome';
import type { FailureOutcome } from '../outcome';

/** How to reach one Incident IQ site: its address, its Site ID and a token source (the vault). */
export interface IiqClient {
  deps: HttpDeps;
  /** `https://<district>.incidentiq.com`, without a trailing slash. */
  baseUrl: string;
  siteId: string;
  token: () => Promise<string>;
}

/**
 * One call: parsed JSON on a 2xx that carries no error, or a classified failure. `contract` marks
 * a 2xx that is not what the API answers (not JSON, or an envelope carrying an error).
 */
export type IiqResult =
  | { ok: true; status: number; json: unknown }
  | { ok: false; outcome: FailureOutcome; status?: number; network?: NetworkFailure; contract?: true };

/** Incident IQ's ids are GUIDs; nothing else is put into a URL path. */
export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isGuid(value: string): boolean {
  return GUID.test(value);
}

/** GUIDs compare without regard to case: the API answers some in upper case. */
export function sameGuid(a: string | null | undefined, b: string | null | undefined): boolean {
  return typeof a === 'string' && typeof b === 'string' && a.toLowerCase() === b.toLowerCase();
}

/**
 * Calls `<url>/api/v1.0<path>`. `mutating` marks writes (ticket create, comment, close): a 5xx,
 * a drop or an answer that is not the API's may follow a commit, so a retry must look first.
 */
export async function iiqCall(
  client: IiqClient,
  method: HttpRequestInit['method'],
  path: string,
  options: { body?: unknown; mutating?: boolean } = {},
): Promise<IiqResult> {
  const headers: Record<string, string> = {
    Authorization: `Bearer ${await client.token()}`,
    SiteId: client.siteId,
    Client: 'ApiClient',
    Accept: 'application/json',
  };
  const init: HttpRequestInit = { method, headers };
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json; charset=utf-8';
    init.body = JSON.stringify(options.body);
  }
  const mutating = options.mutating ?? false;
  const res = await exchange(client.deps, `${client.baseUrl}/api/v1.0${path}`, init);
  if (!res.ok) return { ok: false, outcome: classifyNetworkFailure(res.failure, { mutating }), network: res.failure };
  if (res.status < 200 || res.status > 299) {
    const now = (client.deps.now ?? Date.now)();
    return { ok: false, status: res.status, outcome: classifyStatus(res.status, res.headers, incidentIqMessage(res.body), { mutating, now }) };
  }
  let json: unknown = null;
  try {
    json = res.body.trim() ? JSON.parse(res.body) : null;
  } catch {
    return contractMismatch(res.status, mutating, `Incident IQ answered HTTP ${res.status} with a page that is not JSON (a sign-in page?), not the API's answer: is the address in Settings the district's Incident IQ site?`);
  }
  const carried = envelopeError(json);
  if (carried) return contractMismatch(res.status, mutating, `Incident IQ answered HTTP ${res.status}, but the answer carries an error (${carried})`);
  return { ok: true, status: res.status, json };
}

/**
 * A 2xx that is not what the API answers. It is never a success, and whether the write landed is
 * unknown: a retry, which for a write first looks for what it may have made.
 */
export function contractMismatch(status: number, mutating: boolean, reason: string): IiqResult {
  return { ok: false, status, contract: true, outcome: { kind: 'retry', reason, maybeDelivered: mutating } };
}

/** The error an envelope carries despite a 2xx: its own StatusCode ≥ 400, with its words. */
function envelopeError(json: unknown): string | null {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return null;
  const code = (json as { StatusCode?: unknown }).StatusCode;
  if (typeof code !== 'number' || code < 400) return null;
  const words = incidentIqMessage(JSON.stringify(json));
  return words ? `${code}: ${words}` : String(code);
}

const errorBody = z.object({
  Message: z.string().nullish(),
  ErrorKey: z.string().nullish(),
  Errors: z.array(z.object({ Field: z.string().nullish(), Message: z.string().nullish() })).nullish(),
});

/**
 * Incident IQ's own words from an error body: `Message`, then each `Errors[]` entry as
 * "Field: Message" (the reference's ErrorResponse and SoftValidationError). Other bodies fall back
 * to the shared reading (JSON `message`/`error`, or the text itself).
 */
export function incidentIqMessage(body: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return serverMessage(body);
  }
  const read = errorBody.safeParse(parsed);
  if (!read.success) return serverMessage(body);
  const details = (read.data.Errors ?? [])
    .map((e) => [e.Field, e.Message].filter((part): part is string => typeof part === 'string' && part !== '').join(': '))
    .filter((line) => line !== '');
  const head = read.data.Message ?? read.data.ErrorKey ?? '';
  const words = [head, ...details.filter((d) => !head.includes(d))].filter((w) => w !== '').join('; ');
  return words ? words.slice(0, 300) : serverMessage(body);
}

/** The words of a failure, whatever its kind. */
export function outcomeWords(outcome: FailureOutcome): string {
  return outcome.kind === 'retry' ? outcome.reason : outcome.message;
}

const text = z.string().nullish();
const flag = z.boolean().nullish();

const customFieldValue = z.object({
  CustomFieldTypeId: text,
  CustomFieldId: text,
  // A text field's value is a string; other editors' values are read as text, never a failure.
  Value: z.union([z.string(), z.number(), z.boolean()]).transform(String).nullish(),
});
export type IiqCustomFieldValue = z.output<typeof customFieldValue>;

/** A ticket as `GET /tickets/{TicketId}`, `POST /tickets/new` and `POST /tickets` answer it. */
export const ticketSchema = z.object({
  TicketId: z.string(),
  TicketNumber: z.union([z.string(), z.number()]).transform(String).nullish(),
  Subject: text,
  IssueDescription: text,
  IsUrgent: flag,
  HasSensitiveInformation: flag,
  IsClosed: flag,
  CreatedDate: text,
  CustomFieldValues: z.array(customFieldValue).nullish(),
});
export type IiqTicket = z.output<typeof ticketSchema>;

export const ticketEnvelope = z.object({ Item: ticketSchema });
export const ticketListEnvelope = z.object({ Items: z.array(ticketSchema) });

/** `GET /users/me`: the account the token belongs to. */
export const meEnvelope = z.object({
  Item: z.object({ UserId: z.string().regex(GUID), SiteId: text, Name: text, User: z.object({ Name: text }).nullish() }),
});

/** `POST /custom-fields/for/ticket`: the custom fields tickets carry on this site. */
export const ticketFieldsEnvelope = z.object({
  Items: z.array(
    z.object({
      CustomFieldId: text,
      CustomFieldTypeId: text,
      IsDeleted: flag,
      CustomFieldType: z.object({ Name: text }).nullish(),
    }),
  ),
});

const commentItem = z.object({
  TicketActivityTypeId: z.number().nullish(),
  Comments: text,
  ExternalId: text,
  IsPublic: flag,
});

/** `GET /tickets/{TicketId}/activities`: the ticket's activity feed, comments included. */
export const activityListEnvelope = z.object({
  Items: z.array(z.object({ IsPublic: flag, IsDeleted: flag, ActivityItems: z.array(commentItem).nullish() })),
  Paging: z.object({ PageCount: z.number().nullish() }).nullish(),
});

/** `POST /tickets/{TicketId}/activities/new`: the activity it recorded. */
export const activityCreatedEnvelope = z.union([
  z.object({ Item: z.object({ TicketActivityId: z.string() }) }),
  z.object({ Uid: z.string() }),
]);
