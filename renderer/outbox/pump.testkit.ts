// Helpers for tests that drive the real outbox pump over fake-indexeddb (no Dexie mock).
import type { Escalation } from '../../shared/escalation/schema';
import type { DeskbookDb } from '../db/db';
import type { OutboxIpc } from './kinds';
import { createOutboxPump } from './pump';
import type { OutboxPump, PumpDeps } from './pump';

/** A valid escalation, numbered so its request id and subject are predictable. */
export function testEscalation(n: number, subject = `Ticket ${n}`): Escalation {
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    createdAt: '2026-11-23T15:00:00.000Z',
    analyst: { id: 'a1', name: 'Analyst' },
    slaDueAt: '2026-11-24T15:00:00.000Z',
    draft: {
      kind: 'district-tier2',
      subject,
      description: 'Parent cannot log in to HAC after reset.',
      stepsTried: [],
      callerRole: 'parent',
      callbackPhone: '(555) 234-5678',
      priority: 'medium',
      sop: null,
      sealedNotes: [],
      replicationSteps: undefined,
      usersAffected: undefined,
      hostedOutage: false,
      callerName: undefined,
      studentName: undefined,
      studentNumber: undefined,
      school: undefined,
    },
  };
}

/** A pump on `db` calling `ipc`, always online, holding its lock at once, with no real timers. */
export function testPump(db: DeskbookDb, ipc: OutboxIpc, more: Partial<PumpDeps> = {}): OutboxPump {
  let attempt = 0;
  return createOutboxPump({
    db,
    ipc,
    now: () => 1_000_000,
    random: () => 0.5,
    newId: () => `attempt-${++attempt}`,
    isOnline: () => true,
    withLock: (fn) => fn(),
    setTimer: () => null,
    clearTimer: () => {},
    ...more,
  });
}

/** Starts a pump, delivers everything due, and stops it. */
export async function drainOnce(pump: OutboxPump): Promise<void> {
  await pump.start();
  await pump.drain();
  pump.stop();
}
