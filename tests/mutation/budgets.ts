/**
 * The mutation score of each module against its budget, printed as the benchmarks print theirs,
 * from Stryker's JSON reports (mutation-testing-report-schema) in reports/mutation/. Score =
 * detected / (detected + survived + no coverage), detected = killed + timed out, as Stryker
 * computes it; mutants that do not compile or that Stryker ignores are left out.
 * Run alone (`npx tsx tests/mutation/budgets.ts`) it reprints the last results.
 */
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { formatReport, withinBudget } from '../bench/report';
import type { BenchResult } from '../bench/report';
import { MUTATION_MODULES } from './modules';
import type { MutationModule } from './modules';

interface ReportMutant {
  status: string;
  mutatorName: string;
  location: { start: { line: number } };
}

export const reportPath = (module: MutationModule) => `reports/mutation/${module.id}.json`;

/** One module's score from its report, with its survivors as notes; null when it never ran. */
export function moduleResult(module: MutationModule): BenchResult | null {
  if (!existsSync(reportPath(module))) return null;
  const report = JSON.parse(readFileSync(reportPath(module), 'utf8')) as { files: Record<string, { mutants: ReportMutant[] }> };
  let detected = 0;
  const survivors: string[] = [];
  for (const [file, { mutants }] of Object.entries(report.files)) {
    for (const mutant of mutants) {
      if (mutant.status === 'Killed' || mutant.status === 'Timeout') detected += 1;
      else if (mutant.status === 'Survived' || mutant.status === 'NoCoverage') {
        survivors.push(`${file}:${mutant.location.start.line} ${mutant.mutatorName}${mutant.status === 'NoCoverage' ? ' (no test runs it)' : ''}`);
      }
    }
  }
  const valid = detected + survivors.length;
  const shown = survivors.slice(0, 6);
  return {
    name: `${module.id}: ${module.name}`,
    unit: '%',
    comparison: '>=',
    budget: module.budget,
    value: valid === 0 ? Number.NaN : Math.round((1000 * detected) / valid) / 10,
    notes: [
      `${detected} of ${valid} mutants caught, ${survivors.length} not`,
      ...shown.map((line) => `survivor ${line}`),
      ...(survivors.length > shown.length ? [`… and ${survivors.length - shown.length} more in ${reportPath(module)}`] : []),
    ],
  };
}

/** Prints the table for the modules that have a report; returns how many are under budget. */
export function printBudgets(modules: readonly MutationModule[] = MUTATION_MODULES): number {
  const results = modules.map(moduleResult).filter((result): result is BenchResult => result !== null);
  const missing = modules.filter((module) => !existsSync(reportPath(module))).map((module) => module.id);
  console.log(formatReport(results, 'module'));
  if (missing.length > 0) console.log(`not run yet: ${missing.join(', ')} (npm run mutate -- ${missing.join(' ')})`);
  const under = results.filter((result) => !withinBudget(result)).length;
  console.log(under === 0 ? `every module run meets its budget (${results.length})` : `${under} of ${results.length} modules under budget`);
  return under;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exitCode = printBudgets() === 0 ? 0 : 1;
