import { z } from 'zod';
import type { FailureOutcome } from '../outcome';
import { snCall, tablePath } from './sn-api';
import type { SnClient } from './sn-api';

type Read = { ok: true; texts: string[] } | { ok: false; outcome: FailureOutcome };

const journalRows = z.array(z.object({ value: z.string().nullish() }));
const displayed = z.object({ work_notes: z.string().nullish() });

/**
 * The texts of an incident's work notes. First from `sys_journal_field` (one row per entry); an
 * ACL commonly hides that table from non-admin accounts, answering an empty list (or 403), so
 * then from the incident itself with `sysparm_display_value=true`, where a journal field reads
 * as its whole history, and which needs only the rights that created the incident. Only when
 * both are empty are there no work notes: a hidden journal must not read as "no notes".
 */
export async function readWorkNotes(client: SnClient, sysId: string): Promise<Read> {
  const journal = await snCall(
    client,
    'GET',
    tablePath('sys_journal_field', {
      sysparm_query: `element_id=${sysId}^element=work_notes^ORDERBYsys_created_on`,
      sysparm_fields: 'value,sys_created_on',
      sysparm_limit: '1000',
    }),
  );
  if (!journal.ok && journal.status !== 403) return journal;
  if (journal.ok) {
    const rows = journalRows.safeParse(journal.result);
    if (!rows.success) return { ok: false, outcome: { kind: 'retry', reason: "ServiceNow's list of work notes (sys_journal_field) was unreadable", maybeDelivered: false } };
    const texts = rows.data.map((r) => r.value ?? '').filter(Boolean);
    if (texts.length > 0) return { ok: true, texts };
  }
  const incident = await snCall(client, 'GET', tablePath('incident', { sysparm_display_value: 'true', sysparm_fields: 'work_notes' }, sysId));
  if (!incident.ok) return incident;
  const history = displayed.safeParse(incident.result);
  if (!history.success) return { ok: false, outcome: { kind: 'retry', reason: `ServiceNow's answer for the work notes of incident ${sysId} was unreadable`, maybeDelivered: false } };
  const text = history.data.work_notes ?? '';
  return { ok: true, texts: text ? [text] : [] };
}
