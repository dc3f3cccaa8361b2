import { mkdir, open, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { GENESIS_HASH, entryHash } from './chain';
import { toCsvText } from './csv';

/** The decisions a supervisor can take (`Decision['kind']` in shared/review). */
export const auditActionSchema = z.enum(['approve', 'return', 'forward']);

/** What the caller records for one decision (the trail adds `seq`, `at` and the hashes). */
export const auditInputSchema = z.object({
  actor: z.object({ id: z.string().min(1), name: z.string().min(1), role: z.string().min(1) }),
  machine: z.string().min(1),
  action: auditActionSchema,
  remoteId: z.string(),
  requestId: z.string(),
  decisionId: z.string().min(1),
  detail: z.string(),
  decidedAt: z.string(),
});
export type AuditInput = z.input<typeof auditInputSchema>;

/** One line of the trail as stored. */
export const storedAuditEntrySchema = auditInputSchema.extend({
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

export interface AuditTrail {
  /** Records a decision; the same `decisionId` again returns the entry already recorded. */
  append(entry: AuditInput): Promise<StoredAuditEntry>;
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
 * this process; only main writes the file.
 */
export function createAuditTrail(file: string, now: () => Date): AuditTrail {
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

  async function list(): Promise<StoredAuditEntry[]> {
    return (await readLines()).lines.map(parse).filter((e): e is StoredAuditEntry => e !== null);
  }

  function append(input: AuditInput): Promise<StoredAuditEntry> {
    const entry = auditInputSchema.parse(input);
    return serialized(async () => {
      const { text, lines } = await readLines();
      const entries = lines.map(parse).filter((e): e is StoredAuditEntry => e !== null);
      const existing = entries.find((e) => e.decisionId === entry.decisionId);
      if (existing) return existing;
      const last = entries[entries.length - 1];
      const body = {
        seq: (last?.seq ?? 0) + 1,
        at: now().toISOString(),
        ...entry,
        prevHash: last?.hash ?? GENESIS_HASH,
      };
      const stored: StoredAuditEntry = { ...body, hash: entryHash(body.prevHash, body) };
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
      return stored;
    });
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

  return { append, list, verify, head, toCsv };
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
