import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { z } from 'zod';

/**
 * The one entry prepared for a decision whose write to the ticketing system has not been
 * settled yet (sent, or maybe sent), kept in a small file beside the trail so a restart between
 * the write and the local append still knows which entry the ticket's comment carries. Written
 * whole (temporary file, fsync, rename), so a crash leaves the old file or the new one.
 */
export interface PendingFile<T> {
  read(): Promise<T | null>;
  write(value: T): Promise<void>;
  clear(): Promise<void>;
}

export function createPendingFile<T>(file: string, schema: z.ZodType<T>): PendingFile<T> {
  return {
    async read() {
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (error) {
        if (isNotFound(error)) return null;
        throw error;
      }
      // An unreadable file (edited by hand) holds nothing usable: the next verification says
      // whatever it cost, the trail itself does not depend on this file.
      try {
        const parsed = schema.safeParse(JSON.parse(text));
        return parsed.success ? parsed.data : null;
      } catch {
        return null;
      }
    },
    async write(value) {
      await mkdir(dirname(file), { recursive: true });
      const temporary = `${file}.tmp`;
      const handle = await open(temporary, 'w', 0o600);
      try {
        await handle.writeFile(JSON.stringify(value), 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temporary, file);
    },
    clear: () => rm(file, { force: true }),
  };
}

function isNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT';
}
