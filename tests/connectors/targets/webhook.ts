import { createWebhookConnector } from '../../../electron/sync/webhook';
import { startLoopbackServer } from '../../support/loopback-server';
import { referenceReceiver } from '../../support/webhook-receiver';
import type { ConformanceTarget, RunningTarget, StoredTicket } from '../target';

const SECRET = `whsec_${Buffer.from('conformance-webhook-key-of-32-b!').toString('base64')}`;
const BASE = '/deskbook/escalations';

/**
 * The signed webhook against the reference receiver of electron/sync/webhook/README.md, which
 * verifies every request with the `standardwebhooks` library as a district's receiver would. The
 * receiver has no review state to read back, so review is "not supported by this system".
 */
export const webhookTarget: ConformanceTarget = {
  name: 'webhook',
  async start(): Promise<RunningTarget> {
    const receiver = referenceReceiver(SECRET, BASE);
    let latencyMs = 0;
    const server = await startLoopbackServer(async (req, res) => {
      if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
      receiver.handler(req, res);
    });
    return {
      url: `${server.url}${BASE}`,
      token: SECRET,
      settings: (url) => ({ kind: 'webhook', url }),
      connector: (url, token, fetch) => createWebhookConnector({ fetch: fetch ?? globalThis.fetch, url, secret: token }),
      tickets(): Promise<StoredTicket[]> {
        return Promise.resolve(
          [...receiver.tickets.entries()].map(([requestId, t]) => ({
            remoteId: t.id,
            requestId,
            subject: t.body.escalation.draft.subject,
            // What a receiver would put on the ticket: the escalation, not its internal notes.
            publicText: JSON.stringify(t.body.escalation),
            escalation: t.body.escalation,
            privateNotes: [...t.body.internalNotes.map((n) => n.text), ...(receiver.notes.get(t.id) ?? [])],
          })),
        );
      },
      isTicketTraffic: ({ path }) => path.startsWith(BASE),
      isCreate: ({ method, path }) => method === 'POST' && path === BASE,
      errorBody: (_status, words) => JSON.stringify({ message: words }),
      setLatency: (ms) => {
        latencyMs = ms;
      },
      stop: () => server.close(),
    };
  },
};
