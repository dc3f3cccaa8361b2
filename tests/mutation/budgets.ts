/**
 * After `stryker run`: the mutation score of each module against its budget, printed as the
 * benchmarks print theirs, from Stryker's JSON report (mutation-testing-report-schema). Exits
 * non-zero when a module is under budget. Score = detected / (detected + survived + no coverage),
 * detected = killed + timed out, as Stryker computes it; mutants that do not compile are left out.
 */
import { readFileSync } from 'node:fs';
import { formatReport, withinBudget } from '../bench/report';
import type { BenchResult } from '../bench/report';
import { MUTATION_MODULES, moduleOf } from './modules';

interface ReportMutant {
  status: string;
  mutatorName: string;
  location: { start: { line: number } };
  replacement?: string;
}

const REPORT = process.argv[2] ?? 'reports/mutation/mutation.json';
const report = JSON.parse(readFileSync(REPORT, 'utf8')) as { files: Record<string, { mutants: ReportMutant[] }> };

const tally = new Map<string, { detected: number; survived: number; noCoverage: number; survivors: string[] }>();
for (const [file, { mutants }] of Object.entries(report.files)) {
  const module = moduleOf(file);
  if (!module) continue;
  const row = tally.get(module.name) ?? { detected: 0, survived: 0, noCoverage: 0, survivors: [] };
  for (const mutant of mutants) {
    if (mutant.status === 'Killed' || mutant.status === 'Timeout') row.detected += 1;
    else if (mutant.status === 'Survived' || mutant.status === 'NoCoverage') {
      if (mutant.status === 'Survived') row.survived += 1;
      else row.noCoverage += 1;
      row.survivors.push(`${file}:${mutant.location.start.line} ${mutant.mutatorName}${mutant.status === 'NoCoverage' ? ' (no test runs it)' : ''}`);
    }
  }
  tally.set(module.name, row);
}

const results: BenchResult[] = MUTATION_MODULES.filter((module) => tally.has(module.name)).map((module) => {
  const row = tally.get(module.name)!;
  const valid = row.detected + row.survived + row.noCoverage;
  const shown = row.survivors.slice(0, 8);
  return {
    name: module.name,
    unit: '%',
    comparison: '>=',
    budget: module.budget,
    value: valid === 0 ? Number.NaN : Math.round((1000 * row.detected) / valid) / 10,
    notes: [
      `${row.detected} of ${valid} mutants caught (${row.survived} survived, ${row.noCoverage} not covered)`,
      ...shown.map((line) => `survivor ${line}`),
      ...(row.survivors.length > shown.length ? [`… and ${row.survivors.length - shown.length} more (reports/mutation/mutation.json)`] : []),
    ],
  };
});

console.log(formatReport(results, 'module'));
const under = results.filter((result) => !withinBudget(result));
console.log(under.length === 0 ? `every module meets its budget (${results.length})` : `${under.length} of ${results.length} modules under budget`);
process.exitCode = under.length === 0 ? 0 : 1;
