import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { extractFile, listPackage } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { FuseState } from '@electron/fuses/dist/constants';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { externalRequires, productionClosure } from './dependency-closure';
import { ELECTRON_DEFAULT_WIRE, writeStandInElectronDist } from './stand-in-electron';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const BUILT = ['dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/renderer/index.html'];
const UPDATE_URL = 'https://updates.example.invalid/deskbook/stable';
// Closed loopback port: if electron-builder tried to download anything (an Electron zip, a
// tool), it would fail at once here instead of hanging or silently reaching the network.
const NO_NETWORK = 'http://127.0.0.1:9';

/** electron-builder's `electronFuses` keys, by fuse. */
const CONFIG_KEYS: Record<FuseV1Options, string> = {
  [FuseV1Options.RunAsNode]: 'runAsNode',
  [FuseV1Options.EnableCookieEncryption]: 'enableCookieEncryption',
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: 'enableNodeOptionsEnvironmentVariable',
  [FuseV1Options.EnableNodeCliInspectArguments]: 'enableNodeCliInspectArguments',
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: 'enableEmbeddedAsarIntegrityValidation',
  [FuseV1Options.OnlyLoadAppFromAsar]: 'onlyLoadAppFromAsar',
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: 'loadBrowserProcessSpecificV8Snapshot',
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: 'grantFileProtocolExtraPrivileges',
};

/** The security model's fuses (SECURITY.md, fuses), every V1 fuse explicit. */
const EXPECTED_WIRE: Record<FuseV1Options, FuseState> = {
  [FuseV1Options.RunAsNode]: FuseState.DISABLE,
  [FuseV1Options.EnableCookieEncryption]: FuseState.ENABLE,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: FuseState.DISABLE,
  [FuseV1Options.EnableNodeCliInspectArguments]: FuseState.DISABLE,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: FuseState.ENABLE,
  [FuseV1Options.OnlyLoadAppFromAsar]: FuseState.ENABLE,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: FuseState.DISABLE,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: FuseState.DISABLE,
};

const DEV_ONLY = ['vitest', 'vite', 'playwright-core', 'eslint', 'electron', 'electron-builder', 'esbuild', 'typescript', 'tsx', '@electron/asar'];

let work = '';
let appDir = '';
let asar = '';
let files: string[] = [];

function wireAsRecord(wire: Record<string, unknown>): Record<number, unknown> {
  return Object.fromEntries(Object.entries(wire).filter(([k]) => k !== 'version'));
}

