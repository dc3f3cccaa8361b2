import { lintPack } from '../../../shared/sop/lint';
import { sopPackSchema } from '../../../shared/sop/schema';
import type { SopPack } from '../../../shared/sop/schema';

export interface PackFinding {
  severity: 'error' | 'warning';
  /** Where: `sopId/nodeId field`, or the schema path. */
  where: string;
  message: string;
}

/**
 * Parses, validates and lints a pack file. Returns the pack only when there is no error; every
 * finding is returned either way. YAML is parsed by a lazily loaded parser, so the library's
 * first load does not carry it.
 */
export async function checkPackText(fileName: string, text: string): Promise<{ pack: SopPack | null; findings: PackFinding[] }> {
  let raw: unknown;
  try {
    if (/\.json$/i.test(fileName)) raw = JSON.parse(text);
    else raw = (await import('yaml')).parse(text);
  } catch (cause) {
    return { pack: null, findings: [{ severity: 'error', where: fileName, message: `cannot be read: ${cause instanceof Error ? cause.message : String(cause)}` }] };
  }
  const parsed = sopPackSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      pack: null,
      findings: parsed.error.issues.map((issue) => ({ severity: 'error', where: issue.path.join('.') || fileName, message: issue.message })),
    };
  }
  const findings: PackFinding[] = lintPack(parsed.data).map((f) => ({
    severity: f.severity,
    where: [f.sopId, f.nodeId].filter(Boolean).join('/') + (f.field ? ` ${f.field}` : ''),
    message: f.message,
  }));
  return { pack: findings.some((f) => f.severity === 'error') ? null : parsed.data, findings };
}
