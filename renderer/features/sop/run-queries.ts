import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../db/db';
import type { RunRow } from '../../db/db';

export function useRun(runId: string): RunRow | null | undefined {
  return useLiveQuery(async () => (await db().runs.get(runId)) ?? null, [runId]);
}

export function useActiveRuns(): RunRow[] {
  return useLiveQuery(() => db().runs.where('status').equals('active').reverse().sortBy('updatedAt'), [], []);
}

export function useFinishedRuns(limit = 200): RunRow[] {
  return useLiveQuery(() => db().runs.orderBy('finishedAt').reverse().filter((r) => r.status === 'finished').limit(limit).toArray(), [limit], []);
}
