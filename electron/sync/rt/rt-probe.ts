import type { ProbeReport } from '../connector';
import { NETWORK_PROBLEM } from '../connector';
import { NETWORK_LABEL } from '../outcome';
import { rtCall } from './rt-api';
import type { RtClient } from './rt-api';
import { commentMailCheck, commentReachCheck } from './rt-comment-checks';
import { loadQueue, missingFieldsMessage, resolveFieldIds } from './rt-fields';
import type { RtFieldNames } from './rt-fields';

/**
 * "Test connection", step by step, stopping at the first thing that fails so Settings can say
 * exactly that: reach the server (DNS, TLS, refused...), authenticate (`GET /rt`: 401 or 403),
 * see the queue, be allowed to create in it, and find every Deskbook custom field applied to it.
 * Then, with `warnings` (Test connection, not the reachability monitor), where the queue's
 * internal comments could leak, as warnings that do not fail the probe: RT e-mailing them, and
 * this account reading comments beyond the queue (`rt-comment-checks.ts`).
 */
export async function probeRt(client: RtClient, queueName: string, names: RtFieldNames, options: { warnings?: boolean } = {}): Promise<ProbeReport> {
  const system = await rtCall(client, 'GET', '/rt');
  if (!system.ok) {
    if (system.network) {
      const failure = system.network;
      return { ok: false, problem: NETWORK_PROBLEM[failure.kind], message: `${NETWORK_LABEL[failure.kind]} reaching ${client.baseUrl}: ${failure.message}` };
    }
    const status = system.status ?? 0;
    if (status === 401) return { ok: false, problem: 'unauthorized', status, message: 'RT did not accept the token (HTTP 401): create a new auth token and sign in again' };
    if (status === 403) return { ok: false, problem: 'forbidden', status, message: 'RT accepted the token but refused access (HTTP 403): is the account disabled or unprivileged?' };
    const detail = system.outcome.kind === 'retry' ? system.outcome.reason : system.outcome.message;
    return { ok: false, problem: 'unexpected-response', status, message: `${client.baseUrl}/REST/2.0/rt did not answer like RT 5 REST2: ${detail}` };
  }
  const version = typeof system.json === 'object' && system.json !== null ? (system.json as { Version?: unknown }).Version : undefined;

  const lookup = await loadQueue(client, queueName);
  if (!lookup.ok) {
    const o = lookup.outcome;
    if (lookup.notFound) return { ok: false, problem: 'unknown-queue', message: o.kind === 'retry' ? o.reason : o.message };
    return { ok: false, problem: 'unexpected-response', message: o.kind === 'retry' ? o.reason : o.message };
  }
  if (!lookup.queue._hyperlinks.some((l) => l.ref === 'create' && l.type === 'ticket')) {
    return { ok: false, problem: 'no-create-right', message: `this account may not create tickets in RT queue '${queueName}' (CreateTicket)` };
  }
  const resolved = resolveFieldIds(lookup.queue, names);
  if (!resolved.ok) {
    return { ok: false, problem: 'missing-custom-field', missing: resolved.missing, message: missingFieldsMessage(resolved.missing, queueName, names) };
  }
  const rtVersion = typeof version === 'string' ? `RT ${version}` : 'RT';
  const detail = `${rtVersion}: queue '${queueName}' is ready, with its Deskbook custom fields`;
  if (!options.warnings) return { ok: true, detail };
  const queue = { id: lookup.queue.id, name: queueName };
  const now = (client.deps.now ?? Date.now)();
  const warnings = (await Promise.all([commentMailCheck(client, queue, now), commentReachCheck(client, queue)])).flat();
  return { ok: true, detail, warnings };
}
