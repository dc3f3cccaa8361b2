import { parse } from 'yaml';
import type { Plugin } from 'vite';
import { sopPackSchema } from '../shared/sop/schema.ts';

const PACK = /[\\/]shared[\\/]sop[\\/]packs[\\/][^\\/]+\.ya?ml$/;

/**
 * Turns `import { data } from './x.yaml'` into plain data at build time, so SOP packs are written
 * in YAML (comments, multi-line prose) while the renderer ships no YAML parser in its first load.
 * Built-in SOP packs are also parsed through `sopPackSchema` here: an invalid pack fails the
 * build, and the app starts without running zod over every pack.
 */
export function yamlPlugin(): Plugin {
  return {
    name: 'deskbook-yaml',
    transform(source, id) {
      if (!/\.ya?ml$/.test(id)) return null;
      const raw: unknown = parse(source);
      const data = PACK.test(id) ? sopPackSchema.parse(raw) : raw;
      // JSON.parse of a string is faster for V8 to load than the same object as a JS literal.
      return { code: `export const data = JSON.parse(${JSON.stringify(JSON.stringify(data))});\n`, map: null };
    },
  };
}
