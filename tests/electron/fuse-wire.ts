import { cp } from 'node:fs/promises';
import path from 'node:path';
import { FuseV1Options, FuseVersion, flipFuses, getCurrentFuseWire } from '@electron/fuses';
// Not re-exported by the package's entry point: the byte values the wire holds.
import { FuseState } from '@electron/fuses/dist/constants';
import { packagedAppIn } from './packaged-app';
import type { BuilderConfig, PackagedApp } from './packaged-app';

/** A fuse wire by fuse index: the byte each fuse holds, or `unset` where the config names none. */
export type Wire = Record<number, FuseState | 'unset'>;

/** Every V1 fuse @electron/fuses knows, in wire order. */
export const V1_FUSES: FuseV1Options[] = Object.values(FuseV1Options)
  .filter((v): v is FuseV1Options => typeof v === 'number')
  .sort((a, b) => a - b);

/**
 * electron-builder's `electronFuses` key for a fuse: its FuseV1Options name in lowerCamelCase
 * (RunAsNode → runAsNode, …), which is how app-builder-lib's `generateFuseConfig` maps them.
 */
export function builderKey(option: FuseV1Options): string {
  const name = FuseV1Options[option];
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/**
 * The wire electron-builder.yml asks for. A fuse it does not set reads `unset`, which never
 * matches a binary: SECURITY.md (#19) promises every fuse is set explicitly.
 */
export function configuredWire(config: BuilderConfig): Wire {
  return Object.fromEntries(
    V1_FUSES.map((option) => {
      const value = config.electronFuses[builderKey(option)];
      return [option, value === true ? FuseState.ENABLE : value === false ? FuseState.DISABLE : 'unset'];
    }),
  );
}

/** The wire in a packaged binary: every fuse it carries, known to @electron/fuses or not. */
export async function readWire(app: PackagedApp): Promise<Wire> {
  const { version: _version, ...fuses } = await getCurrentFuseWire(app.fuseTarget);
  return Object.fromEntries(Object.entries(fuses).map(([index, state]) => [Number(index), state as FuseState]));
}

/**
 * A copy of the packaged app that Playwright can drive: the same files with ONE fuse changed,
 * EnableNodeCliInspectArguments, because Playwright's `_electron.launch` attaches to the main
 * process through `--inspect` and times out when that fuse is off (Playwright's docs, Electron,
 * "Known issues"). The release binary itself keeps the fuse off; the suite checks its wire and
 * that it ignores `--inspect` at run time, and that the copy differs in that byte only. On macOS
 * the changed Electron Framework gets a fresh ad-hoc signature, or the kernel refuses to load it.
 */
export async function inspectableCopy(app: PackagedApp, into: string, platform: NodeJS.Platform, config: BuilderConfig): Promise<PackagedApp> {
  const dir = path.join(into, path.basename(app.dir));
  await cp(app.dir, dir, { recursive: true, verbatimSymlinks: true });
  const copy = packagedAppIn(dir, platform, config);
  await flipFuses(copy.fuseTarget, {
    version: FuseVersion.V1,
    [FuseV1Options.EnableNodeCliInspectArguments]: true,
    resetAdHocDarwinSignature: platform === 'darwin',
  });
  return copy;
}
