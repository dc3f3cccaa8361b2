import type { Dexie } from 'dexie';
import type { DeskbookApi } from '../../shared/ipc/api';
import type { DecisionResult } from '../../shared/ipc/sync';
import type { ReviewDetail } from '../../shared/review/schema';
import type { Result } from '../../shared/result';
import type { DeskbookDb, OutboxKind, OutboxRow } from '../db/db';
import { outcomeOf, thrownOutcome } from './apply-outcome';

/**
 * Any part of main's typed client (`window.deskbook` in the app, a fake in tests). A kind calls
 * the channel it needs; when that channel is absent its entries fail with a message, so the
 * outbox itself names no channel and a new kind needs no change here.
 */
export type OutboxIpc = { readonly [D in Exclude<keyof DeskbookApi, 'on'>]?: Partial<DeskbookApi[D]> };

/** A table of the app's database, by name. */
export type TableName = Exclude<keyof DeskbookDb, keyof Dexie>;

/** What a kind's handlers receive, one item per entry of that kind in a results batch. */
export interface Landed {
  row: OutboxRow;
  remoteId: string;
  url: string;
}
export interface Failed {
  row: OutboxRow;
  message: string;
}
export interface Conflicted {
  row: OutboxRow;
  message: string;
  current: ReviewDetail;
}

/** One claimed entry's attempt, ready to go: calls main and returns its answer. */
export type Send = (ipc: OutboxIpc) => Promise<Result<DecisionResult>>;

/**
 * A delivery kind as its feature writes it: how to send an entry, and what to write in the
 * feature's own tables when it lands, fails or conflicts. The outbox writes only its own rows;
 * the handlers run inside the same results transaction, so the entry and what it delivered
 * change together or not at all. Handlers get a whole batch at once: write it in bulk.
 */
export interface DeliveryKindDefinition<Loaded> {
  readonly name: OutboxKind;
  /** Tables `load` reads; they join the claim's transaction (one commit for claim and read). */
  readonly reads: readonly TableName[];
  /** Reads what sending the claimed rows needs, in bulk: one value per row, in order. */
  load(db: DeskbookDb, rows: readonly OutboxRow[]): Promise<readonly (Loaded | undefined)[]>;
  /** One attempt. An IPC error is turned into an outcome by the outbox (see `outcomeOf`), not here. */
  send(row: OutboxRow, loaded: Loaded | undefined, ipc: OutboxIpc): Promise<Result<DecisionResult>>;
  /** Tables the handlers write; they join the results transaction. */
  readonly writes: readonly TableName[];
  landed?(db: DeskbookDb, entries: readonly Landed[], now: number): Promise<void>;
  failed?(db: DeskbookDb, entries: readonly Failed[], now: number): Promise<void>;
  /**
   * Only for kinds whose channel answers `conflict` (decisions). A kind without it never loses
   * an entry to a conflict: the outbox records one as a failure, kept for a person to look at.
   */
  conflicted?(db: DeskbookDb, entries: readonly Conflicted[], now: number): Promise<void>;
}

/** A registered kind: its definition with what it loads bound into each attempt. */
export interface DeliveryKind {
  readonly name: OutboxKind;
  readonly reads: readonly TableName[];
  readonly writes: readonly TableName[];
  /** Loads what the claimed rows need (inside the claim's transaction); one attempt per row. */
  prepare(db: DeskbookDb, rows: readonly OutboxRow[]): Promise<Send[]>;
  landed?(db: DeskbookDb, entries: readonly Landed[], now: number): Promise<void>;
  failed?(db: DeskbookDb, entries: readonly Failed[], now: number): Promise<void>;
  conflicted?(db: DeskbookDb, entries: readonly Conflicted[], now: number): Promise<void>;
}

/** Runs one attempt and says how it ended; never throws (a call that threw is a retry that looks the request up first). */
export async function attempt(send: Send, ipc: OutboxIpc): Promise<DecisionResult> {
  try {
    return outcomeOf(await send(ipc));
  } catch (error) {
    return thrownOutcome(error);
  }
}

/** Turns a feature's definition into a kind the outbox can register. */
export function defineDeliveryKind<Loaded>(definition: DeliveryKindDefinition<Loaded>): DeliveryKind {
  const { load, send, ...handlers } = definition;
  return {
    ...handlers,
    async prepare(db, rows) {
      const loaded = await load(db, rows);
      return rows.map((row, i) => (ipc) => send(row, loaded[i], ipc));
    },
  };
}

const registry = new Map<OutboxKind, DeliveryKind>();

/**
 * Registers delivery kinds (the shell does, when it starts the outbox; the outbox itself knows
 * none). Registering a name again replaces it.
 */
export function registerDeliveryKinds(...kinds: readonly DeliveryKind[]): void {
  for (const kind of kinds) registry.set(kind.name, kind);
}

/** What an entry delivers; rows written before kinds existed are escalations. */
export function kindName(row: OutboxRow): OutboxKind {
  return row.kind ?? 'escalation';
}

/** The registered kind of an entry, if any. */
export function deliveryKind(row: OutboxRow): DeliveryKind | undefined {
  return registry.get(kindName(row));
}

/** Tables of every registered kind, for the claim (`reads`) or the results (`writes`) transaction. */
export function kindTables(which: 'reads' | 'writes'): TableName[] {
  return [...new Set([...registry.values()].flatMap((kind) => kind[which]))];
}

/** What a kind's attempt answers when what it needs is gone (or this window cannot send it). */
export function missing(what: string): Result<DecisionResult> {
  return { ok: true, value: { kind: 'failed', message: `The ${what} for this entry is missing from the local database.` } };
}
