import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import type { Escalation } from '../../shared/escalation/schema';
import { queuedEscalationRow } from '../../renderer/features/escalation/delivery';
import { newOutboxEntry } from '../../renderer/outbox/store';
import { readStore } from '../e2e/idb';

/** A valid queued escalation, numbered so its content can be checked in Request Tracker. */
export function chaosEscalation(n: number): Escalation {
  return {
    id: randomUUID(),
    createdAt: new Date(Date.UTC(2026, 10, 23, 15, 0, n % 60)).toISOString(),
    analyst: { id: 'tech-3', name: 'Field Technician' },
    slaDueAt: '2026-11-24T15:00:00.000Z',
    draft: {
      kind: 'district-tier2',
      subject: `Chaos escalation #${n}`,
      description: `Queued offline at a school, escalation number ${n}. Body must arrive unchanged.`,
      stepsTried: [`Step A for ${n}`, `Step B for ${n}`],
      replicationSteps: undefined,
      usersAffected: undefined,
      hostedOutage: false,
      callerRole: 'staff',
      callerName: undefined,
      studentName: undefined,
      studentNumber: undefined,
      school: 'Lincoln Elementary',
      callbackPhone: '(555) 234-5678',
      priority: n % 4 === 0 ? 'high' : 'medium',
      sop: null,
      sealedNotes: [],
    },
  };
}

/**
 * Writes queued escalations into the app's IndexedDB exactly as `enqueueEscalation` does (an
 * escalation row and its outbox entry per ticket, one transaction per batch), standing in for a
 * technician who queued them over hours offline. Dexie reads these rows as its own.
 */
export async function seedQueue(page: Page, escalations: readonly Escalation[], now: number): Promise<void> {
  const rows = escalations.map((escalation) => ({ esc: queuedEscalationRow(escalation, now), entry: newOutboxEntry(escalation.id, escalation.id, now) }));
  for (let i = 0; i < rows.length; i += 500) {
    await page.evaluate(async (batch) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('deskbook');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction(['escalations', 'outbox'], 'readwrite', { durability: 'strict' });
        for (const { esc, entry } of batch) {
          tx.objectStore('escalations').put(esc);
          tx.objectStore('outbox').put(entry);
        }
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    }, rows.slice(i, i + 500));
  }
}

/** How many outbox entries are left, by state, read straight from IndexedDB. */
export async function outboxStates(page: Page): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const row of await readStore<{ state: string }>(page, 'outbox')) counts[row.state] = (counts[row.state] ?? 0) + 1;
  return counts;
}
