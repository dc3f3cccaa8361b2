import { stringify } from 'yaml';
import { ownLanguage } from './languages';
import type { SopDocument, SopNode, SopPack, SopPackInput } from './schema';

/**
 * A parsed pack written back the way authors write it: nodes as a map keyed by id, each text
 * per language folded back into `{ en: "...", es: "..." }`, defaults and what an SOP inherits
 * from its pack left out. Parsing the result gives the same pack (export.test.ts checks every
 * built-in pack), so an edited or imported pack can be exported to YAML or JSON and linted,
 * signed or imported again with nothing lost.
 */
export function packToAuthoring(pack: SopPack): SopPackInput {
  const out: Record<string, unknown> = {
    id: pack.id,
    title: pack.title,
    version: pack.version,
    publisher: pack.publisher,
  };
  if (pack.exampleFrom !== undefined) out['exampleFrom'] = pack.exampleFrom;
  if (pack.languages !== undefined) out['languages'] = pack.languages;
  if (Object.keys(pack.ticket).length > 0) out['ticket'] = pack.ticket;
  if (Object.keys(pack.district).length > 0) out['district'] = pack.district;
  out['sops'] = pack.sops.map((sop) => sopToAuthoring(sop, pack));
  return out as SopPackInput;
}

/** The pack as a YAML file, with the editor's schema comment a hand-written pack carries. */
export function packToYaml(pack: SopPack, schemaPath = './sop-pack.schema.json'): string {
  return `# yaml-language-server: $schema=${schemaPath}\n${stringify(packToAuthoring(pack), { lineWidth: 100 })}`;
}

/** The pack as JSON, for tools and the signed-pack payload. */
export function packToJson(pack: SopPack): string {
  return `${JSON.stringify(packToAuthoring(pack), null, 2)}\n`;
}

const without = <T extends Record<string, unknown>>(record: T, inherited: Record<string, unknown>): Partial<T> =>
  Object.fromEntries(Object.entries(record).filter(([key, value]) => !(key in inherited) || JSON.stringify(inherited[key]) !== JSON.stringify(value))) as Partial<T>;

function sopToAuthoring(sop: SopDocument, pack: SopPack): Record<string, unknown> {
  const own = ownLanguage(sop);
  const translations = sop.translations ?? {};
  const out: Record<string, unknown> = { id: sop.id, title: folded(sop.title, own, languageMap(translations, (t) => t.title)), version: sop.version, audience: sop.audience };
  if (sop.locale !== 'en-US') out['locale'] = sop.locale;
  const inheritedLanguages = pack.languages ?? [];
  const ownLanguages = (sop.languages ?? []).filter((language) => !inheritedLanguages.includes(language));
  // An SOP declaring fewer languages than its pack cannot be written (the pack's apply); more can.
  if (ownLanguages.length > 0) out['languages'] = ownLanguages;
  if (sop.tags.length > 0) out['tags'] = sop.tags;
  const symptoms = folded(sop.symptoms, own, languageMap(translations, (t) => t.symptoms));
  if (!(Array.isArray(symptoms) && symptoms.length === 0)) out['symptoms'] = symptoms;
  out['start'] = sop.start;
  const ticket = without(sop.ticket, pack.ticket);
  if (Object.keys(ticket).length > 0) out['ticket'] = ticket;
  const district = without(sop.district, pack.district);
  if (Object.keys(district).length > 0) out['district'] = district;
  const ids = sop.nodes.map((node) => node.id);
  const unique = new Set(ids).size === ids.length;
  // Duplicate ids (a lint error) only survive in the list form, so they are kept for lint to see.
  out['nodes'] = unique
    ? Object.fromEntries(sop.nodes.map((node) => [node.id, nodeToAuthoring(node, own, false)]))
    : sop.nodes.map((node) => nodeToAuthoring(node, own, true));
  return out;
}

function languageMap<T>(translations: NonNullable<SopDocument['translations']>, pick: (t: { title?: string; symptoms?: string[] }) => T | undefined): Record<string, T> {
  const map: Record<string, T> = {};
  for (const [language, t] of Object.entries(translations)) {
    const value = pick(t);
    if (value !== undefined) map[language] = value;
  }
  return map;
}

/** `value` alone, or `{ own: value, ...others }` when other languages have it. */
function folded<T>(value: T, own: string, others: Record<string, T>): T | Record<string, T> {
  return Object.keys(others).length === 0 ? value : { [own]: value, ...others };
}

/** A node as written: its texts per language folded back, defaults omitted. */
function nodeToAuthoring(node: SopNode, own: string, withId: boolean): Record<string, unknown> {
  const { id, translations, ...body } = node;
  const out: Record<string, unknown> = structuredCopy(body);
  if (withId) out['id'] = id;
  if (out['sensitive'] === false) delete out['sensitive'];
  const leftOver: Record<string, Record<string, string>> = {};
  for (const [language, fields] of Object.entries(translations ?? {})) {
    for (const [field, text] of Object.entries(fields)) {
      if (!foldInto(out, field, own, language, text)) (leftOver[language] ??= {})[field] = text;
    }
  }
  if (Array.isArray(out['fields'])) {
    for (const field of out['fields'] as Record<string, unknown>[]) if (field['required'] === true) delete field['required'];
  }
  // A translation of a field the node lacks (lint reports it) is kept as written.
  if (Object.keys(leftOver).length > 0) out['translations'] = leftOver;
  return withId ? { id, ...out } : out;
}

/** Puts `text` in `language` at `field` (`say`, `choices[1].label`); false when the node has no such text. */
function foldInto(node: Record<string, unknown>, field: string, own: string, language: string, text: string): boolean {
  const path = /^(?:(choices|fields|links)\[(\d+)\]\.)?(\w+)$/.exec(field);
  if (!path) return false;
  const [, list, index, key] = path as unknown as [string, string | undefined, string | undefined, string];
  const holder = list ? (node[list] as Record<string, unknown>[] | undefined)?.[Number(index)] : node;
  if (!holder || holder[key] === undefined) return false;
  const current = holder[key];
  holder[key] = typeof current === 'string' ? { [own]: current, [language]: text } : { ...(current as Record<string, string>), [language]: text };
  return true;
}

function structuredCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
