import { createRtConnector, parseEscalationField } from '../../../electron/sync/rt';
import { rtInspector } from '../../integration/rt-inspect';
import { startRt } from '../../rt/rt-server';
import type { ConformanceTarget, RunningTarget, StoredTicket } from '../target';

/**
 * Request Tracker 5 itself, from Debian's packages on loopback: the one real ticketing server in
 * the tests. Tickets are read back with REST2 and the test token, not through the connector.
 */
export const requestTrackerTarget: ConformanceTarget = {
  name: 'Request Tracker',
  async start(): Promise<RunningTarget> {
    const rt = await startRt({ mail: false });
    const inspect = rtInspector(rt);
    const get = async (path: string): Promise<unknown> => {
      const res = await fetch(`${rt.baseUrl}/REST/2.0${path}`, { headers: { Authorization: `token ${rt.token}` } });
      if (res.status !== 200) throw new Error(`GET ${path}: HTTP ${res.status}`);
      return res.json();
    };
    return {
      url: rt.baseUrl,
      token: rt.token,
      settings: (url) => ({ kind: 'request-tracker', url, queue: rt.queue }),
      connector: (url, token, fetch) => createRtConnector({ fetch: fetch ?? globalThis.fetch, baseUrl: url, token, queue: rt.queue }),
      async tickets(): Promise<StoredTicket[]> {
        const out: StoredTicket[] = [];
        for (let page = 1; ; page++) {
          const query = new URLSearchParams({ query: `Queue = '${rt.queue}'`, fields: 'Subject,CustomFields', per_page: '100', page: String(page) });
          const body = (await get(`/tickets?${query.toString()}`)) as { items: { id: string | number; Subject: string; CustomFields: { name: string; values: string[] }[] }[] };
          for (const t of body.items) {
            const messages = await inspect.messages(String(t.id));
            const json = t.CustomFields.find((cf) => cf.name === rt.customFields.escalation)?.values[0];
            out.push({
              escalation: parseEscalationField(json).escalation,
              remoteId: String(t.id),
              requestId: t.CustomFields.find((cf) => cf.name === rt.customFields.requestId)?.values[0] ?? null,
              subject: t.Subject,
              // RT's requestor-facing messages: the create and every correspondence.
              publicText: messages.filter((m) => m.type === 'Create' || m.type === 'Correspond').map((m) => m.content).join('\n'),
              privateNotes: messages.filter((m) => m.type === 'Comment').map((m) => m.content),
            });
          }
          if (body.items.length < 100) return out;
        }
      },
      isTicketTraffic: ({ path }) => path.includes('/ticket'),
      isCreate: ({ method, path }) => method === 'POST' && /\/REST\/2\.0\/ticket\/?(?:\?|$)/.test(path),
      errorBody: (_status, words) => JSON.stringify({ message: words }),
      review: {
        async touch(remoteId) {
          // A technician's comment: a new transaction, so the ticket's ETag moves.
          const res = await fetch(`${rt.baseUrl}/REST/2.0/ticket/${remoteId}/comment`, {
            method: 'POST',
            headers: { Authorization: `token ${rt.token}`, 'Content-Type': 'text/plain' },
            body: 'Technician: called the parent back, still locked out.',
          });
          if (res.status >= 300) throw new Error(`comment on #${remoteId}: HTTP ${res.status} ${await res.text()}`);
        },
      },
      stop: () => rt.stop(),
    };
  },
};
