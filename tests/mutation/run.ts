/**
 * `npm run mutate [-- <module id>…]`: StrykerJS over each module (all, or those named), one run
 * per module so each keeps its own incremental file, then the score table with each budget.
 * Stryker's own output for a module goes to reports/mutation/<id>.log. Exits non-zero when a
 * module is under budget or Stryker failed. Not part of `npm test`: the first full run takes
 * tens of minutes on two cores; an incremental re-run after a small change takes a few.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, openSync } from 'node:fs';
import { printBudgets } from './budgets';
import { MUTATION_MODULES } from './modules';

const wanted = process.argv.slice(2);
const unknown = wanted.filter((id) => !MUTATION_MODULES.some((module) => module.id === id));
if (unknown.length > 0) {
  console.error(`npm run mutate: no module ${unknown.join(', ')}; the modules are ${MUTATION_MODULES.map((m) => m.id).join(', ')}`);
  process.exit(2);
}
const modules = wanted.length > 0 ? MUTATION_MODULES.filter((module) => wanted.includes(module.id)) : MUTATION_MODULES;
mkdirSync('reports/mutation', { recursive: true });
let broken = 0;
for (const module of modules) {
  const started = Date.now();
  const log = openSync(`reports/mutation/${module.id}.log`, 'w');
  const run = spawnSync('npx', ['stryker', 'run'], {
    stdio: ['ignore', log, log],
    env: { ...process.env, DESKBOOK_MUTATE_ID: module.id, DESKBOOK_MUTATE: JSON.stringify(module.mutate), DESKBOOK_MUTATE_TESTS: JSON.stringify(module.tests), VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
  });
  const minutes = ((Date.now() - started) / 60_000).toFixed(1);
  if (run.status !== 0) broken += 1;
  console.log(`${module.id}: ${run.status === 0 ? 'done' : `Stryker failed (exit ${run.status}), see reports/mutation/${module.id}.log`} in ${minutes} min`);
}
const under = printBudgets(modules);
process.exitCode = under === 0 && broken === 0 ? 0 : 1;
