import type { SopNode } from '../../../shared/sop/schema';
import { interpolate } from '../../../shared/sop/engine';
import { useT } from '../../i18n';

/** The "say to the caller" panel: a script the analyst can read aloud, with captured values. */
export function SayPanel({ text, vars }: { text: string | undefined; vars: Record<string, string> }) {
  const t = useT();
  if (!text) return null;
  return (
    <aside className="say" aria-label={t('sop.say.label')}>
      <h3>{t('sop.say.label')}</h3>
      <p>{interpolate(text, vars)}</p>
    </aside>
  );
}

/** Background notes and allowlisted links of a node. Links open in the user's browser. */
export function NodeNotes({ node }: { node: SopNode }) {
  const t = useT();
  if (!node.notes && !node.links?.length) return null;
  return (
    <details className="node-notes">
      <summary>{t('sop.notes.summary')}</summary>
      {node.notes && <p>{node.notes}</p>}
      {node.links && node.links.length > 0 && (
        <ul>
          {node.links.map((link) => (
            <li key={link.url}>
              <a href={link.url} target="_blank" rel="noreferrer noopener">
                {link.label}
              </a>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
