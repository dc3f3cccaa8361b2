import { buildBinary } from 'plist';
import { describe, expect, it } from 'vitest';
import { builtInPolicyValues, resolvePolicy } from '../../shared/policy';
import type { ReadFileOrNull } from './macos';
import { macPolicyPaths, parsePlistDictionary, readMacPolicy } from './macos';

// What macOS writes to /Library/Managed Preferences/org.deskbook.app.plist when a configuration
// profile (build/policy/org.deskbook.app.mobileconfig) sets the domain's forced values.
const DEVICE_XML = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
  <key>ConnectorKind</key>
  <string>webhook</string>
  <key>ConnectorUrl</key>
  <string>https://hooks.springfield.example.us/deskbook</string>
  <key>AuthorizedContact</key>
  <true/>
  <key>SealedNoteRetentionDays</key>
  <integer>14</integer>
  <key>AllowedExternalHosts</key>
  <array>
    <string>help.springfield.example.us</string>
    <string>kb.infinitecampus.com</string>
  </array>
  <key>PayloadUUID</key>
  <string>0C6E0D0E-4C59-4E0A-9E0B-6D1E2B3C4D5E</string>
</dict>
</plist>
`;

const encoder = new TextEncoder();
const DEVICE = '/Library/Managed Preferences/org.deskbook.app.plist';
const USER = '/Library/Managed Preferences/pat/org.deskbook.app.plist';

function files(map: Record<string, Uint8Array | Error>): ReadFileOrNull {
  return async (path) => {
    const found = map[path];
    if (found instanceof Error) throw found;
    return found ?? null;
  };
}

describe('parsePlistDictionary', () => {
  it('reads an XML property list', () => {
    expect(parsePlistDictionary(encoder.encode(DEVICE_XML))).toMatchObject({ ConnectorKind: 'webhook', AuthorizedContact: true, SealedNoteRetentionDays: 14 });
  });

  it('reads a binary property list, the format MDM agents usually write', () => {
    const binary = buildBinary({ UpdateMode: 'off', SealedNoteRetentionDays: 3 });
    expect(parsePlistDictionary(binary)).toEqual({ UpdateMode: 'off', SealedNoteRetentionDays: 3 });
  });

  it('refuses a property list whose top level is not a dictionary, and garbage', () => {
    expect(() => parsePlistDictionary(buildBinary(['a']))).toThrow(/not a dictionary/);
    expect(() => parsePlistDictionary(encoder.encode('not a plist'))).toThrow();
  });
});

describe('readMacPolicy', () => {
  it('reads device-wide and per-user managed preferences as enforced, device first', async () => {
    const policy = await readMacPolicy(files({ [DEVICE]: encoder.encode(DEVICE_XML), [USER]: buildBinary({ ConnectorKind: 'none', UserRole: 'technician' }) }), 'pat');
    expect(policy.enforced.ConnectorKind).toEqual({ value: 'webhook', origin: DEVICE });
    expect(policy.enforced.UserRole).toEqual({ value: 'technician', origin: USER });
    expect(policy.enforced.PayloadUUID).toBeUndefined();
    expect(policy.recommended).toEqual({});
    expect(policy.warnings).toEqual([]);
  });

  it('treats missing files as no policy', async () => {
    expect(await readMacPolicy(files({}), 'pat')).toEqual({ enforced: {}, recommended: {}, warnings: [], unreadable: false });
  });

  it('warns and marks the policy unreadable when a managed file is corrupt or unreadable', async () => {
    const policy = await readMacPolicy(files({ [DEVICE]: encoder.encode('<plist><dict><key>A'), [USER]: new Error('EACCES: permission denied') }), 'pat');
    expect(policy.unreadable).toBe(true);
    expect(policy.warnings.map((w) => w.origin)).toEqual([DEVICE, USER]);
  });

  it('never builds a per-user path from a user name that could leave the folder', () => {
    expect(macPolicyPaths('../etc').user).toBeNull();
    expect(macPolicyPaths('..').user).toBeNull();
    expect(macPolicyPaths('pat.smith').user).toBe('/Library/Managed Preferences/pat.smith/org.deskbook.app.plist');
  });

  it('resolves forced preferences into locked settings, and reports a value of the wrong plist type', async () => {
    const admin = await readMacPolicy(files({ [DEVICE]: encoder.encode(DEVICE_XML), [USER]: buildBinary({ UpdateMode: new Date(0) }) }), 'pat');
    const r = resolvePolicy({ admin, user: { connectorKind: 'none' }, builtIn: builtInPolicyValues('pkg', []) });
    expect(r.connector).toEqual({ kind: 'webhook', url: 'https://hooks.springfield.example.us/deskbook' });
    expect(r.values.allowedExternalHosts).toEqual(['help.springfield.example.us', 'kb.infinitecampus.com']);
    expect(r.keys.updateMode).toEqual({ source: 'built-in', locked: true });
    expect(r.problems).toEqual([expect.objectContaining({ key: 'UpdateMode', level: 'enforced', origin: USER })]);
  });
});
