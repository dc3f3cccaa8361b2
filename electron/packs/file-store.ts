import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Where the last good signed pack is kept for offline use. Text in, text out: what the text
 * means (and whether it can still be trusted) is the distribution service's business.
 */
export interface PackStore {
  /** The stored text, or null when nothing was stored yet. */
  read(): Promise<string | null>;
  write(text: string): Promise<void>;
}

export const PACK_STORE_FILE = 'district-pack.json';

/**
 * A `PackStore` as one file in `dir` (e.g. `<dataDir>/packs`), written whole: temporary file,
 * fsync, rename, so a crash or a full disk leaves the previous copy or the new one, never half.
 * The local user can still edit it; the service verifies its signature on every read.
 */
export function createFilePackStore(dir: string, fileName: string = PACK_STORE_FILE): PackStore {
  const file = join(dir, fileName);
  return {
    async read() {
      try {
        return await readFile(file, 'utf8');
      } catch (error) {
        if (isNotFound(error)) return null;
        throw error;
      }
    },
    async write(text) {
      await mkdir(dir, { recursive: true });
      const temporary = `${file}.${process.pid}.tmp`;
      try {
        const handle = await open(temporary, 'w', 0o600);
        try {
          await handle.writeFile(text, 'utf8');
          await handle.sync();
        } finally {
          await handle.close();
        }
        await rename(temporary, file);
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
    },
  };
}

function isNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT';
}
