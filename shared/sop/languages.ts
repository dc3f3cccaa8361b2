import type { z } from 'zod';
import { primaryLanguage } from '../i18n/languages';
import type { SopDocument, SopNode, Translations } from './schema';

/**
 * An SOP's text in more than one language. Authors write a text as a string (the SOP's own
 * language, its `locale`) or as `{ en: "...", es: "..." }`; parsing keeps the SOP's own language
 * in the field, where the engine, the ticket and lint read it, and moves the others into
 * `translations`. What is said to the caller is read in the caller's language, what the analyst
 * reads in the interface's, each falling back to the SOP's own.
 */

type ByLanguage = z.core.$brand<'TextByLanguage'>;

/** A parsed SOP's type: every per-language map replaced by the text in the SOP's own language. */
export type InOwnLanguage<T> = T extends ByLanguage & Record<string, string[]>
  ? string[]
  : T extends ByLanguage
    ? string
    : T extends readonly (infer U)[]
      ? InOwnLanguage<U>[]
      : T extends object
        ? { [K in keyof T]: InOwnLanguage<T[K]> }
        : T;

type Localizable = string | Record<string, string>;
type Path = (string | number)[];

interface Context {
  addIssue: (issue: { code: 'custom'; path: Path; message: string }) => void;
}

interface RawSop {
  locale: string;
  title: Localizable;
  symptoms: string[] | Record<string, string[]>;
  translations?: Record<string, { title?: string; symptoms?: string[] }>;
  nodes: RawNode[];
  [key: string]: unknown;
}

interface RawNode {
  id: string;
  translations?: Record<string, Record<string, string>>;
  choices?: { label: Localizable }[];
  fields?: { label: Localizable; hint?: Localizable; patternHint?: Localizable }[];
  links?: { label: Localizable }[];
  [key: string]: unknown;
}

/** The node fields that may carry text per language, besides choices, fields and links. */
const NODE_TEXT_FIELDS = ['title', 'notes', 'text', 'prompt', 'say'] as const;

/** The schema's transform: an SOP with each text in its own language and the rest in `translations`. */
export function inOwnLanguage(sop: RawSop, ctx: Context): unknown {
  const own = primaryLanguage(sop.locale);
  const pick = <T extends string | string[]>(
    value: T | Record<string, T> | undefined,
    path: Path,
    store: (language: string, text: T) => void,
  ): T | undefined => {
    if (value === undefined || typeof value === 'string' || Array.isArray(value)) return value as T | undefined;
    for (const [language, text] of Object.entries(value)) if (language !== own) store(language, text);
    if (value[own] !== undefined) return value[own];
    ctx.addIssue({
      code: 'custom',
      path,
      message: `has no "${own}" text: a text given per language must include the SOP's own language (locale ${sop.locale})`,
    });
    return Object.values(value)[0];
  };

  const sopTranslations: Record<string, { title?: string; symptoms?: string[] }> = Object.fromEntries(Object.entries(sop.translations ?? {}).map(([l, t]) => [l, { ...t }]));
  const title = pick(sop.title, ['title'], (language, text) => ((sopTranslations[language] ??= {}).title = text));
  const symptoms = pick(sop.symptoms, ['symptoms'], (language, list) => ((sopTranslations[language] ??= {}).symptoms = list));

  const nodes = sop.nodes.map((node) => {
    const translations: Record<string, Record<string, string>> = Object.fromEntries(Object.entries(node.translations ?? {}).map(([l, t]) => [l, { ...t }]));
    const text = (value: Localizable | undefined, field: string, path: Path) =>
      pick(value, ['nodes', node.id, ...path], (language, translated) => ((translations[language] ??= {})[field] = translated));
    const out: RawNode = { ...node };
    for (const field of NODE_TEXT_FIELDS) {
      if (node[field] !== undefined) out[field] = text(node[field] as Localizable, field, [field]);
    }
    if (node.choices) out.choices = node.choices.map((c, i) => ({ ...c, label: text(c.label, `choices[${i}].label`, ['choices', i, 'label'])! }));
    if (node.fields) {
      out.fields = node.fields.map((f, i) => {
        const field = { ...f, label: text(f.label, `fields[${i}].label`, ['fields', i, 'label'])! };
        if (f.hint !== undefined) field.hint = text(f.hint, `fields[${i}].hint`, ['fields', i, 'hint']);
        if (f.patternHint !== undefined) field.patternHint = text(f.patternHint, `fields[${i}].patternHint`, ['fields', i, 'patternHint']);
        return field;
      });
    }
    if (node.links) out.links = node.links.map((l, i) => ({ ...l, label: text(l.label, `links[${i}].label`, ['links', i, 'label'])! }));
    delete out.translations;
    return Object.keys(translations).length > 0 ? { ...out, translations } : out;
  });

  const result: RawSop = { ...sop, title: title!, symptoms: symptoms ?? [], nodes };
  delete result.translations;
  return Object.keys(sopTranslations).length > 0 ? { ...result, translations: sopTranslations } : result;
}

/** The SOP's own language: the primary subtag of its locale (`en-US` → `en`). */
export function ownLanguage(doc: Pick<SopDocument, 'locale'>): string {
  return primaryLanguage(doc.locale);
}

/** Every language the SOP's caller scripts must be in: its own first, then those it declares. */
export function callerLanguages(doc: Pick<SopDocument, 'locale' | 'languages'>): string[] {
  return [...new Set([ownLanguage(doc), ...(doc.languages ?? [])])];
}

/** A node's text (`say`, `prompt`, `choices[0].label`...) in `language`, else in the SOP's own. */
export function textIn(node: Pick<SopNode, 'translations'>, field: string, own: string | undefined, language: string): string | undefined {
  return node.translations?.[language]?.[field] ?? own;
}

/** Whether a node has its own text for `field` in `language` (the SOP's own language always does). */
export function hasTextIn(node: Pick<SopNode, 'translations'>, field: string, language: string, doc: Pick<SopDocument, 'locale'>): boolean {
  return language === ownLanguage(doc) || node.translations?.[language]?.[field] !== undefined;
}

/** The SOP's title in `language`, else its own. */
export function titleIn(doc: Pick<SopDocument, 'title' | 'translations'>, language: string): string {
  return doc.translations?.[language]?.title ?? doc.title;
}

/** Every symptom phrase of the SOP, in all its languages, for search. */
export function allSymptoms(doc: Pick<SopDocument, 'symptoms' | 'translations'>): string[] {
  return [...doc.symptoms, ...Object.values(doc.translations ?? {}).flatMap((t) => t.symptoms ?? [])];
}

/** The SOP's symptoms in `language`, else its own. */
export function symptomsIn(doc: Pick<SopDocument, 'symptoms' | 'translations'>, language: string): string[] {
  return doc.translations?.[language]?.symptoms ?? doc.symptoms;
}

export type { Translations };
