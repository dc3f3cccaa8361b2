// Runs inside Chromium, bundled by esbuild (see ../page-bundle.ts) and added to a page on the
// app's origin, so `window.deskbook` is the real binding into main's router. It uses the app's
// own Dexie schema, enqueue and pump code on databases of its own, never the app's `deskbook`.
import { openDeskbookDb } from '../../../renderer/db/db';
import type { DeskbookDb, ReviewRow } from '../../../renderer/db/db';
import { enqueueEscalation, escalationKind, queuedEscalationRow } from '../../../renderer/features/escalation/delivery';
import { registerDeliveryKinds } from '../../../renderer/outbox/kinds';
import { RESULTS_LINGER_MS, createOutboxPump } from '../../../renderer/outbox/pump';
import type { OutboxPump } from '../../../renderer/outbox/pump';
import { newOutboxEntry } from '../../../renderer/outbox/store';
import type { Escalation } from '../../../shared/escalation/schema';
import type { DeskbookApi } from '../../../shared/ipc/api';
import { queryReviews } from '../../../renderer/features/review/queries';
import type { ReviewFilter } from '../../../renderer/features/review/queries';

export interface QueueingTimes {
  /** Whether the page is cross-origin isolated (performance.now() to 5 µs rather than 100 µs). */
  isolated: boolean;
  /** ms per `enqueueEscalation` (Dexie, strict durability). */
  dexie: number[];
  /** ms per raw IndexedDB transaction writing the same two records. */
  raw: number[];
}

export interface DrainRun {
  ms: number;
  /** Escalations whose row reads `sent` afterwards. */
  sent: number;
  /** Outbox entries left afterwards (0 when every delivery succeeded). */
  left: number;
}

export interface FetchRun {
  ms: number;
  /** Responses with status 201 and a JSON body. */
  ok: number;
}

export interface BenchPage {
  /** Queues each escalation both ways, alternating which goes first; the first `warmup` are dropped. */
  queueing(escalations: Escalation[], warmup: number): Promise<QueueingTimes>;
  /**
   * A fresh database holding `escalations` queued, and a started, idle pump over it. `deliver`:
   * `ipc` is the real `window.deskbook.sync.deliver`; `instant` answers "sent" in the page at
   * once (a diagnostic: what the pump and Dexie alone cost).
   */
  prepareDrain(dbName: string, escalations: Escalation[], concurrency: number, deliver: 'ipc' | 'instant'): Promise<void>;
  /** Times the pump delivering everything prepared, through `window.deskbook.sync.deliver`. */
  drain(dbName: string): Promise<DrainRun>;
  /** A diagnostic: `sync:deliver` called straight from the page, no Dexie, `concurrency` at a time. */
  deliverLoop(escalations: Escalation[], concurrency: number): Promise<FetchRun>;
  /** POSTs each body with `fetch`, `concurrency` at a time, reading every answer. */
  rawFetch(url: string, bodies: string[], concurrency: number): Promise<FetchRun>;
  /**
   * Replaces the APP's own database ('deskbook', no app page may be open) with `reviews` cached
   * review rows and `queued` copies of `escalation` waiting in the outbox; returns ms taken.
   */
  seedAppDb(escalation: Escalation, queued: number, reviews: number): Promise<number>;
  /** Counts the app database's outbox entries by state (to check nothing drained them). */
  appOutboxStates(): Promise<Record<string, number>>;
  /** Fills a fresh review cache with `count` synthetic escalations; returns ms taken. */
  fillReviewCache(dbName: string, count: number): Promise<number>;
  /** Times the filtered first page (100 rows) for each filter, `rounds` times over. */
  reviewPages(dbName: string, filters: ReviewFilter[], rounds: number): Promise<number[]>;
}

declare global {
  interface Window {
    deskbookBench?: BenchPage;
  }
}

const request = <T>(req: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.deleteDatabase(name);
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error ?? new Error(`could not delete ${name}`));
    req.onblocked = () => reject(new Error(`deleting ${name} is blocked by an open connection`));
  });
}

/** The same two object stores, keys and indexes as the app's `escalations` and `outbox`. */
function openRawDb(name: string): Promise<IDBDatabase> {
  const req = indexedDB.open(name, 1);
  req.onupgradeneeded = () => {
    const db = req.result;
    const escalations = db.createObjectStore('escalations', { keyPath: 'id' });
    for (const index of ['requestId', 'status', 'createdAt', 'remoteId']) escalations.createIndex(index, index);
    escalations.createIndex('[status+sentAt]', ['status', 'sentAt']);
    const outbox = db.createObjectStore('outbox', { keyPath: 'id' });
    for (const index of ['state', 'nextAttemptAt', 'escalationId']) outbox.createIndex(index, index);
  };
  return request(req);
}

