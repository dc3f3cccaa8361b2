import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readLinuxPolicy } from './linux';
import { createNodePolicyDeps } from './node-deps';

const isRoot = process.platform === 'linux' && process.getuid?.() === 0;
let dir = '';

afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = '';
});

describe('the real file system behind the Linux policy reader', () => {
  it.skipIf(!isRoot)('trusts a root-owned 0644 file in a 0755 directory and refuses it once group-writable', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'deskbook-policy-'));
    await chmod(dir, 0o755);
    const file = path.join(dir, 'policy.json');
    await writeFile(file, JSON.stringify({ enforced: { UpdateMode: 'off' } }), { mode: 0o644 });
    await chmod(file, 0o644);
    const deps = createNodePolicyDeps();
    expect((await readLinuxPolicy(deps, file)).enforced.UpdateMode?.value).toBe('off');
    await chmod(file, 0o664);
    const refused = await readLinuxPolicy(deps, file);
    expect(refused.enforced).toEqual({});
    expect(refused.warnings[0]?.message).toMatch(/writable by group or others/);
  });

  it('reports a missing file as absent, not as an error', async () => {
    const deps = createNodePolicyDeps();
    expect(await deps.lstat('/nonexistent/deskbook/policy.json')).toBeNull();
    expect(await deps.readFile('/nonexistent/deskbook/policy.plist')).toBeNull();
  });

  it('runs a command without a shell and returns its exit code instead of throwing', async () => {
    const deps = createNodePolicyDeps();
    const result = await deps.run(process.execPath, ['-e', 'process.stdout.write("out"); process.exit(3)']);
    expect(result).toEqual({ code: 3, stdout: 'out', stderr: '' });
    await expect(deps.run('/nonexistent/reg.exe', [])).rejects.toThrow(/ENOENT/);
  });

  it('points at the reg.exe in System32, never one found on PATH or named by the environment', () => {
    const saved = process.env.SystemRoot;
    process.env.SystemRoot = 'C:\\Users\\dana\\fake';
    try {
      expect(createNodePolicyDeps().regExe).toBe('C:\\Windows\\System32\\reg.exe');
    } finally {
      if (saved === undefined) delete process.env.SystemRoot;
      else process.env.SystemRoot = saved;
    }
  });
});
