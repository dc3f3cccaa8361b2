import type { ProbeReport } from '../connector';
import { NETWORK_PROBLEM } from '../connector';
import { NETWORK_LABEL } from '../outcome';
import { snCall, tablePath } from './sn-api';
import type { SnResult } from './sn-api';
import type { SnContext } from './sn-context';
import { lookupGroup } from './sn-group';
import { REVIEW_FIELDS } from './sn-review-item';

type Failed = Extract<ProbeReport, { ok: false }>;

/**
 * "Test connection", stopping at the first thing that fails: reach the instance, sign in and read
 * incidents (`GET incident?sysparm_limit=1`: 401, 403, or a web page where JSON belongs, which is
 * what a hibernating instance answers), then find the assignment group. ServiceNow cannot say
 * whether an account may create without creating, so the right to create shows on the first
 * delivery (403, with ServiceNow's words). Warnings: an account that sees no incidents, and
 * missing review fields. There is no check for sealed-note exposure yet: work notes are
 * staff-only by ServiceNow's own rules, so `warnings` asks for nothing more here.
 */
export async function probeServiceNow(ctx: SnContext, _options: { warnings?: boolean } = {}): Promise<ProbeReport> {
  const { client } = ctx;
  const warnings: string[] = [];
  const read = await snCall(client, 'GET', tablePath('incident', { sysparm_limit: '1', sysparm_fields: ['sys_id', ...REVIEW_FIELDS].join(',') }));
  if (!read.ok) return describe(ctx, read, 'reading incidents');
  if (!Array.isArray(read.result)) {
    return { ok: false, problem: 'unexpected-response', status: read.status, message: `${client.base} answered a list of incidents with something else: is this a ServiceNow instance?` };
  }
  const [first] = read.result as unknown[];
  if (first === undefined) {
    warnings.push('This account sees no incidents at all. If the instance has some, it lacks a role to read them (itil), and Deskbook could not find an incident again before a retry.');
  } else if (typeof first === 'object' && first !== null) {
    // The Table API leaves out fields a table does not have: those review needs are named.
    const missing = REVIEW_FIELDS.filter((f) => !(f in first));
    if (missing.length > 0) warnings.push(`Supervisor review needs the incident field${missing.length > 1 ? 's' : ''} ${missing.join(', ')}; escalations are delivered without ${missing.length > 1 ? 'them' : 'it'}, but cannot be reviewed in Deskbook.`);
  }

  const group = await lookupGroup(client, ctx.groupSetting);
  if (!group.ok) {
    if (group.notFound) return { ok: false, problem: 'unknown-queue', message: group.outcome.kind === 'retry' ? group.outcome.reason : group.outcome.message };
    if (group.outcome.kind === 'failed' && group.outcome.status === undefined) return { ok: false, problem: 'unknown-queue', message: group.outcome.message };
    return describe(ctx, group, `looking up assignment group '${ctx.groupSetting}'`);
  }
  if (!group.active) warnings.push(`Assignment group '${group.name}' is inactive in ServiceNow: incidents assigned to it may go unseen.`);

  const who = client.auth === 'oauth' ? 'an OAuth access token' : `user '${client.username}'`;
  const where = group.sysId ? `; new incidents go to assignment group '${group.name}'` : "; ServiceNow's own rules assign new incidents";
  const detail = `ServiceNow at ${client.base}: signed in with ${who}, incidents readable${where}`;
  return warnings.length > 0 ? { ok: true, detail, warnings } : { ok: true, detail };
}

/** A failed probe request, in words a district's IT person can act on. */
function describe(ctx: SnContext, res: Extract<SnResult, { ok: false }>, doing: string): Failed {
  const base = ctx.client.base;
  if (res.network) {
    const failure = res.network;
    return { ok: false, problem: NETWORK_PROBLEM[failure.kind], message: `${NETWORK_LABEL[failure.kind]} reaching ${base}: ${failure.message}` };
  }
  const words = res.outcome.kind === 'retry' ? res.outcome.reason : res.outcome.message;
  if (res.contract === 'html') {
    return { ok: false, problem: 'unexpected-response', ...(res.status ? { status: res.status } : {}), message: `The instance answered with a web page, not the REST API: it may be hibernating (wake a developer instance at developer.servicenow.com), or ${base} may not be the instance's address` };
  }
  if (res.contract) return { ok: false, problem: 'unexpected-response', ...(res.status ? { status: res.status } : {}), message: `${base} did not answer like the ServiceNow Table API while ${doing}: ${words}` };
  const status = res.status;
  if (status === 401 || (status === undefined && res.outcome.kind === 'auth')) {
    const message =
      ctx.client.auth === 'oauth'
        ? `ServiceNow did not accept the OAuth access token (HTTP 401): it may have expired; issue a new one and enter it in Settings`
        : `ServiceNow did not accept user '${ctx.client.username}' and its password (HTTP 401): check both, and that the account is active and not locked out`;
    return { ok: false, problem: 'unauthorized', status: 401, message: status === undefined ? words : message };
  }
  if (status === 403) {
    return { ok: false, problem: 'forbidden', status, message: `ServiceNow signed the account in but refused ${doing} (HTTP 403): give it the itil role, or a role the district made for Deskbook. ServiceNow said: ${words}` };
  }
  if (status === undefined) return { ok: false, problem: 'unexpected-response', message: words };
  return { ok: false, problem: 'unexpected-response', status, message: `ServiceNow answered HTTP ${status} while ${doing}: ${words}` };
}
