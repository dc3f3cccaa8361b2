import path from 'node:path';
import { build } from 'esbuild';

/**
 * Bundles ./page/bench-page.ts (the app's real Dexie schema, enqueue and pump code) into one
 * classic script, minified and in production mode like the renderer build.
 */
export async function bundleBenchPage(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(import.meta.dirname, 'page', 'bench-page.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome130',
    minify: process.env.DESKBOOK_BENCH_NO_MINIFY !== "1",
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error('esbuild produced no bench page bundle');
  return file.text;
}
