import { createIncidentIqConnector } from '../../../electron/sync/incident-iq';
import { startIncidentIqServer } from '../../support/incident-iq-server';
import type { IiqServerTicket } from '../../support/incident-iq-server';
import type { ConformanceTarget, StoredTicket } from '../target';

/**
 * Incident IQ, as the conformance suite sees it: the contract server in
 * tests/support/incident-iq-server.ts (written from Incident IQ's published API reference; it is
 * not Incident IQ), the real connector against it, and the server's own store as the independent
 * reader. Comments are HTML on Incident IQ; they are read back as text.
 * The connector is built from what Settings hold, as main builds it, the Issue included (the
 * server insists on one, as the reference's minimal create fields do).
 */
export const incidentIqTarget: ConformanceTarget = {
  name: 'Incident IQ',
  async start() {
    const server = await startIncidentIqServer();
    const storedTicket = (t: IiqServerTicket): StoredTicket => {
      const comments = server.comments(t.TicketId);
      return {
        remoteId: t.TicketId,
        requestId: t.CustomFieldValues.find((v) => v.CustomFieldTypeId === server.requestIdField)?.Value ?? null,
        subject: t.Subject,
        publicText: [t.IssueDescription, ...comments.filter((c) => c.IsPublic).map((c) => htmlToText(c.Comments))].join('\n\n'),
        privateNotes: comments.filter((c) => !c.IsPublic).map((c) => htmlToText(c.Comments)),
      };
    };
    return {
      url: server.url,
      settings: (url) => ({ kind: 'incident-iq', url, siteId: server.siteId, requestIdField: server.requestIdField, issueId: server.issueId }),
      token: server.token,
      connector: (url, token, fetch) =>
        createIncidentIqConnector({
          fetch: fetch ?? globalThis.fetch,
          url,
          siteId: server.siteId,
          requestIdField: server.requestIdField,
          issueId: server.issueId,
          token: () => Promise.resolve(token),
        }),
      tickets: () => Promise.resolve(server.tickets().map(storedTicket)),
      isTicketTraffic: ({ path }) => pathOf(path).startsWith('/api/v1.0/tickets'),
      isCreate: ({ method, path }) => method === 'POST' && pathOf(path) === '/api/v1.0/tickets/new',
      errorBody: (status, words) => JSON.stringify({ StatusCode: status, Message: words }),
      setLatency: (ms) => server.setLatency(ms),
      stop: () => server.close(),
    };
  },
};

function pathOf(path: string): string {
  return path.split('?')[0] ?? path;
}

/** A comment's HTML as the text a person reads: line breaks kept, tags dropped, entities decoded. */
export function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p>\s*/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}
