import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtInPolicyValues, resolvePolicy } from '../../shared/policy';
import { parseRegQuery } from './reg-query';
import type { CommandResult, RunCommand } from './run-command';
import { readWindowsPolicy } from './windows';

// reg.exe output in its exact layout: CRLF line ends, a blank line before each key, four-space
// columns, hex REG_DWORD data, `\0` between REG_MULTI_SZ items. Written by hand in that format
// (there is no Windows machine here to capture from); the HKCU sample has a REG_BINARY value,
// an empty REG_SZ and a Chrome-style list subkey.
const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, 'fixtures', name), 'utf8');
const HKLM_OUTPUT = fixture('reg-query-hklm.txt');
const HKCU_OUTPUT = fixture('reg-query-hkcu.txt');
const NOT_FOUND: CommandResult = { code: 1, stdout: '', stderr: 'ERROR: The system was unable to find the specified registry key or value.\r\n' };

const LONG = { HKLM: 'HKEY_LOCAL_MACHINE', HKCU: 'HKEY_CURRENT_USER' } as const;

/** What `reg query <key>` (no /s) prints: the key, then one line per direct subkey. */
const listing = (key: string, subkeys: readonly string[]): CommandResult => ({
  code: 0,
  stdout: ['', key, ...subkeys.map((k) => `${key}\\${k}`), ''].join('\r\n'),
  stderr: '',
});

/**
 * reg.exe as Deskbook calls it: listing `Software` and `Software\Policies` of each hive, then
 * `/s` on the Deskbook key when it is listed. A hive with an answer has a Deskbook key.
 */
function fakeReg(answers: { HKLM?: CommandResult | Error; HKCU?: CommandResult | Error }, notFound = NOT_FOUND): { run: RunCommand; calls: string[][] } {
  const calls: string[][] = [];
  const run: RunCommand = async (file, args) => {
    calls.push([file, ...args]);
    const [hive = 'HKLM', ...rest] = (args[1] ?? '').split('\\') as ['HKLM' | 'HKCU', ...string[]];
    const path = rest.join('\\');
    const answer = answers[hive];
    if (path === 'Software') return listing(`${LONG[hive]}\\Software`, ['Classes', 'Microsoft', 'Policies']);
    if (path === 'Software\\Policies') return listing(`${LONG[hive]}\\Software\\Policies`, answer ? ['Google', 'Deskbook'] : ['Google', 'Microsoft']);
    if (!answer) return notFound;
    if (answer instanceof Error) throw answer;
    return answer;
  };
  return { run, calls };
}

describe('parseRegQuery', () => {
  it('reads keys and typed values from reg.exe output', () => {
    const keys = parseRegQuery(HKLM_OUTPUT);
    expect(keys.map((k) => k.path)).toEqual(['HKEY_LOCAL_MACHINE\\Software\\Policies\\Deskbook', 'HKEY_LOCAL_MACHINE\\Software\\Policies\\Deskbook\\Recommended']);
    const values = Object.fromEntries((keys[0]?.values ?? []).map((v) => [v.name, v.data]));
    expect(values).toEqual({
      ConnectorKind: 'request-tracker',
      ConnectorUrl: 'https://rt.springfield.k12.example.us',
      ConnectorQueue: 'Help Desk    Tier 1',
      SealedNoteRetentionDays: 30,
      AuthorizedContact: 1,
      AllowedExternalHosts: ['help.springfield.example.us', 'kb.infinitecampus.com'],
      UserRole: 'supervisor',
    });
  });

  it('drops the (Default) value and keeps an empty REG_SZ as an empty string', () => {
    const keys = parseRegQuery(HKCU_OUTPUT);
    expect(keys[0]?.values.find((v) => v.name === 'Notes')).toEqual({ name: 'Notes', type: 'REG_BINARY', data: '0A0B0C' });
    expect(keys[1]?.values).toEqual([{ name: 'SealedNoteRetentionDays', type: 'REG_SZ', data: '' }]);
    expect(parseRegQuery(HKLM_OUTPUT)[1]?.values.map((v) => v.name)).toEqual(['UpdateMode']);
  });

  it('ignores lines it does not recognise and text before the first key', () => {
    expect(parseRegQuery('    Stray    REG_SZ    x\r\nEnd of search: 0 match(es) found.\r\n')).toEqual([]);
  });
});

