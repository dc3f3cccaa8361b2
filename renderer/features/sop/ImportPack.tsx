import { useState } from 'react';
import type { ChangeEvent } from 'react';
import { db } from '../../db/db';
import type { PackFinding } from './import';

/**
 * Imports a district SOP pack (YAML or JSON). The pack is validated and linted first; any error
 * refuses it whole with every finding listed. Versions are kept side by side.
 */
export function ImportPack() {
  const [findings, setFindings] = useState<PackFinding[]>([]);
  const [message, setMessage] = useState<string | null>(null);

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
      setMessage(`“${file.name}” was not imported: fix the errors below and import it again.`);
      return;
    }
    const { pack } = checked;
    const key = `${pack.id}@${pack.version}`;
    if (await db().packs.get(key)) {
      setMessage(`Pack ${pack.id} version ${pack.version} is already imported. Bump its version to import changes.`);
      return;
    }
    await db().packs.put({ key, id: pack.id, version: pack.version, title: pack.title, pack, importedAt: Date.now() });
    setMessage(`Imported “${pack.title}” v${pack.version} (${pack.sops.length} procedures).`);
  };

  return (
    <section className="import card" aria-labelledby="import-heading">
      <h2 id="import-heading">District procedures</h2>
      <label htmlFor="pack-file">Import an SOP pack (.yaml, .yml or .json)</label>{' '}
      <input id="pack-file" type="file" accept=".yaml,.yml,.json,application/json" onChange={(e) => void onFile(e)} />
      {message && <p role="status">{message}</p>}
      {findings.length > 0 && (
        <ul className="findings" aria-label="Problems found in the pack">
          {findings.map((f, i) => (
            <li key={i} className={f.severity === 'error' ? 'error-text' : 'muted'}>
              {f.severity === 'error' ? 'Error' : 'Warning'}: {f.where} — {f.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
