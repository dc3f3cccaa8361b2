import { Dexie } from 'dexie';
import type { EntityTable } from 'dexie';
import type { Escalation, EscalationDraftInput } from '../../shared/escalation/schema';
import type { DeliveryResult } from '../../shared/ipc/sync';
import type { RunState } from '../../shared/sop/engine';
import type { SopDocument, SopPack } from '../../shared/sop/schema';

/** An SOP run, saved after every answer so a crash or restart resumes where it was. */
export interface RunRow {
  id: string;
  /** The document as it was when the run started: a run stays on its version. */
  doc: SopDocument;
  packId: string;
  state: RunState;
  status: 'active' | 'finished';
  /** The analyst's note per node id. */
  notes: Record<string, string>;
  startedAt: number;
  updatedAt: number;
  finishedAt: number | null;
  /** Set once an escalation draft was opened from this run. */
  draftId: string | null;
}

/** An escalation form as typed so far; autosaved, so nothing is lost to a crash or reload. */
export interface DraftRow {
  id: string;
  runId: string | null;
  values: EscalationDraftInput;
  /** When the draft was re-opened from a failed outbox entry, the entry it replaces. */
  replacesRequestId: string | null;
  createdAt: number;
  updatedAt: number;
}

export type OutboxState = 'pending' | 'sending' | 'needs_reconcile' | 'failed' | 'paused';

/**
 * One escalation waiting for delivery. `id` is the request id that travels to the server.
 * Nothing leaves this table except a confirmed delivery or an explicit user action.
 */
export interface OutboxRow {
  id: string;
  escalationId: string;
  state: OutboxState;
  attemptId: string | null;
  attempts: number;
  /** The previous attempt may have reached the server: look it up before creating again. */
  maybeDelivered: boolean;
  nextAttemptAt: number;
  lastError: string | null;
  lastOutcome: DeliveryResult['kind'] | null;
  createdAt: number;
  updatedAt: number;
}

/** A queued or delivered escalation, kept for the queue screen and history. */
export interface EscalationRow {
  id: string;
  requestId: string;
  escalation: Escalation;
  status: 'queued' | 'sent' | 'failed';
  remoteId: string | null;
  remoteUrl: string | null;
  createdAt: number;
  sentAt: number | null;
}

/** An imported district SOP pack version. Built-in packs ship in the bundle and are not stored. */
export interface PackRow {
  key: string;
  id: string;
  version: string;
  title: string;
  pack: SopPack;
  importedAt: number;
}

export type DeskbookDb = Dexie & {
  runs: EntityTable<RunRow, 'id'>;
  drafts: EntityTable<DraftRow, 'id'>;
  outbox: EntityTable<OutboxRow, 'id'>;
  escalations: EntityTable<EscalationRow, 'id'>;
  packs: EntityTable<PackRow, 'key'>;
};

/**
 * Opens the database. Every schema version stays declared here forever (Dexie migrates from
 * whichever the user has); add `version(n + 1)` below, never edit an old one. Transactions use
 * strict durability: a queued ticket is on disk before the UI says it is.
 */
export function openDeskbookDb(name = 'deskbook', durability: 'strict' | 'relaxed' = 'strict'): DeskbookDb {
  const db = new Dexie(name, { chromeTransactionDurability: durability }) as DeskbookDb;
  db.version(1).stores({
    runs: 'id, status, updatedAt, finishedAt',
    drafts: 'id, runId, updatedAt',
    outbox: 'id, state, nextAttemptAt, escalationId',
    escalations: 'id, requestId, status, createdAt',
    packs: 'key, id, importedAt',
  });
  return db;
}

let shared: DeskbookDb | null = null;
let relaxed: DeskbookDb | null = null;

/** The app's database connection (strict durability). */
export function db(): DeskbookDb {
  shared ??= openDeskbookDb();
  return shared;
}

/**
 * A second connection with relaxed durability, for writes whose loss in a crash is already
 * recovered by a durable write before them (the outbox's results: see pump.ts).
 */
export function relaxedDb(): DeskbookDb {
  relaxed ??= openDeskbookDb('deskbook', 'relaxed');
  return relaxed;
}
