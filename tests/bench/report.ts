import { figure } from './stats';

/** How a figure is compared with its budget. */
export type Comparison = '<=' | '<' | '>=';

/** What a benchmark promises: its name, the unit of its figure and the budget from docs/architecture.md. */
export interface Budget {
  name: string;
  unit: string;
  comparison: Comparison;
  budget: number;
}

/** One benchmark's headline figure against its budget, and notes that help read it. */
export interface BenchResult extends Budget {
  value: number;
  /** Supporting figures (absolute times, sample counts, lazy chunks…), printed under the table. */
  notes: string[];
}

/** True when the figure meets its budget. A NaN figure (nothing measured) never passes. */
export function withinBudget(result: BenchResult): boolean {
  switch (result.comparison) {
    case '<=':
      return result.value <= result.budget;
    case '<':
      return result.value < result.budget;
    case '>=':
      return result.value >= result.budget;
  }
}

/** A failure to measure at all, reported as a failed row rather than a crash of the whole run. */
export function brokenResult(budget: Budget, error: unknown): BenchResult {
  const why = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return { ...budget, value: Number.NaN, notes: [`could not be measured: ${why}`] };
}

const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - text.length));

/** The table `npm run bench` (and `npm run mutate`) prints: one row per budget, then each benchmark's notes. */
export function formatReport(results: readonly BenchResult[], subject = 'benchmark'): string {
  const rows = results.map((r) => [r.name, `${figure(r.value)} ${r.unit}`, `${r.comparison} ${figure(r.budget)} ${r.unit}`, withinBudget(r) ? 'PASS' : 'FAIL']);
  const header = [subject, 'measured', 'budget', 'result'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => pad(c, widths[i] ?? 0)).join('  ').trimEnd();
  const out = [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line), ''];
  for (const r of results) {
    out.push(`${r.name}:`);
    for (const note of r.notes) out.push(`  ${note}`);
  }
  return out.join('\n');
}
