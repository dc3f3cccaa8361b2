import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { SealedNoteRef } from '../../shared/escalation/schema';
import { maskSecret } from '../../shared/guard';
import { DeskbookError } from '../../shared/result';
import type { Encryptor } from './encryptor';

const entrySchema = z.object({
  handle: z.string(),
  label: z.string(),
  preview: z.string(),
  createdAt: z.string(),
  deliveredAt: z.string().nullable(),
});
type Entry = z.infer<typeof entrySchema>;
const indexSchema = z.object({ version: z.literal(1), notes: z.array(entrySchema), secrets: z.array(z.string()) });
type Index = z.infer<typeof indexSchema>;

const HANDLE = /^sn_[0-9a-f-]{36}$/;
const SECRET_NAME = /^[a-z][a-z0-9-]{0,40}$/;

export interface Vault {
  status: Encryptor['status'];
  seal(label: string, plaintext: string): Promise<SealedNoteRef>;
  /** Main only: the plaintext of a sealed note, for a connector's internal comment. */
  open(handle: string): Promise<{ label: string; plaintext: string }>;
  discard(handle: string): Promise<boolean>;
  markDelivered(handles: readonly string[], at: Date): Promise<void>;
  /** Deletes notes delivered more than `retentionDays` ago; returns how many. */
  purge(now: Date, retentionDays: number): Promise<number>;
  setSecret(name: string, value: string): Promise<void>;
  getSecret(name: string): Promise<string | null>;
  hasSecret(name: string): Promise<boolean>;
  /** Removes a secret for good (its file and its index entry); false when there was none. */
  deleteSecret(name: string): Promise<boolean>;
  /**
   * Whether this note was sealed by this run of the process: its plaintext came from the
   * renderer in this run, so checking text against it tells the renderer nothing new.
   */
  sealedThisRun(handle: string): boolean;
}

/**
 * Sealed notes and connector tokens, encrypted by the injected Encryptor; only ciphertext and a
 * masked preview reach the disk. The renderer gets a handle and the preview, never plaintext.
 * Data that cannot be decrypted (another user's, or a reset keychain) reads as "signed out".
 */
export interface VaultOptions {
  /** Told every plaintext that passes through (for the log's redaction; see known-secrets.ts). */
  onPlaintext?: (plaintext: string) => void;
}

