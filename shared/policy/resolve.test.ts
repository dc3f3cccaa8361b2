import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../ipc/settings';
import { DEFAULT_DISTRICT_POLICY } from '../sla/district';
import { POLICY_FIELDS, POLICY_NAMES } from './keys';
import type { PolicyValues } from './keys';
import { EMPTY_ADMIN_POLICY, layerFrom, mergePolicyLayers } from './layers';
import type { AdminPolicy } from './layers';
import { ENFORCED_ONLY_FIELDS, resolvePolicy } from './resolve';
import { builtInPolicyValues } from './settings-bridge';

const HKLM = 'HKLM\\Software\\Policies\\Deskbook';
const BUILT_IN = builtInPolicyValues('nsis-user', ['kb.infinitecampus.com']);

function admin(enforced: Record<string, unknown> = {}, recommended: Record<string, unknown> = {}): AdminPolicy {
  return { enforced: layerFrom(enforced, HKLM), recommended: layerFrom(recommended, `${HKLM}\\Recommended`), warnings: [], unreadable: false };
}

function resolve(policy: AdminPolicy, user: Partial<PolicyValues> = {}) {
  return resolvePolicy({ admin: policy, user, builtIn: BUILT_IN });
}

describe('resolvePolicy precedence', () => {
  it('uses the built-in value for every key when there is no policy and no user choice, unlocked except roles', () => {
    const r = resolve(EMPTY_ADMIN_POLICY);
    expect(r.values).toEqual(BUILT_IN);
    for (const field of POLICY_FIELDS) expect(r.keys[field]).toEqual({ source: 'built-in', locked: ENFORCED_ONLY_FIELDS.has(field) });
    expect(r.problems).toEqual([]);
    expect(r.connector).toEqual({ kind: 'none' });
  });

  it('an enforced value beats the user and locks the key', () => {
    const r = resolve(admin({ SealedNoteRetentionDays: 30 }), { sealedNoteRetentionDays: 3 });
    expect(r.values.sealedNoteRetentionDays).toBe(30);
    expect(r.keys.sealedNoteRetentionDays).toEqual({ source: 'policy-enforced', locked: true });
  });

  it("the user's choice beats a recommended value, which stays overridable", () => {
    const r = resolve(admin({}, { SealedNoteRetentionDays: 30 }), { sealedNoteRetentionDays: 3 });
    expect(r.values.sealedNoteRetentionDays).toBe(3);
    expect(r.keys.sealedNoteRetentionDays).toEqual({ source: 'user', locked: false });
  });

  it('a recommended value beats the built-in default when the user has not chosen', () => {
    const r = resolve(admin({}, { UpdateMode: 'notify' }));
    expect(r.values.updateMode).toBe('notify');
    expect(r.keys.updateMode).toEqual({ source: 'policy-default', locked: false });
  });

  it('an enforced value beats a recommended one for the same key', () => {
    const r = resolve(admin({ UpdateMode: 'off' }, { UpdateMode: 'auto' }));
    expect(r.values.updateMode).toBe('off');
    expect(r.keys.updateMode.source).toBe('policy-enforced');
  });

  it('takes roles and the Authorized Contact flag from enforced policy only: never from the user or a recommendation', () => {
    const own = resolve(EMPTY_ADMIN_POLICY, { userRole: 'supervisor', authorizedContact: true });
    expect(own.values).toMatchObject({ userRole: 'analyst', authorizedContact: false });
    expect(own.keys.userRole).toEqual({ source: 'built-in', locked: true });
    const recommended = resolve(admin({}, { UserRole: 'supervisor', AuthorizedContact: true }));
    expect(recommended.values).toMatchObject({ userRole: 'analyst', authorizedContact: false });
    expect(recommended.problems.map((p) => p.message)).toEqual([
      'UserRole: only an enforced policy can set this; the recommended value is ignored',
      'AuthorizedContact: only an enforced policy can set this; the recommended value is ignored',
    ]);
    const enforced = resolve(admin({ UserRole: 'supervisor', AuthorizedContact: true }), { userRole: 'analyst' });
    expect(enforced.values).toMatchObject({ userRole: 'supervisor', authorizedContact: true });
    expect(enforced.keys.authorizedContact).toEqual({ source: 'policy-enforced', locked: true });
  });

  it('matches policy names case-insensitively, as the registry does', () => {
    const r = resolve(admin({ updatemode: 'off', USERROLE: 'supervisor' }));
    expect(r.values.updateMode).toBe('off');
    expect(r.values.userRole).toBe('supervisor');
    expect(r.problems).toEqual([]);
  });
});

