import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { build } from 'vite';

const INDEX_HTML = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1.0" />
    <title>Bare React page</title>
  </head>
  <body>
    <div id="root"></div>
    <script type="module" src="./main.tsx"></script>
  </body>
</html>
`;

/** The smallest "interactive" React page: a heading and a focused, labelled search input. */
const MAIN_TSX = `import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

function Page() {
  return (
    <main>
      <h1>Procedures</h1>
      <label htmlFor="q">Search procedures</label>
      <input id="q" type="search" autoFocus autoComplete="off" />
    </main>
  );
}

const container = document.getElementById('root');
if (container) {
  createRoot(container).render(
    <StrictMode>
      <Page />
    </StrictMode>,
  );
}
`;

/**
 * Builds the baseline for the start-up ratio: a bare React 19 page, with the same toolchain and
 * build options as vite.config.ts (Vite + @vitejs/plugin-react, target chrome130, no modulepreload
 * polyfill), into `outDir`. Its source lives in a temp dir, so `react` is aliased to this repo's copy.
 */
export async function buildBarePage(repoRoot: string, outDir: string): Promise<void> {
  const src = await mkdtemp(path.join(os.tmpdir(), 'deskbook-bench-bare-src-'));
  try {
    await writeFile(path.join(src, 'index.html'), INDEX_HTML);
    await writeFile(path.join(src, 'main.tsx'), MAIN_TSX);
    const modules = path.join(repoRoot, 'node_modules');
    await build({
      configFile: false,
      envDir: false,
      root: src,
      base: '/',
      mode: 'production',
      logLevel: 'warn',
      plugins: [react()],
      resolve: {
        alias: [
          { find: 'react-dom', replacement: path.join(modules, 'react-dom') },
          { find: 'react', replacement: path.join(modules, 'react') },
        ],
      },
      build: {
        outDir,
        emptyOutDir: true,
        target: 'chrome130',
        sourcemap: false,
        modulePreload: { polyfill: false },
        reportCompressedSize: false,
      },
    });
  } finally {
    await rm(src, { recursive: true, force: true });
  }
}