describe('readWindowsPolicy', () => {
  it('queries both hives with the reg.exe it was given, HKLM first, walking down to the Deskbook key', async () => {
    const { run, calls } = fakeReg({ HKLM: { code: 0, stdout: HKLM_OUTPUT, stderr: '' } });
    await readWindowsPolicy(run, 'C:\\Windows\\System32\\reg.exe');
    expect(calls).toEqual([
      ['C:\\Windows\\System32\\reg.exe', 'query', 'HKLM\\Software'],
      ['C:\\Windows\\System32\\reg.exe', 'query', 'HKLM\\Software\\Policies'],
      ['C:\\Windows\\System32\\reg.exe', 'query', 'HKLM\\Software\\Policies\\Deskbook', '/s'],
      ['C:\\Windows\\System32\\reg.exe', 'query', 'HKCU\\Software'],
      ['C:\\Windows\\System32\\reg.exe', 'query', 'HKCU\\Software\\Policies'],
    ]);
  });

  it('reads "no policy" from key paths, not from messages Windows translates', async () => {
    const spanish: CommandResult = { code: 1, stdout: '', stderr: 'ERROR: El sistema no pudo encontrar la clave o el valor del Registro especificado.\r\n' };
    expect(await readWindowsPolicy(fakeReg({}, spanish).run)).toEqual({ enforced: {}, recommended: {}, warnings: [], unreadable: false });
  });

  it('fails closed when a parent key cannot be listed', async () => {
    const run: RunCommand = async () => ({ code: 1, stdout: '', stderr: 'ERROR: Acceso denegado.' });
    const policy = await readWindowsPolicy(run);
    expect(policy.unreadable).toBe(true);
    expect(policy.warnings[0]?.message).toMatch(/could not list HKLM\\Software \(exit code 1\)/);
  });

  it('treats a missing policy key as no policy, without warnings', async () => {
    const policy = await readWindowsPolicy(fakeReg({}).run);
    expect(policy).toEqual({ enforced: {}, recommended: {}, warnings: [], unreadable: false });
  });

  it('lets machine policy win over user policy, name by name', async () => {
    const policy = await readWindowsPolicy(fakeReg({ HKLM: { code: 0, stdout: HKLM_OUTPUT, stderr: '' }, HKCU: { code: 0, stdout: HKCU_OUTPUT, stderr: '' } }).run);
    expect(policy.enforced.UserRole).toEqual({ value: 'supervisor', origin: 'HKLM\\Software\\Policies\\Deskbook' });
    expect(policy.enforced.UpdateMode).toEqual({ value: 'auto', origin: 'HKCU\\Software\\Policies\\Deskbook' });
    expect(policy.recommended.UpdateMode?.value).toBe('notify');
    expect(policy.recommended.AllowedExternalHosts).toEqual({
      value: ['wiki.springfield.example.us', 'status.springfield.example.us', 'kb.infinitecampus.com'],
      origin: 'HKCU\\Software\\Policies\\Deskbook\\Recommended\\AllowedExternalHosts',
    });
  });

  it('keeps an unsupported value type so the resolver reports it instead of dropping it', async () => {
    const policy = await readWindowsPolicy(fakeReg({ HKCU: { code: 0, stdout: HKCU_OUTPUT, stderr: '' } }).run);
    expect(policy.enforced.Notes?.value).toEqual({ unsupportedRegistryType: 'REG_BINARY' });
  });

  it('warns and marks the policy unreadable when reg.exe cannot run or fails', async () => {
    const spawnFailed = await readWindowsPolicy(fakeReg({ HKLM: new Error('spawn reg.exe ENOENT') }).run);
    expect(spawnFailed.unreadable).toBe(true);
    expect(spawnFailed.warnings).toEqual([{ origin: 'HKLM\\Software\\Policies\\Deskbook', message: 'reg.exe could not be run: spawn reg.exe ENOENT' }]);
    const denied = await readWindowsPolicy(fakeReg({ HKCU: { code: 1, stdout: '', stderr: 'ERROR: Access is denied.' } }).run);
    expect(denied.unreadable).toBe(true);
    expect(denied.warnings[0]?.message).toMatch(/Access is denied/);
  });

  it('resolves the captured policy into effective settings', async () => {
    const admin = await readWindowsPolicy(fakeReg({ HKLM: { code: 0, stdout: HKLM_OUTPUT, stderr: '' }, HKCU: { code: 0, stdout: HKCU_OUTPUT, stderr: '' } }).run);
    const r = resolvePolicy({ admin, user: { userRole: 'analyst' }, builtIn: builtInPolicyValues('msi', []) });
    expect(r.connector).toEqual({ kind: 'request-tracker', url: 'https://rt.springfield.k12.example.us', queue: 'Help Desk    Tier 1' });
    expect(r.values).toMatchObject({ userRole: 'supervisor', authorizedContact: true, sealedNoteRetentionDays: 30, updateMode: 'auto' });
    expect(r.keys.userRole).toEqual({ source: 'policy-enforced', locked: true });
    // Notes (REG_BINARY) is not a policy name; the empty recommended REG_SZ is malformed.
    expect(r.problems.map((p) => `${p.level}:${p.key ?? '-'}`)).toEqual(['enforced:-', 'recommended:SealedNoteRetentionDays']);
  });
});
