import { z } from 'zod';
import type { FailureOutcome } from '../outcome';
import { isSysId, snCall, tablePath } from './sn-api';
import type { SnClient } from './sn-api';

const RETURNED = 'sys_id,number,correlation_id,state,sys_mod_count';
const returned = z
  .object({
    sys_id: z.string().nullish(),
    number: z.string().nullish(),
    correlation_id: z.string().nullish(),
    state: z.string().nullish(),
  })
  .catchall(z.unknown());

export type Written = { ok: true; sysId: string; number: string; state: string; row: Record<string, unknown> } | { ok: false; outcome: FailureOutcome };

/**
 * POSTs one incident and checks the answer: a 2xx without a sys_id is a retry that may have
 * delivered (the next attempt looks the request id up first). An incident whose
 * `correlation_id` did not stick (a field ACL, a business rule) is `failed`: a retry could not
 * find it and would create another.
 */
export async function insertIncident(client: SnClient, fields: Record<string, string>, requestId: string): Promise<Written> {
  const res = await snCall(client, 'POST', tablePath('incident', { sysparm_fields: RETURNED, sysparm_exclude_reference_link: 'true' }), { body: fields, mutating: true });
  if (!res.ok) return res;
  const row = returned.safeParse(res.result);
  const sysId = row.data?.sys_id ?? '';
  if (!row.success || !isSysId(sysId)) {
    return { ok: false, outcome: { kind: 'retry', reason: `ServiceNow answered the create (HTTP ${res.status}) without the new incident's sys_id`, maybeDelivered: true } };
  }
  const number = row.data.number || sysId;
  if (row.data.correlation_id !== requestId) {
    return {
      ok: false,
      outcome: {
        kind: 'failed',
        message: `incident ${number} was created, but its correlation_id did not keep Deskbook's request id, so a retry could not find it: may this account write correlation_id on incident (a field ACL or business rule may clear it)?`,
      },
    };
  }
  return { ok: true, sysId, number, state: row.data.state ?? '', row: row.data };
}

/**
 * PUTs fields on one incident (the Table API's PUT changes only the fields sent); the answer's
 * `row` also carries the `extra` fields, so a caller can check that a write stuck.
 */
export async function updateIncident(client: SnClient, sysId: string, fields: Record<string, string>, extra: readonly string[] = []): Promise<Written> {
  const sysparmFields = [RETURNED, ...extra].join(',');
  const res = await snCall(client, 'PUT', tablePath('incident', { sysparm_fields: sysparmFields, sysparm_exclude_reference_link: 'true' }, sysId), { body: fields, mutating: true });
  if (!res.ok) return res;
  const row = returned.safeParse(res.result);
  if (!row.success || row.data.sys_id !== sysId) {
    return { ok: false, outcome: { kind: 'retry', reason: `ServiceNow answered the update of incident ${sysId} (HTTP ${res.status}) without that incident`, maybeDelivered: true } };
  }
  return { ok: true, sysId, number: row.data.number || sysId, state: row.data.state ?? '', row: row.data };
}

/** Reads one incident's fields (`sysparm_fields`), or a failure. */
export async function readIncident(client: SnClient, sysId: string, fields: string): Promise<{ ok: true; row: Record<string, unknown> } | { ok: false; outcome: FailureOutcome }> {
  const res = await snCall(client, 'GET', tablePath('incident', { sysparm_fields: fields, sysparm_exclude_reference_link: 'true' }, sysId));
  if (!res.ok) return res;
  if (typeof res.result !== 'object' || res.result === null || Array.isArray(res.result)) {
    return { ok: false, outcome: { kind: 'retry', reason: `ServiceNow's answer for incident ${sysId} was not a record`, maybeDelivered: false } };
  }
  return { ok: true, row: res.result as Record<string, unknown> };
}
