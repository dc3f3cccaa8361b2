import type { ConnectorSettings } from '../../shared/ipc/settings';
import type { Logger } from '../../shared/log';
import type { Connector, ProbeReport } from '../sync/connector';
import type { HttpFetch } from '../sync/http';
import { createIncidentIqConnector } from '../sync/incident-iq';
import { createRtConnector } from '../sync/rt';
import { createServiceNowConnector } from '../sync/servicenow';
import { createWebhookConnector } from '../sync/webhook';
import { createZendeskConnector } from '../sync/zendesk';
import type { TokenStore } from './connector-token';

/** Network-level problems mean "offline"; anything else means the server answered. */
const UNREACHABLE = new Set(['dns', 'tls', 'refused', 'timeout', 'reset', 'offline', 'network']);

export function isUnreachable(report: ProbeReport): boolean {
  return !report.ok && UNREACHABLE.has(report.problem);
}

/**
 * Builds the configured connector. The token is read from the vault for each request, so a new
 * sign-in applies at once and the token is never held in a settings object or sent over IPC;
 * it is handed out only for the kind and origin it was entered for (connector-token.ts).
 */
export function createConnectorFactory(deps: { fetch: HttpFetch; tokens: TokenStore; now: () => Date; log: Logger }) {
  let cache: { key: string; connector: Connector } | null = null;
  const syncLog = (event: string, detail?: Readonly<Record<string, string | number | boolean>>) => deps.log.debug(event, detail);
  return (settings: ConnectorSettings): Connector | null => {
    const key = JSON.stringify(settings);
    if (cache?.key === key) return cache.connector;
    const common = { fetch: deps.fetch, now: () => deps.now().getTime(), log: syncLog };
    // Asked for each request, for exactly these settings: a token bound to another kind or
    // origin is refused (AUTH_REQUIRED), never sent.
    const token = () => deps.tokens.tokenFor(settings);
    let connector: Connector | null = null;
    switch (settings.kind) {
      case 'none':
        connector = null;
        break;
      case 'request-tracker':
        connector = createRtConnector({ ...common, baseUrl: settings.url, queue: settings.queue, token });
        break;
      case 'webhook':
        connector = createWebhookConnector({ ...common, url: settings.url, secret: token });
        break;
      case 'incident-iq':
        connector = createIncidentIqConnector({ ...common, url: settings.url, siteId: settings.siteId, requestIdField: settings.requestIdField, issueId: settings.issueId || undefined, token });
        break;
      case 'zendesk':
        connector = createZendeskConnector({ ...common, url: settings.url, email: settings.email, group: settings.group, token });
        break;
      case 'servicenow':
        connector = createServiceNowConnector({ ...common, url: settings.url, auth: settings.auth, username: settings.username, group: settings.group, token });
        break;
    }
    cache = connector ? { key, connector } : null;
    return connector;
  };
}
