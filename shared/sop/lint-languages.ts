import { referencedVariables } from './interpolate';
import { callerLanguages, ownLanguage } from './languages';
import { nodeFacts } from './lint-node';
import type { LintFinding } from './lint-types';
import type { SopDocument, SopNode } from './schema';

type Finding = Omit<LintFinding, 'sopId'>;

// A node's findings depend only on it and on the SOP's languages (`key`), so an edit re-checks one node.
const cache = new WeakMap<SopNode, { key: string; findings: readonly Finding[] }>();

/**
 * A pack that declares a language must say everything to the caller in it: a `say` missing in
 * Spanish leaves the analyst translating on the phone. And a translation must use the same
 * `{{var}}`s as the SOP's own text, or one language shows a value the other hides (or braces).
 */
export function languageFindings(doc: SopDocument): Finding[] {
  const own = ownLanguage(doc);
  const declared = callerLanguages(doc).filter((language) => language !== own);
  const key = [own, ...declared].join(' ');
  return doc.nodes.flatMap((node) => {
    const hit = cache.get(node);
    if (hit?.key === key) return hit.findings;
    const findings = nodeLanguageFindings(node, own, declared);
    cache.set(node, { key, findings });
    return findings;
  });
}

function nodeLanguageFindings(node: SopNode, own: string, declared: readonly string[]): Finding[] {
  const found: Finding[] = [];
  const ownTexts = new Map(nodeFacts(node).texts.filter((t) => t.language === undefined).map((t) => [t.field, t]));
  if (ownTexts.has('say')) {
    for (const language of declared) {
      if (node.translations?.[language]?.['say'] === undefined) {
        found.push({
          severity: 'error',
          rule: 'caller-script-missing-language',
          nodeId: node.id,
          field: 'say',
          message: `the caller script has no "${language}" text, and the pack declares ${language}: write say as { ${own}: "...", ${language}: "..." }`,
        });
      }
    }
  }
  for (const [language, fields] of Object.entries(node.translations ?? {})) {
    for (const [field, text] of Object.entries(fields)) {
      const original = ownTexts.get(field);
      if (original === undefined) {
        found.push({
          severity: 'error',
          rule: 'translation-without-original',
          nodeId: node.id,
          field: `${field} (${language})`,
          message: `a "${language}" text for ${field}, which has no ${own} text on this node; translate a field the node has`,
        });
        continue;
      }
      const mine = new Set(original.variables);
      const theirs = new Set(referencedVariables(text));
      const missing = [...mine].filter((name) => !theirs.has(name));
      const extra = [...theirs].filter((name) => !mine.has(name));
      if (missing.length > 0 || extra.length > 0) {
        const parts = [
          ...(missing.length > 0 ? [`leaves out ${missing.map((n) => `{{${n}}}`).join(', ')}`] : []),
          ...(extra.length > 0 ? [`adds ${extra.map((n) => `{{${n}}}`).join(', ')}`] : []),
        ];
        found.push({
          severity: 'error',
          rule: 'translation-variables-differ',
          nodeId: node.id,
          field: `${field} (${language})`,
          message: `the "${language}" text ${parts.join(' and ')} compared with the ${own} text; use the same placeholders, spelled the same`,
        });
      }
    }
  }
  return found;
}