describe('resolvePolicy with malformed values', () => {
  it('keeps a key locked at the built-in value when its enforced value is malformed, and never falls back to the user', () => {
    const r = resolve(admin({ UserRole: 'administrator' }), { userRole: 'supervisor' });
    expect(r.values.userRole).toBe('analyst');
    expect(r.keys.userRole).toEqual({ source: 'built-in', locked: true });
    expect(r.problems).toEqual([
      {
        key: 'UserRole',
        level: 'enforced',
        origin: HKLM,
        message: expect.stringMatching(/^UserRole: must be one of analyst, technician, supervisor; .*stays locked at the built-in default$/),
      },
    ]);
  });

  it("keeps a key locked at the policy's recommended value when the enforced one is malformed", () => {
    const r = resolve(admin({ SealedNoteRetentionDays: 'thirty' }, { SealedNoteRetentionDays: 14 }), { sealedNoteRetentionDays: 1 });
    expect(r.values.sealedNoteRetentionDays).toBe(14);
    expect(r.keys.sealedNoteRetentionDays).toEqual({ source: 'policy-default', locked: true });
    expect(r.problems[0]?.message).toMatch(/stays locked at the policy's recommended value/);
  });

  it('ignores a malformed recommended value on its own and reports it', () => {
    const r = resolve(admin({}, { UpdateMode: 'sometimes', SealedNoteRetentionDays: 10 }));
    expect(r.values.updateMode).toBe('auto');
    expect(r.keys.updateMode).toEqual({ source: 'built-in', locked: false });
    expect(r.values.sealedNoteRetentionDays).toBe(10);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ key: 'UpdateMode', level: 'recommended' });
  });

  it('reports a name that is not a Deskbook policy and ignores it', () => {
    const r = resolve(admin({ ConectorKind: 'webhook' }));
    expect(r.problems).toEqual([{ key: null, level: 'enforced', origin: HKLM, message: 'ConectorKind: not a Deskbook policy name; ignored' }]);
    expect(r.values.connectorKind).toBe('none');
  });

  it("passes a reader's warnings through as source problems", () => {
    const r = resolve({ ...EMPTY_ADMIN_POLICY, warnings: [{ origin: '/etc/deskbook/policy.json', message: 'group-writable; ignored' }] });
    expect(r.problems).toEqual([{ key: null, level: 'source', origin: '/etc/deskbook/policy.json', message: 'group-writable; ignored' }]);
  });

  it('locks every key at its default when a policy source exists but could not be read', () => {
    const policy: AdminPolicy = {
      enforced: layerFrom({ UpdateMode: 'off' }, HKLM),
      recommended: layerFrom({ SealedNoteRetentionDays: 14 }, HKLM),
      warnings: [{ origin: '/etc/deskbook/policy.json', message: 'not valid JSON' }],
      unreadable: true,
    };
    const r = resolve(policy, { userRole: 'supervisor' });
    expect(r.keys.updateMode).toEqual({ source: 'policy-enforced', locked: true });
    expect(r.keys.sealedNoteRetentionDays).toEqual({ source: 'policy-default', locked: true });
    expect(r.keys.userRole).toEqual({ source: 'built-in', locked: true });
    expect(r.values.userRole).toBe('analyst');
    expect(r.problems).toEqual([expect.objectContaining({ level: 'source', message: 'not valid JSON' })]);
  });

  it('never throws, whatever shape each value has, and locks every key it was given', () => {
    const weird: unknown[] = [null, undefined, {}, [], [null], { a: { b: 1 } }, -1, 1.5, Number.NaN, '', ' ', 'x'.repeat(5000), true];
    for (const value of weird) {
      const enforced = Object.fromEntries(Object.values(POLICY_NAMES).map((name) => [name, value]));
      const r = resolve(admin(enforced), { userRole: 'supervisor', sealedNoteRetentionDays: 99 });
      for (const field of POLICY_FIELDS) expect(r.keys[field].locked).toBe(true);
      expect(r.values.userRole).not.toBe('supervisor');
    }
  });
});

