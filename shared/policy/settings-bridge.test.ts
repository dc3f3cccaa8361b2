import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../ipc/settings';
import type { Settings } from '../ipc/settings';
import { layerFrom } from './layers';
import { policyReport, policyReportSchema } from './report';
import { resolvePolicy } from './resolve';
import { applyPolicyToSettings, builtInPolicyValues, lockedSettingsPaths, userPolicyValues } from './settings-bridge';
import { defaultUpdateMode, INSTALL_KINDS } from './update';

const saved: Settings = {
  ...DEFAULT_SETTINGS,
  connector: { kind: 'request-tracker', url: 'https://rt.example.org', queue: 'General' },
  sealedNoteRetentionDays: 3,
};

describe('policy and settings', () => {
  it('reads the user side from saved settings, leaving unsaved keys out', () => {
    expect(userPolicyValues({ connector: saved.connector })).toEqual({
      connectorKind: 'request-tracker',
      connectorUrl: 'https://rt.example.org',
      connectorQueue: 'General',
    });
    expect(userPolicyValues({})).toEqual({});
  });

  it('applies effective values to settings and lists the locked paths', () => {
    const resolved = resolvePolicy({
      admin: { enforced: layerFrom({ ConnectorUrl: 'https://rt.district.org', UserRole: 'supervisor' }, 'test'), recommended: {}, warnings: [], unreadable: false },
      user: userPolicyValues(saved),
      builtIn: builtInPolicyValues('msi', []),
    });
    const effective = applyPolicyToSettings(saved, resolved);
    expect(effective.connector).toEqual({ kind: 'request-tracker', url: 'https://rt.district.org', queue: 'General' });
    expect(effective.user.role).toBe('supervisor');
    expect(effective.sealedNoteRetentionDays).toBe(3);
    expect(lockedSettingsPaths(resolved)).toEqual(['connector.url', 'user.role', 'user.authorizedContact']);
  });

  it('applies an enforced interface language over the saved one and locks the uiLanguage path', () => {
    const chosen: Settings = { ...saved, uiLanguage: 'en' };
    expect(userPolicyValues({ uiLanguage: 'en' })).toEqual({ uiLanguage: 'en' });
    const resolved = resolvePolicy({
      admin: { enforced: layerFrom({ UiLanguage: 'ES' }, 'test'), recommended: {}, warnings: [], unreadable: false },
      user: userPolicyValues(chosen),
      builtIn: builtInPolicyValues('msi', []),
    });
    expect(applyPolicyToSettings(chosen, resolved).uiLanguage).toBe('es');
    expect(lockedSettingsPaths(resolved)).toEqual(['user.role', 'user.authorizedContact', 'uiLanguage']);
  });

  it('keeps the saved interface language when no policy sets one, and leaves the path unlocked', () => {
    const resolved = resolvePolicy({ admin: { enforced: {}, recommended: {}, warnings: [], unreadable: false }, user: { uiLanguage: 'es' }, builtIn: builtInPolicyValues('msi', []) });
    expect(applyPolicyToSettings({ ...saved, uiLanguage: 'es' }, resolved).uiLanguage).toBe('es');
    expect(lockedSettingsPaths(resolved)).not.toContain('uiLanguage');
  });

  it('applies an enforced theme over the saved one and locks the theme path; recommended, the saved one wins', () => {
    const chosen: Settings = { ...saved, theme: 'light' };
    expect(userPolicyValues({ theme: 'light' })).toEqual({ theme: 'light' });
    const enforced = resolvePolicy({
      admin: { enforced: layerFrom({ Theme: ' Dark ' }, 'test'), recommended: {}, warnings: [], unreadable: false },
      user: userPolicyValues(chosen),
      builtIn: builtInPolicyValues('msi', []),
    });
    expect(applyPolicyToSettings(chosen, enforced).theme).toBe('dark');
    expect(lockedSettingsPaths(enforced)).toContain('theme');
    const recommended = resolvePolicy({
      admin: { enforced: {}, recommended: layerFrom({ Theme: 'dark' }, 'test'), warnings: [], unreadable: false },
      user: userPolicyValues(chosen),
      builtIn: builtInPolicyValues('msi', []),
    });
    expect(applyPolicyToSettings(chosen, recommended).theme).toBe('light');
    expect(lockedSettingsPaths(recommended)).not.toContain('theme');
  });

  it('updates in-app only where the app can replace itself without an administrator', () => {
    const modes = Object.fromEntries(INSTALL_KINDS.map((kind) => [kind, defaultUpdateMode(kind)]));
    expect(modes).toEqual({
      'nsis-user': 'auto',
      'nsis-machine': 'off',
      msi: 'off',
      dmg: 'auto',
      pkg: 'off',
      mas: 'off',
      appimage: 'auto',
      deb: 'off',
      dev: 'off',
    });
    expect(builtInPolicyValues('pkg', []).updateMode).toBe('off');
  });
});

describe('policyReport', () => {
  it('carries every key and problem across IPC in a shape its schema accepts', () => {
    const resolved = resolvePolicy({
      admin: { enforced: layerFrom({ UpdateMode: 'never' }, 'HKLM'), recommended: {}, warnings: [], unreadable: false },
      user: {},
      builtIn: builtInPolicyValues('msi', []),
    });
    const report = policyReportSchema.parse(policyReport(resolved));
    expect(report.keys.updateMode).toEqual({ source: 'built-in', locked: true });
    expect(report.problems).toEqual([expect.objectContaining({ key: 'UpdateMode', level: 'enforced', origin: 'HKLM' })]);
  });
});
