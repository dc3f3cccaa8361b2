import type { HttpDeps } from '../http';
import type { FailureOutcome, RemoteTicket } from '../outcome';
import { attachmentSchema, rtAllPages, ticketUrl, transactionSchema } from './rt-api';
import type { RtAttachment, RtClient, RtTransaction } from './rt-api';
import { DEFAULT_RT_FIELD_NAMES, loadQueue, missingFieldsMessage, resolveFieldIds } from './rt-fields';
import type { RtFieldIds, RtFieldNames } from './rt-fields';

/** What every part of the RT connector needs to reach one queue of one RT. */
export interface RtContextOptions extends HttpDeps {
  /** RT's web root (WebBaseURL + WebPath), e.g. `https://rt.district.example/rt`. */
  baseUrl: string;
  /** An RT auth token, or a function that reads it from the vault for each request. */
  token: string | (() => Promise<string>);
  /** Queue name tickets are created in and reviewed from. */
  queue: string;
  customFields?: Partial<RtFieldNames>;
  /** Items per page for list reads: default and maximum 100 (REST2's cap). Tests use less. */
  pageSize?: number;
}

export type Resolved = { ok: true; queueId: string; ids: RtFieldIds } | { ok: false; outcome: FailureOutcome };

/**
 * Shared by the delivery and review halves of the connector: the client, the field names, and
 * the queue's id and field ids, looked up once and cached until a write shows them stale.
 */
export interface RtContext {
  client: RtClient;
  queue: string;
  names: RtFieldNames;
  resolve(): Promise<Resolved>;
  /** Drops the cached ids (a field did not stick: maybe it was unapplied since). */
  forget(): void;
  remote(ticketId: string): RemoteTicket;
}

/** Builds the shared context; nothing is requested until the first `resolve()`. */
export function createRtContext(options: RtContextOptions): RtContext {
  const token = options.token;
  const client: RtClient = {
    deps: options,
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    token: typeof token === 'string' ? () => Promise.resolve(token) : token,
    ...(options.pageSize === undefined ? {} : { pageSize: options.pageSize }),
  };
  const names: RtFieldNames = { ...DEFAULT_RT_FIELD_NAMES, ...options.customFields };
  let cached: Extract<Resolved, { ok: true }> | undefined;

  async function resolve(): Promise<Resolved> {
    if (cached) return cached;
    const lookup = await loadQueue(client, options.queue);
    if (!lookup.ok) return lookup;
    const resolved = resolveFieldIds(lookup.queue, names);
    if (!resolved.ok) return { ok: false, outcome: { kind: 'failed', message: missingFieldsMessage(resolved.missing, options.queue, names) } };
    cached = { ok: true, queueId: lookup.queue.id, ids: resolved.ids };
    return cached;
  }

  return {
    client,
    queue: options.queue,
    names,
    resolve,
    forget: () => {
      cached = undefined;
    },
    remote: (ticketId) => ({ remoteId: ticketId, url: ticketUrl(client.baseUrl, ticketId) }),
  };
}

type Read<T> = { ok: true; items: T[] } | { ok: false; outcome: FailureOutcome };

const HISTORY_FIELDS = 'Type,Data,Created,Creator,Field,OldValue,NewValue';

/** Every transaction of one ticket, oldest first. */
export function readHistory(client: RtClient, ticketId: string): Promise<Read<RtTransaction>> {
  return rtAllPages(client, `/ticket/${encodeURIComponent(ticketId)}/history?fields=${HISTORY_FIELDS}&orderby=id&order=ASC`, transactionSchema, `the history of ticket #${ticketId}`);
}

/**
 * Transactions matching a TransactionSQL query, oldest first. RT 5.0.3 reads a `query` containing
 * `[` as JSON and fails, so callers build queries from ids and fixed words only.
 */
export function searchTransactions(client: RtClient, query: string, fields = `ObjectId,${HISTORY_FIELDS}`): Promise<Read<RtTransaction>> {
  const params = new URLSearchParams({ query, fields, orderby: 'id', order: 'ASC' });
  return rtAllPages(client, `/transactions?${params.toString()}`, transactionSchema, 'transactions');
}

/**
 * The text attachments of just these transactions (REST2's JSON search, `TransactionId IN`), so a
 * sealed-notes comment's text is never even fetched.
 */
export async function readAttachments(client: RtClient, transactionIds: readonly string[]): Promise<Read<RtAttachment>> {
  const items: RtAttachment[] = [];
  for (let i = 0; i < transactionIds.length; i += 100) {
    const ids = transactionIds.slice(i, i + 100).map(Number);
    const query = JSON.stringify([{ field: 'TransactionId', operator: 'IN', value: ids }]);
    const params = new URLSearchParams({ query, fields: 'TransactionId,ContentType,Content', orderby: 'id', order: 'ASC' });
    const page = await rtAllPages(client, `/attachments?${params.toString()}`, attachmentSchema, 'comment texts');
    if (!page.ok) return page;
    items.push(...page.items);
  }
  return { ok: true, items };
}
