import type { ProbeReport } from '../connector';
import { NETWORK_PROBLEM } from '../connector';
import { NETWORK_LABEL } from '../outcome';
import { iiqCall, outcomeWords, sameGuid, ticketListEnvelope } from './iiq-api';
import type { IiqResult } from './iiq-api';
import type { IiqContext } from './iiq-context';

/** A request id no ticket has: the probe searches for it to prove the account may search. */
const PROBE_REQUEST_ID = '00000000-0000-4000-8000-000000000000';

/**
 * "Test connection", stopping at the first thing that fails so Settings can say exactly that:
 * 1. `GET /users/me`: the address is Incident IQ's API, the token is accepted for this Site ID,
 *    and it belongs to this site (a 401 names the Site ID too: the reference gives no separate
 *    answer for a wrong one, and a token is issued for one site);
 * 2. `POST /custom-fields/for/ticket`: the request-id custom field exists on tickets;
 * 3. a ticket search on that field: the account may search tickets, which every retry needs.
 * Whether the account may create tickets cannot be learnt without creating one (the reference has
 * no permission query for the token's own user); a create it may not make is answered 403 and
 * reported as a sign-in problem naming the account. `warnings` asks for nothing more here: sealed
 * notes go into private comments that are never e-mailed, whatever the site's notification setup.
 */
export async function probeIncidentIq(ctx: IiqContext, _options: { warnings?: boolean } = {}): Promise<ProbeReport> {
  const { baseUrl, siteId } = ctx.client;
  const me = await ctx.me();
  if (!me.ok) {
    const res = me.result;
    if (res && !res.ok && res.network) {
      const failure = res.network;
      return { ok: false, problem: NETWORK_PROBLEM[failure.kind], message: `${NETWORK_LABEL[failure.kind]} reaching ${baseUrl}: ${failure.message}` };
    }
    const status = res && !res.ok ? res.status : undefined;
    const words = outcomeWords(me.outcome);
    if (status === 401) {
      return {
        ok: false,
        problem: 'unauthorized',
        status,
        message: `Incident IQ did not accept the API token for Site ID ${siteId} (${words}). Check that the Site ID is the one Administration > Developer Tools shows for ${baseUrl}, and create a new API token there if it is`,
      };
    }
    if (res && !res.ok && res.contract) {
      return { ok: false, problem: 'unexpected-response', ...(status === undefined ? {} : { status }), message: `${words} (GET ${baseUrl}/api/v1.0/users/me)` };
    }
    if (status === 403) {
      return { ok: false, problem: 'forbidden', status, message: `Incident IQ accepted the token but refused access (${words}): is the API user disabled, or without a role?` };
    }
    return {
      ok: false,
      problem: 'unexpected-response',
      ...(status === undefined ? {} : { status }),
      message: `${baseUrl}/api/v1.0/users/me did not answer like Incident IQ for Site ID ${siteId}: ${words}. Check the address and the Site ID (Administration > Developer Tools)`,
    };
  }
  if (me.value.siteId && !sameGuid(me.value.siteId, siteId)) {
    return {
      ok: false,
      problem: 'unexpected-response',
      message: `the API token belongs to Incident IQ site ${me.value.siteId}, but Settings name Site ID ${siteId}: use the Site ID Administration > Developer Tools shows`,
    };
  }

  const field = await ctx.field();
  if (!field.ok) {
    const refused = refusal(field.result, `may not read the ticket custom fields`);
    if (refused) return refused;
    if (field.outcome.kind === 'failed' && !field.result) {
      return { ok: false, problem: 'missing-custom-field', missing: [ctx.options.requestIdField], message: field.outcome.message };
    }
    return { ok: false, problem: 'unexpected-response', message: `reading Incident IQ's ticket custom fields failed: ${outcomeWords(field.outcome)}` };
  }

  const search = await iiqCall(ctx.client, 'POST', '/tickets?$s=1&$p=0', {
    body: { Schema: 'All', Filters: [{ Facet: 'ticketcustomfield', Id: field.value.typeId, Value: PROBE_REQUEST_ID, Selected: true }] },
  });
  if (!search.ok) {
    const refused = refusal(search, 'may not search tickets, so a retry could not check for a ticket an earlier attempt created');
    if (refused) return refused;
    return { ok: false, problem: 'unexpected-response', message: `searching Incident IQ tickets failed: ${outcomeWords(search.outcome)}` };
  }
  if (!ticketListEnvelope.safeParse(search.json).success) {
    return { ok: false, problem: 'unexpected-response', message: "Incident IQ's ticket search answer had no Items list" };
  }
  return {
    ok: true,
    detail: `Incident IQ: signed in as ${me.value.name} on site ${siteId}; request ids go into ticket custom field '${field.value.name}'`,
  };
}

/** A 401 or 403 on a step after sign-in: the account lacks a right (or lost its token). */
function refusal(res: IiqResult | undefined, what: string): ProbeReport | null {
  if (!res || res.ok) return null;
  if (res.status === 403) return { ok: false, problem: 'forbidden', status: 403, message: `the Incident IQ API user ${what} (${outcomeWords(res.outcome)}): give its role that permission` };
  if (res.status === 401) return { ok: false, problem: 'unauthorized', status: 401, message: `Incident IQ stopped accepting the API token (${outcomeWords(res.outcome)})` };
  if (res.network) return { ok: false, problem: NETWORK_PROBLEM[res.network.kind], message: `${NETWORK_LABEL[res.network.kind]}: ${res.network.message}` };
  return null;
}
