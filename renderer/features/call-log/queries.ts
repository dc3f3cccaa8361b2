import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../db/db';
import type { CallLogRow, OutboxRow } from '../../db/db';

export interface CallLogView {
  log: CallLogRow | null;
  /** Its outbox entry while it waits (gone once delivered). */
  entry: OutboxRow | null;
}

/** A run's call log and its outbox entry, live; undefined while loading. */
export function useCallLog(runId: string): CallLogView | undefined {
  return useLiveQuery(async () => {
    const [log, entry] = await Promise.all([db().callLogs.get(runId), db().outbox.get(runId)]);
    return { log: log ?? null, entry: entry ?? null };
  }, [runId]);
}
