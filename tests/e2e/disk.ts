import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Every file under `roots` whose bytes contain `needle` as UTF-8/Latin-1 or UTF-16LE (how
 * Chromium's IndexedDB stores strings). Returns the paths, so a failure says where it leaked.
 */
export function filesContaining(roots: readonly string[], needle: string): string[] {
  const forms = [Buffer.from(needle, 'utf8'), Buffer.from(needle, 'utf16le')];
  const hits: string[] = [];
  for (const root of roots) {
    if (!existsSync(root)) continue;
    for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const file = path.join(entry.parentPath, entry.name);
      let data: Buffer;
      try {
        data = readFileSync(file);
      } catch {
        continue;
      }
      if (forms.some((form) => data.includes(form))) hits.push(file);
    }
  }
  return hits;
}
