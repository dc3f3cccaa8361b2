import { describe, expect, it } from 'vitest';
import type { InstallFacts } from './install-kind';
import { detectInstallKind } from './install-kind';

function facts(overrides: Partial<InstallFacts>, files: string[] = []): InstallFacts {
  return {
    platform: 'win32',
    isPackaged: true,
    exePath: 'C:\\Users\\pat\\AppData\\Local\\Programs\\Deskbook\\Deskbook.exe',
    isMas: false,
    productName: 'Deskbook',
    appId: 'org.deskbook.app',
    env: { LOCALAPPDATA: 'C:\\Users\\pat\\AppData\\Local' },
    exists: (file) => files.includes(file),
    ...overrides,
  };
}

describe('detectInstallKind', () => {
  it('sees a per-user NSIS install by its uninstaller under %LOCALAPPDATA%', () => {
    expect(detectInstallKind(facts({}, ['C:\\Users\\pat\\AppData\\Local\\Programs\\Deskbook\\Uninstall Deskbook.exe']))).toBe('nsis-user');
  });

  it('sees a per-machine NSIS install by its uninstaller under Program Files', () => {
    const exePath = 'C:\\Program Files\\Deskbook\\Deskbook.exe';
    expect(detectInstallKind(facts({ exePath }, ['C:\\Program Files\\Deskbook\\Uninstall Deskbook.exe']))).toBe('nsis-machine');
  });

  it('takes a Windows install without the NSIS uninstaller for the MSI', () => {
    expect(detectInstallKind(facts({ exePath: 'C:\\Program Files\\Deskbook\\Deskbook.exe' }))).toBe('msi');
  });

  it('sees a pkg install by its receipt, and otherwise a dmg', () => {
    const mac = { platform: 'darwin' as const, exePath: '/Applications/Deskbook.app/Contents/MacOS/Deskbook', env: {} };
    expect(detectInstallKind(facts(mac, ['/var/db/receipts/org.deskbook.app.plist']))).toBe('pkg');
    expect(detectInstallKind(facts(mac))).toBe('dmg');
    expect(detectInstallKind(facts({ ...mac, isMas: true }))).toBe('mas');
  });

  it('sees an AppImage by $APPIMAGE, and otherwise the deb', () => {
    expect(detectInstallKind(facts({ platform: 'linux', env: { APPIMAGE: '/home/pat/Deskbook.AppImage' } }))).toBe('appimage');
    expect(detectInstallKind(facts({ platform: 'linux', env: {} }))).toBe('deb');
  });

  it('calls an unpackaged run dev, whatever the platform', () => {
    expect(detectInstallKind(facts({ isPackaged: false }))).toBe('dev');
  });
});
