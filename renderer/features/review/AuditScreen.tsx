import { useEffect, useState } from 'react';
import type { AuditEntry } from '../../../shared/ipc/contract';
import { deskbook } from '../../ipc/client';

/** The decision audit trail: who decided what, when, from which machine; hash-chained; CSV. */
export function AuditScreen() {
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [intact, setIntact] = useState<{ ok: boolean; problem: string | null } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void deskbook()
      .audit.list()
      .then((r) => {
        if (!r.ok) return setError(r.error.message);
        setEntries(r.value.entries);
        setIntact({ ok: r.value.intact, problem: r.value.problem });
      });
  }, []);

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
          {intact.ok ? 'The chain of entries is intact: nothing was edited or removed.' : `Tampering detected: ${intact.problem}`}
        </p>
      )}
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
