import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import type { Element } from '@xmldom/xmldom';
import { parse as parsePlist } from 'plist';
import { describe, expect, it } from 'vitest';
import { readLinuxPolicy } from '../../electron/policy/linux';
import { parsePublicKey } from '../../electron/packs/signed-pack';
import { parseRegQuery } from '../../electron/policy/reg-query';
import { uiLanguageSettingSchema } from '../../shared/i18n/language-setting';
import { ROLES } from '../../shared/ipc/roles';
import { connectorKindSchema } from '../../shared/ipc/settings';
import { builtInPolicyValues, layerFrom, POLICY_NAMES, resolvePolicy, UPDATE_MODES } from '../../shared/policy';

const POLICY_DIR = path.resolve(import.meta.dirname, '..', '..', 'build', 'policy');
const read = (name: string) => readFileSync(path.join(POLICY_DIR, name), 'utf8');

function parseXml(text: string, name: string) {
  const problems: string[] = [];
  const doc = new DOMParser({ onError: (level, message) => problems.push(`${level}: ${message}`) }).parseFromString(text, 'text/xml');
  expect(problems, `${name} must be well-formed XML`).toEqual([]);
  return doc;
}

const all = (root: { getElementsByTagName(name: string): ArrayLike<Element> }, tag: string): Element[] => Array.from(root.getElementsByTagName(tag));

describe('Group Policy template (build/policy/deskbook.admx + en-US/deskbook.adml)', () => {
  const admx = parseXml(read('deskbook.admx'), 'deskbook.admx');
  const adml = parseXml(read('en-US/deskbook.adml'), 'deskbook.adml');
  const policies = all(admx, 'policy');
  const strings = new Set(all(adml, 'string').map((s) => s.getAttribute('id')));
  const presentations = new Map(all(adml, 'presentation').map((p) => [p.getAttribute('id'), p]));

  it('is an ADMX/ADML pair in the Group Policy namespace', () => {
    const ns = 'http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions';
    expect(admx.documentElement?.localName).toBe('policyDefinitions');
    expect(admx.documentElement?.namespaceURI).toBe(ns);
    expect(adml.documentElement?.localName).toBe('policyDefinitionResources');
    expect(adml.documentElement?.namespaceURI).toBe(ns);
  });

  it('sets every Deskbook policy name as enforced, under Software\\Policies\\Deskbook', () => {
    const enforced = policies.filter((p) => p.getAttribute('key') === 'Software\\Policies\\Deskbook');
    const valueNames = new Set(enforced.flatMap((p) => [p.getAttribute('valueName'), ...all(p, '*').map((e) => e.getAttribute('valueName'))]));
    for (const name of Object.values(POLICY_NAMES)) expect(valueNames.has(name), name).toBe(true);
  });

  it('offers recommended versions under the Recommended subkey, in their own category', () => {
    const recommended = policies.filter((p) => p.getAttribute('key') === 'Software\\Policies\\Deskbook\\Recommended');
    expect(recommended.length).toBeGreaterThan(0);
    for (const p of recommended) {
      expect(p.getAttribute('name')).toMatch(/_recommended$/);
      expect(all(p, 'parentCategory')[0]?.getAttribute('ref')).toBe('DeskbookRecommended');
    }
  });

  it('resolves every $(string.*) and $(presentation.*) reference in the ADML', () => {
    const refs = [...read('deskbook.admx').matchAll(/\$\((string|presentation)\.([A-Za-z0-9_]+)\)/g)];
    expect(refs.length).toBeGreaterThan(0);
    for (const [, kind, id] of refs) {
      if (kind === 'string') expect(strings.has(id ?? ''), `string ${id}`).toBe(true);
      else expect(presentations.has(id ?? ''), `presentation ${id}`).toBe(true);
    }
  });

  it("matches each presentation control to an element of the policy that uses it", () => {
    for (const policy of policies) {
      const ref = /\$\(presentation\.(\w+)\)/.exec(policy.getAttribute('presentation') ?? '')?.[1];
      if (!ref) continue;
      const ids = new Set(all(policy, '*').map((e) => e.getAttribute('id')).filter(Boolean));
      const controls = all(presentations.get(ref) as Element, '*').map((c) => c.getAttribute('refId')).filter(Boolean);
      for (const id of controls) expect(ids.has(id), `${policy.getAttribute('name')} → ${id}`).toBe(true);
    }
  });

  it('offers exactly the values the app accepts in each list', () => {
    const enumValues = (id: string) =>
      [...new Set(all(admx, 'enum').filter((e) => e.getAttribute('id') === id).flatMap((e) => all(e, 'string').map((s) => s.textContent)))];
    expect(enumValues('ConnectorKind')).toEqual(connectorKindSchema.options);
    expect(enumValues('UserRole')).toEqual([...ROLES]);
    expect(enumValues('UpdateMode')).toEqual([...UPDATE_MODES]);
    expect(enumValues('SopBuiltInPacks')).toEqual(['show', 'hide']);
    expect(enumValues('ConnectorAuth')).toEqual(['basic', 'oauth']);
    expect(enumValues('UiLanguage')).toEqual(uiLanguageSettingSchema.options);
  });

  it('resolves the values Group Policy would write, as reg.exe reports them, without problems', () => {
    const sla = JSON.parse(read('policy.example.json')).enforced.DistrictSlaCalendar as unknown;
    const output = [
      'HKEY_LOCAL_MACHINE\\Software\\Policies\\Deskbook',
      '    ConnectorKind    REG_SZ    request-tracker',
      '    ConnectorUrl    REG_SZ    https://rt.springfield.example.org',
      '    ConnectorQueue    REG_SZ    Help Desk',
      '    ConnectorSiteId    REG_SZ    2f1c0a4e-5b7d-4c3e-9a1f-0d2e3f4a5b6c',
      '    ConnectorRequestIdField    REG_SZ    7d0e2c1b-3a4f-4e5d-8c6b-1a2b3c4d5e6f',
      '    ConnectorIssueId    REG_SZ    0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9',
      '    ConnectorAccount    REG_SZ    helpdesk-integration@springfield.example.org',
      '    ConnectorAuth    REG_SZ    basic',
      '    UserRole    REG_SZ    technician',
      '    AuthorizedContact    REG_DWORD    0x1',
      '    AllowedExternalHosts    REG_MULTI_SZ    help.springfield.example.org\\0kb.infinitecampus.com',
      '    UpdateMode    REG_SZ    off',
      '    SealedNoteRetentionDays    REG_DWORD    0xe',
      `    DistrictSlaCalendar    REG_SZ    ${JSON.stringify(sla)}`,
      '    SopBuiltInPacks    REG_SZ    hide',
      '    SopEnabledPacks    REG_MULTI_SZ    district-hac\\0ic-vendor-support',
      '    DistrictNotes    REG_SZ    {"hac-support":{"parentLoginTier2":"Springfield USD HAC tier 2"}}',
      '    LogResolvedCalls    REG_DWORD    0x1',
      '    LogCallStudentData    REG_DWORD    0x0',
      '    UiLanguage    REG_SZ    es',
      '    Theme    REG_SZ    dark',
      '    SopPackUrl    REG_SZ    https://help.springfield.example.org/deskbook/district.signed.json',
      '    SopPackPublicKey    REG_SZ    qs0/wgkLTJN642oD2pSWGVl1dSO3BOnsyhkqmEryEzY=',
    ].join('\r\n');
    const values = Object.fromEntries((parseRegQuery(output)[0]?.values ?? []).map((v) => [v.name, v.data]));
    const r = resolvePolicy({ admin: { enforced: layerFrom(values, 'HKLM'), recommended: {}, warnings: [], unreadable: false }, user: {}, builtIn: builtInPolicyValues('msi', []) });
    expect(r.problems).toEqual([]);
    expect(Object.values(r.keys).every((k) => k.locked)).toBe(true);
    expect(r.values.uiLanguage).toBe('es');
    expect(r.values.sopPackUrl).toBe('https://help.springfield.example.org/deskbook/district.signed.json');
    expect(r.values.sopPackPublicKey).toBe('qs0/wgkLTJN642oD2pSWGVl1dSO3BOnsyhkqmEryEzY=');
  });
});

