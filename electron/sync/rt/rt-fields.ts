import { queueSchema, rtCall } from './rt-api';
import type { RtClient, RtQueue } from './rt-api';
import type { FailureOutcome } from '../outcome';

/**
 * The names of the ticket custom fields Deskbook fills in. All but `vendorCase` are required:
 * `escalation` (a Text field: the JSON copy of the escalation, without sealed-note handles) and
 * `review` (a select or freeform field: awaiting-review, returned, approved, forwarded) hold
 * supervisor review. `vendorCase` (Freeform: `1234567 submitted 2026-03-02T15:04:05.000Z`) holds
 * the vendor case an Authorized Contact recorded after forwarding; a queue without it works for
 * everything else, and recording a case number there says which field to create.
 */
export interface RtFieldNames {
  requestId: string;
  sopPath: string;
  slaDueAt: string;
  escalation: string;
  review: string;
  vendorCase: string;
}

export const DEFAULT_RT_FIELD_NAMES: Readonly<RtFieldNames> = {
  requestId: 'Deskbook Request ID',
  sopPath: 'Deskbook SOP Path',
  slaDueAt: 'Deskbook SLA Due',
  escalation: 'Deskbook Escalation',
  review: 'Deskbook Review',
  vendorCase: 'Deskbook Vendor Case',
};

/** Fields a queue may lack: what needs them says so when used (`missingFieldsMessage`). */
const OPTIONAL_FIELDS = ['vendorCase'] as const satisfies readonly (keyof RtFieldNames)[];
type OptionalField = (typeof OPTIONAL_FIELDS)[number];
const isOptional = (key: keyof RtFieldNames): key is OptionalField => (OPTIONAL_FIELDS as readonly string[]).includes(key);

/** The same fields, resolved to the numeric ids RT knows them by in this queue (optional ones when applied). */
export type RtFieldIds = Readonly<Record<Exclude<keyof RtFieldNames, OptionalField>, string> & Partial<Record<OptionalField, string>>>;

export type QueueLookup =
  | { ok: true; queue: RtQueue }
  | { ok: false; outcome: FailureOutcome; notFound: boolean };

/**
 * Reads the queue as this account sees it. RT 5.0.3 answers 403 both for a queue that does not
 * exist and for one the account may not see, so `notFound` covers both.
 */
export async function loadQueue(client: RtClient, queueName: string): Promise<QueueLookup> {
  const res = await rtCall(client, 'GET', `/queue/${encodeURIComponent(queueName)}`);
  if (!res.ok) {
    if (res.status !== 403 && res.status !== 404) return { ok: false, outcome: res.outcome, notFound: false };
    const message = `RT queue '${queueName}' does not exist, or this account may not see it (SeeQueue)`;
    return { ok: false, notFound: true, outcome: { kind: 'failed', status: res.status, message } };
  }
  const parsed = queueSchema.safeParse(res.json);
  if (!parsed.success) {
    return { ok: false, notFound: false, outcome: { kind: 'failed', status: res.status, message: `RT's answer for queue '${queueName}' was not a queue` } };
  }
  return { ok: true, queue: parsed.data };
}

/** Resolves field names against a queue; lists the names that are not applied (or not visible). */
export function resolveFieldIds(
  queue: RtQueue,
  names: RtFieldNames,
): { ok: true; ids: RtFieldIds } | { ok: false; missing: string[] } {
  const byName = new Map(queue.TicketCustomFields.map((cf) => [cf.name.toLowerCase(), cf.id]));
  const missing: string[] = [];
  const ids: Partial<Record<keyof RtFieldNames, string>> = {};
  for (const key of Object.keys(names) as (keyof RtFieldNames)[]) {
    const found = byName.get(names[key].toLowerCase());
    if (found) ids[key] = found;
    else if (!isOptional(key)) missing.push(names[key]);
  }
  if (missing.length > 0) return { ok: false, missing };
  return { ok: true, ids: ids as RtFieldIds };
}

/**
 * Says what to fix when custom fields are missing from a queue, with how to create the two review
 * fields, whose types matter (a Freeform field cuts the JSON copy at 255 characters).
 */
export function missingFieldsMessage(missing: readonly string[], queueName: string, names: RtFieldNames = DEFAULT_RT_FIELD_NAMES): string {
  const list = missing.map((m) => `'${m}'`).join(', ');
  const hints: string[] = [];
  if (missing.includes(names.escalation)) hints.push(`'${names.escalation}' is a ticket field of type "Fill in one text area" (Text)`);
  if (missing.includes(names.review)) hints.push(`'${names.review}' a "Select one value" field with values awaiting-review, returned, approved, forwarded`);
  if (missing.includes(names.vendorCase)) hints.push(`'${names.vendorCase}' is a ticket field of type "Enter one value" (Freeform), for vendor case numbers`);
  const hint = hints.length > 0 ? `; ${hints.join(', and ')}` : '';
  return `custom field${missing.length > 1 ? 's' : ''} ${list} ${missing.length > 1 ? 'are' : 'is'} not applied to RT queue '${queueName}' (or this account lacks SeeCustomField on it)${hint}`;
}
