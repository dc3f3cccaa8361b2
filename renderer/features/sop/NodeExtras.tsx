import type { SopNode } from '../../../shared/sop/schema';
import { interpolate } from '../../../shared/sop/engine';

/** The "say to the caller" panel: a script the analyst can read aloud, with captured values. */
export function SayPanel({ text, vars }: { text: string | undefined; vars: Record<string, string> }) {
  if (!text) return null;
  return (
    <aside className="say" aria-label="Say to the caller">
      <h3>Say to the caller</h3>
      <p>{interpolate(text, vars)}</p>
    </aside>
  );
}

/** Background notes and allowlisted links of a node. Links open in the user's browser. */
export function NodeNotes({ node }: { node: SopNode }) {
  if (!node.notes && !node.links?.length) return null;
  return (
    <details className="node-notes">
      <summary>Why and where to read more</summary>
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
