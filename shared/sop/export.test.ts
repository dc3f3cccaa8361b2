import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { packToAuthoring, packToJson, packToYaml } from './export';
import { lintPack } from './lint';
import { BUILTIN_PACKS } from './packs';
import { sopPackSchema } from './schema';

/** Export and import again with nothing lost: every built-in pack, and the corners they do not reach. */
describe('packToAuthoring', () => {
  it.each(BUILTIN_PACKS.map((pack) => [pack.id, pack] as const))('%s: YAML and JSON parse back to the same pack, lint-clean', (_id, pack) => {
    expect(sopPackSchema.parse(parse(packToYaml(pack)))).toEqual(pack);
    expect(sopPackSchema.parse(JSON.parse(packToJson(pack)))).toEqual(pack);
    expect(lintPack(sopPackSchema.parse(parse(packToYaml(pack))))).toEqual([]);
  });

  it('writes texts per language back as maps, nodes as a map, and leaves defaults out', () => {
    const hac = BUILTIN_PACKS.find((pack) => pack.id === 'hac-support')!;
    const written = packToAuthoring(hac) as unknown as {
      languages: string[];
      sops: { title: unknown; district?: unknown; nodes: Record<string, { say?: unknown; sensitive?: boolean; fields?: { required?: boolean }[] }> }[];
    };
    expect(written.languages).toEqual(['en', 'es']);
    const sop = written.sops[0]!;
    expect(sop.title).toEqual({ en: 'HAC parent login', es: expect.any(String) });
    expect(sop.district).toBeUndefined();
    expect(sop.nodes['verify']?.say).toEqual({ en: expect.stringContaining('confirm who'), es: expect.stringContaining('confirmar') });
    expect(sop.nodes['verify']).not.toHaveProperty('sensitive');
    expect(sop.nodes['caller']?.fields?.[0]).not.toHaveProperty('required');
  });

  it('keeps duplicate ids, a translation without an original and an SOP’s own ticket defaults, for lint to see', () => {
    const pack = sopPackSchema.parse({
      id: 'odd',
      title: 'Odd',
      version: '1.0.0',
      publisher: 'Desk',
      ticket: { callerRole: 'parent' },
      sops: [
        {
          id: 'one',
          title: 'One',
          version: '1.0.0',
          audience: ['analyst'],
          start: 'a',
          ticket: { callerRole: 'staff', subject: 'One · {{school}}' },
          nodes: [
            { id: 'a', kind: 'step', text: 'First', next: 'done', translations: { es: { say: 'Hola' } } },
            { id: 'a', kind: 'step', text: 'Again', next: 'done' },
            { id: 'done', kind: 'outcome', outcome: { type: 'resolved', summary: 'Done' } },
          ],
        },
      ],
    });
    expect(sopPackSchema.parse(JSON.parse(packToJson(pack)))).toEqual(pack);
    expect(lintPack(pack).map((f) => f.rule)).toEqual(expect.arrayContaining(['duplicate-node-id', 'translation-without-original']));
  });
});
