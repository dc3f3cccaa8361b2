import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { defaultPackFiles, lintFiles } from './sop-lint';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Runs the script the way authors and CI do: a separate Node process through tsx. */
function run(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/sop-lint.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('scripts/sop-lint.ts', () => {
  it('exits 1 on the unsafe fixture and prints each finding as file: sopId/nodeId [rule] message', () => {
    const { code, out } = run('shared/sop/fixtures/unsafe-pack.yaml');
    expect(code).toBe(1);
    const file = 'shared/sop/fixtures/unsafe-pack.yaml';
    expect(out).toContain(`${file}: unsafe-hac-login/verify-password [security-asks-for-password] text: "ask for the password`);
    expect(out).toContain(`${file}: unsafe-hac-login/verify-password [security-logs-in-as-caller]`);
    expect(out).toContain(`${file}: unsafe-hac-login/verify-password [security-hides-from-parent]`);
    expect(out).toContain(`${file}: unsafe-hac-login/login-id [dead-end] choices[1].next points to missing node "campus"`);
    expect(out).toContain(`${file}: unsafe-hac-login/orphan [unreachable-node] warning: `);
    expect(out).toContain(`${file}: unsafe-hac-login/escalate [undefined-variable] outcome.summary: {{callerName}} is never captured`);
    expect(out.trim().split('\n').at(-1)).toMatch(/^\d+ errors, 1 warning in 1 file$/);
  });

  it('exits 1 on a schema error and names the file and the path inside it', () => {
    const { code, out } = run('shared/sop/fixtures/bad-schema.yaml');
    expect(code).toBe(1);
    expect(out).toContain(
      'shared/sop/fixtures/bad-schema.yaml: sops[0].nodes.ask-login.next: id must be kebab-case (a-z, 0-9, single dashes)',
    );
    expect(out).toContain('shared/sop/fixtures/bad-schema.yaml: sops[0].nodes.check-login.kind: ');
  });

  it('lints every built-in pack by default and exits 0 when they are clean', () => {
    const { code, out } = run();
    expect(code).toBe(0);
    expect(out.trim()).toBe('0 errors, 0 warnings in 4 files');
  });
});

describe('lintFiles', () => {
  it('reports YAML the parser rejects (a node key written twice) with its line, not a crash', () => {
    const report = lintFiles(['shared/sop/fixtures/duplicate-keys.yaml'], root);
    expect(report.exitCode).toBe(1);
    expect(report.lines[0]).toBe('shared/sop/fixtures/duplicate-keys.yaml: line 18, column 7: Map keys must be unique');
  });

  it('finds the built-in pack files', () => {
    expect(defaultPackFiles().map((file) => file.split('/').at(-1))).toEqual([
      'hac.yaml',
      'ic-household.yaml',
      'ic-parent-portal.yaml',
      'ic-vendor-support.yaml',
    ]);
  });
});
