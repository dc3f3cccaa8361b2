import { describe, expect, it } from 'vitest';
import { answer, currentNode } from '../../../shared/sop/engine';
import { BUILTIN_PACKS } from '../../../shared/sop/packs';
import { capturedVariables, previewRun } from './Preview';

const hac = BUILTIN_PACKS.flatMap((pack) => pack.sops).find((sop) => sop.id === 'hac-parent-login');
if (!hac) throw new Error('the HAC parent-login SOP is missing');

describe('the Studio preview', () => {
  it('lists every variable a run can capture, identity included', () => {
    const names = capturedVariables(hac);
    expect(names).toContain('identity');
    expect(names.length).toBeGreaterThan(2);
    expect(new Set(names).size).toBe(names.length);
  });

  it('starts at any node with variables filled in, and the engine runs on from there', () => {
    const from = hac.nodes.find((node) => node.kind === 'step' && node.id !== hac.start);
    if (!from || from.kind !== 'step') throw new Error('the SOP has no second step');
    const run = previewRun(hac, from.id, { studentName: 'Ana' }, 1000);
    expect(currentNode(run.doc, run.state).id).toBe(from.id);
    expect(run.state.variables).toMatchObject({ studentName: 'Ana' });
    expect(run.status).toBe('active');
    const next = answer(run.doc, run.state, { type: 'continue' }, 2000);
    expect(next.current).toBe(from.next);
    expect(next.variables).toMatchObject({ studentName: 'Ana' });
  });

  it('refuses to start at a node that does not exist', () => {
    expect(() => previewRun(hac, 'no-such-node', {}, 1000)).toThrow(/no-such-node/);
  });
});