describe('resolvePolicy value formats', () => {
  it('reads a REG_DWORD 1/0 as a flag', () => {
    expect(resolve(admin({ AuthorizedContact: 1 })).values.authorizedContact).toBe(true);
    expect(resolve(admin({ AuthorizedContact: 0 })).values.authorizedContact).toBe(false);
    expect(resolve(admin({ AuthorizedContact: 2 })).problems[0]?.message).toMatch(/must be true or false/);
  });

  it('reads retention days from a number or a string of digits and refuses out-of-range values', () => {
    expect(resolve(admin({ SealedNoteRetentionDays: '30' })).values.sealedNoteRetentionDays).toBe(30);
    const tooLong = resolve(admin({ SealedNoteRetentionDays: 400 }));
    expect(tooLong.values.sealedNoteRetentionDays).toBe(DEFAULT_SETTINGS.sealedNoteRetentionDays);
    expect(tooLong.problems[0]).toMatchObject({ key: 'SealedNoteRetentionDays', level: 'enforced' });
  });

  it('reads allowed hosts from a list or a separated string, lower-cased', () => {
    expect(resolve(admin({ AllowedExternalHosts: ['Help.District.org', 'kb.infinitecampus.com'] })).values.allowedExternalHosts).toEqual([
      'help.district.org',
      'kb.infinitecampus.com',
    ]);
    expect(resolve(admin({ AllowedExternalHosts: 'help.district.org; wiki.district.org,kb.infinitecampus.com' })).values.allowedExternalHosts).toEqual([
      'help.district.org',
      'wiki.district.org',
      'kb.infinitecampus.com',
    ]);
  });

  it.each(['https://help.district.org', '*.district.org', 'help.district.org:8443', 'help.district.org/path', 'localhost'])(
    'refuses %s as an allowed host',
    (host) => {
      const r = resolve(admin({ AllowedExternalHosts: [host] }));
      expect(r.values.allowedExternalHosts).toEqual(BUILT_IN.allowedExternalHosts);
      expect(r.problems[0]?.message).toMatch(/bare host name/);
    },
  );

  it('reads UiLanguage without regard to case or spaces, as a REG_SZ typed by hand may hold it', () => {
    const r = resolve(admin({ uilanguage: ' ES ' }), { uiLanguage: 'en' });
    expect(r.values.uiLanguage).toBe('es');
    expect(r.keys.uiLanguage).toEqual({ source: 'policy-enforced', locked: true });
    expect(r.problems).toEqual([]);
    expect(resolve(admin({ UiLanguage: 'System' })).values.uiLanguage).toBe('system');
  });

  it('refuses a UiLanguage Deskbook does not speak with a reason, locked at the built-in default', () => {
    const r = resolve(admin({ UiLanguage: 'fr' }), { uiLanguage: 'es' });
    expect(r.values.uiLanguage).toBe('system');
    expect(r.keys.uiLanguage).toEqual({ source: 'built-in', locked: true });
    expect(r.problems).toEqual([
      {
        key: 'UiLanguage',
        level: 'enforced',
        origin: HKLM,
        message: expect.stringMatching(/^UiLanguage: must be system or one of en, es; .*stays locked at the built-in default$/),
      },
    ]);
  });

  it("lets the user's interface language beat a recommended one", () => {
    const r = resolve(admin({}, { UiLanguage: 'es' }), { uiLanguage: 'en' });
    expect(r.values.uiLanguage).toBe('en');
    expect(r.keys.uiLanguage).toEqual({ source: 'user', locked: false });
    expect(resolve(admin({}, { UiLanguage: 'es' })).keys.uiLanguage).toEqual({ source: 'policy-default', locked: false });
  });

  it('reads the district SLA calendar from a JSON string or an object', () => {
    const policy = { ...DEFAULT_DISTRICT_POLICY, id: 'springfield', name: 'Springfield USD help desk' };
    expect(resolve(admin({ DistrictSlaCalendar: JSON.stringify(policy) })).values.districtSla.id).toBe('springfield');
    expect(resolve(admin({ DistrictSlaCalendar: policy })).values.districtSla.id).toBe('springfield');
  });

  it('reports invalid JSON and schema errors in the SLA calendar with where they are', () => {
    expect(resolve(admin({ DistrictSlaCalendar: '{"id": ' })).problems[0]?.message).toMatch(/DistrictSlaCalendar: is not valid JSON/);
    const badZone = { ...DEFAULT_DISTRICT_POLICY, calendar: { ...DEFAULT_DISTRICT_POLICY.calendar, zone: 'Mars/Olympus' } };
    const r = resolve(admin({ DistrictSlaCalendar: JSON.stringify(badZone) }));
    expect(r.values.districtSla).toEqual(DEFAULT_DISTRICT_POLICY);
    expect(r.keys.districtSla.locked).toBe(true);
    expect(r.problems[0]?.message).toMatch(/\(at calendar\.zone\)/);
  });
});

