import { describe, expect, it } from 'vitest';
import { loadSopPack } from './load';

const pack = (nodes: unknown) => ({
  id: 'district-pack',
  title: 'District pack',
  version: '1.0.0',
  publisher: 'District help desk',
  sops: [{ id: 'one', title: 'One', version: '1.0.0', audience: ['analyst'], start: 'a', nodes }],
});

describe('loadSopPack', () => {
  it('accepts a clean pack and passes its warnings along', () => {
    const result = loadSopPack(
      pack({
        a: { kind: 'step', text: 'Go', next: 'done' },
        spare: { kind: 'step', text: 'Unused', next: 'done' },
        done: { kind: 'outcome', outcome: { type: 'resolved', summary: 'Done' } },
      }),
    );
    expect(result.ok).toBe(true);
    expect(result.warnings.map((w) => w.rule)).toEqual(['unreachable-node']);
  });

  it('refuses a pack with schema issues without linting it', () => {
    const result = loadSopPack(pack({ a: { kind: 'step', text: 'Go' } }));
    expect(result).toEqual({
      ok: false,
      schemaIssues: [{ path: 'sops[0].nodes.a.next', message: 'Invalid input: expected string, received undefined' }],
      errors: [],
      warnings: [],
    });
  });

  it('refuses a pack with lint errors', () => {
    const result = loadSopPack(pack({ a: { kind: 'step', text: 'Go', next: 'missing' } }));
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors.map((e) => e.rule)).toEqual(['dead-end', 'no-outcome-reachable']);
  });

  it('refuses a pack that declares Spanish and lacks a caller script in it, listing the nodes', () => {
    const result = loadSopPack({
      ...pack({
        a: { kind: 'step', text: 'Greet', say: { en: 'Hello', es: 'Hola' }, next: 'b' },
        b: { kind: 'step', text: 'Explain', say: 'Here is how', next: 'done' },
        done: { kind: 'outcome', say: 'Goodbye', outcome: { type: 'resolved', summary: 'Done' } },
      }),
      languages: ['en', 'es'],
    });
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors.map((e) => `${e.rule} ${e.nodeId}`)).toEqual([
      'caller-script-missing-language b',
      'caller-script-missing-language done',
    ]);
  });
});
