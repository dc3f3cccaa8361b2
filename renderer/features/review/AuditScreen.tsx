import { useEffect, useState } from 'react';
import type { AuditAnchorReport, AuditEntry } from '../../../shared/ipc/contract';
import { deskbook } from '../../ipc/client';

/** What the supervisor reads first about the comparison with the ticketing system's anchors. */
const ANCHOR_VERDICT: Record<AuditAnchorReport['state'], string> = {
  matches: 'Matches the ticketing system:',
  differs: 'Does not match the ticketing system:',
  unanchored: 'Not anchored yet:',
  unavailable: 'Not compared with the ticketing system:',
};

/**
 * The decision audit trail: who decided what, when, from which machine; hash-chained; CSV; and
 * compared with the anchors each decision's comment left in the ticketing system (`audit:verify`).
 */
export function AuditScreen() {
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
      <h1>Audit trail</h1>
      {error && <p role="alert" className="error-text">{error}</p>}
      {intact && (
        <p role="status" className={intact.ok ? 'ok-text' : 'error-text'} data-testid="audit-intact">
          {intact.ok ? 'The chain of entries on this computer is intact.' : `Tampering detected: ${intact.problem}`}
        </p>
      )}
      <section aria-labelledby="audit-anchors-heading">
        <h2 id="audit-anchors-heading">Checked against the ticketing system</h2>
        {/* Live regions stay mounted so the result is announced when it arrives. */}
        <div role="status" data-testid="audit-anchors">
          {anchors === 'checking' && <p className="muted">Comparing each entry with the anchor its decision left in the ticketing system…</p>}
          {report && report.state !== 'differs' && (
            <p className={report.state === 'matches' ? 'ok-text' : 'muted'} data-state={report.state}>
              <strong>{ANCHOR_VERDICT[report.state]}</strong> {report.message}
            </p>
          )}
        </div>
        <div role="alert" data-testid="audit-anchors-differs">
          {report?.state === 'differs' && (
            <p className="error-text" data-state="differs">
              <strong>{ANCHOR_VERDICT.differs}</strong> {report.message}
            </p>
          )}
        </div>
        {report && report.notes.length > 0 && (
          <ul aria-label="Notes on the comparison">
            {report.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        )}
        <button type="button" onClick={() => void checkAnchors()} disabled={anchors === 'checking'}>
          Check again
        </button>
      </section>
      <button type="button" onClick={() => void exportCsv()} disabled={entries.length === 0}>
        Export CSV
      </button>
      <table className="table">
        <caption className="sr-only">Decisions, oldest first</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Decided</th>
            <th scope="col">Who</th>
            <th scope="col">Machine</th>
            <th scope="col">Decision</th>
            <th scope="col">Ticket</th>
            <th scope="col">Detail</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.seq}>
              <td>{e.seq}</td>
              <td>{new Date(e.decidedAt).toLocaleString()}</td>
              <td>
                {e.actor.name} ({e.actor.role})
              </td>
              <td>{e.machine}</td>
              <td>{e.action}</td>
              <td>#{e.remoteId}</td>
              <td>{e.detail}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
