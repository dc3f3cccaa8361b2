import { defineConfig } from 'vitest/config';
import { yamlPlugin } from './scripts/vite-yaml-plugin.ts';

/**
 * The tests `npm run mutate` runs against each mutant: the unit and dom projects of
 * vitest.config.ts (the e2e and integration suites need a build, Chromium and Request Tracker,
 * and take minutes per run, so a mutant they alone would kill counts as a survivor here). Of the
 * renderer's tests it runs those of the outbox, the database and the escalation draft: the
 * renderer code in the mutation scope is the outbox state machine and the draft's secret cleaning.
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
          include: ['shared/**/*.test.ts', 'electron/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'happy-dom',
          include: ['renderer/outbox/**/*.test.ts', 'renderer/db/**/*.test.ts', 'renderer/features/escalation/**/*.test.ts', 'renderer/features/outbox/**/*.test.ts'],
          setupFiles: ['renderer/test-setup.ts'],
        },
      },
    ],
  },
});
