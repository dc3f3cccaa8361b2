import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/ipc/settings';
import { createLogger } from '../../shared/log';
import type { LogEntry } from '../../shared/log';
import { createSettingsStore } from './settings';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'deskbook-settings-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the settings store', () => {
  it('starts from defaults and persists updates atomically', async () => {
    const store = createSettingsStore(dir, createLogger('t', () => {}));
    expect(await store.load()).toEqual(DEFAULT_SETTINGS);
    await store.update({ connector: { kind: 'request-tracker', url: 'https://rt.district.example', queue: 'Help' } });
    const again = createSettingsStore(dir, createLogger('t', () => {}));
    expect((await again.load()).connector).toEqual({ kind: 'request-tracker', url: 'https://rt.district.example', queue: 'Help' });
  });

  it('ignores a malformed key with a warning and keeps the valid ones', async () => {
    writeFileSync(
      path.join(dir, 'settings.json'),
      JSON.stringify({ connector: { kind: 'webhook', url: 'ftp://nope' }, sealedNoteRetentionDays: 30, user: 'garbage' }),
    );
    const entries: LogEntry[] = [];
    const loaded = await createSettingsStore(dir, createLogger('t', (e) => entries.push(e))).load();
    expect(loaded.sealedNoteRetentionDays).toBe(30);
    expect(loaded.connector).toEqual(DEFAULT_SETTINGS.connector);
    expect(loaded.user).toEqual(DEFAULT_SETTINGS.user);
    expect(entries.map((e) => e.fields.key)).toEqual(expect.arrayContaining(['connector', 'user']));
  });

  it('refuses an invalid update and leaves the file as it was', async () => {
    const store = createSettingsStore(dir, createLogger('t', () => {}));
    await store.load();
    await store.update({ sealedNoteRetentionDays: 3 });
    await expect(store.update({ sealedNoteRetentionDays: -1 })).rejects.toThrow();
    expect(JSON.parse(readFileSync(path.join(dir, 'settings.json'), 'utf8')).sealedNoteRetentionDays).toBe(3);
  });
});
