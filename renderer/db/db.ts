// Who writes which table: one writer per durable fact. Read anything anywhere; write a table only
// through its owner (other code calls the owner's functions, inside its own transaction if need be).
//   outbox       renderer/outbox/store.ts: queue, claim, results, release, pause/resume (features
//                queue and re-queue through putEntry/requeuedEntry/withdrawEntries)
//   escalations  renderer/features/escalation/delivery.ts: the row, status, remoteId, remoteUrl,
//                sentAt (queued with its outbox entry; landed/failed by the escalation and resubmit
//                kinds in the outbox's results transaction); review-status.ts: reviewState and
//                reviewComment as pulled
//   drafts       renderer/features/escalation/ (drafts.ts; delivery.ts deletes a draft as it queues it)
//   decisions    renderer/features/review/decisions.ts (queued; applied/failed/conflict by the decision
//                kind); sync.ts drops one the supervisor re-reviewed
//   reviews      renderer/features/review/sync.ts (pull, opened detail, re-review); decisions.ts (a
//                landed decision's state, before the next pull)
//   meta         renderer/features/review/sync.ts (the review pull cursor)
//   runs         renderer/features/sop/runs.ts (and the draft id, set by escalation/drafts.ts)
//   packs        renderer/features/sop/ImportPack.tsx
//   callLogs     renderer/features/call-log/queue.ts (queued with its outbox entry, one per run);
//                landed/failed by the call-log kind (kind.ts) in the outbox's results transaction
import { Dexie } from 'dexie';
import type { EntityTable } from 'dexie';
import type { CallLogRecord } from '../../shared/call-log/schema';
import type { Escalation, EscalationDraftInput } from '../../shared/escalation/schema';
import type { DeliveryResult } from '../../shared/ipc/sync';
import type { Decision, ReviewDetail, ReviewEvent, ReviewItem, ReviewState } from '../../shared/review/schema';
import type { RunState } from '../../shared/sop/engine';
import type { SopDocument, SopPack } from '../../shared/sop/schema';
import type { SopDiff } from '../../shared/sop/diff';
import { upgradeDraftMode } from './draft-mode';
import type { DraftMode } from './draft-mode';

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
  /**
   * The language the caller speaks (`en`, `es`), one of the SOP's caller languages: the scripts
   * shown and the ticket's call language. Absent on runs saved before it existed: the SOP's own.
   */
  callerLanguage?: string;
}

/** An escalation form as typed so far; autosaved, so nothing is lost to a crash or reload. */
export interface DraftRow {
  id: string;
  runId: string | null;
  values: EscalationDraftInput;
  /** New, an edit to re-queue, or the fix of a returned escalation (see draft-mode.ts). */
  mode: DraftMode;
  createdAt: number;
  updatedAt: number;
}

export type OutboxState = 'pending' | 'sending' | 'needs_reconcile' | 'failed' | 'paused';

/**
 * What an outbox entry delivers: a new escalation (the default, and all version-1 rows), a
 * supervisor's decision, an analyst's corrected escalation for a ticket that was returned, or
 * the log of a resolved or referred call.
 */
export type OutboxKind = 'escalation' | 'decision' | 'resubmit' | 'call-log';

/**
 * One item waiting for delivery. `id` is the request id that travels to the server (for a new
 * escalation, the escalation's id; for a decision or resubmission, its own id).
 * Nothing leaves this table except a confirmed delivery or an explicit user action.
 */
