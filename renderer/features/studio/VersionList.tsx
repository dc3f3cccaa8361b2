import { useState } from 'react';
import type { SopDiff } from '../../../shared/sop/diff';
import type { StudioRow } from '../../db/db';
import { useT } from '../../i18n';
import { errorText } from '../../ui/error-text';
import { rollbackProcedure } from './studio-store';
import { latestPublished, versionsNewestFirst } from './versions';

/** What a version changed, as lists a supervisor reads: nodes added, removed, edited (with fields). */
function DiffView({ diff }: { diff: SopDiff }) {
  const t = useT();
  const empty = diff.fields.length + diff.added.length + diff.removed.length + diff.edited.length === 0;
  return (
    <ul className="studio-diff">
      {diff.fields.length > 0 && <li>{t('studio.versions.changedFields', { fields: diff.fields.join(', ') })}</li>}
      {diff.added.map((node) => (
        <li key={`a-${node.nodeId}`}>{t('studio.versions.added', { label: node.label, id: node.nodeId })}</li>
      ))}
      {diff.removed.map((node) => (
        <li key={`r-${node.nodeId}`}>{t('studio.versions.removed', { label: node.label, id: node.nodeId })}</li>
      ))}
      {diff.edited.map((node) => (
        <li key={`e-${node.nodeId}`}>{t('studio.versions.edited', { label: node.label, id: node.nodeId, fields: node.fields.join(', ') })}</li>
      ))}
      {empty && <li>{t('studio.versions.noChange')}</li>}
    </ul>
  );
}

/**
 * The published versions, newest first, each with what it changed; any but the newest can be
 * rolled back to (asked twice: it replaces the draft), which publishes its steps again as the
 * next version.
 */
export function VersionList({ row, onRestored }: { row: StudioRow; onRestored: (row: StudioRow) => void }) {
  const t = useT();
  const [confirming, setConfirming] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const latest = latestPublished(row);
  const rollback = async (version: string) => {
    try {
      onRestored(await rollbackProcedure(row.id, version, Date.now()));
      setConfirming(null);
      setError(null);
    } catch (cause) {
      setError(errorText(cause));
    }
  };
  return (
    <section aria-labelledby="studio-versions-heading">
      <h2 id="studio-versions-heading">{t('studio.versions.heading')}</h2>
      {row.published.length === 0 && <p className="muted">{t('studio.versions.none')}</p>}
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      <ol className="studio-versions">
        {versionsNewestFirst(row).map((version) => (
          <li key={version.version}>
            <h3>
              {t('studio.versions.version', { version: version.version, at: new Date(version.publishedAt), current: version === latest ? 'yes' : 'no' })}
            </h3>
            {version.restores && <p>{t('studio.versions.restores', { version: version.restores })}</p>}
            {version.diff ? <DiffView diff={version.diff} /> : <p>{t('studio.versions.first', { count: version.doc.nodes.length })}</p>}
            {version !== latest &&
              (confirming === version.version ? (
                <p>
                  {t('studio.versions.confirm', { version: version.version })}{' '}
                  <button type="button" className="danger" onClick={() => void rollback(version.version)}>
                    {t('studio.versions.confirmButton', { version: version.version })}
                  </button>{' '}
                  <button type="button" onClick={() => setConfirming(null)}>
                    {t('studio.versions.cancel')}
                  </button>
                </p>
              ) : (
                <button type="button" onClick={() => setConfirming(version.version)}>
                  {t('studio.versions.rollback', { version: version.version })}
                </button>
              ))}
          </li>
        ))}
      </ol>
    </section>
  );
}
