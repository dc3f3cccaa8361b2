import { parse } from 'yaml';
import type { Plugin } from 'vite';

/**
 * Turns `import { data } from './x.yaml'` into plain data at build time, so SOP packs are written
 * in YAML (comments, multi-line prose) while the renderer ships no YAML parser in its first load.
 */
export function yamlPlugin(): Plugin {
  return {
    name: 'deskbook-yaml',
    transform(source, id) {
      if (!/\.ya?ml$/.test(id)) return null;
      const data: unknown = parse(source);
      return { code: `export const data = ${JSON.stringify(data)};\n`, map: null };
    },
  };
}
