import { schemaIssues } from './issues';
import type { SchemaIssue } from './issues';
import { lintPack } from './lint';
import type { LintFinding, LintOptions } from './lint-types';
import { sopPackSchema } from './schema';
import type { SopPack } from './schema';

/** A pack that may be used (warnings shown), or why it was refused. */
export type PackLoadResult =
  | { ok: true; pack: SopPack; warnings: LintFinding[] }
  | { ok: false; schemaIssues: SchemaIssue[]; errors: LintFinding[]; warnings: LintFinding[] };

/**
 * The gate for any pack not compiled into the app (an import, a district's own file): parse it
 * with the schema, then lint it, and refuse it if either finds an error. An SOP that tells staff
 * to ask for a password, or that can strand an analyst mid-call, never reaches the library.
 */
export function loadSopPack(data: unknown, options: LintOptions = {}): PackLoadResult {
  const parsed = sopPackSchema.safeParse(data);
  if (!parsed.success) {
    return { ok: false, schemaIssues: schemaIssues(parsed.error), errors: [], warnings: [] };
  }
  const findings = lintPack(parsed.data, options);
  const errors = findings.filter((finding) => finding.severity === 'error');
  const warnings = findings.filter((finding) => finding.severity === 'warning');
  if (errors.length > 0) return { ok: false, schemaIssues: [], errors, warnings };
  return { ok: true, pack: parsed.data, warnings };
}
