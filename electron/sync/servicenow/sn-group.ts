import { z } from 'zod';
import { isSysId, snCall, tablePath } from './sn-api';
import type { SnClient, SnResult } from './sn-api';

/** The assignment group new incidents go to; `sysId` null when Settings leaves it to ServiceNow. */
export type GroupLookup =
  | { ok: true; sysId: string | null; name: string; active: boolean }
  | (Extract<SnResult, { ok: false }> & { notFound?: boolean });

const groupRow = z.object({ sys_id: z.string(), name: z.string().nullish(), active: z.string().nullish() });

/**
 * Finds the configured group in `sys_user_group`, by sys_id or by exact name. ServiceNow stores
 * any value in a reference field without complaint, so a mistyped group would leave incidents
 * assigned to nobody: it is looked up first, and a missing or ambiguous name fails in words.
 */
export async function lookupGroup(client: SnClient, group: string): Promise<GroupLookup> {
  const wanted = group.trim();
  if (!wanted) return { ok: true, sysId: null, name: '', active: true };
  const fields = 'sys_id,name,active';
  if (isSysId(wanted)) {
    const res = await snCall(client, 'GET', tablePath('sys_user_group', { sysparm_fields: fields }, wanted));
    if (!res.ok) {
      if (res.status === 404) return { ok: false, notFound: true, outcome: { kind: 'failed', status: 404, message: `Assignment group: no group has sys_id ${wanted} in ServiceNow (sys_user_group)` } };
      return res;
    }
    const row = groupRow.safeParse(res.result);
    if (!row.success || row.data.sys_id !== wanted) return { ok: false, outcome: { kind: 'retry', reason: `ServiceNow's answer for group ${wanted} was not that group`, maybeDelivered: false } };
    return { ok: true, sysId: wanted, name: row.data.name ?? wanted, active: row.data.active !== 'false' };
  }
  // An encoded query splits on '^': such a name cannot be searched exactly.
  if (/[\^\r\n]/.test(wanted)) return { ok: false, outcome: { kind: 'failed', message: "Assignment group: a name with '^' or a line break cannot be looked up; enter the group's sys_id instead" } };
  const res = await snCall(client, 'GET', tablePath('sys_user_group', { sysparm_query: `name=${wanted}`, sysparm_fields: fields, sysparm_limit: '5' }));
  if (!res.ok) return res;
  const rows = z.array(groupRow).safeParse(res.result);
  if (!rows.success) return { ok: false, outcome: { kind: 'retry', reason: "ServiceNow's list of groups was unreadable", maybeDelivered: false } };
  // Exact names only: an instance ignores a condition it cannot apply and would list every group.
  const matches = rows.data.filter((r) => r.name === wanted && isSysId(r.sys_id));
  const first = matches[0];
  if (!first) {
    return {
      ok: false,
      notFound: true,
      outcome: { kind: 'failed', message: `Assignment group: ServiceNow has no group named '${wanted}' that this account can see (sys_user_group); check the name, or enter its sys_id` },
    };
  }
  if (matches.length > 1) return { ok: false, outcome: { kind: 'failed', message: `Assignment group: ServiceNow has ${matches.length} groups named '${wanted}'; enter the sys_id of the right one` } };
  return { ok: true, sysId: first.sys_id, name: wanted, active: first.active !== 'false' };
}
