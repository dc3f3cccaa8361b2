import { z } from 'zod';
import type { FailureOutcome } from '../outcome';
import { rtAllPages, rtCall } from './rt-api';
import type { RtClient } from './rt-api';
import { adminRightsWarning, commentMailWarnings, commentReachWarning, isRecent, recipientsOf, uncheckedWarning } from './comment-exposure';
import type { CommentMailRecord, ReadableComment } from './comment-exposure';

const id = z.union([z.string(), z.number()]).transform(String);
const text = z.string().nullish().transform((v) => v ?? '');
const recordsSchema = z.object({ items: z.array(z.object({ id, ObjectId: id, Data: text, Created: text })) });
const headersSchema = z.object({ TransactionId: id, Headers: text });
const queueItemSchema = z.object({ id, Name: z.string() });
const foundSchema = z.object({ items: z.array(z.object({ ObjectId: id })) });

/** Comment e-mail records read per Test connection: the newest page (REST2's maximum). */
const MAIL_RECORDS = 100;
/** Other queues' comment searches in flight at once: quick on a big RT, gentle on a small one. */
const QUEUE_CHECKS_IN_FLIGHT = 4;

const reasonOf = (o: FailureOutcome): string => (o.kind === 'retry' ? o.reason : o.message);

function transactionsPath(query: string, fields: string, perPage: number): string {
  const params = new URLSearchParams({ query, fields, orderby: 'id', order: 'DESC', per_page: String(perPage), page: '1' });
  return `/transactions?${params.toString()}`;
}

/**
 * (a) Does RT e-mail the queue's internal comments? REST2 has no scrip endpoint (RT 5.0.3 answers
 * 404 to `/scrips`, and RT up to 6.0 has none), so the scrips cannot be read. What RT does record
 * is each mail it sends about a comment: a `CommentEmailRecord` transaction whose Message-ID
 * names the scrip (`$RecordOutgoingEmail`, on by default). This reads the newest of them on the
 * queue (`GET /transactions`, TransactionSQL) and their To/Cc/Bcc (`GET /attachments`). RT shows
 * them only to an account with ShowTicketComments and ShowOutgoingEmail on the queue.
 */
export async function commentMailCheck(client: RtClient, queue: { id: string; name: string }, now: number): Promise<string[]> {
  const what = 'whether RT e-mails internal comments';
  const query = `Type = 'CommentEmailRecord' AND TicketQueue = ${Number(queue.id)}`;
  const res = await rtCall(client, 'GET', transactionsPath(query, 'ObjectId,Data,Created', MAIL_RECORDS));
  if (!res.ok) return [uncheckedWarning(what, reasonOf(res.outcome))];
  const parsed = recordsSchema.safeParse(res.json);
  if (!parsed.success) return [uncheckedWarning(what, "RT's list of comment e-mails was not readable")];
  const recent = parsed.data.items.filter((r) => isRecent(r.Created, now));
  if (recent.length === 0) return [];

  const recipients = new Map<string, string[]>();
  const headerQuery = JSON.stringify([{ field: 'TransactionId', operator: 'IN', value: recent.map((r) => Number(r.id)) }]);
  const params = new URLSearchParams({ query: headerQuery, fields: 'TransactionId,Headers', orderby: 'id', order: 'ASC' });
  const headers = await rtAllPages(client, `/attachments?${params.toString()}`, headersSchema, 'comment e-mail headers');
  // Who got the mail makes the warning sharper but is not what it rests on: without it, say the rest.
  if (headers.ok) for (const h of headers.items) recipients.set(h.TransactionId, [...(recipients.get(h.TransactionId) ?? []), ...recipientsOf(h.Headers)]);

  const records: CommentMailRecord[] = recent.map((r) => ({
    ticketId: r.ObjectId,
    created: r.Created,
    messageId: r.Data,
    recipients: recipients.get(r.id) ?? [],
  }));
  return commentMailWarnings(records, { queue: queue.name, baseUrl: client.baseUrl, now });
}

/**
 * (b) Can this account read internal comments in other queues? REST2 does not expose an account's
 * rights, so this tries it: for every other queue the account can see (`GET /queues/all`), search
 * that queue's comment transactions (`Type = 'Comment' AND TicketQueue = <id>`); RT returns only
 * those the account may read (ShowTicket and ShowTicketComments). A queue that has no comment yet
 * cannot be tested this way. Also asks for RT_System's full user record (`GET /user/1`), which RT
 * gives only to an account with AdminUsers (which SuperUser includes).
 */
export async function commentReachCheck(client: RtClient, queue: { id: string; name: string }): Promise<string[]> {
  const what = "whether this account can read other queues' comments";
  const [queues, admin] = await Promise.all([
    rtAllPages(client, '/queues/all?fields=Name', queueItemSchema, 'queues'),
    rtCall(client, 'GET', '/user/1'),
  ]);
  const warnings: string[] = [];
  if (admin.ok && typeof admin.json === 'object' && admin.json !== null && 'Memberships' in admin.json) warnings.push(adminRightsWarning(queue.name));
  // 403 is RT refusing even the summary: an account that is far from AdminUsers.
  if (!admin.ok && admin.status !== 403) warnings.push(uncheckedWarning('whether this account has administrator rights in RT', reasonOf(admin.outcome)));
  if (!queues.ok) return [...warnings, uncheckedWarning(what, reasonOf(queues.outcome))];

  const others = queues.items.filter((q) => q.id !== queue.id);
  const results: ({ readable: string | null } | { failed: string })[] = [];
  await inBatches(others, QUEUE_CHECKS_IN_FLIGHT, async (other, index) => {
    const res = await rtCall(client, 'GET', transactionsPath(`Type = 'Comment' AND TicketQueue = ${Number(other.id)}`, 'ObjectId', 20));
    const parsed = res.ok ? foundSchema.safeParse(res.json) : null;
    results[index] = parsed?.success ? { readable: parsed.data.items[0]?.ObjectId ?? null } : { failed: res.ok ? 'its answer was not readable' : reasonOf(res.outcome) };
  });
  const found: ReadableComment[] = [];
  const failed: { queue: string; reason: string }[] = [];
  others.forEach((other, i) => {
    const result = results[i];
    if (result && 'failed' in result) failed.push({ queue: `'${other.Name}'`, reason: result.failed });
    else if (result?.readable) found.push({ queue: other.Name, ticketId: result.readable });
  });
  const reach = commentReachWarning(found, queue.name);
  if (reach) warnings.push(reach);
  const firstFailure = failed[0];
  if (firstFailure) {
    const where = failed.length > 3 ? `${failed.slice(0, 3).map((f) => f.queue).join(', ')} and ${failed.length - 3} more` : failed.map((f) => f.queue).join(', ');
    warnings.push(uncheckedWarning(`${what} in ${where}`, firstFailure.reason));
  }
  return warnings;
}

/** Runs `task` over `items`, at most `limit` at a time. */
async function inBatches<T>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      const item = items[index];
      if (item !== undefined) await task(item, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
