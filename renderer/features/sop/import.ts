import { loadSopPack } from '../../../shared/sop/load';
import type { LintFinding } from '../../../shared/sop/lint';
import type { SopPack } from '../../../shared/sop/schema';
import { errorText } from '../../ui/error-text';

export interface PackFinding {
  severity: 'error' | 'warning';
  /** Where: `sopId/nodeId field`, or the schema path such as `sops[0].nodes.ask.next`. */
  where: string;
  message: string;
}

const fromLint = (f: LintFinding): PackFinding => ({
  severity: f.severity,
  where: [f.packId, f.sopId, f.nodeId].filter(Boolean).join('/') + (f.field ? ` ${f.field}` : ''),
  message: f.message,
});

/**
 * Parses, validates and lints a pack file. Returns the pack only when there is no error; every
 * finding is returned either way, so nothing is half-imported. YAML is parsed by a lazily loaded
 * parser, so the library's first load does not carry it.
 */
export async function checkPackText(fileName: string, text: string): Promise<{ pack: SopPack | null; findings: PackFinding[] }> {
  let raw: unknown;
  try {
    if (/\.json$/i.test(fileName)) raw = JSON.parse(text);
    else raw = (await import('yaml')).parse(text);
  } catch (cause) {
    return { pack: null, findings: [{ severity: 'error', where: fileName, message: `cannot be read: ${errorText(cause)}` }] };
  }
  const result = loadSopPack(raw);
  if (result.ok) return { pack: result.pack, findings: result.warnings.map(fromLint) };
  return {
    pack: null,
    findings: [
      ...result.schemaIssues.map((i): PackFinding => ({ severity: 'error', where: i.path || fileName, message: i.message })),
      ...result.errors.map(fromLint),
      ...result.warnings.map(fromLint),
    ],
  };
}
