import { defineConfig } from 'vitest/config';
import { yamlPlugin } from './scripts/vite-yaml-plugin.ts';

/**
 * Three kinds of test, by where they run:
 * - unit: shared/ and electron/ in Node (Electron's own APIs are injected, never imported);
 * - dom: renderer components in happy-dom, with fake-indexeddb behind Dexie;
 * - e2e: the production renderer build in Debian's Chromium, plus integration against a real
 *   Request Tracker (tests/).
 */
export default defineConfig({
  plugins: [yamlPlugin()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'scripts/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'happy-dom',
          include: ['renderer/**/*.test.ts', 'renderer/**/*.test.tsx'],
          setupFiles: ['renderer/test-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