describe('macOS configuration profile sample (build/policy/org.deskbook.app.mobileconfig)', () => {
  it('forces valid values for every Deskbook policy name in the org.deskbook.app domain', () => {
    const profile = parsePlist(read('org.deskbook.app.mobileconfig')) as {
      PayloadType: string;
      PayloadContent: { PayloadType: string; PayloadContent: Record<string, { Forced: { mcx_preference_settings: Record<string, unknown> }[] }> }[];
    };
    expect(profile.PayloadType).toBe('Configuration');
    const payload = profile.PayloadContent[0];
    expect(payload?.PayloadType).toBe('com.apple.ManagedClient.preferences');
    const forced = payload?.PayloadContent['org.deskbook.app']?.Forced[0]?.mcx_preference_settings ?? {};
    expect(Object.keys(forced).sort()).toEqual(Object.values(POLICY_NAMES).sort());
    const r = resolvePolicy({ admin: { enforced: layerFrom(forced, 'profile'), recommended: {}, warnings: [], unreadable: false }, user: {}, builtIn: builtInPolicyValues('pkg', []) });
    expect(r.problems).toEqual([]);
    expect(r.connector).toEqual({ kind: 'request-tracker', url: 'https://rt.springfield.example.org', queue: 'Help Desk' });
  });
});

describe('Linux policy sample (build/policy/policy.example.json)', () => {
  it('reads and resolves without problems when installed root-owned', async () => {
    const root = { uid: 0, mode: 0o100644, isFile: true, isDirectory: false, isSymbolicLink: false };
    const admin = await readLinuxPolicy({
      lstat: async (p) => (p.endsWith('.json') ? root : { ...root, mode: 0o40755, isFile: false, isDirectory: true }),
      readText: async () => read('policy.example.json'),
    });
    const r = resolvePolicy({ admin, user: { sealedNoteRetentionDays: 3 }, builtIn: builtInPolicyValues('deb', []) });
    expect(r.problems).toEqual([]);
    expect(r.keys.updateMode).toEqual({ source: 'policy-enforced', locked: true });
    expect(r.keys.sealedNoteRetentionDays).toEqual({ source: 'user', locked: false });
  });
});

describe('signed SOP pack samples (SopPackUrl, SopPackPublicKey)', () => {
  it('use a public key Deskbook can verify with, the same in every template', () => {
    const profile = read('org.deskbook.app.mobileconfig');
    const keys = [
      /<key>SopPackPublicKey<\/key>\s*<string>([^<]*)<\/string>/.exec(profile)?.[1],
      (JSON.parse(read('policy.example.json')) as { enforced: Record<string, string> }).enforced.SopPackPublicKey,
    ];
    for (const key of keys) {
      expect(key).toMatch(/^[A-Za-z0-9+/]{43}=$/);
      expect(parsePublicKey(key ?? '')).toMatchObject({ ok: true });
    }
    expect(new Set(keys).size).toBe(1);
  });
});