describe(
  'packaged app, built by electron-builder --dir for Linux around a STAND-IN Electron binary. ' +
    'Proves what goes into app.asar and what fuse wire electron-builder writes. Cannot prove, without the real ' +
    'Electron binary and the release machines: that Electron honours these fuses at run time, code signing, ' +
    'notarization, or that the NSIS, MSI, dmg, zip, pkg, AppImage and deb targets build (release.yml does those).',
  () => {
    beforeAll(async () => {
      const missing = BUILT.filter((f) => !existsSync(path.join(ROOT, f)));
      if (missing.length > 0) {
        throw new Error(`Run \`npm run build\` first: the packaging test packages dist/, and ${missing.join(', ')} is missing.`);
      }
      work = await mkdtemp(path.join(tmpdir(), 'deskbook-package-'));
      const electronVersion = (JSON.parse(readFileSync(path.join(ROOT, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;
      const electronDist = await writeStandInElectronDist(path.join(work, 'electron-dist'), electronVersion);
      const out = path.join(work, 'out');
      const args = [
        path.join(ROOT, 'node_modules/electron-builder/cli.js'),
        '--linux',
        'dir',
        '--x64',
        '--publish',
        'never',
        `-c.electronDist=${electronDist}`,
        `-c.electronVersion=${electronVersion}`,
        `-c.directories.output=${out}`,
      ];
      const env = { ...process.env, DESKBOOK_UPDATE_URL: UPDATE_URL, HTTPS_PROXY: NO_NETWORK, HTTP_PROXY: NO_NETWORK, CSC_IDENTITY_AUTO_DISCOVERY: 'false' };
      try {
        await promisify(execFile)(process.execPath, args, { cwd: ROOT, env, maxBuffer: 16 * 1024 * 1024, timeout: 90_000 });
      } catch (error) {
        const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
        throw new Error(`electron-builder failed:\n${stdout}\n${stderr}`);
      }
      appDir = path.join(out, 'linux-unpacked');
      asar = path.join(appDir, 'resources', 'app.asar');
      files = listPackage(asar, { isPack: false }).map((f) => f.split(path.sep).join('/'));
    });

    afterAll(async () => {
      if (work) await rm(work, { recursive: true, force: true });
    });

    it('app.asar holds the built main, preload and renderer and package.json', () => {
      for (const f of ['/package.json', '/dist/electron/main.cjs', '/dist/electron/preload.cjs', '/dist/renderer/index.html']) expect(files).toContain(f);
      const tops = new Set(files.map((f) => f.split('/').slice(0, 3).join('/')));
      expect([...tops].filter((t) => !/^\/(?:package\.json|dist|dist\/electron|dist\/renderer|node_modules(?:\/.*)?)$/.test(t))).toEqual([]);
      expect(files.filter((f) => f.startsWith('/dist/') && !/^\/dist\/(?:electron(?:\/(?:main|preload)\.cjs)?|renderer(?:\/.*)?)$/.test(f))).toEqual([]);
    });

    it('app.asar has no sources, tests, maps, secrets or environment files', () => {
      const forbidden = files.filter(
        (f) =>
          /\.(?:tsx?|map|pem|key|p12|pfx)$/i.test(f.replace(/\.d\.ts$/, '')) ||
          /(?:^|\/)\.env(?:\.|$)/.test(f) ||
          /\.(?:test|spec)\.[cm]?[jt]sx?$/.test(f) ||
          /^\/(?:electron|shared|renderer|tests|scripts|build|src)\//.test(f),
      );
      expect(forbidden).toEqual([]);
    });

    it('main requires nothing at run time but Node, Electron and electron-updater', () => {
      const main = extractFile(asar, 'dist/electron/main.cjs').toString('utf8');
      expect(externalRequires(main).filter((m) => m !== 'electron' && m !== 'electron-updater')).toEqual([]);
    });

    it('node_modules in app.asar is exactly electron-updater and what it needs: no dev or bundled dependencies', () => {
      const packaged = new Set(
        files
          .filter((f) => f.startsWith('/node_modules/'))
          .map((f) => {
            const parts = f.slice(1).split('/');
            const names: string[] = [];
            for (let i = 0; i < parts.length - 1; i++) {
              if (parts[i] !== 'node_modules') continue;
              const scoped = parts[i + 1]?.startsWith('@');
              names.push(parts.slice(0, i + (scoped ? 3 : 2)).join('/'));
            }
            return names.at(-1) ?? '';
          })
          .filter((p) => p !== '' && !p.endsWith('/node_modules')),
      );
      const needed = productionClosure(ROOT, ['electron-updater']);
      expect([...packaged].filter((p) => !needed.has(p)).sort()).toEqual([]);
      expect([...needed].filter((p) => !packaged.has(p)).sort()).toEqual([]);
      for (const dev of DEV_ONLY) expect(packaged.has(`node_modules/${dev}`)).toBe(false);
    });

    it('electron-builder.yml sets every fuse explicitly, as the security model requires', () => {
      const config = parseYaml(readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8')) as { electronFuses: Record<string, boolean> };
      const configured = Object.fromEntries(
        Object.entries(CONFIG_KEYS).map(([option, key]) => [option, config.electronFuses[key] === true ? FuseState.ENABLE : config.electronFuses[key] === false ? FuseState.DISABLE : 'unset']),
      );
      expect(configured).toEqual(EXPECTED_WIRE);
    });

    it('electron-builder flipped every fuse in the binary to the configured state', async () => {
      const wire = wireAsRecord(await getCurrentFuseWire(path.join(appDir, 'deskbook')));
      expect(wire).toEqual(EXPECTED_WIRE);
      // and the stand-in started from Electron's defaults, so the flip is electron-builder's work
      expect(EXPECTED_WIRE).not.toEqual(ELECTRON_DEFAULT_WIRE);
    });

    it('app-update.yml points electron-updater at the generic provider from DESKBOOK_UPDATE_URL', async () => {
      const yml = await readFile(path.join(appDir, 'resources', 'app-update.yml'), 'utf8');
      expect(yml).toContain('provider: generic');
      expect(yml).toContain(`url: ${UPDATE_URL}`);
      expect(yml).toContain('updaterCacheDirName: deskbook-updater');
    });
  },
);