/** The baseline: one strict readwrite transaction putting the rows `enqueueEscalation` writes. */
function rawEnqueue(db: IDBDatabase, escalation: Escalation, now: number): Promise<void> {
  const row = queuedEscalationRow(escalation, now);
  const entry = newOutboxEntry(escalation.id, escalation.id, now);
  return new Promise((resolve, reject) => {
    const tx = db.transaction(['escalations', 'outbox'], 'readwrite', { durability: 'strict' });
    tx.objectStore('escalations').put(row);
    tx.objectStore('outbox').put(entry);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('raw transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('raw transaction aborted'));
  });
}

async function freshDeskbookDb(name: string): Promise<DeskbookDb> {
  await deleteDatabase(name);
  const db = openDeskbookDb(name);
  await db.open();
  return db;
}

function deskbookApi(): DeskbookApi {
  const api = window.deskbook;
  if (!api) throw new Error('window.deskbook is missing: the binding bridge did not run on this page');
  return api;
}

const drains = new Map<string, { db: DeskbookDb; pump: OutboxPump }>();

const page: Omit<BenchPage, 'fillReviewCache' | 'reviewPages' | 'seedAppDb'> = {
  async appOutboxStates() {
    const db = openDeskbookDb('deskbook');
    try {
      const counts: Record<string, number> = {};
      for (const row of await db.outbox.toArray()) counts[row.state] = (counts[row.state] ?? 0) + 1;
      return counts;
    } finally {
      db.close();
    }
  },

  async queueing(escalations, warmup) {
    const dexie = await freshDeskbookDb('bench-queueing-dexie');
    await deleteDatabase('bench-queueing-raw');
    const raw = await openRawDb('bench-queueing-raw');
    const times: QueueingTimes = { isolated: crossOriginIsolated, dexie: [], raw: [] };
    try {
      for (const [i, escalation] of escalations.entries()) {
        const now = Date.now();
        // Alternate which side goes first, so neither always runs right after the other.
        const sides = i % 2 === 0 ? (['dexie', 'raw'] as const) : (['raw', 'dexie'] as const);
        for (const side of sides) {
          const t0 = performance.now();
          if (side === 'dexie') await enqueueEscalation(dexie, escalation, now, null);
          else await rawEnqueue(raw, escalation, now);
          const ms = performance.now() - t0;
          if (i >= warmup) times[side].push(ms);
        }
      }
    } finally {
      dexie.close();
      raw.close();
    }
    return times;
  },

  async prepareDrain(dbName, escalations, concurrency, deliver) {
    const api = deskbookApi();
    const db = await freshDeskbookDb(dbName);
    // As renderer/app/outbox.ts and renderer/outbox/runtime.ts wire it, minus the store (always online here).
    registerDeliveryKinds(escalationKind);
    const pump = createOutboxPump({
      db,
      resultsDb: openDeskbookDb(dbName, 'relaxed'),
      resultsLingerMs: RESULTS_LINGER_MS,
      ipc:
        deliver === 'ipc'
          ? api
          : { sync: { deliver: (req) => Promise.resolve({ ok: true, value: { kind: 'sent', remoteId: req.requestId, url: `https://tickets.example/${req.requestId}` } }) } },
      now: () => Date.now(),
      random: Math.random,
      newId: () => crypto.randomUUID(),
      isOnline: () => true,
      withLock: async (fn) => {
        await navigator.locks.request(`deskbook-bench-pump-${dbName}`, () => fn());
      },
      concurrency,
    });
    // Start on an empty outbox and let that first pass finish: queueing below does not kick the
    // pump, so nothing is delivered until drain() is timed.
    await pump.start();
    await pump.drain();
    const now = Date.now();
    for (const escalation of escalations) await enqueueEscalation(db, escalation, now, null);
    drains.set(dbName, { db, pump });
  },

  async drain(dbName) {
    const prepared = drains.get(dbName);
    if (!prepared) throw new Error(`prepareDrain(${dbName}) was not called`);
    const { db, pump } = prepared;
    const t0 = performance.now();
    await pump.drain();
    const ms = performance.now() - t0;
    pump.stop();
    const sent = await db.escalations.where('status').equals('sent').count();
    const left = await db.outbox.count();
    db.close();
    drains.delete(dbName);
    return { ms, sent, left };
  },

  async deliverLoop(escalations, concurrency) {
    const api = deskbookApi();
    let next = 0;
    let ok = 0;
    const worker = async () => {
      while (next < escalations.length) {
        const escalation = escalations[next++];
        if (!escalation) break;
        const result = await api.sync.deliver({ requestId: escalation.id, attemptId: crypto.randomUUID(), escalation, maybeDelivered: false });
        if (result.ok && result.value.kind === 'sent') ok++;
      }
    };
    const t0 = performance.now();
    await Promise.all(Array.from({ length: concurrency }, worker));
    return { ms: performance.now() - t0, ok };
  },

  async rawFetch(url, bodies, concurrency) {
    let next = 0;
    let ok = 0;
    const worker = async () => {
      while (next < bodies.length) {
        const body = bodies[next++];
        // text/plain is a CORS-safelisted type: no preflight, the cheapest cross-origin POST.
        const res = await fetch(url, { method: 'POST', body, headers: { 'Content-Type': 'text/plain;charset=UTF-8' } });
        const answer: unknown = await res.json();
        if (res.status === 201 && typeof answer === 'object' && answer !== null) ok++;
      }
    };
    const t0 = performance.now();
    await Promise.all(Array.from({ length: concurrency }, worker));
    return { ms: performance.now() - t0, ok };
  },
};

const SCHOOLS = ['Lincoln Elementary', 'Cypress Creek HS', 'Jefferson MS', 'Adams Elementary', 'Roosevelt HS', 'Madison Elementary', 'Monroe MS', 'Jackson HS'];
const SOPS = ['hac-parent-login', 'hac-student-login', 'ic-portal-login-help', 'ic-household-access', 'ic-vendor-escalation'];
const PRIORITY = ['critical', 'high', 'medium', 'medium', 'medium', 'low'] as const;
const STATES = ['awaiting-review', 'awaiting-review', 'awaiting-review', 'returned', 'approved', 'approved', 'forwarded'] as const;

const fillReviewCache: BenchPage['fillReviewCache'] = async (dbName, count) => {
  const db = await freshDeskbookDb(dbName);
  const start = performance.now();
  const base = Date.UTC(2026, 8, 1);
  for (let i = 0; i < count; i += 5000) {
    const rows: ReviewRow[] = [];
    for (let n = i; n < Math.min(count, i + 5000); n++) {
      const createdAt = base + n * 60_000;
      const state = STATES[n % STATES.length]!;
      rows.push({
        remoteId: String(n + 1),
        item: {
          remoteId: String(n + 1),
          url: `https://rt.example/Ticket/Display.html?id=${n + 1}`,
          requestId: `req-${n}`,
          subject: `Escalation ${n}: parent cannot log in to HAC`,
          rtStatus: 'new',
          reviewState: state,
          createdAt: new Date(createdAt).toISOString(),
          lastUpdated: new Date(createdAt + 3_600_000).toISOString(),
          escalation: null,
          hasSealedNote: n % 3 === 0,
          etag: null,
        },
        reviewState: state,
        priority: PRIORITY[n % PRIORITY.length]!,
        school: SCHOOLS[n % SCHOOLS.length]!,
        sopId: SOPS[n % SOPS.length]!,
        createdAt,
        lastUpdated: createdAt + 3_600_000,
        slaDueAt: createdAt + 12 * 3_600_000,
      });
    }
    await db.reviews.bulkPut(rows);
  }
  db.close();
  return performance.now() - start;
};

const reviewPages: BenchPage['reviewPages'] = async (dbName, filters, rounds) => {
  const db = openDeskbookDb(dbName);
  const now = Date.UTC(2026, 10, 1);
  const times: number[] = [];
  try {
    for (let r = 0; r < rounds; r++) {
      for (const filter of filters) {
        const t0 = performance.now();
        const rows = await queryReviews(db, filter, now, 100);
        times.push(performance.now() - t0);
        if (rows.length === 0) throw new Error(`filter ${JSON.stringify(filter)} matched nothing: the bench data is wrong`);
      }
    }
  } finally {
    db.close();
  }
  return times;
};

const seedAppDb: BenchPage['seedAppDb'] = async (escalation, queued, reviews) => {
  const start = performance.now();
  await fillReviewCache('deskbook', reviews);
  const db = openDeskbookDb('deskbook');
  try {
    const now = Date.now();
    for (let i = 0; i < queued; i += 2000) {
      const copies = Array.from({ length: Math.min(2000, queued - i) }, (_, k) => ({
        ...escalation,
        id: crypto.randomUUID(),
        draft: { ...escalation.draft, subject: `${escalation.draft.subject} #${i + k + 1}` },
      }));
      await db.transaction('rw', db.escalations, db.outbox, async () => {
        await db.escalations.bulkPut(copies.map((e) => queuedEscalationRow(e, now)));
        await db.outbox.bulkPut(copies.map((e, k) => newOutboxEntry(e.id, e.id, now + i + k)));
      });
    }
  } finally {
    db.close();
  }
  return performance.now() - start;
};

window.deskbookBench = { ...page, fillReviewCache, reviewPages, seedAppDb };