export interface OutboxRow {
  id: string;
  /** Absent on rows written before decisions existed: those are escalations. */
  kind?: OutboxKind;
  /** The escalation (kind escalation, resubmit) or decision (kind decision) it delivers. */
  escalationId: string;
  /** The remote ticket a decision or resubmission applies to. */
  remoteId?: string;
  state: OutboxState;
  attemptId: string | null;
  /** Attempts started, including those a crash or reload interrupted. */
  attempts: number;
  /** Attempts that ended in a retryable failure: the backoff grows with these, not with reloads. */
  failures?: number;
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
  /** What the supervisors decided, as last seen (analyst side). */
  reviewState?: ReviewState;
  reviewComment?: ReviewEvent | null;
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

/**
 * A supervisor's cached view of an escalation, flattened for the review list's indexes. Kept
 * so review works offline; refreshed incrementally from the ticketing system.
 */
export interface ReviewRow {
  remoteId: string;
  item: ReviewItem;
  reviewState: ReviewState;
  priority: string;
  school: string;
  sopId: string;
  createdAt: number;
  lastUpdated: number;
  /** Due time on the district SLA (ms), for the SLA filter and sort. */
  slaDueAt: number;
}

/** A decision made on this machine, delivered through the outbox. */
export interface DecisionRow {
  id: string;
  remoteId: string;
  requestId: string;
  decision: Decision;
  expectedEtag: string | null;
  decidedAt: string;
  /** The version the supervisor decided on, for showing both sides of a conflict. */
  seen: ReviewItem;
  state: 'queued' | 'applied' | 'conflict' | 'failed';
  /** On a conflict: the ticket as it is now. */
  current: ReviewDetail | null;
  message: string | null;
}

/**
 * A resolved or referred call logged as a closed ticket (policy LogResolvedCalls): one per run,
 * keyed by the run id, which is also its outbox entry's id and the request id.
 */
export interface CallLogRow {
  runId: string;
  /** What is sent, fixed when it was queued (student data only if the policy allowed it then). */
  record: CallLogRecord;
  status: 'queued' | 'sent' | 'failed';
  remoteId: string | null;
  remoteUrl: string | null;
  /** Why it was refused, when it was. */
  message: string | null;
  queuedAt: number;
  sentAt: number | null;
}

/** Small key-value state that must survive a restart (the review pull cursor). */
export interface MetaRow {
  key: string;
  value: string | null;
}

/**
 * A procedure in the SOP Studio: the draft a supervisor is editing and every version published
 * from it, oldest first. Runs hold the document they started on, so publishing or rolling back
 * never moves a run in progress to another version.
 */
export interface StudioRow {
  /** The SOP id; stable across versions. */
  id: string;
  draft: SopDocument;
  published: StudioVersion[];
  updatedAt: number;
}

/** One published version of a Studio procedure and what changed from the one before it. */
export interface StudioVersion {
  version: string;
  doc: SopDocument;
  publishedAt: number;
  /** What this version changed from the previous published one; null for the first. */
  diff: SopDiff | null;
  /** Set when this version restores an earlier one's steps: that version. */
  restores?: string;
}

export type DeskbookDb = Dexie & {
  runs: EntityTable<RunRow, 'id'>;
  drafts: EntityTable<DraftRow, 'id'>;
  outbox: EntityTable<OutboxRow, 'id'>;
  escalations: EntityTable<EscalationRow, 'id'>;
  packs: EntityTable<PackRow, 'key'>;
  reviews: EntityTable<ReviewRow, 'remoteId'>;
  decisions: EntityTable<DecisionRow, 'id'>;
  meta: EntityTable<MetaRow, 'key'>;
  callLogs: EntityTable<CallLogRow, 'runId'>;
  studio: EntityTable<StudioRow, 'id'>;
};

/** The schema version `declareDeskbookVersions` declares last. */
export const DESKBOOK_DB_VERSION = 6;

/**
 * Declares the database's schema versions 1 to `upTo` (all of them by default) on `db`: the one
 * list the app opens with and the migration tests build older databases from, so a test's
 * "version 3" is exactly what version 3 of the app declared. Every schema version stays declared
 * here forever (Dexie migrates from whichever the user has); add `version(n + 1)` at the end and
 * raise DESKBOOK_DB_VERSION, never edit an old one.
 */
export function declareDeskbookVersions(db: Dexie, upTo: number = DESKBOOK_DB_VERSION): void {
  db.version(1).stores({
    runs: 'id, status, updatedAt, finishedAt',
    drafts: 'id, runId, updatedAt',
    outbox: 'id, state, nextAttemptAt, escalationId',
    escalations: 'id, requestId, status, createdAt',
    packs: 'key, id, importedAt',
  });
  if (upTo < 2) return;
  // Version 2: supervisor review (cache, decisions) and small persistent state.
  db.version(2).stores({
    escalations: 'id, requestId, status, createdAt, remoteId',
    reviews:
      'remoteId, [reviewState+createdAt], [reviewState+priority+createdAt], [reviewState+school+createdAt], [reviewState+sopId+createdAt], [reviewState+slaDueAt], lastUpdated, school, sopId',
    decisions: 'id, remoteId, state',
    meta: 'key',
  });
  if (upTo < 3) return;
  // Version 3: a draft's mode is one field instead of two nullable ids (draft-mode.ts).
  db.version(3).upgrade((tx) => tx.table('drafts').toCollection().modify(upgradeDraftMode));
  if (upTo < 4) return;
  // Version 4: logged calls (a new table; no existing row changes).
  db.version(4).stores({ callLogs: 'runId, status' });
  if (upTo < 5) return;
  // Version 5: the SOP Studio's procedures (a new table; no existing row changes).
  db.version(5).stores({ studio: 'id, updatedAt' });
  if (upTo < 6) return;
  // Version 6: delivered escalations by time, so "recently delivered" reads 50 rows, not all.
  db.version(6).stores({ escalations: 'id, requestId, status, createdAt, remoteId, [status+sentAt]' });
}

/**
 * Opens the database at the latest version (see `declareDeskbookVersions`). Transactions use
 * strict durability: a queued ticket is on disk before the UI says it is.
 */
export function openDeskbookDb(name = 'deskbook', durability: 'strict' | 'relaxed' = 'strict'): DeskbookDb {
  const db = new Dexie(name, { chromeTransactionDurability: durability }) as DeskbookDb;
  declareDeskbookVersions(db);
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
