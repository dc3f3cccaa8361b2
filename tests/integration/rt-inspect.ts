import { z } from 'zod';
import type { RtInstance } from '../rt/rt-server';

const id = z.union([z.string(), z.number()]).transform(String);
const cfs = z.array(z.object({ name: z.string(), values: z.array(z.string()) })).default([]);
const ticketSchema = z.object({
  id,
  Subject: z.string(),
  Priority: z.union([z.string(), z.number()]).transform(Number),
  Due: z.string(),
  Queue: z.object({ id }),
  Requestor: z.array(z.object({ id: z.string() })).default([]),
  CustomFields: cfs,
});
const page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });
const attachment = z.object({ TransactionId: id, Subject: z.string().nullable(), Content: z.string().nullable() });
const transaction = z.object({ id, Type: z.string() });

export type InspectedTicket = z.output<typeof ticketSchema>;

/**
 * Reads RT directly with the test token, independently of the connector under test, so the
 * assertions do not trust the code they check (the request-id count does not use TicketSQL on
 * the custom field; it lists every ticket and reads the field values).
 */
export function rtInspector(rt: RtInstance) {
  const get = async (path: string): Promise<unknown> => {
    const res = await fetch(`${rt.baseUrl}/REST/2.0${path}`, { headers: { Authorization: `token ${rt.token}` } });
    if (res.status !== 200) throw new Error(`GET ${path}: HTTP ${res.status}`);
    return res.json();
  };

  const all = async <T extends z.ZodType>(path: string, item: T): Promise<z.output<T>[]> => {
    const out: z.output<T>[] = [];
    for (let n = 1; ; n++) {
      const sep = path.includes('?') ? '&' : '?';
      const items = page(item).parse(await get(`${path}${sep}per_page=100&page=${n}`)).items;
      out.push(...items);
      if (items.length < 100) return out;
    }
  };

  const ticket = async (ticketId: string): Promise<InspectedTicket> => ticketSchema.parse(await get(`/ticket/${ticketId}`));

  /** Ids of every ticket, in any queue, whose Request ID field holds this value. */
  const ticketsForRequest = async (requestId: string): Promise<string[]> => {
    const query = new URLSearchParams({ query: 'id > 0', fields: 'CustomFields' });
    const tickets = await all(`/tickets?${query.toString()}`, z.object({ id, CustomFields: cfs }));
    return tickets
      .filter((t) => t.CustomFields.some((cf) => cf.name === rt.customFields.requestId && cf.values.includes(requestId)))
      .map((t) => t.id);
  };

  /** Each message on the ticket with its transaction type: Create, Comment, Correspond... */
  const messages = async (ticketId: string): Promise<{ type: string; subject: string; content: string }[]> => {
    const types = new Map((await all(`/ticket/${ticketId}/history?fields=Type`, transaction)).map((t) => [t.id, t.Type]));
    const attachments = await all(`/ticket/${ticketId}/attachments?fields=TransactionId,Subject,Content`, attachment);
    return attachments.map((a) => ({ type: types.get(a.TransactionId) ?? '?', subject: a.Subject ?? '', content: a.Content ?? '' }));
  };

  const fieldValue = (t: InspectedTicket, name: string): string[] => t.CustomFields.find((cf) => cf.name === name)?.values ?? [];

  /** The ETag RT sends for the ticket right now (its newest transaction id, quoted). */
  const etag = async (ticketId: string): Promise<string | null> => {
    const res = await fetch(`${rt.baseUrl}/REST/2.0/ticket/${ticketId}`, { headers: { Authorization: `token ${rt.token}` } });
    await res.arrayBuffer();
    return res.headers.get('etag');
  };

  return { ticket, ticketsForRequest, messages, fieldValue, etag };
}
