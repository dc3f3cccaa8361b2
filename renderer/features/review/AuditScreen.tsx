import { useEffect, useState } from 'react';
import type { AuditAnchorReport, AuditEntry } from '../../../shared/ipc/contract';
import { deskbook } from '../../ipc/client';
import { useT } from '../../i18n';
import type { MessageKey } from '../../i18n';
import { DATE_TIME, DECISION_WORD, ROLE_WORD, wordOf } from './words';

/** What the supervisor reads first about the comparison with the ticketing system's anchors. */
const ANCHOR_VERDICT: Record<AuditAnchorReport['state'], MessageKey> = {
  matches: 'review.audit.verdict.matches',
  differs: 'review.audit.verdict.differs',
  unanchored: 'review.audit.verdict.unanchored',
  unavailable: 'review.audit.verdict.unavailable',
};

/**
 * The decision audit trail: who decided what, when, from which machine; hash-chained; CSV; and
 * compared with the anchors each decision's comment left in the ticketing system (`audit:verify`).
 */
export function AuditScreen() {
  const t = useT();
  const role = (value: string) => {
    const key = wordOf(ROLE_WORD, value);
    return key ? t(key) : value;
  };
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [intact, setIntact] = useState<{ ok: boolean; problem: string | null } | null>(null);
  const [anchors, setAnchors] = useState<AuditAnchorReport | 'checking' | null>(null);
  const [error, setError] = useState<string | null>(null);

  const checkAnchors = async () => {
    setAnchors('checking');
    const r = await deskbook().audit.verify();
    if (!r.ok) {
      setAnchors(null);
      return setError(r.error.message);
    }
    setAnchors(r.value);
  };

  useEffect(() => {
    void deskbook()
      .audit.list()
      .then((r) => {
        if (!r.ok) return setError(r.error.message);
        setEntries(r.value.entries);
        setIntact({ ok: r.value.intact, problem: r.value.problem });
      });
    void checkAnchors();
  }, []);

  const report = anchors === 'checking' ? null : anchors;

  const exportCsv = async () => {
    const r = await deskbook().audit.export();
    if (!r.ok) return setError(r.error.message);
    const url = URL.createObjectURL(new Blob([r.value.csv], { type: 'text/csv' }));
    const a = Object.assign(document.createElement('a'), { href: url, download: r.value.fileName });
    a.click();
    URL.revokeObjectURL(url);
  };

  return (
    <div>
      <h1>{t('review.audit.heading')}</h1>
      {error && <p role="alert" className="error-text">{error}</p>}
      {intact && (
        <p role="status" className={intact.ok ? 'ok-text' : 'error-text'} data-testid="audit-intact">
          {intact.ok ? t('review.audit.intact') : t('review.audit.tampered', { problem: intact.problem ?? '' })}
        </p>
      )}
      <section aria-labelledby="audit-anchors-heading">
        <h2 id="audit-anchors-heading">{t('review.audit.anchors.heading')}</h2>
        {/* Live regions stay mounted so the result is announced when it arrives. */}
        <div role="status" data-testid="audit-anchors">
          {anchors === 'checking' && <p className="muted">{t('review.audit.anchors.checking')}</p>}
          {report && report.state !== 'differs' && (
            <p className={report.state === 'matches' ? 'ok-text' : 'muted'} data-state={report.state}>
              <strong>{t(ANCHOR_VERDICT[report.state])}</strong> {report.message}
            </p>
          )}
        </div>
        <div role="alert" data-testid="audit-anchors-differs">
          {report?.state === 'differs' && (
            <p className="error-text" data-state="differs">
              <strong>{t(ANCHOR_VERDICT.differs)}</strong> {report.message}
            </p>
          )}
        </div>
        {report && report.notes.length > 0 && (
          <ul aria-label={t('review.audit.anchors.notes')}>
            {report.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        )}
        <button type="button" onClick={() => void checkAnchors()} disabled={anchors === 'checking'}>
          {t('review.audit.anchors.again')}
        </button>
      </section>
      <button type="button" onClick={() => void exportCsv()} disabled={entries.length === 0}>
        {t('review.audit.export')}
      </button>
      <table className="table">
        <caption className="sr-only">{t('review.audit.table.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('review.audit.table.seq')}</th>
            <th scope="col">{t('review.audit.table.decided')}</th>
            <th scope="col">{t('review.audit.table.who')}</th>
            <th scope="col">{t('review.audit.table.machine')}</th>
            <th scope="col">{t('review.audit.table.decision')}</th>
            <th scope="col">{t('review.audit.table.ticket')}</th>
            <th scope="col">{t('review.audit.table.detail')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.seq}>
              <td>{e.seq}</td>
              <td>{t.intl.formatDate(e.decidedAt, DATE_TIME)}</td>
              <td>{t('review.audit.actor', { name: e.actor.name, role: role(e.actor.role) })}</td>
              <td>{e.machine}</td>
              <td>{t(DECISION_WORD[e.action])}</td>
              <td>#{e.remoteId}</td>
              <td>{e.detail}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
