import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../ipc/settings';
import type { Settings } from '../ipc/settings';
import { changedSettingsPaths, refusedSettingsChange, sameValue } from './changes';

const current: Settings = {
  ...DEFAULT_SETTINGS,
  connector: { kind: 'request-tracker', url: 'https://rt.example.org', queue: 'General' },
};

describe('which settings a patch changes', () => {
  it('compares by value, so the same calendar with its keys in another order is no change', () => {
    const reordered = Object.fromEntries(Object.entries(current.districtSla).reverse()) as Settings['districtSla'];
    expect(changedSettingsPaths({ districtSla: reordered }, current)).toEqual([]);
    expect(changedSettingsPaths({ districtSla: { ...current.districtSla, targets: { ...current.districtSla.targets, low: { amount: 9, unit: 'business-days' } } } }, current)).toEqual(['districtSla']);
  });

  it('names each connector path that moves, and none that a patch leaves out', () => {
    expect(changedSettingsPaths({ connector: { kind: 'request-tracker', url: 'https://rt.other.org', queue: 'General' } }, current)).toEqual(['connector.url']);
    expect(changedSettingsPaths({ connector: { kind: 'webhook', url: 'https://rt.example.org' } }, current)).toEqual(['connector.kind']);
    expect(changedSettingsPaths({ connector: { kind: 'none' } }, current)).toEqual(['connector.kind']);
    expect(changedSettingsPaths({ sealedNoteRetentionDays: 7 }, current)).toEqual([]);
  });
});

describe('which settings changes are refused', () => {
  it('refuses a role or Authorized Contact change whatever policy locks', () => {
    expect(refusedSettingsChange({ user: { ...current.user, role: 'supervisor' } }, current, [], 'supervisor')).toMatchObject({ path: 'user.role' });
    expect(refusedSettingsChange({ user: { ...current.user, authorizedContact: true } }, current, [], 'supervisor')).toMatchObject({ path: 'user.role' });
    expect(refusedSettingsChange({ user: { ...current.user, name: 'Dana' } }, current, [], 'supervisor')).toBeNull();
  });

  it('refuses a change to a locked path, naming it, and lets the same value through', () => {
    const locked = ['connector.url'];
    expect(refusedSettingsChange({ connector: { kind: 'request-tracker', url: 'https://evil.example', queue: 'General' } }, current, locked, 'supervisor')).toEqual({
      path: 'connector.url',
      message: "connector.url: this setting is locked by your district's policy.",
    });
    expect(refusedSettingsChange({ connector: current.connector }, current, locked, 'supervisor')).toBeNull();
  });

  it('lets only a supervisor move the connector; an analyst or technician is refused, naming the field', () => {
    const elsewhere = { connector: { kind: 'request-tracker' as const, url: 'https://evil.example', queue: 'General' } };
    expect(refusedSettingsChange(elsewhere, current, [], 'analyst')).toEqual({ path: 'connector.url', message: "connector.url: only a supervisor or your district's policy may change where tickets go." });
    expect(refusedSettingsChange(elsewhere, current, [], 'technician')).toMatchObject({ path: 'connector.url' });
    expect(refusedSettingsChange(elsewhere, current, [], 'supervisor')).toBeNull();
    expect(refusedSettingsChange({ sealedNoteRetentionDays: 3 }, current, [], 'analyst')).toBeNull();
  });

  it('treats structurally equal values as equal and different shapes as different', () => {
    expect(sameValue({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toBe(true);
    expect(sameValue({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameValue([1, 2], { 0: 1, 1: 2 })).toBe(false);
    expect(sameValue({ a: 1 }, { a: 2 })).toBe(false);
  });
});
