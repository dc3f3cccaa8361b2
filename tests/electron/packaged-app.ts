import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

/**
 * Where the first-launch suite finds the app it launches: electron-builder's `--dir` output
 * (`npm run dist:dir`), named by this variable. The release workflow sets it; without it the
 * suite is skipped, because this machine has no Electron binary to package.
 */
export const PACKAGED_APP_ENV = 'DESKBOOK_PACKAGED_APP';

/** The one line the suite prints, and is named by, when it cannot run here. */
export const SKIP_REASON = 'skipped: no Electron binary on this machine (needs the release workflow: .github/workflows/release.yml)';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');

const builderConfigSchema = z.object({
  productName: z.string().min(1),
  directories: z.object({ output: z.string().min(1) }),
  linux: z.object({ executableName: z.string().min(1) }),
  electronFuses: z.record(z.string(), z.unknown()),
});

/** The parts of electron-builder.yml that say where a build lands and what it is called. */
export type BuilderConfig = z.output<typeof builderConfigSchema>;

export function readBuilderConfig(root: string = ROOT): BuilderConfig {
  return builderConfigSchema.parse(parseYaml(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')));
}

export interface PackagedApp {
  /** electron-builder's unpacked folder: `linux-unpacked`, `win-unpacked`, `mac-arm64`, … */
  dir: string;
  /** The program to start. */
  executable: string;
  /**
   * What @electron/fuses reads and flips: the executable on Windows and Linux, the `.app` bundle
   * on macOS (where the fuse wire lives in Electron Framework, inside the bundle).
   */
  fuseTarget: string;
}

/** electron-builder's name for an architecture (its `Arch` enum), from Node's `process.arch`. */
function builderArch(arch: NodeJS.Architecture): string {
  return arch === 'arm' ? 'armv7l' : arch;
}

/**
 * The folder `electron-builder --dir` writes for this OS and architecture, as app-builder-lib's
 * `computeAppOutDir` names it: `<platform key><-arch unless x64>`, plus `-unpacked` except on macOS.
 */
export function unpackedDirName(platform: NodeJS.Platform, arch: NodeJS.Architecture): string {
  const key = platform === 'darwin' ? 'mac' : platform === 'win32' ? 'win' : 'linux';
  const suffix = builderArch(arch) === 'x64' ? '' : `-${builderArch(arch)}`;
  return `${key}${suffix}${platform === 'darwin' ? '' : '-unpacked'}`;
}

/** The executable and fuse target inside an unpacked folder, as electron-builder lays them out. */
export function packagedAppIn(dir: string, platform: NodeJS.Platform, config: BuilderConfig): PackagedApp {
  if (platform === 'darwin') {
    const bundle = path.join(dir, `${config.productName}.app`);
    return { dir, executable: path.join(bundle, 'Contents', 'MacOS', config.productName), fuseTarget: bundle };
  }
  const executable = path.join(dir, platform === 'win32' ? `${config.productName}.exe` : config.linux.executableName);
  return { dir, executable, fuseTarget: executable };
}

/**
 * The packaged app under `target`: electron-builder's output folder (`release`, holding
 * `linux-unpacked/`, `win-unpacked/`, `mac-arm64/`, … for this machine's architecture, or
 * `mac-universal/`), or one unpacked folder itself. Throws, naming every path it tried, when none
 * holds the executable: a workflow that points the suite at a build must never pass by finding
 * nothing to launch.
 */
export function findPackagedApp(
  target: string,
  platform: NodeJS.Platform,
  arch: NodeJS.Architecture,
  config: BuilderConfig,
  exists: (file: string) => boolean = existsSync,
): PackagedApp {
  const dirs = [target, path.join(target, unpackedDirName(platform, arch))];
  if (platform === 'darwin') dirs.push(path.join(target, 'mac-universal'));
  const candidates = dirs.map((dir) => packagedAppIn(dir, platform, config));
  const found = candidates.find((app) => exists(app.executable));
  if (found) return found;
  throw new Error(
    `${PACKAGED_APP_ENV}=${target}, but no packaged Deskbook is there. Looked for ${candidates.map((c) => c.executable).join(', ')}. ` +
      `Run \`npm run dist:dir\` on this OS first (it writes ${config.directories.output}/${unpackedDirName(platform, arch)}).`,
  );
}
