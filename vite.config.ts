import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { yamlPlugin } from './scripts/vite-yaml-plugin.ts';

/** The renderer bundle, served from `app://deskbook/` in the app and from loopback in tests. */
export default defineConfig({
  root: 'renderer',
  base: '/',
  plugins: [react(), yamlPlugin()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: false,
    modulePreload: { polyfill: false },
    reportCompressedSize: false,
  },
});
