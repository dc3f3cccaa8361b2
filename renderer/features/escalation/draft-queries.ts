import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../db/db';
import type { DraftRow } from '../../db/db';

export function useDraft(id: string): DraftRow | null | undefined {
  return useLiveQuery(async () => (await db().drafts.get(id)) ?? null, [id]);
}

export function useDrafts(): DraftRow[] {
  return useLiveQuery(() => db().drafts.orderBy('updatedAt').reverse().toArray(), [], []);
}

