import { languageLabel, primaryLanguage } from '../../../shared/i18n/languages';
import { callerLanguages, hasTextIn, ownLanguage, symptomsIn, textIn, titleIn } from '../../../shared/sop/languages';
import type { SopDocument, SopNode } from '../../../shared/sop/schema';
import { useT } from '../../i18n';

/**
 * Which language each SOP text is shown in. What the analyst reads follows the interface
 * language; what is read to the caller follows the call's caller language; each falls back to
 * the SOP's own. A text shown in a language other than the page's carries `lang`, so a screen
 * reader pronounces it right.
 */

/** A text as shown, and the `lang` to put on its element: set only when it is not the interface's. */
export interface Shown {
  text: string;
  lang: string | undefined;
}

/** The interface language (`en`, `es`) of the component's IntlShape. */
export function useUiLanguage(): string {
  return primaryLanguage(useT().intl.locale);
}

function fallback(doc: Pick<SopDocument, 'locale'>, own: string, uiLanguage: string): Shown {
  const language = ownLanguage(doc);
  return { text: own, lang: language === uiLanguage ? undefined : language };
}

/** A node's analyst text (`title`, `prompt`, `choices[0].label`, `fields[1].hint`...) in the interface language, else the SOP's own. */
export function analystText(doc: Pick<SopDocument, 'locale'>, node: Pick<SopNode, 'translations'>, field: string, own: string, uiLanguage: string): Shown {
  return hasTextIn(node, field, uiLanguage, doc)
    ? { text: textIn(node, field, own, uiLanguage) ?? own, lang: undefined }
    : fallback(doc, own, uiLanguage);
}

/** {@link analystText} for a text the node may lack (`title`, `notes`, `hint`). */
export function optionalAnalystText(
  doc: Pick<SopDocument, 'locale'>,
  node: Pick<SopNode, 'translations'>,
  field: string,
  own: string | undefined,
  uiLanguage: string,
): Shown | undefined {
  return own === undefined ? undefined : analystText(doc, node, field, own, uiLanguage);
}

/** The SOP's title in the interface language, else its own. */
export function shownTitle(doc: Pick<SopDocument, 'locale' | 'title' | 'translations'>, uiLanguage: string): Shown {
  return doc.translations?.[uiLanguage]?.title !== undefined || ownLanguage(doc) === uiLanguage
    ? { text: titleIn(doc, uiLanguage), lang: undefined }
    : fallback(doc, doc.title, uiLanguage);
}

/** The SOP's first symptom in the interface language, else its own; undefined when it lists none. */
export function shownFirstSymptom(doc: Pick<SopDocument, 'locale' | 'symptoms' | 'translations'>, uiLanguage: string): Shown | undefined {
  const translated = doc.translations?.[uiLanguage]?.symptoms;
  if (translated !== undefined || ownLanguage(doc) === uiLanguage) {
    const first = symptomsIn(doc, uiLanguage)[0];
    return first === undefined ? undefined : { text: first, lang: undefined };
  }
  return doc.symptoms[0] === undefined ? undefined : fallback(doc, doc.symptoms[0], uiLanguage);
}

/** A caller script as shown: its text, its language (always set), and whether it fell back from the caller's. */
export interface CallerScript {
  text: string;
  lang: string;
  missing: boolean;
}

/**
 * A node's `say` in the caller's language, else in the SOP's own, with `missing` set (a district
 * pack that lints with only a warning, an old run imported before the pack had the language).
 */
export function callerScript(doc: Pick<SopDocument, 'locale'>, node: SopNode, callerLanguage: string): CallerScript | undefined {
  if (node.say === undefined) return undefined;
  if (hasTextIn(node, 'say', callerLanguage, doc)) {
    return { text: textIn(node, 'say', node.say, callerLanguage) ?? node.say, lang: callerLanguage, missing: false };
  }
  return { text: node.say, lang: ownLanguage(doc), missing: true };
}

/** The caller language a new run starts in: the interface's when the SOP has scripts in it, else the SOP's own. */
export function initialCallerLanguage(doc: Pick<SopDocument, 'locale' | 'languages'>, uiLanguage: string): string {
  return callerLanguages(doc).includes(uiLanguage) ? uiLanguage : ownLanguage(doc);
}

/** The caller language after `current` in the SOP's list, wrapping around. */
export function nextCallerLanguage(doc: Pick<SopDocument, 'locale' | 'languages'>, current: string): string {
  const languages = callerLanguages(doc);
  return languages[(languages.indexOf(current) + 1) % languages.length] ?? ownLanguage(doc);
}

/** A language named in itself, capitalized as a label starts: `es` → `Español`. */
export function autonym(code: string): string {
  return languageLabel(code, code);
}
