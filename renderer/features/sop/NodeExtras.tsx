import { languageName } from '../../../shared/i18n/languages';
import { callerLanguages } from '../../../shared/sop/languages';
import type { SopDocument, SopNode } from '../../../shared/sop/schema';
import { interpolate } from '../../../shared/sop/engine';
import { useT } from '../../i18n';
import { analystText, autonym, callerScript, nextCallerLanguage, optionalAnalystText, useUiLanguage } from './language';

/**
 * The "say to the caller" panel: the node's script in the caller's language (its `lang` set, its
 * language named), with captured values, and a switch when the SOP speaks more than one.
 */
export function SayPanel({
  doc,
  node,
  vars,
  callerLanguage,
  onSwitch,
}: {
  doc: SopDocument;
  node: SopNode;
  vars: Record<string, string>;
  callerLanguage: string;
  onSwitch: () => void;
}) {
  const t = useT();
  const uiLanguage = useUiLanguage();
  const script = callerScript(doc, node, callerLanguage);
  if (!script) return null;
  const bilingual = callerLanguages(doc).length > 1;
  const next = nextCallerLanguage(doc, callerLanguage);
  return (
    <aside className="say" aria-label={t('sop.say.label')}>
      <h3>{bilingual || script.lang !== uiLanguage ? t('sop.say.labelIn', { language: autonym(script.lang) }) : t('sop.say.label')}</h3>
      {script.missing && (
        <p className="muted say-missing">
          {t('sop.say.missing', { wanted: languageName(callerLanguage, uiLanguage), shown: languageName(script.lang, uiLanguage) })}
        </p>
      )}
      <p lang={script.lang}>{interpolate(script.text, vars)}</p>
      {bilingual && (
        <button type="button" className="say-switch" onClick={onSwitch} aria-keyshortcuts="L Alt+L">
          {t('sop.say.switch', { current: autonym(callerLanguage), next: autonym(next) })} <kbd>L</kbd>
        </button>
      )}
    </aside>
  );
}

/** Background notes and allowlisted links of a node, in the interface language. Links open in the user's browser. */
export function NodeNotes({ doc, node }: { doc: SopDocument; node: SopNode }) {
  const t = useT();
  const uiLanguage = useUiLanguage();
  if (!node.notes && !node.links?.length) return null;
  const notes = optionalAnalystText(doc, node, 'notes', node.notes, uiLanguage);
  return (
    <details className="node-notes">
      <summary>{t('sop.notes.summary')}</summary>
      {notes && <p lang={notes.lang}>{notes.text}</p>}
      {node.links && node.links.length > 0 && (
        <ul>
          {node.links.map((link, i) => {
            const label = analystText(doc, node, `links[${i}].label`, link.label, uiLanguage);
            return (
              <li key={link.url}>
                <a href={link.url} target="_blank" rel="noreferrer noopener" lang={label.lang}>
                  {label.text}
                </a>
              </li>
            );
          })}
        </ul>
      )}
    </details>
  );
}
