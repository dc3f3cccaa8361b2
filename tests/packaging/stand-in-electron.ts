import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { FuseV1Options } from '@electron/fuses';
// Not re-exported by the package's entry point; these are the exact bytes it reads and writes.
import { FuseState, SENTINEL } from '@electron/fuses/dist/constants';

/**
 * The fuse wire an unmodified Electron binary ships with (Electron's docs: fuses.md), in wire
 * order: RunAsNode on, CookieEncryption off, NODE_OPTIONS on, --inspect on, ASAR integrity off,
 * only-load-from-ASAR off, browser V8 snapshot off, file:// extra privileges on.
 */
export const ELECTRON_DEFAULT_WIRE: Record<FuseV1Options, FuseState> = {
  [FuseV1Options.RunAsNode]: FuseState.ENABLE,
  [FuseV1Options.EnableCookieEncryption]: FuseState.DISABLE,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: FuseState.ENABLE,
  [FuseV1Options.EnableNodeCliInspectArguments]: FuseState.ENABLE,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: FuseState.DISABLE,
  [FuseV1Options.OnlyLoadAppFromAsar]: FuseState.DISABLE,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: FuseState.DISABLE,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: FuseState.ENABLE,
};

const FUSE_WIRE_VERSION = 1;

/**
 * Writes a stand-in for Electron's unpacked Linux distribution: an `electron` executable that is
 * only a shell script carrying the fuse sentinel and a V1 fuse wire (version byte, length byte,
 * one state byte per fuse — the layout @electron/fuses reads and writes), an empty `resources/`
 * and the `version` file. It is enough for `electron-builder --dir` with `electronDist`, and it
 * is NOT Electron: nothing here can run the app.
 */
export async function writeStandInElectronDist(dir: string, version: string): Promise<string> {
  await mkdir(path.join(dir, 'resources'), { recursive: true });
  const states = Object.values(FuseV1Options)
    .filter((v): v is FuseV1Options => typeof v === 'number')
    .sort((a, b) => a - b)
    .map((option) => ELECTRON_DEFAULT_WIRE[option]);
  const wire = Buffer.from([FUSE_WIRE_VERSION, states.length, ...states]);
  const script = Buffer.from('#!/bin/sh\necho "stand-in for Electron: it cannot run the app" >&2\nexit 1\n# ');
  await writeFile(path.join(dir, 'electron'), Buffer.concat([script, Buffer.from(SENTINEL, 'ascii'), wire, Buffer.from('\n')]), { mode: 0o755 });
  await writeFile(path.join(dir, 'version'), version);
  await writeFile(path.join(dir, 'LICENSE'), 'Stand-in: no Electron code is included.\n');
  return dir;
}
