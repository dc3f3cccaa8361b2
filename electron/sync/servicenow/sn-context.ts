import type { Priority } from '../../../shared/sla/priority';
import type { HttpDeps } from '../http';
import type { RemoteTicket } from '../outcome';
import { incidentUrl, instanceBase } from './sn-api';
import type { SnClient } from './sn-api';
import { lookupGroup } from './sn-group';
import type { GroupLookup } from './sn-group';
import { DEFAULT_SN_PRIORITIES } from './sn-render';
import type { ImpactUrgency } from './sn-render';

/** Settings as `shared/ipc/settings.ts` has them, plus I/O, and the secret read from the vault. */
export interface ServiceNowConnectorOptions extends HttpDeps {
  /** The instance, e.g. `https://district.service-now.com`. */
  url: string;
  /** `basic`: `token()` gives the password; `oauth`: an access token (see ./sn-api.ts). */
  auth: 'basic' | 'oauth';
  /** The integration user for basic sign-in; '' with OAuth. */
  username: string;
  /** The assignment group (name or sys_id); '' leaves assignment to the instance's own rules. */
  group: string;
  token: () => Promise<string>;
  priorities?: Readonly<Record<Priority, ImpactUrgency>>;
  /**
   * `close_code` values for logged calls. Choice values differ between releases and districts:
   * the defaults are the current baseline's ("Solution provided", "No resolution provided").
   */
  closeCodes?: { resolved: string; referred: string };
}

/** How long a looked-up group is trusted before it is looked up again. */
const GROUP_TTL_MS = 10 * 60_000;

/** What every part of the connector shares: the client, the group lookup, the ticket's page. */
export interface SnContext {
  client: SnClient;
  /** The assignment group as Settings has it (name or sys_id, or ''). */
  groupSetting: string;
  priorities: Readonly<Record<Priority, ImpactUrgency>>;
  closeCodes: { resolved: string; referred: string };
  /** The configured group, looked up and cached for a while (a failure is never cached). */
  group(): Promise<GroupLookup>;
  remote(sysId: string): RemoteTicket;
  log: NonNullable<HttpDeps['log']>;
}

export function createSnContext(options: ServiceNowConnectorOptions): SnContext {
  const base = instanceBase(options.url);
  if (!base) throw new Error(`URL: '${options.url}' is not a web address (expected https://<instance>.service-now.com)`);
  const client: SnClient = { deps: options, base, auth: options.auth, username: options.username.trim(), token: options.token };
  const now = options.now ?? Date.now;
  let cached: { at: number; lookup: Extract<GroupLookup, { ok: true }> } | undefined;

  return {
    client,
    groupSetting: options.group.trim(),
    priorities: options.priorities ?? DEFAULT_SN_PRIORITIES,
    closeCodes: options.closeCodes ?? { resolved: 'Solution provided', referred: 'No resolution provided' },
    group: async () => {
      if (cached && now() - cached.at < GROUP_TTL_MS) return cached.lookup;
      const lookup = await lookupGroup(client, options.group);
      if (lookup.ok) cached = { at: now(), lookup };
      return lookup;
    },
    remote: (sysId) => ({ remoteId: sysId, url: incidentUrl(base, sysId) }),
    log: options.log ?? (() => undefined),
  };
}
