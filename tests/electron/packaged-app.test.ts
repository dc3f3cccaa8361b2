import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FuseV1Options } from '@electron/fuses';
import { FuseState } from '@electron/fuses/dist/constants';
import { V1_FUSES, builderKey, configuredWire } from './fuse-wire';
import { PACKAGED_APP_ENV, findPackagedApp, readBuilderConfig, unpackedDirName } from './packaged-app';

// How the first-launch suite finds what it launches and what it compares. Pure path and config
// logic, so it runs here, where the suite itself cannot.
const config = readBuilderConfig();
const release = path.join('work', config.directories.output);

describe('finding the packaged app electron-builder --dir wrote', () => {
  it('names the unpacked folder per OS and architecture as electron-builder does', () => {
    expect(unpackedDirName('linux', 'x64')).toBe('linux-unpacked');
    expect(unpackedDirName('linux', 'arm64')).toBe('linux-arm64-unpacked');
    expect(unpackedDirName('linux', 'arm')).toBe('linux-armv7l-unpacked');
    expect(unpackedDirName('win32', 'x64')).toBe('win-unpacked');
    expect(unpackedDirName('win32', 'arm64')).toBe('win-arm64-unpacked');
    expect(unpackedDirName('darwin', 'x64')).toBe('mac');
    expect(unpackedDirName('darwin', 'arm64')).toBe('mac-arm64');
  });

  it('finds the executable and the fuse target on each OS, from electron-builder.yml names', () => {
    const at = (...parts: string[]) => path.join(release, ...parts);
    const only = (file: string) => (candidate: string) => candidate === file;

    const linux = findPackagedApp(release, 'linux', 'x64', config, only(at('linux-unpacked', 'deskbook')));
    expect(linux).toEqual({ dir: at('linux-unpacked'), executable: at('linux-unpacked', 'deskbook'), fuseTarget: at('linux-unpacked', 'deskbook') });

    const windows = findPackagedApp(release, 'win32', 'x64', config, only(at('win-unpacked', 'Deskbook.exe')));
    expect(windows.executable).toBe(at('win-unpacked', 'Deskbook.exe'));
    expect(windows.fuseTarget).toBe(windows.executable);

    const macExecutable = at('mac-arm64', 'Deskbook.app', 'Contents', 'MacOS', 'Deskbook');
    const mac = findPackagedApp(release, 'darwin', 'arm64', config, only(macExecutable));
    expect(mac).toEqual({ dir: at('mac-arm64'), executable: macExecutable, fuseTarget: at('mac-arm64', 'Deskbook.app') });

    const universal = at('mac-universal', 'Deskbook.app', 'Contents', 'MacOS', 'Deskbook');
    expect(findPackagedApp(release, 'darwin', 'arm64', config, only(universal)).dir).toBe(at('mac-universal'));
  });

  it('takes an unpacked folder itself too', () => {
    const dir = path.join(release, 'linux-unpacked');
    expect(findPackagedApp(dir, 'linux', 'x64', config, (f) => f === path.join(dir, 'deskbook')).dir).toBe(dir);
  });

  it('fails, naming every path it tried, when the variable points at no build', () => {
    expect(() => findPackagedApp(release, 'win32', 'x64', config, () => false)).toThrow(
      new RegExp(`${PACKAGED_APP_ENV}=.*Looked for .*Deskbook\\.exe.*npm run dist:dir`),
    );
  });
});

describe("reading electron-builder.yml's fuses the way electron-builder does", () => {
  it('has a key in electronFuses for every V1 fuse, under its lowerCamelCase name', () => {
    expect(V1_FUSES.map(builderKey).filter((key) => !(key in config.electronFuses))).toEqual([]);
    expect(builderKey(FuseV1Options.RunAsNode)).toBe('runAsNode');
  });

  it('turns the config into the wire bytes a binary would hold, with Node-facing fuses off', () => {
    const wire = configuredWire(config);
    expect(Object.values(wire).filter((state) => state === 'unset')).toEqual([]);
    for (const option of [FuseV1Options.RunAsNode, FuseV1Options.EnableNodeOptionsEnvironmentVariable, FuseV1Options.EnableNodeCliInspectArguments]) {
      expect(wire[option], FuseV1Options[option]).toBe(FuseState.DISABLE);
    }
  });
});
