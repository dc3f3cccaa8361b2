import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_PACKS } from '../../../shared/sop/packs';
import { buildCatalog } from './catalog';
import { checkPackText } from './import';
import { createSopSearch } from './search';

const fixture = (name: string) => readFileSync(path.resolve(import.meta.dirname, '../../../shared/sop/fixtures', name), 'utf8');

describe('importing a district pack', () => {
  it('refuses an unsafe pack whole, naming the node and the rule', async () => {
    const { pack, findings } = await checkPackText('unsafe-pack.yaml', fixture('unsafe-pack.yaml'));
    expect(pack).toBeNull();
    expect(findings.some((f) => f.severity === 'error' && f.where.includes('verify-password'))).toBe(true);
  });

  it('refuses a malformed pack with the schema path of each problem', async () => {
    const { pack, findings } = await checkPackText('bad-schema.yaml', fixture('bad-schema.yaml'));
    expect(pack).toBeNull();
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f) => f.severity === 'error' && f.where.length > 0)).toBe(true);
  });

  it('refuses a file that is not YAML or JSON at all', async () => {
    const { pack, findings } = await checkPackText('x.json', '{ not json');
    expect(pack).toBeNull();
    expect(findings[0]?.message).toMatch(/cannot be read/);
  });

  it('accepts a clean pack (a built-in one, as JSON)', async () => {
    const { pack, findings } = await checkPackText('hac.json', JSON.stringify(BUILTIN_PACKS[0]));
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(pack?.id).toBe(BUILTIN_PACKS[0]?.id);
  });
});

describe('the catalog and its search', () => {
  it('lets the newest district version of an SOP replace the built-in one', () => {
    const builtin = BUILTIN_PACKS;
    const hac = builtin.find((p) => p.sops.some((s) => s.id === 'hac-parent-login'))!;
    const v2 = { ...hac, id: 'district-hac', version: '2.0.0', sops: hac.sops.map((s) => ({ ...s, version: '2.0.0' })) };
    const v1 = { ...v2, version: '1.5.0', sops: hac.sops.map((s) => ({ ...s, version: '1.5.0' })) };
    const catalog = buildCatalog(builtin, [v1, v2]);
    const entry = catalog.find((e) => e.doc.id === 'hac-parent-login');
    expect(entry).toMatchObject({ source: 'district', packId: 'district-hac' });
    expect(entry?.doc.version).toBe('2.0.0');
  });

  it('lists the newer version of an SOP found in two district packs, whichever pack comes last', () => {
    const hac = BUILTIN_PACKS.find((p) => p.sops.some((s) => s.id === 'hac-parent-login'))!;
    const studio = { ...hac, id: 'studio-hac', version: '1.0.0', sops: hac.sops.map((s) => ({ ...s, version: '3.1.0' })) };
    const district = { ...hac, id: 'district-procedures', version: '1.9.0', sops: hac.sops.map((s) => ({ ...s, version: '3.0.0' })) };
    for (const order of [[studio, district], [district, studio]]) {
      const entry = buildCatalog(BUILTIN_PACKS, order).find((e) => e.doc.id === 'hac-parent-login');
      expect(entry).toMatchObject({ packId: 'studio-hac', doc: { version: '3.1.0' } });
    }
  });

  it('says which district each built-in example comes from', () => {
    const entry = buildCatalog(BUILTIN_PACKS, []).find((e) => e.doc.id === 'hac-parent-login');
    expect(entry).toMatchObject({ source: 'built-in', exampleFrom: expect.stringContaining('Cy-Fair ISD') });
  });

  it('hides the built-in packs when the district policy says so, keeping its own', () => {
    const hac = BUILTIN_PACKS.find((p) => p.id === 'hac-support')!;
    const own = { ...hac, id: 'district-hac', exampleFrom: undefined };
    expect(buildCatalog(BUILTIN_PACKS, [], { builtInPacks: 'hide', enabledPacks: [] })).toEqual([]);
    const catalog = buildCatalog(BUILTIN_PACKS, [own], { builtInPacks: 'hide', enabledPacks: [] });
    expect(new Set(catalog.map((e) => e.packId))).toEqual(new Set(['district-hac']));
    expect(catalog.every((e) => e.source === 'district')).toBe(true);
  });

  it('lists only the enabled packs when the policy names some', () => {
    const catalog = buildCatalog(BUILTIN_PACKS, [], { builtInPacks: 'show', enabledPacks: ['ic-vendor-support', 'ic-household'] });
    expect(catalog.map((e) => e.doc.id).sort()).toEqual(['ic-household-access', 'ic-vendor-escalation']);
  });

  it('finds procedures from what callers say, typos included', () => {
    const search = createSopSearch(buildCatalog(BUILTIN_PACKS, []));
    expect(search('hac pasword not working')[0]?.doc.id).toBe('hac-parent-login');
    expect(search('activaton key')[0]?.doc.id).toBe('ic-portal-new-account');
    expect(search('household recertification')[0]?.doc.id).toBe('ic-household-access');
    expect(search('').length).toBe(buildCatalog(BUILTIN_PACKS, []).length);
  });
});
