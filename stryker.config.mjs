// @ts-check
/**
 * StrykerJS for `npm run mutate` (tests/mutation/run.ts), which runs it once per module with the
 * module's files in DESKBOOK_MUTATE (a JSON list of globs), the tests that must catch their
 * mutants in DESKBOOK_MUTATE_TESTS, and its id in DESKBOOK_MUTATE_ID, so
 * each module keeps its own incremental file and report: a re-run after a small change re-tests
 * only the mutants that change touched, and one module can be run alone (`npm run mutate -- guard`).
 *
 * No TypeScript checker by default: measured here, it spent about 6 s per mutant type-checking
 * the zod-heavy project (132 router mutants: 14.5 min with it, 2 min without), which would make
 * the first full run ten hours on two cores. Mutants that would not compile run anyway and are
 * nearly always killed by the first test; DESKBOOK_MUTATE_CHECK=1 turns the checker back on for
 * a module (tsconfig.mutate.json).
 */
import process from 'node:process';

const id = process.env.DESKBOOK_MUTATE_ID ?? 'all';
const mutate = JSON.parse(process.env.DESKBOOK_MUTATE ?? '["electron/ipc/**/*.ts"]');
const tests = JSON.parse(process.env.DESKBOOK_MUTATE_TESTS ?? '[]');
const check = process.env.DESKBOOK_MUTATE_CHECK === '1';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
// eslint-disable-next-line no-restricted-syntax -- Stryker reads its config file's default export only.
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate.config.ts', related: true },
  checkers: check ? ['typescript'] : [],
  tsconfigFile: 'tsconfig.mutate.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  coverageAnalysis: 'perTest',
  incremental: true,
  incrementalFile: `reports/mutation/${id}.incremental.json`,
  concurrency: 2,
  timeoutMS: 10_000,
  ignoreStatic: true,
  ...(tests.length > 0 ? { testFiles: tests } : {}),
  mutate: [...mutate, '!**/*.test.ts', '!**/*.testkit.ts', '!**/*.d.ts'],
  reporters: ['json', 'clear-text', 'progress-append-only'],
  jsonReporter: { fileName: `reports/mutation/${id}.json` },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true, reportMutants: false },
  tempDirName: `.tmp/stryker-${id}`,
  cleanTempDir: 'always',
};