export function createVault(dir: string, encryptor: Encryptor, now: () => Date = () => new Date(), options: VaultOptions = {}): Vault {
  const seen = (plaintext: string) => {
    options.onPlaintext?.(plaintext);
    return plaintext;
  };
  const indexFile = path.join(dir, 'index.json');
  const blob = (name: string) => path.join(dir, `${name}.bin`);
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = queue.then(fn, fn);
    queue = next.catch(() => undefined);
    return next;
  };

  // This process is the vault's only writer, so the index is read from disk once and then kept
  // in memory; every change still goes to disk (temp file + rename) before it is acknowledged.
  let cachedIndex: Index | null = null;
  const secretCache = new Map<string, string>();
  const sealedNow = new Set<string>();
  const readIndex = async (): Promise<Index> => {
    if (cachedIndex) return structuredClone(cachedIndex);
    let text: string;
    try {
      text = await readFile(indexFile, 'utf8');
    } catch (error) {
      // Only "no file yet" means an empty vault. Anything else (a lock held by antivirus, a
      // permission problem) must not be taken as empty: the next write would erase every note.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        throw new DeskbookError('VAULT_UNAVAILABLE', `The vault's index cannot be read right now (${(error as Error).message}).`);
      }
      cachedIndex = { version: 1, notes: [], secrets: [] };
      return structuredClone(cachedIndex);
    }
    const parsed = indexSchema.safeParse((() => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        return null;
      }
    })());
    if (!parsed.success) {
      throw new DeskbookError('VAULT_UNAVAILABLE', "The vault's index is not in a format this version understands; it was left untouched.");
    }
    cachedIndex = parsed.data;
    return structuredClone(cachedIndex);
  };
  const writeIndex = async (index: Index) => {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const tmp = `${indexFile}.${randomUUID()}.tmp`;
    await writeFile(tmp, JSON.stringify(index), { mode: 0o600 });
    await rename(tmp, indexFile);
    cachedIndex = structuredClone(index);
  };
  const writeBlob = async (name: string, plaintext: string) => {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    await writeFile(blob(name), await encryptor.encrypt(plaintext), { mode: 0o600 });
  };
  const readBlob = async (name: string): Promise<string> => {
    let data: Buffer;
    try {
      data = await readFile(blob(name));
    } catch {
      throw new DeskbookError('NOT_FOUND', 'That sealed note no longer exists (it may have been purged after delivery).');
    }
    try {
      return await encryptor.decrypt(data);
    } catch {
      throw new DeskbookError('SIGNED_OUT', 'This secret cannot be decrypted here (another user, or the keychain was reset). Sign in again.');
    }
  };
  const requireAvailable = async () => {
    const s = await encryptor.status();
    if (!s.available) throw new DeskbookError('VAULT_UNAVAILABLE', s.reason);
  };

  return {
    status: () => encryptor.status(),
    seal: (label, plaintext) =>
      serial(async () => {
        await requireAvailable();
        seen(plaintext);
        const handle = `sn_${randomUUID()}`;
        sealedNow.add(handle);
        await writeBlob(handle, plaintext);
        const entry: Entry = { handle, label, preview: maskSecret(plaintext), createdAt: now().toISOString(), deliveredAt: null };
        const index = await readIndex();
        index.notes.push(entry);
        await writeIndex(index);
        return { handle, label, preview: entry.preview };
      }),
    open: async (handle) => {
      if (!HANDLE.test(handle)) throw new DeskbookError('BAD_INPUT', 'handle: not a sealed-note handle', 'handle');
      const entry = (await readIndex()).notes.find((n) => n.handle === handle);
      if (!entry) throw new DeskbookError('NOT_FOUND', 'That sealed note no longer exists.');
      return { label: entry.label, plaintext: seen(await readBlob(handle)) };
    },
    discard: (handle) =>
      serial(async () => {
        if (!HANDLE.test(handle)) return false;
        const index = await readIndex();
        const before = index.notes.length;
        index.notes = index.notes.filter((n) => n.handle !== handle);
        await rm(blob(handle), { force: true });
        await writeIndex(index);
        return index.notes.length !== before;
      }),
    markDelivered: async (handles, at) => {
      if (handles.length === 0) return;
      await serial(async () => {
        const index = await readIndex();
        for (const note of index.notes) if (handles.includes(note.handle) && !note.deliveredAt) note.deliveredAt = at.toISOString();
        await writeIndex(index);
      });
    },
    purge: (now, retentionDays) =>
      serial(async () => {
        const cutoff = now.getTime() - retentionDays * 86_400_000;
        const index = await readIndex();
        const expired = index.notes.filter((n) => n.deliveredAt !== null && Date.parse(n.deliveredAt) <= cutoff);
        for (const note of expired) await rm(blob(note.handle), { force: true });
        index.notes = index.notes.filter((n) => !expired.includes(n));
        await writeIndex(index);
        return expired.length;
      }),
    setSecret: (name, value) =>
      serial(async () => {
        if (!SECRET_NAME.test(name)) throw new DeskbookError('BAD_INPUT', 'name: not a secret name', 'name');
        await requireAvailable();
        seen(value);
        await writeBlob(`secret-${name}`, value);
        const index = await readIndex();
        if (!index.secrets.includes(name)) index.secrets.push(name);
        await writeIndex(index);
        // Only once it is saved: a save that failed must not answer as saved for the rest of the run.
        secretCache.set(name, value);
      }),
    getSecret: async (name) => {
      const cached = secretCache.get(name);
      if (cached !== undefined) return cached;
      const index = await readIndex();
      if (!index.secrets.includes(name)) return null;
      const value = seen(await readBlob(`secret-${name}`));
      secretCache.set(name, value);
      return value;
    },
    // Asked before every delivery: answered from memory once the secret has been read or set,
    // without copying the whole index each time (deleteSecret clears the cache first).
    hasSecret: async (name) => secretCache.has(name) || (await readIndex()).secrets.includes(name),
    sealedThisRun: (handle) => sealedNow.has(handle),
    deleteSecret: (name) =>
      serial(async () => {
        if (!SECRET_NAME.test(name)) return false;
        secretCache.delete(name);
        const index = await readIndex();
        const had = index.secrets.includes(name);
        index.secrets = index.secrets.filter((s) => s !== name);
        await rm(blob(`secret-${name}`), { force: true });
        await writeIndex(index);
        return had;
      }),
  };
}
