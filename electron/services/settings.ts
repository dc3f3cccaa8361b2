import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_SETTINGS, settingsSchema } from '../../shared/ipc/settings';
import type { Settings } from '../../shared/ipc/settings';
import type { Logger } from '../../shared/log';

export interface SettingsStore {
  get(): Settings;
  /** Only the keys actually saved (in the file or set since), so policy defaults can apply to the rest. */
  saved(): Partial<Settings>;
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
  const savedKeys = new Set<keyof Settings>();
  return {
    get: () => current,
    saved: () => Object.fromEntries([...savedKeys].map((k) => [k, current[k]])) as Partial<Settings>,
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
        if (parsed.success) {
          merged[key] = parsed.data[key];
          if (raw !== null && typeof raw === 'object' && key in raw) savedKeys.add(key);
        } else log.warn('settings key ignored: invalid', { key, issue: parsed.error.issues[0]?.message ?? 'invalid' });
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
      for (const key of Object.keys(patch) as (keyof Settings)[]) savedKeys.add(key);
      return current;
    },
  };
}
