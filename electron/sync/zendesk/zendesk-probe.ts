import type { ProbeReport } from '../connector';
import { NETWORK_PROBLEM } from '../connector';
import { NETWORK_LABEL } from '../outcome';
import type { FailureOutcome } from '../outcome';
import { groupSchema, userSchema, zendeskCall } from './zendesk-api';
import type { ZendeskResult, ZendeskUser } from './zendesk-api';
import type { ZendeskContext } from './zendesk-context';

/**
 * Agent role types that may not create or edit tickets through the API (Users: `role_type` 1 is a
 * light agent, 2 a chat-only agent, 3 a contributor). 0 (custom role), 4 (admin) and null (the
 * legacy agent role) may.
 */
const NO_TICKET_RIGHTS: Readonly<Record<number, string>> = { 1: 'a light agent', 2: 'a chat-only agent', 3: 'a contributor' };

/**
 * "Test connection", stopping at the first thing that fails: reach the account, sign in
 * (`GET /api/v2/users/me`: a 401, or an anonymous answer, means the e-mail and token were not
 * accepted), be an agent allowed to work tickets, and, when a group is set, find it
 * (`GET /api/v2/groups/<id>`). The detail names who signed in. No `warnings` yet: internal
 * notes are never e-mailed to requesters, and what triggers send to agents is staff-only.
 */
export async function probeZendesk(ctx: ZendeskContext): Promise<ProbeReport> {
  const origin = ctx.client.origin;
  const me = await zendeskCall(ctx.client, 'GET', '/api/v2/users/me', { expect: 'the signed-in user' });
  if (!me.ok) return callProblem(me, origin, 'sign in');
  const parsed = userSchema.safeParse(me.json);
  if (!parsed.success) return { ok: false, problem: 'unexpected-response', message: `${origin}/api/v2/users/me did not answer like Zendesk's Users API (no user): is this your Zendesk address?` };
  const user = parsed.data.user;
  const who = describeUser(user, ctx.client.email);
  if (user.id === null) {
    return { ok: false, problem: 'unauthorized', message: `Zendesk answered as an anonymous visitor: it did not accept ${ctx.client.email} with this API token. Check the agent e-mail and the token, and that token access is on (Admin Center > Apps and integrations > APIs)` };
  }
  if (user.role === 'end-user') {
    return { ok: false, problem: 'unauthorized', message: `${who} is an end user, not an agent: enter the e-mail of the Zendesk agent the API token is for` };
  }
  if (user.suspended === true || user.active === false) {
    return { ok: false, problem: 'forbidden', message: `${who} is ${user.suspended ? 'suspended' : 'not active'} in Zendesk: ask a Zendesk admin to restore the account` };
  }
  const limited = user.role_type === null || user.role_type === undefined ? undefined : NO_TICKET_RIGHTS[user.role_type];
  if (limited) {
    return { ok: false, problem: 'forbidden', message: `${who} is ${limited}, who may not create or edit tickets: use a full agent (or an admin) for Deskbook` };
  }

  let destination = "new tickets follow Zendesk's own routing (no group set)";
  if (ctx.groupId !== undefined) {
    const res = await zendeskCall(ctx.client, 'GET', `/api/v2/groups/${ctx.groupId}`, { expect: `group #${ctx.groupId}` });
    if (!res.ok && res.status === 404) {
      return { ok: false, problem: 'unknown-queue', status: 404, message: `Zendesk has no group #${ctx.groupId}: check the group id in Settings (Admin Center > People > Groups)` };
    }
    if (!res.ok) return callProblem(res, origin, `read group #${ctx.groupId}`);
    const group = groupSchema.safeParse(res.json);
    if (!group.success) return { ok: false, problem: 'unexpected-response', message: `Zendesk's answer for group #${ctx.groupId} was not a group` };
    if (group.data.group.deleted) {
      return { ok: false, problem: 'unknown-queue', message: `Zendesk group '${group.data.group.name}' (#${ctx.groupId}) has been deleted: choose another group in Settings` };
    }
    destination = `new tickets go to group '${group.data.group.name}' (#${ctx.groupId})`;
  }
  return { ok: true, detail: `Signed in to ${origin} as ${who}; ${destination}` };
}

function describeUser(user: ZendeskUser, configured: string): string {
  const email = user.email ?? configured;
  const name = user.name ? `${user.name} <${email}>` : email;
  return user.role ? `${name} (${user.role})` : name;
}

function callProblem(res: Extract<ZendeskResult, { ok: false }>, origin: string, step: string): ProbeReport {
  if (res.network) {
    const failure = res.network;
    return { ok: false, problem: NETWORK_PROBLEM[failure.kind], message: `${NETWORK_LABEL[failure.kind]} reaching ${origin}: ${failure.message}` };
  }
  const status = res.status;
  const words = outcomeWords(res.outcome);
  if (status === 401) {
    return { ok: false, problem: 'unauthorized', status, message: `Zendesk did not accept the agent e-mail and API token (${words}): check both, and that token access is on (Admin Center > Apps and integrations > APIs)` };
  }
  if (status === 403) return { ok: false, problem: 'forbidden', status, message: `Zendesk refused to ${step} (${words}): is the agent's role allowed to?` };
  return status === undefined
    ? { ok: false, problem: 'unexpected-response', message: `could not ${step}: ${words}` }
    : { ok: false, problem: 'unexpected-response', status, message: `could not ${step} at ${origin}: ${words}` };
}

function outcomeWords(outcome: FailureOutcome): string {
  return outcome.kind === 'retry' ? outcome.reason : outcome.message;
}
