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