describe('resolvePolicy connector', () => {
  it('assembles an enforced Request Tracker connector and locks all three keys', () => {
    const r = resolve(admin({ ConnectorKind: 'request-tracker', ConnectorUrl: 'https://rt.district.org', ConnectorQueue: 'Help Desk' }));
    expect(r.connector).toEqual({ kind: 'request-tracker', url: 'https://rt.district.org', queue: 'Help Desk' });
    expect([r.keys.connectorKind.locked, r.keys.connectorUrl.locked, r.keys.connectorQueue.locked]).toEqual([true, true, true]);
  });

  it("combines an enforced kind with the user's own URL", () => {
    const r = resolve(admin({ ConnectorKind: 'webhook' }), { connectorKind: 'none', connectorUrl: 'https://hooks.district.org/deskbook' });
    expect(r.connector).toEqual({ kind: 'webhook', url: 'https://hooks.district.org/deskbook' });
    expect(r.keys.connectorUrl).toEqual({ source: 'user', locked: false });
  });

  it('refuses a plain-http connector URL', () => {
    const r = resolve(admin({ ConnectorUrl: 'http://rt.district.org' }));
    expect(r.problems[0]).toMatchObject({ key: 'ConnectorUrl', level: 'enforced' });
    expect(r.problems[0]?.message).toMatch(/https/);
  });

  it('leaves the app unconfigured, with locks kept, when an enforced kind has no URL', () => {
    const r = resolve(admin({ ConnectorKind: 'request-tracker', ConnectorQueue: 'General' }));
    expect(r.connector).toEqual({ kind: 'none' });
    expect(r.keys.connectorKind).toEqual({ source: 'policy-enforced', locked: true });
    expect(r.keys.connectorUrl).toEqual({ source: 'built-in', locked: false });
    expect(r.problems).toEqual([expect.objectContaining({ key: 'ConnectorUrl', level: 'combination' })]);
  });

  it('assembles Incident IQ, Zendesk and ServiceNow connectors from their own keys', () => {
    const site = '2f1c0a4e-5b7d-4c3e-9a1f-0d2e3f4a5b6c';
    const field = '7d0e2c1b-3a4f-4e5d-8c6b-1a2b3c4d5e6f';
    const iiq = resolve(admin({ ConnectorKind: 'incident-iq', ConnectorUrl: 'https://district.incidentiq.com', ConnectorSiteId: site, ConnectorRequestIdField: field }));
    expect(iiq.connector).toEqual({ kind: 'incident-iq', url: 'https://district.incidentiq.com', siteId: site, requestIdField: field, issueId: '' });
    const zendesk = resolve(admin({ ConnectorKind: 'zendesk', ConnectorUrl: 'https://district.zendesk.com', ConnectorAccount: 'desk@district.org', ConnectorQueue: '360001' }));
    expect(zendesk.connector).toEqual({ kind: 'zendesk', url: 'https://district.zendesk.com', email: 'desk@district.org', group: '360001' });
    const now = resolve(admin({ ConnectorKind: 'servicenow', ConnectorUrl: 'https://district.service-now.com', ConnectorAuth: 'oauth' }));
    expect(now.connector).toEqual({ kind: 'servicenow', url: 'https://district.service-now.com', auth: 'oauth', username: '', group: '' });
    expect([zendesk.problems, iiq.problems, now.problems]).toEqual([[], [], []]);
  });

  it('names the key that is missing for the chosen system', () => {
    const noSite = resolve(admin({ ConnectorKind: 'incident-iq', ConnectorUrl: 'https://district.incidentiq.com' }));
    expect(noSite.connector).toEqual({ kind: 'none' });
    expect(noSite.problems).toEqual([expect.objectContaining({ key: 'ConnectorSiteId', level: 'combination' })]);
    const noUser = resolve(admin({ ConnectorKind: 'servicenow', ConnectorUrl: 'https://district.service-now.com' }));
    expect(noUser.problems).toEqual([expect.objectContaining({ key: 'ConnectorAccount' })]);
    expect(noUser.problems[0]?.message).toMatch(/User name: basic sign-in needs/);
    const badGroup = resolve(admin({ ConnectorKind: 'zendesk', ConnectorUrl: 'https://d.zendesk.com', ConnectorAccount: 'a@d.org', ConnectorQueue: 'Help Desk' }));
    expect(badGroup.problems).toEqual([expect.objectContaining({ key: 'ConnectorQueue' })]);
  });
});

describe('mergePolicyLayers', () => {
  it('lets the earlier layer win name by name, case-insensitively (HKLM over HKCU)', () => {
    const merged = mergePolicyLayers(layerFrom({ UpdateMode: 'off' }, 'HKLM'), layerFrom({ updatemode: 'auto', UserRole: 'technician' }, 'HKCU'));
    expect(merged).toEqual({ UpdateMode: { value: 'off', origin: 'HKLM' }, UserRole: { value: 'technician', origin: 'HKCU' } });
  });
});
