import { useEffect, useState } from 'react';
import type { PolicyField } from '../../../shared/policy/keys';
import type { PolicyReport } from '../../../shared/policy/report';
import type { UpdateStatus } from '../../../shared/policy/update';
import { useT } from '../../i18n';
import type { MessageKey, Translate } from '../../i18n';
import { useAppStore } from '../../state/store';
import { deskbook } from '../../ipc/client';

const SOURCE_WORDS: Record<PolicyReport['keys'][string]['source'], MessageKey> = {
  'policy-enforced': 'settings.managed.source.enforced',
  'policy-default': 'settings.managed.source.recommended',
  user: 'settings.managed.source.user',
  'built-in': 'settings.managed.source.builtIn',
};

const FIELD_WORDS: Record<PolicyField, MessageKey> = {
  connectorKind: 'settings.managed.field.connectorKind',
  connectorUrl: 'settings.managed.field.connectorUrl',
  connectorQueue: 'settings.managed.field.connectorQueue',
  connectorSiteId: 'settings.managed.field.connectorSiteId',
  connectorRequestIdField: 'settings.managed.field.connectorRequestIdField',
  connectorIssueId: 'settings.managed.field.connectorIssueId',
  connectorAccount: 'settings.managed.field.connectorAccount',
  connectorAuth: 'settings.managed.field.connectorAuth',
  userRole: 'settings.managed.field.userRole',
  authorizedContact: 'settings.managed.field.authorizedContact',
  allowedExternalHosts: 'settings.managed.field.allowedExternalHosts',
  updateMode: 'settings.managed.field.updateMode',
  sealedNoteRetentionDays: 'settings.managed.field.sealedNoteRetentionDays',
  districtSla: 'settings.managed.field.districtSla',
  sopBuiltInPacks: 'settings.managed.field.sopBuiltInPacks',
  sopEnabledPacks: 'settings.managed.field.sopEnabledPacks',
  districtNotes: 'settings.managed.field.districtNotes',
  logResolvedCalls: 'settings.managed.field.logResolvedCalls',
  logCallStudentData: 'settings.managed.field.logCallStudentData',
  uiLanguage: 'settings.managed.field.uiLanguage',
  theme: 'settings.managed.field.theme',
  sopPackUrl: 'settings.managed.field.sopPackUrl',
  sopPackPublicKey: 'settings.managed.field.sopPackPublicKey',
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
export function isLocked(report: PolicyReport | null, field: PolicyField): boolean {
  return report?.keys[field]?.locked ?? false;
}

/** The update controller's state in plain words, dates in the analyst's locale. */
export function updateWords(update: UpdateStatus, t: Translate): string {
  const time = (iso: string) => t.intl.formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' });
  switch (update.state) {
    case 'disabled':
      return t('settings.update.disabled', { mode: update.mode, installKind: update.installKind });
    case 'idle':
      return t('settings.update.idle');
    case 'checking':
      return t('settings.update.checking');
    case 'up-to-date':
      return t('settings.update.upToDate', { time: time(update.checkedAt) });
    case 'available':
      return t('settings.update.available', { version: update.version });
    case 'downloading':
      return t('settings.update.downloading', {
        version: update.version,
        percent: t.intl.formatNumber(Math.floor(update.percent) / 100, { style: 'percent' }),
      });
    case 'downloaded':
      return t('settings.update.downloaded', { version: update.version });
    case 'offline':
      return t('settings.update.offline', { time: time(update.nextCheckAt) });
    case 'error':
      return t('settings.update.error', { message: update.message, time: time(update.nextCheckAt) });
  }
}

/**
 * Which settings the district manages and where each value comes from, any policy problems an
 * administrator should fix (in main's words), and the update status.
 */
export function ManagedSettings({ report }: { report: PolicyReport | null }) {
  const t = useT();
  // Kept current by the shell (App subscribes to `updates:status`).
  const update = useAppStore((s) => s.update);
  if (!report) return null;
  return (
    <section className="card" aria-labelledby="managed-heading">
      <h2 id="managed-heading">{t('settings.managed.heading')}</h2>
      <table className="table">
        <caption className="sr-only">{t('settings.managed.caption')}</caption>
        <tbody>
          {Object.entries(report.keys).map(([field, k]) => (
            <tr key={field} data-testid={`policy-${field}`} data-source={k.source}>
              <th scope="row">{field in FIELD_WORDS ? t(FIELD_WORDS[field as PolicyField]) : field}</th>
              <td>
                {k.locked ? '🔒 ' : ''}
                {t(SOURCE_WORDS[k.source])}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {report.problems.length > 0 && (
        <div role="alert" className="warning">
          <p>{t('settings.managed.problems')}</p>
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
          {t('settings.managed.updates', { status: updateWords(update, t) })}
        </p>
      )}
    </section>
  );
}
