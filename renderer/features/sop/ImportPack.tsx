import { useState } from 'react';
import type { ChangeEvent } from 'react';
import { db } from '../../db/db';
import { useT } from '../../i18n';
import type { MessageKey } from '../../i18n';
import type { MessageValues } from '../../i18n/intl';
import type { PackFinding } from './import';

/** What the last import said, kept as a message so it follows a change of interface language. */
interface ImportMessage {
  key: MessageKey;
  values: MessageValues;
}

/**
 * Imports a district SOP pack (YAML or JSON). The pack is validated and linted first; any error
 * refuses it whole with every finding listed. Versions are kept side by side.
 */
export function ImportPack() {
  const t = useT();
  const [findings, setFindings] = useState<PackFinding[]>([]);
  const [message, setMessage] = useState<ImportMessage | null>(null);

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setMessage(null);
    // The schema, linter and YAML parser load only when someone imports a pack.
    const { checkPackText } = await import('./import');
    const checked = await checkPackText(file.name, await file.text());
    setFindings(checked.findings);
    if (!checked.pack) {
      setMessage({ key: 'sop.import.refused', values: { file: file.name } });
      return;
    }
    const { pack } = checked;
    const key = `${pack.id}@${pack.version}`;
    if (await db().packs.get(key)) {
      setMessage({ key: 'sop.import.duplicate', values: { id: pack.id, version: pack.version } });
      return;
    }
    await db().packs.put({ key, id: pack.id, version: pack.version, title: pack.title, pack, importedAt: Date.now() });
    setMessage({ key: 'sop.import.done', values: { title: pack.title, version: pack.version, count: pack.sops.length } });
  };

  return (
    <section className="import card" aria-labelledby="import-heading">
      <h2 id="import-heading">{t('sop.import.heading')}</h2>
      <label htmlFor="pack-file">{t('sop.import.label')}</label>{' '}
      <input id="pack-file" type="file" accept=".yaml,.yml,.json,application/json" onChange={(e) => void onFile(e)} />
      {message && <p role="status">{t(message.key, message.values)}</p>}
      {findings.length > 0 && (
        <ul className="findings" aria-label={t('sop.import.findings.label')}>
          {findings.map((f, i) => (
            <li key={i} className={f.severity === 'error' ? 'error-text' : 'muted'}>
              {t('sop.import.finding', { severity: f.severity, where: f.where, message: f.message })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
