import { mkdir, open, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { trailIdOf } from './anchor';
import type { AuditAnchor } from './anchor';
import { GENESIS_HASH, entryHash } from './chain';
import { toCsvText } from './csv';
import { createPendingFile } from './pending-file';

/** The decisions a supervisor can take (`Decision['kind']` in shared/review). */
export const auditActionSchema = z.enum(['approve', 'return', 'forward', 'vendor-case']);

/** What the caller records for one decision (the trail adds `seq`, `at` and the hashes). */
export const auditInputSchema = z.object({
  actor: z.object({ id: z.string().min(1), name: z.string().min(1), role: z.string().min(1) }),
  machine: z.string().min(1),
  action: auditActionSchema,
  remoteId: z.string(),
  requestId: z.string(),
  decisionId: z.string().min(1),
  detail: z.string(),
  /**
   * When the decision was taken. Absent: the trail's own clock (main's) when the entry is made,
   * which is what the review service records; the renderer's claim is never trusted for it.
   */
  decidedAt: z.string().optional(),
});
export type AuditInput = z.input<typeof auditInputSchema>;

/** One line of the trail as stored. */
export const storedAuditEntrySchema = auditInputSchema.extend({
  decidedAt: z.string(),
  seq: z.number().int().positive(),
  at: z.string(),
  prevHash: z.string(),
  hash: z.string(),
});
export type StoredAuditEntry = z.output<typeof storedAuditEntrySchema>;

export type AuditVerification = { ok: true; entries: number } | { ok: false; brokenAt: number; reason: string };

/** The newest entry's position and hash: keep a copy elsewhere to detect a truncated tail. */
export interface AuditHead {
  seq: number;
  hash: string;
}

/** How `prepare` found a decision: already in the trail, prepared by an earlier attempt, or new. */
export type PreparedState = 'recorded' | 'pending' | 'new';

export interface PreparedEntry {
  entry: StoredAuditEntry;
  /** The trail's id as anchors name it (`trailIdOf` its first entry, this one when it is the first). */
  trail: string;
  state: PreparedState;
}

export interface AuditTrail {
  /**
   * Records a decision at once, with no anchor elsewhere; the same `decisionId` again returns the
   * entry already recorded. Decisions written to a ticketing system use `prepare` and `commit`.
   */
  append(entry: AuditInput): Promise<StoredAuditEntry>;
  /**
   * The entry a decision gets, made BEFORE its write to the ticketing system so that write can
   * carry the entry's anchor: `recorded` (the trail already holds the decision), `pending` (an
   * earlier attempt prepared it and its write may have landed: the same entry again, across
   * restarts too) or `new` (the next place in the chain, now the one pending entry). Throws while
   * another decision's entry is pending: settle that one first (`commit` or `discard`), so no two
   * writes ever claim the same place.
   */
  prepare(entry: AuditInput): Promise<PreparedEntry>;
  /** The entry prepared for a write not yet settled, if any. */
  pending(): Promise<StoredAuditEntry | null>;
  /**
   * Records an entry whose decision the ticketing system now holds (the prepared one, or one
   * rebuilt from the anchor found there) and clears it from pending; the same decision id again
   * returns the entry already recorded. An entry that no longer follows the head (the chain moved
   * on meanwhile) is chained anew at the head: its anchor then differs, and `audit:verify` says so.
   */
  commit(entry: StoredAuditEntry): Promise<StoredAuditEntry>;
  /** Forgets this decision's pending entry: its write positively did not land. */
  discard(decisionId: string): Promise<void>;
  /**
   * The entry an anchor found in the ticketing system stands for, rebuilt from the decision as
   * this machine records it and placed after the local entry before it; null when that does not
   * hash to the anchor's hash (another machine's decision, a renamed supervisor, a changed trail).
   */
  fromAnchor(entry: AuditInput, anchor: AuditAnchor): Promise<StoredAuditEntry | null>;
  /** Every readable entry, oldest first (unreadable lines are skipped here and reported by `verify`). */
  list(): Promise<StoredAuditEntry[]>;
  /**
   * Checks the chain: every line readable, `seq` 1, 2, 3…, each `prevHash` the previous `hash`,
   * each `hash` recomputed. An edited, deleted, reordered or inserted line breaks it. Lines cut
   * off the end leave a valid shorter chain: pass an `anchor` (a head recorded elsewhere) to
   * detect that too.
   */
  verify(anchor?: AuditHead): Promise<AuditVerification>;
  head(): Promise<AuditHead | null>;
  /** RFC 4180 CSV, one row per readable entry, for supervisors' exports. */
  toCsv(): Promise<string>;
}

/** The export's columns, in order: the header row of `toCsv()`. */
export const CSV_COLUMNS = ['seq', 'at', 'decidedAt', 'actor', 'role', 'machine', 'action', 'remoteId', 'requestId', 'decisionId', 'detail', 'hash'] as const;

/**
 * An append-only, hash-chained trail of supervisors' decisions in one JSON-lines file. Each
 * append opens the file for appending, writes one line and fsyncs before resolving, so an entry
 * reported as recorded survives a power cut; a crash mid-write leaves at most one partial last
 * line, which `verify` reports and the next append starts after. Appends are serialized within
 * this process; only main writes the file, and its one pending entry (`audit.pending.json`).
 */
export function createAuditTrail(file: string, now: () => Date): AuditTrail {
  const pendingFile = createPendingFile(file.replace(/\.jsonl$/, '') + '.pending.json', storedAuditEntrySchema);
  let queue: Promise<unknown> = Promise.resolve();
  const serialized = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  async function readLines(): Promise<{ text: string; lines: string[] }> {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if (isNotFound(error)) return { text: '', lines: [] };
      throw error;
    }
    return { text, lines: text.split('\n').filter((l) => l.trim() !== '') };
  }

  const parse = (line: string): StoredAuditEntry | null => parseLine(line)?.entry ?? null;

  async function entriesNow(): Promise<{ text: string; entries: StoredAuditEntry[] }> {
    const { text, lines } = await readLines();
    return { text, entries: lines.map(parse).filter((e): e is StoredAuditEntry => e !== null) };
  }

  const list = async (): Promise<StoredAuditEntry[]> => (await entriesNow()).entries;

  /** The next place in the chain for this decision, stamped with main's clock unless `at` is given. */
  function nextEntry(entries: readonly StoredAuditEntry[], input: z.output<typeof auditInputSchema>, at?: string): StoredAuditEntry {
    const last = entries[entries.length - 1];
    const stamped = at ?? now().toISOString();
    const body = {
      seq: (last?.seq ?? 0) + 1,
      at: stamped,
      ...input,
      decidedAt: input.decidedAt ?? stamped,
      prevHash: last?.hash ?? GENESIS_HASH,
    };
    return { ...body, hash: entryHash(body.prevHash, body) };
  }

  async function writeLine(text: string, stored: StoredAuditEntry): Promise<void> {
    // After a crash mid-line, start on a fresh line so the partial one stays one broken entry.
    const lead = text !== '' && !text.endsWith('\n') ? '\n' : '';
    await mkdir(dirname(file), { recursive: true });
    const handle = await open(file, 'a', 0o600);
    try {
      await handle.appendFile(`${lead}${JSON.stringify(stored)}\n`, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
  }

  /** The pending entry, unless it was recorded already (a crash between the append and the clear). */
  async function livePending(entries: readonly StoredAuditEntry[]): Promise<StoredAuditEntry | null> {
    const pending = await pendingFile.read();
    if (pending && entries.some((e) => e.decisionId === pending.decisionId)) {
      await pendingFile.clear();
      return null;
    }
    return pending;
  }

  const refusePending = (other: StoredAuditEntry | null, decisionId: string) => {
    if (other && other.decisionId !== decisionId) {
      throw new Error(`audit trail: decision ${other.decisionId} (entry ${other.seq}) is still pending; settle it before recording another`);
    }
  };

  function append(input: AuditInput): Promise<StoredAuditEntry> {
    const entry = auditInputSchema.parse(input);
    return serialized(async () => {
      const { text, entries } = await entriesNow();
      const existing = entries.find((e) => e.decisionId === entry.decisionId);
      if (existing) return existing;
      refusePending(await livePending(entries), entry.decisionId);
      const stored = nextEntry(entries, entry);
      await writeLine(text, stored);
      return stored;
    });
  }

  function prepare(input: AuditInput): Promise<PreparedEntry> {
    const entry = auditInputSchema.parse(input);
    return serialized(async () => {
      const { entries } = await entriesNow();
      const trailOf = (e: StoredAuditEntry) => trailIdOf(entries[0] ?? e);
      const existing = entries.find((e) => e.decisionId === entry.decisionId);
      if (existing) return { entry: existing, trail: trailOf(existing), state: 'recorded' };
      const pending = await livePending(entries);
      if (pending?.decisionId === entry.decisionId) return { entry: pending, trail: trailOf(pending), state: 'pending' };
      refusePending(pending, entry.decisionId);
      const stored = nextEntry(entries, entry);
      await pendingFile.write(stored);
      return { entry: stored, trail: trailOf(stored), state: 'new' };
    });
  }

  function commit(prepared: StoredAuditEntry): Promise<StoredAuditEntry> {
    const entry = storedAuditEntrySchema.parse(prepared);
    return serialized(async () => {
      const { text, entries } = await entriesNow();
      const pending = await pendingFile.read();
      const clearPending = async () => {
        if (pending?.decisionId === entry.decisionId) await pendingFile.clear();
      };
      const existing = entries.find((e) => e.decisionId === entry.decisionId);
      if (existing) {
        await clearPending();
        return existing;
      }
      const last = entries[entries.length - 1];
      const follows = entry.seq === (last?.seq ?? 0) + 1 && entry.prevHash === (last?.hash ?? GENESIS_HASH);
      const { seq: _seq, prevHash: _prev, hash: _hash, ...decision } = entry;
      const stored = follows ? entry : nextEntry(entries, decision, entry.at);
      await writeLine(text, stored);
      await clearPending();
      return stored;
    });
  }

  function discard(decisionId: string): Promise<void> {
    return serialized(async () => {
      if ((await pendingFile.read())?.decisionId === decisionId) await pendingFile.clear();
    });
  }

  async function fromAnchor(input: AuditInput, anchor: AuditAnchor): Promise<StoredAuditEntry | null> {
    const entry = auditInputSchema.parse(input);
    const { entries } = await entriesNow();
    const before = entries[anchor.seq - 2];
    const prevHash = anchor.seq === 1 ? GENESIS_HASH : before?.seq === anchor.seq - 1 ? before.hash : undefined;
    if (prevHash === undefined) return null;
    const body = { seq: anchor.seq, at: anchor.at, ...entry, decidedAt: entry.decidedAt ?? anchor.at, prevHash };
    const hash = entryHash(prevHash, body);
    return hash === anchor.hash ? { ...body, hash } : null;
  }

  async function verify(anchor?: AuditHead): Promise<AuditVerification> {
    const { lines } = await readLines();
    let prevHash = GENESIS_HASH;
    for (const [index, line] of lines.entries()) {
      const expected = index + 1;
      const parsed = parseLine(line);
      if (!parsed) return { ok: false, brokenAt: expected, reason: `line ${expected} is not a readable audit entry` };
      const { entry, raw } = parsed;
      if (entry.seq !== expected) return { ok: false, brokenAt: expected, reason: `line ${expected} has seq ${entry.seq}: an entry was removed, inserted or moved` };
      if (entry.prevHash !== prevHash) return { ok: false, brokenAt: expected, reason: `entry ${expected} does not follow the entry before it` };
      // Hash what is on disk, not the parsed view: a field added by hand changes the hash too.
      const { hash, ...body } = raw;
      if (entryHash(entry.prevHash, body) !== hash) return { ok: false, brokenAt: expected, reason: `entry ${expected} was changed after it was recorded` };
      prevHash = entry.hash;
    }
    if (anchor && !lines.some((line) => parse(line)?.seq === anchor.seq && parse(line)?.hash === anchor.hash)) {
      return { ok: false, brokenAt: Math.min(anchor.seq, lines.length + 1), reason: `entry ${anchor.seq} recorded elsewhere is missing: the trail was cut short or replaced` };
    }
    return { ok: true, entries: lines.length };
  }

  async function head(): Promise<AuditHead | null> {
    const last = (await list()).at(-1);
    return last ? { seq: last.seq, hash: last.hash } : null;
  }

  async function toCsv(): Promise<string> {
    const rows = (await list()).map((e) => [
      e.seq, e.at, e.decidedAt, `${e.actor.name} (${e.actor.id})`, e.actor.role, e.machine, e.action,
      e.remoteId, e.requestId, e.decisionId, e.detail, e.hash,
    ]);
    return toCsvText([CSV_COLUMNS, ...rows]);
  }

  const pending = () => serialized(async () => livePending((await entriesNow()).entries));

  return { append, prepare, pending, commit, discard, fromAnchor, list, verify, head, toCsv };
}

function parseLine(line: string): { entry: StoredAuditEntry; raw: Record<string, unknown> } | null {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return null;
  }
  const parsed = storedAuditEntrySchema.safeParse(raw);
  if (!parsed.success || typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  return { entry: parsed.data, raw: { ...raw } };
}

function isNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT';
}
