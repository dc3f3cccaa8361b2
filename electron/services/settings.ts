import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_SETTINGS, settingsSchema } from '../../shared/ipc/settings';
import type { Settings } from '../../shared/ipc/settings';
import type { Logger } from '../../shared/log';

export interface SettingsStore {
  get(): Settings;
  load(): Promise<Settings>;
  update(patch: Partial<Settings>): Promise<Settings>;
}

/**
 * Settings as a JSON file in the data dir, written atomically (temp file + rename) so a crash
 * mid-write never leaves half a file. A file that fails validation is reported and replaced by
 * defaults key by key — never a crash.
 */
export function createSettingsStore(dataDir: string, log: Logger): SettingsStore {
  const file = path.join(dataDir, 'settings.json');
  let current: Settings = DEFAULT_SETTINGS;
  return {
    get: () => current,
    async load() {
      let raw: unknown;
      try {
        raw = JSON.parse(await readFile(file, 'utf8'));
      } catch {
        return current;
      }
      const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
      for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
        const candidate = { ...DEFAULT_SETTINGS, [key]: (raw as Record<string, unknown>)?.[key] };
        const parsed = settingsSchema.safeParse(candidate);
        if (parsed.success) merged[key] = parsed.data[key];
        else log.warn('settings key ignored: invalid', { key, issue: parsed.error.issues[0]?.message ?? 'invalid' });
      }
      current = settingsSchema.parse(merged);
      return current;
    },
    async update(patch) {
      const next = settingsSchema.parse({ ...current, ...patch });
      await mkdir(dataDir, { recursive: true, mode: 0o700 });
      const tmp = `${file}.${randomUUID()}.tmp`;
      await writeFile(tmp, JSON.stringify(next, null, 2), { mode: 0o600 });
      await rename(tmp, file);
      current = next;
      return current;
    },
  };
}
