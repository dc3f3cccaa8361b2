import { useEffect, useState } from 'react';
import type { PolicyReport } from '../../../shared/policy/report';
import type { UpdateStatus } from '../../../shared/policy/update';
import { useAppStore } from '../../state/store';
import { deskbook } from '../../ipc/client';

const SOURCE_WORDS = {
  'policy-enforced': 'set by district policy (locked)',
  'policy-default': 'district recommendation',
  user: 'your choice',
  'built-in': 'Deskbook default',
} as const;

const FIELD_WORDS: Record<string, string> = {
  connectorKind: 'Ticketing system',
  connectorUrl: 'Ticketing address',
  connectorQueue: 'Ticket queue or group',
  connectorSiteId: 'Incident IQ site id',
  connectorRequestIdField: 'Incident IQ request-id field',
  connectorIssueId: 'Incident IQ issue',
  connectorAccount: 'Ticketing account',
  connectorAuth: 'ServiceNow sign-in',
  userRole: 'Role',
  authorizedContact: 'Authorized Contact',
  allowedExternalHosts: 'Links that may open',
  updateMode: 'Updates',
  sealedNoteRetentionDays: 'Sealed-note retention',
  districtSla: 'District SLA calendar',
};

/** The policy report, shared by the settings forms to lock what the district enforces. */
export function usePolicy(): PolicyReport | null {
  const [report, setReport] = useState<PolicyReport | null>(null);
  useEffect(() => {
    void deskbook()
      .policy.get()
      .then((r) => r.ok && setReport(r.value));
  }, []);
  return report;
}

/** Whether the district's policy locks a field (e.g. `connectorUrl`). */
export function isLocked(report: PolicyReport | null, field: string): boolean {
  return report?.keys[field]?.locked ?? false;
}

const time = (iso: string) => new Date(iso).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' });

/** The update controller's state in plain words. */
export function updateWords(update: UpdateStatus): string {
  switch (update.state) {
    case 'disabled':
      return `off here (update mode "${update.mode}", ${update.installKind} install).`;
    case 'idle':
      return 'not checked yet.';
    case 'checking':
      return 'checking…';
    case 'up-to-date':
      return `up to date (checked ${time(update.checkedAt)}).`;
    case 'available':
      return `Deskbook ${update.version} is available.`;
    case 'downloading':
      return `downloading Deskbook ${update.version} (${Math.floor(update.percent)}%).`;
    case 'downloaded':
      return `Deskbook ${update.version} is ready and installs when Deskbook quits.`;
    case 'offline':
      return `the update server cannot be reached from here; next check ${time(update.nextCheckAt)}.`;
    case 'error':
      return `${update.message} Next try ${time(update.nextCheckAt)}.`;
  }
}

/**
 * Which settings the district manages and where each value comes from, any policy problems an
 * administrator should fix, and the update status.
 */
export function ManagedSettings({ report }: { report: PolicyReport | null }) {
  // Kept current by the shell (App subscribes to `updates:status`).
  const update = useAppStore((s) => s.update);
  if (!report) return null;
  return (
    <section className="card" aria-labelledby="managed-heading">
      <h2 id="managed-heading">Managed by your district</h2>
      <table className="table">
        <caption className="sr-only">Where each managed setting comes from</caption>
        <tbody>
          {Object.entries(report.keys).map(([field, k]) => (
            <tr key={field} data-testid={`policy-${field}`} data-source={k.source}>
              <th scope="row">{FIELD_WORDS[field] ?? field}</th>
              <td>
                {k.locked ? '🔒 ' : ''}
                {SOURCE_WORDS[k.source]}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {report.problems.length > 0 && (
        <div role="alert" className="warning">
          <p>Your district&apos;s policy has problems; the affected settings stay locked at safe values:</p>
          <ul>
            {report.problems.map((p, i) => (
              <li key={i}>
                {p.key ?? p.origin}: {p.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {update && (
        <p className="muted" data-testid="update-status">
          Updates: {updateWords(update)}
        </p>
      )}
    </section>
  );
}
