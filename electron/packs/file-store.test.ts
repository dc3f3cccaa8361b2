import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFilePackStore, PACK_STORE_FILE } from './file-store';

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('the file pack store', () => {
  it('reads null before anything was written, then what was written last', async () => {
    dir = await mkdtemp(join(tmpdir(), 'deskbook-packs-'));
    const store = createFilePackStore(join(dir, 'packs'));
    expect(await store.read()).toBeNull();
    await store.write('first');
    await store.write('second');
    expect(await store.read()).toBe('second');
  });

  it('replaces the file whole and leaves no temporary file behind', async () => {
    dir = await mkdtemp(join(tmpdir(), 'deskbook-packs-'));
    const store = createFilePackStore(dir);
    await writeFile(join(dir, PACK_STORE_FILE), 'old');
    await store.write('new');
    expect(await readdir(dir)).toEqual([PACK_STORE_FILE]);
    expect(await store.read()).toBe('new');
    if (process.platform !== 'win32') expect((await stat(join(dir, PACK_STORE_FILE))).mode & 0o777).toBe(0o600);
  });
});
