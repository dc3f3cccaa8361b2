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

/** What the charts call an escalation with no SOP or no school, in the interface language. */
export interface DashboardLabels {
  noSop: string;
  noSchool: string;
}

/**
 * Dashboard figures, counts only: escalations by SOP and by school, SLA attainment (decided
 * before the district due time, judged by the ticket's last update), and the outcome node each
 * finished run ended at. No names, numbers or free text leave the rows.
 */
export function dashboardFigures(reviews: readonly ReviewRow[], runs: readonly RunRow[], labels: DashboardLabels) {
  const decided = reviews.filter((r) => r.reviewState !== 'awaiting-review');
  const onTime = decided.filter((r) => r.lastUpdated <= r.slaDueAt).length;
  return {
    bySop: tally(reviews.map((r) => r.sopId || labels.noSop)),
    bySchool: tally(reviews.map((r) => r.school || labels.noSchool)),
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

/** First-call resolution of one SOP on this computer. */
export interface SopResolution {
  sopId: string;
  /** The title of the newest version run. */
  title: string;
  /** Runs started, finished or not. */
  runs: number;
  finished: number;
  resolved: number;
  referred: number;
  escalated: number;
  /** `resolved / finished`; null before any run finished. */
  fcr: number | null;
}

/**
 * First-call resolution by SOP, from the local runs table (so it works offline): for each SOP,
 * the calls run, how many were resolved on the call, referred, or escalated, and FCR = resolved
 * over every finished run. A finished run whose outcome node is gone (a pack changed under it)
 * counts as finished, in none of the three. Sorted by calls run, most first. Counts only.
 */
export function firstCallResolution(runs: readonly RunRow[]): SopResolution[] {
  const bySop = new Map<string, SopResolution & { newest: number }>();
  for (const run of runs) {
    const id = run.doc.id;
    const row = bySop.get(id) ?? { sopId: id, title: run.doc.title, runs: 0, finished: 0, resolved: 0, referred: 0, escalated: 0, fcr: null, newest: -Infinity };
    bySop.set(id, row);
    row.runs += 1;
    if (run.startedAt > row.newest) {
      row.newest = run.startedAt;
      row.title = run.doc.title;
    }
    if (run.status !== 'finished') continue;
    row.finished += 1;
    const type = outcomeOf(run.doc, run.state)?.outcome.type;
    if (type === 'resolved') row.resolved += 1;
    else if (type === 'referred') row.referred += 1;
    else if (type === 'escalate') row.escalated += 1;
  }
  return [...bySop.values()]
    .map(({ newest: _newest, ...row }) => ({ ...row, fcr: row.finished === 0 ? null : row.resolved / row.finished }))
    .sort((a, b) => b.runs - a.runs || a.title.localeCompare(b.title));
}
