import { createServiceNowConnector } from '../../../electron/sync/servicenow';
import type { HttpFetch } from '../../../electron/sync/http';
import { serviceNowErrorBody, startServiceNowServer } from '../../support/servicenow-server';
import type { ConformanceTarget, RunningTarget, StoredTicket } from '../target';

const GROUP = 'Tier 2 Support';

/**
 * ServiceNow, as the conformance suite and the chaos runs see it: the contract server in
 * tests/support/servicenow-server.ts (written from the Table API documentation; not ServiceNow)
 * and the real connector with basic sign-in. Tickets are read from the server's store, never
 * through the connector: the description and customer-visible comments are what a caller could
 * see, the work notes are the staff-only notes. Review is supported (the server has the
 * u_deskbook_* fields the README asks district IT to create).
 */
export const serviceNowTarget: ConformanceTarget = {
  name: 'ServiceNow',
  async start(): Promise<RunningTarget> {
    const server = await startServiceNowServer({ groups: [{ name: GROUP }] });
    return {
      url: server.url,
      token: server.password,
      settings: (url) => ({ kind: 'servicenow', url, auth: 'basic', username: server.username, group: GROUP }),
      connector: (url: string, token: string, fetch?: HttpFetch) =>
        createServiceNowConnector({ fetch: fetch ?? globalThis.fetch, url, auth: 'basic', username: server.username, group: GROUP, token: () => Promise.resolve(token) }),
      tickets: () =>
        Promise.resolve(
          server.incidents().map((incident): StoredTicket => {
            const journal = server.journal(incident.sys_id ?? '');
            const comments = journal.filter((j) => j.element === 'comments').map((j) => j.value);
            return {
              remoteId: incident.sys_id ?? '',
              requestId: incident.correlation_id || null,
              subject: incident.short_description ?? '',
              publicText: [incident.description ?? '', ...comments].join('\n\n'),
              privateNotes: journal.filter((j) => j.element === 'work_notes').map((j) => j.value),
            };
          }),
        ),
      isTicketTraffic: (req) => /^\/api\/now\/table\/(?:incident|sys_journal_field)(?:[/?]|$)/.test(req.path),
      isCreate: (req) => req.method === 'POST' && /^\/api\/now\/table\/incident\/?(?:\?|$)/.test(req.path),
      errorBody: (_status, words) => serviceNowErrorBody(words, null),
      // A technician's customer-visible comment: a journal entry that bumps sys_mod_count.
      review: {
        touch: (remoteId) => {
          server.addJournal(remoteId, 'comments', 'Technician: called the parent back.', 'tech.one');
          return Promise.resolve();
        },
      },
      setLatency: (ms) => server.setLatency(ms),
      stop: () => server.close(),
    };
  },
};
