// Builds the Electron main process and the sandboxed preload (one CommonJS file each), the dev
// host, and the two browser bridges used by the dev host and the end-to-end tests.
import { build } from 'esbuild';
import type { BuildOptions } from 'esbuild';

const common: BuildOptions = {
  bundle: true,
  sourcemap: false,
  logLevel: 'warning',
  legalComments: 'none',
};

await Promise.all([
  build({
    ...common,
    entryPoints: { main: 'electron/main.ts', preload: 'electron/preload.ts' },
    outdir: 'dist/electron',
    outExtension: { '.js': '.cjs' },
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    external: ['electron', 'electron-updater'],
  }),
  build({
    ...common,
    entryPoints: { 'web-host': 'electron/web-host/main.ts' },
    outdir: 'dist/web',
    outExtension: { '.js': '.cjs' },
    platform: 'node',
    format: 'cjs',
    target: 'node20',
  }),
  build({
    ...common,
    entryPoints: {
      bridge: 'electron/web-host/bridge.browser.ts',
      'binding-bridge': 'electron/web-host/binding-bridge.browser.ts',
    },
    outdir: 'dist/web',
    platform: 'browser',
    format: 'iife',
    target: 'chrome130',
  }),
]);
