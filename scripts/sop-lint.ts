/**
 * Validates and lints SOP packs: `npx tsx scripts/sop-lint.ts [files…]` (default: every
 * shared/sop/packs/*.yaml). Prints schema issues as `file: path: message` and lint findings as
 * `file: sopId/nodeId [rule] message`; exits 1 if anything is an error, so CI and authors see the
 * same verdict the app applies when it loads a pack.
 *
 * `--write-schema` regenerates shared/sop/sop-pack.schema.json from the zod schema (a unit test
 * fails when the committed file drifts).
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseDocument } from 'yaml';
import { loadSopPack } from '../shared/sop/load';
import type { LintFinding } from '../shared/sop/lint';
import { sopPackJsonSchema } from '../shared/sop/schema';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const PACKS_DIR = join(ROOT, 'shared', 'sop', 'packs');
const SCHEMA_FILE = join(ROOT, 'shared', 'sop', 'sop-pack.schema.json');

/** What a lint run printed and how it should exit. */
export interface SopLintReport {
  exitCode: 0 | 1;
  lines: string[];
}

/** The pack files linted when none are named: every YAML file in shared/sop/packs. */
export function defaultPackFiles(): string[] {
  return readdirSync(PACKS_DIR)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => join(PACKS_DIR, name));
}

/** The JSON Schema file's exact text: what `--write-schema` writes and the drift test compares. */
export function schemaFileText(): string {
  return `${JSON.stringify(sopPackJsonSchema(), null, 2)}\n`;
}

function readData(file: string): { data: unknown } | { errors: string[] } {
  const source = readFileSync(file, 'utf8');
  if (file.endsWith('.json')) {
    try {
      const data: unknown = JSON.parse(source);
      return { data };
    } catch (error) {
      return { errors: [error instanceof Error ? error.message : String(error)] };
    }
  }
  const doc = parseDocument(source);
  if (doc.errors.length > 0) {
    return {
      errors: doc.errors.map((error) => {
        const at = error.linePos?.[0];
        const where = at ? `line ${at.line}, column ${at.col}: ` : '';
        const message = (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
        return `${where}${message}`;
      }),
    };
  }
  const data: unknown = doc.toJS();
  return { data };
}

function formatFinding(label: string, finding: LintFinding): string {
  const where = finding.nodeId === undefined ? finding.sopId : `${finding.sopId}/${finding.nodeId}`;
  const field = finding.field !== undefined && !finding.message.startsWith(finding.field) ? `${finding.field}: ` : '';
  const severity = finding.severity === 'warning' ? 'warning: ' : '';
  return `${label}: ${where} [${finding.rule}] ${severity}${field}${finding.message}`;
}

/** Validates and lints each file; paths in the output are relative to `cwd`. */
export function lintFiles(files: readonly string[], cwd: string = process.cwd()): SopLintReport {
  const lines: string[] = [];
  let errors = 0;
  let warnings = 0;
  for (const file of files) {
    const label = relative(cwd, resolve(cwd, file)) || file;
    const read = readData(resolve(cwd, file));
    if ('errors' in read) {
      errors += read.errors.length;
      for (const message of read.errors) lines.push(`${label}: ${message}`);
      continue;
    }
    const result = loadSopPack(read.data);
    if (!result.ok) {
      errors += result.schemaIssues.length + result.errors.length;
      for (const issue of result.schemaIssues) lines.push(`${label}: ${issue.path}: ${issue.message}`);
      for (const finding of result.errors) lines.push(formatFinding(label, finding));
    }
    warnings += result.warnings.length;
    for (const finding of result.warnings) lines.push(formatFinding(label, finding));
  }
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  lines.push(`${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(files.length, 'file')}`);
  return { exitCode: errors > 0 ? 1 : 0, lines };
}

/** Entry point; returns the exit code so tests can call it without spawning. */
export function main(args: readonly string[]): number {
  if (args.includes('--write-schema')) {
    writeFileSync(SCHEMA_FILE, schemaFileText());
    console.log(`wrote ${relative(process.cwd(), SCHEMA_FILE)}`);
    return 0;
  }
  const files = args.length > 0 ? args : defaultPackFiles();
  const report = lintFiles(files);
  for (const line of report.lines) console.log(line);
  return report.exitCode;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = main(process.argv.slice(2));
}
