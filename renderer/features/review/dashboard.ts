import { outcomeOf } from '../../../shared/sop/engine';
import type { ReviewRow, RunRow } from '../../db/db';

export interface Count {
  label: string;
  count: number;
}

function tally(labels: readonly string[], top = 12): Count[] {
  const counts = new Map<string, number>();
  for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
  return [...counts.entries()]
    .map(([label, count]) => ({ label, count }))
    .sort((a, b) => b.count - a.count || (a.label < b.label ? -1 : 1))
    .slice(0, top);
}

/**
 * Dashboard figures, counts only: escalations by SOP and by school, SLA attainment (decided
 * before the district due time, judged by the ticket's last update), and the outcome node each
 * finished run ended at. No names, numbers or free text leave the rows.
 */
export function dashboardFigures(reviews: readonly ReviewRow[], runs: readonly RunRow[]) {
  const decided = reviews.filter((r) => r.reviewState !== 'awaiting-review');
  const onTime = decided.filter((r) => r.lastUpdated <= r.slaDueAt).length;
  return {
    bySop: tally(reviews.map((r) => r.sopId || 'not from an SOP')),
    bySchool: tally(reviews.map((r) => r.school || 'no school given')),
    exits: tally(
      runs.map((run) => {
        const outcome = outcomeOf(run.doc, run.state);
        return `${run.doc.title} → ${outcome?.title ?? run.state.current}`;
      }),
    ),
    decided: decided.length,
    decidedOnTime: onTime,
    attainment: decided.length === 0 ? null : onTime / decided.length,
  };
}
