import { defineConfig } from 'vitest/config';
import { yamlPlugin } from './scripts/vite-yaml-plugin.ts';

/**
 * The tests `npm run mutate` runs against each mutant: the unit and dom projects of
 * vitest.config.ts, and the attacks on main's services that run in Node (tests/security). The
 * e2e and integration suites need a build, Chromium and Request Tracker, and take minutes per
 * run, so a mutant they alone would kill counts as a survivor here. Of the
 * renderer's tests it runs those of the outbox, the database and the escalation draft: the
 * renderer code in the mutation scope is the outbox state machine and the draft's secret cleaning.
 */
export default defineConfig({
  plugins: [yamlPlugin()],
  test: {
    // Stryker switches mutants on at run time, so a module need not be imported afresh for each
    // one: without isolation a guard mutant costs its tests (~0.2 s), not their imports (~1 s).
    isolate: false,
    // Instrumented code on a loaded machine: the delivery service's tests (scrypt, a loopback
    // server) outgrew the default 5 s in the dry run, which then refused to start.
    testTimeout: 30_000,
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
          // Main's services in Node, attacked as a compromised renderer would (no Chromium, no RT):
          // where the sealed-value check, the roles and the webhook signature are pinned.
          name: 'main-attacks',
          environment: 'node',
          include: ['tests/security/guard-in-main.test.ts', 'tests/security/roles.test.ts', 'tests/security/secrets-bound.test.ts', 'tests/security/webhook-replay.test.ts', 'tests/security/guard-bypass.test.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
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
