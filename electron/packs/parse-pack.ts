import { parseDocument } from 'yaml';
import { loadSopPack } from '../../shared/sop/load';
import type { LintFinding, LintOptions } from '../../shared/sop/lint-types';
import type { SopPack } from '../../shared/sop/schema';

/** A pack file's text read through the app's gate, or each problem as one line. */
export type ParsedPack = { ok: true; pack: SopPack; warnings: LintFinding[] } | { ok: false; problems: string[] };

/** `sopId/nodeId [rule] field: message`, the way `sop-lint` prints a finding. */
export function formatFinding(finding: LintFinding): string {
  const where = finding.nodeId === undefined ? finding.sopId : `${finding.sopId}/${finding.nodeId}`;
  const field = finding.field !== undefined && !finding.message.startsWith(finding.field) ? `${finding.field}: ` : '';
  return `${where} [${finding.rule}] ${field}${finding.message}`;
}

/**
 * Parses a pack file's text (YAML, or JSON, which YAML reads too) and puts it through
 * `loadSopPack`, the same schema and lint gate as any pack not compiled into the app. The signer
 * and every Deskbook run this one function, so a pack the CLI signs is a pack the app accepts
 * (unless the district's link-host policy differs from the signer's).
 */
export function parsePackText(text: string, options: LintOptions = {}): ParsedPack {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((error) => {
        const at = error.linePos?.[0];
        const where = at ? `line ${at.line}, column ${at.col}: ` : '';
        return `${where}${(error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '')}`;
      }),
    };
  }
  let data: unknown;
  try {
    data = doc.toJS();
  } catch (error) {
    return { ok: false, problems: [error instanceof Error ? error.message : String(error)] };
  }
  const result = loadSopPack(data, options);
  if (!result.ok) {
    return {
      ok: false,
      problems: [
        ...result.schemaIssues.map((issue) => `${issue.path === '' ? '(top level)' : issue.path}: ${issue.message}`),
        ...result.errors.map(formatFinding),
      ],
    };
  }
  return { ok: true, pack: result.pack, warnings: result.warnings };
}

/** Up to `max` problems joined for a status line, with how many more there were. */
export function briefProblems(problems: readonly string[], max = 3): string {
  const shown = problems.slice(0, max).join('; ');
  const more = problems.length - max;
  return more > 0 ? `${shown}; and ${more} more` : shown;
}
