import { describe, expect, it } from 'vitest';
import type { LinuxPolicyDeps, PathInfo } from './linux';
import { readLinuxPolicy } from './linux';

const FILE = '/etc/deskbook/policy.json';
const DIR = '/etc/deskbook';
const rootFile: PathInfo = { uid: 0, mode: 0o100644, isFile: true, isDirectory: false, isSymbolicLink: false };
const rootDir: PathInfo = { uid: 0, mode: 0o40755, isFile: false, isDirectory: true, isSymbolicLink: false };
const POLICY = JSON.stringify({ enforced: { UpdateMode: 'off', ConnectorKind: 'webhook' }, recommended: { SealedNoteRetentionDays: 10 } });

function fs(entries: Record<string, PathInfo>, text = POLICY): LinuxPolicyDeps & { reads: number } {
  const deps = {
    reads: 0,
    lstat: async (path: string) => entries[path] ?? null,
    readText: async () => {
      deps.reads += 1;
      return text;
    },
  };
  return deps;
}

describe('readLinuxPolicy', () => {
  it('reads enforced and recommended values from a root-owned file', async () => {
    const policy = await readLinuxPolicy(fs({ [FILE]: rootFile, [DIR]: rootDir }));
    expect(policy.enforced).toEqual({
      UpdateMode: { value: 'off', origin: `${FILE} (enforced)` },
      ConnectorKind: { value: 'webhook', origin: `${FILE} (enforced)` },
    });
    expect(policy.recommended.SealedNoteRetentionDays?.value).toBe(10);
    expect(policy.warnings).toEqual([]);
    expect(policy.unreadable).toBe(false);
  });

  it('treats a missing file as no policy', async () => {
    expect(await readLinuxPolicy(fs({}))).toEqual({ enforced: {}, recommended: {}, warnings: [], unreadable: false });
  });

  it.each([
    ['not owned by root', { ...rootFile, uid: 1000 }, rootDir, /is not owned by root; not trusted/],
    ['group-writable', { ...rootFile, mode: 0o100664 }, rootDir, /writable by group or others; not trusted/],
    ['world-writable', { ...rootFile, mode: 0o100646 }, rootDir, /writable by group or others; not trusted/],
    ['a symbolic link', { ...rootFile, isSymbolicLink: true }, rootDir, /is a symbolic link; not trusted/],
    ['in a directory others can write', rootFile, { ...rootDir, mode: 0o40777 }, /its directory \/etc\/deskbook is writable by group or others; not trusted/],
    ['in a directory a user owns', rootFile, { ...rootDir, uid: 1000 }, /its directory \/etc\/deskbook is not owned by root; not trusted/],
  ])('fails closed on a policy file %s, with a warning saying why, without reading it', async (_label, file, dir, message) => {
    const deps = fs({ [FILE]: file, [DIR]: dir });
    const policy = await readLinuxPolicy(deps);
    expect(policy.enforced).toEqual({});
    expect(policy.unreadable).toBe(true);
    expect(policy.warnings[0]?.message).toMatch(message);
    expect(deps.reads).toBe(0);
  });

  it('marks a trusted file that is not valid JSON as unreadable, so the resolver fails closed', async () => {
    const policy = await readLinuxPolicy(fs({ [FILE]: rootFile, [DIR]: rootDir }, '{"enforced": {'));
    expect(policy.unreadable).toBe(true);
    expect(policy.warnings[0]?.message).toMatch(/is not valid JSON/);
  });

  it('warns about unknown top-level sections and refuses a section that is not an object', async () => {
    const text = JSON.stringify({ enforced: ['UpdateMode'], Enforced: {}, recommended: { UpdateMode: 'notify' } });
    const policy = await readLinuxPolicy(fs({ [FILE]: rootFile, [DIR]: rootDir }, text));
    expect(policy.warnings.map((w) => w.message)).toEqual([
      '"enforced" must be an object of policy names to values',
      '"Enforced": only "enforced" and "recommended" are read; ignored',
    ]);
    expect(policy.unreadable).toBe(true);
    expect(policy.recommended.UpdateMode?.value).toBe('notify');
  });

  it('never throws when the file cannot even be checked', async () => {
    const deps: LinuxPolicyDeps = {
      lstat: async () => {
        throw new Error('EACCES: permission denied');
      },
      readText: async () => '',
    };
    const policy = await readLinuxPolicy(deps);
    expect(policy.unreadable).toBe(true);
    expect(policy.warnings[0]?.message).toMatch(/cannot be checked/);
  });
});
