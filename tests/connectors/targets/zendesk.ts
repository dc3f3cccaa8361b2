import { parseEscalationField } from '../../../electron/sync/rt';
import { createZendeskConnector } from '../../../electron/sync/zendesk';
import { startZendeskServer } from '../../support/zendesk-server';
import type { ConformanceTarget, RunningTarget, StoredTicket } from '../target';

const DATA_PREFIX = 'Deskbook escalation data: ';
const TICKETS_PATH = /^\/api\/v2\/tickets(?:\.json)?(?:\/|\?|$)/;
const CREATE_PATH = /^\/api\/v2\/tickets(?:\.json)?\/?(?:\?|$)/;

const ERROR_NAME: Readonly<Record<number, string>> = {
  400: 'InvalidRequest',
  401: "Couldn't authenticate you",
  403: 'Forbidden',
  404: 'RecordNotFound',
  409: 'UpdateConflict',
  422: 'RecordInvalid',
  429: 'APIRateLimitExceeded',
};

/**
 * Zendesk, as the conformance suite and the chaos runs see it: the contract server
 * (tests/support/zendesk-server.ts, written from Zendesk's published API reference), the real
 * connector against it, and the server's own store as the independent reader.
 */
export const zendeskTarget: ConformanceTarget = {
  name: 'Zendesk',
  async start(): Promise<RunningTarget> {
    const server = await startZendeskServer();
    return {
      url: server.url,
      token: server.token,
      settings: (url) => ({ kind: 'zendesk', url, email: server.email, group: String(server.groups[0]!.id) }),
      connector: (url, token, fetch) =>
        createZendeskConnector({ fetch: fetch ?? globalThis.fetch, url, email: server.email, group: String(server.groups[0]!.id), token: () => Promise.resolve(token) }),
      tickets: () =>
        Promise.resolve(
          server.tickets().map((t): StoredTicket => {
            const comments = server.comments(t.id);
            const data = comments[0]?.body.split('\n').find((line) => line.startsWith(DATA_PREFIX));
            return {
              // The structured copy: the description's last line (see electron/sync/zendesk/README.md).
              escalation: parseEscalationField(data?.slice(DATA_PREFIX.length)).escalation,
              remoteId: String(t.id),
              requestId: t.external_id,
              subject: t.subject,
              publicText: comments.filter((c) => c.public).map((c) => c.body).join('\n\n'),
              privateNotes: comments.filter((c) => !c.public).map((c) => c.body),
            };
          }),
        ),
      isTicketTraffic: (req) => TICKETS_PATH.test(req.path),
      isCreate: (req) => req.method === 'POST' && CREATE_PATH.test(req.path),
      errorBody: (status, words) => JSON.stringify(status === 401 ? { error: words } : { error: ERROR_NAME[status] ?? (status >= 500 ? 'InternalServerError' : 'InvalidRequest'), description: words }),
      // A technician's public reply, out of band: moves `updated_at`, so a stale decision conflicts.
      review: { touch: (remoteId) => Promise.resolve(server.addComment(remoteId, 'Looking into this now. — Terry')) },
      setLatency: (ms) => server.setLatency(ms),
      stop: () => server.close(),
    };
  },
};
