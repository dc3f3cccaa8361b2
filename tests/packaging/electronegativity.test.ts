import { cp, mkdtemp, rm } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ALLOWED_FINDINGS } from './electronegativity-allowlist';
import type { AllowedFinding, AuditScan } from './electronegativity-allowlist';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

/** The fields of an Electronegativity issue the gate reads. */
interface Finding {
  id: string;
  file: string;
  sample?: string;
  location: { line: number; column: number };
  severity: { name: string };
  confidence: { name: string };
}

interface AuditResult {
  errors: { file: string; message: string; tolerable: boolean }[];
  issues: Finding[];
}

type Run = (options: Record<string, unknown>, forCli: boolean) => Promise<AuditResult>;

// The package's documented programmatic entry point (README "Programmatically"). Used instead
// of the CLI because the CLI's -o csv/sarif output leaves out files it failed to parse, and a
// file the audit could not read must fail it, not pass it. It has no type declarations.
const runElectronegativity = createRequire(import.meta.url)('@doyensec/electronegativity') as Run;

const electronVersion = (JSON.parse(readFileSync(path.join(ROOT, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;

async function audit(input: string): Promise<AuditResult> {
  return runElectronegativity(
    {
      input,
      isRelative: true,
      electronVersionOverride: electronVersion,
      // Fetches Electron's release notes from the network; the machines here have none.
      excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
    },
    false,
  );
}

function matches(entry: AllowedFinding, scan: AuditScan, finding: Finding): boolean {
  return (
    entry.scan === scan &&
    entry.id === finding.id &&
    entry.file === finding.file.split(path.sep).join('/') &&
    (entry.sampleIncludes === undefined || (finding.sample ?? '').includes(entry.sampleIncludes))
  );
}

function describeFinding(f: Finding): string {
  return `${f.id} ${f.severity.name}/${f.confidence.name} at ${f.file}:${f.location.line}:${f.location.column} — ${(f.sample ?? '').slice(0, 120)}`;
}

const used = new Set<AllowedFinding>();

function gate(scan: AuditScan, result: AuditResult): void {
  expect(result.errors.map((e) => `${e.file}: ${e.message}`), 'files Electronegativity could not parse were not audited').toEqual([]);
  const unexplained: string[] = [];
  for (const finding of result.issues) {
    const entry = ALLOWED_FINDINGS.find((e) => matches(e, scan, finding));
    if (entry) used.add(entry);
    else unexplained.push(describeFinding(finding));
  }
  expect(unexplained, 'fix these, or allowlist one with a justification in electronegativity-allowlist.ts').toEqual([]);
}

let view = '';
afterAll(async () => {
  if (view) await rm(view, { recursive: true, force: true });
});

describe('Electronegativity security audit (every finding fixed or allowlisted with a reason)', () => {
  it('finds nothing unexplained in the main-process sources (electron/)', async () => {
    gate('sources', await audit(path.join(ROOT, 'electron')));
  });

  it('finds nothing unexplained in the built main process and preload (dist/electron)', async () => {
    const built = ['dist/electron/main.cjs', 'dist/electron/preload.cjs'];
    const missing = built.filter((f) => !existsSync(path.join(ROOT, f)));
    if (missing.length > 0) throw new Error(`Run \`npm run build\` first: ${missing.join(', ')} is missing.`);
    // Electronegativity reads .js/.ts/.html and package.json only, so the .cjs bundles are
    // copied under .js names (with package.json, for the Electron version check).
    view = await mkdtemp(path.join(tmpdir(), 'deskbook-audit-'));
    await cp(path.join(ROOT, 'dist/electron/main.cjs'), path.join(view, 'main.js'));
    await cp(path.join(ROOT, 'dist/electron/preload.cjs'), path.join(view, 'preload.js'));
    await cp(path.join(ROOT, 'package.json'), path.join(view, 'package.json'));
    gate('build', await audit(view));
  });

  it('has no allowlist entry left that matches nothing (delete stale entries)', () => {
    expect(ALLOWED_FINDINGS.filter((e) => !used.has(e)).map((e) => `${e.scan} ${e.id} ${e.file}`)).toEqual([]);
  });
});
