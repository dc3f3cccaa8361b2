import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { packToJson, packToYaml } from '../../../shared/sop/export';
import { loadSopPack } from '../../../shared/sop/load';
import { blankSop, createStudio, edit } from './model';
import type { StudioAction } from './model';
import { districtPackOf, hasUnpublishedChanges, nextVersion, packOf, publishDraft, rollbackTo, StudioError, newStudioRow } from './versions';
import type { StudioRow } from '../../db/db';

const T0 = Date.UTC(2026, 11, 2, 15);

function edited(row: StudioRow, ...actions: StudioAction[]): StudioRow {
  let state = createStudio(row.draft);
  for (const action of actions) {
    const result = edit(state, action);
    if (result.error) throw new Error(result.error);
    state = result.state;
  }
  return { ...row, draft: state.doc };
}

/** A procedure from scratch with its dead end fixed: step-1 → outcome-1. */
function fixed(): StudioRow {
  return edited(newStudioRow(blankSop('chromebook-wifi', 'Chromebook will not join the Wi-Fi'), T0), { type: 'add-node', kind: 'outcome', connectFrom: { from: 'step-1' } });
}

describe('publishing', () => {
  it('is refused while lint finds an error, naming it', () => {
    const row = newStudioRow(blankSop('chromebook-wifi', 'Chromebook'), T0);
    expect(() => publishDraft(row, T0)).toThrow(StudioError);
    expect(() => publishDraft(row, T0)).toThrow(/unconnected/);
  });

  it('starts at 1.0.0, bumps the minor version each time and records the diff', () => {
    const first = publishDraft(fixed(), T0);
    expect(first.published.map((v) => v.version)).toEqual(['1.0.0']);
    expect(first.published[0]?.diff).toBeNull();
    expect(first.draft.version).toBe('1.0.0');
    expect(hasUnpublishedChanges(first)).toBe(false);
    expect(() => publishDraft(first, T0 + 1)).toThrow(/nothing changed/);

    const second = publishDraft(edited(first, { type: 'set-field', nodeId: 'step-1', path: ['title'], value: 'Restart' }, { type: 'add-node', kind: 'step' }, { type: 'connect', from: 'step-2', to: 'outcome-1' }, { type: 'set-start', nodeId: 'step-2' }, { type: 'connect', from: 'step-2', to: 'step-1' }), T0 + 2);
    const diff = second.published[1]?.diff;
    expect(second.published[1]?.version).toBe('1.1.0');
    expect(diff?.added.map((n) => n.nodeId)).toEqual(['step-2']);
    expect(diff?.edited).toEqual([{ nodeId: 'step-1', label: 'Restart', fields: ['title'] }]);
    expect(diff?.fields).toEqual(['start']);
  });

  it('keeps an imported procedure’s numbering, bumped because that version is in use', () => {
    const row = fixed();
    const imported = { ...row, draft: { ...row.draft, version: '2.3.0' } };
    expect(nextVersion(imported)).toBe('2.4.0');
  });
});

describe('rollback', () => {
  it('publishes the old steps again as a new, higher version', () => {
    const v1 = publishDraft(fixed(), T0);
    const v2 = publishDraft(edited(v1, { type: 'set-field', nodeId: 'step-1', path: ['text'], value: 'Forget the network, then join it again' }), T0 + 1);
    const back = rollbackTo(v2, '1.0.0', T0 + 2);
    const restored = back.published.at(-1);
    expect(restored?.version).toBe('1.2.0');
    expect(restored?.restores).toBe('1.0.0');
    expect(restored?.diff?.edited.map((n) => n.fields)).toEqual([['text']]);
    expect({ ...back.draft, version: '' }).toEqual({ ...v1.published[0]?.doc, version: '' });
    expect(() => rollbackTo(back, '1.2.0', T0 + 3)).toThrow(/already the published version/);
    expect(() => rollbackTo(back, '9.9.9', T0 + 3)).toThrow(/no published version 9\.9\.9/);
  });
});

describe('round trip', () => {
  it('exports the draft to YAML and JSON that load back to the same procedure with no finding', () => {
    const row = edited(
      fixed(),
      { type: 'set-sop-field', field: 'languages', value: ['en', 'es'] },
      { type: 'set-field', nodeId: 'step-1', path: ['say'], value: 'Please restart it.' },
      { type: 'set-field', nodeId: 'step-1', path: ['translations', 'es', 'say'], value: 'Reinícielo, por favor.' },
      { type: 'set-field', nodeId: 'outcome-1', path: ['say'], value: 'Thank you.' },
      { type: 'set-field', nodeId: 'outcome-1', path: ['translations', 'es', 'say'], value: 'Gracias.' },
    );
    const pack = packOf(row.draft);
    for (const text of [packToYaml(pack), packToJson(pack)]) {
      const loaded = loadSopPack(parse(text));
      if (!loaded.ok) throw new Error(JSON.stringify(loaded));
      expect(loaded.warnings).toEqual([]);
      expect(loaded.pack.sops[0]).toEqual(row.draft);
    }
  });

  it('makes one district pack of every newest published version, numbered by publishes', () => {
    const a = publishDraft(fixed(), T0);
    const b = publishDraft(edited(a, { type: 'set-field', nodeId: 'step-1', path: ['title'], value: 'Restart' }), T0 + 1);
    const other = publishDraft({ ...fixed(), id: 'printer-jam', draft: { ...fixed().draft, id: 'printer-jam', title: 'Printer jam' } }, T0);
    const never = fixed();
    expect(districtPackOf([never])).toBeUndefined();
    const pack = districtPackOf([b, other, never]);
    expect(pack?.version).toBe('1.3.0');
    expect(pack?.sops.map((sop) => `${sop.id}@${sop.version}`)).toEqual(['chromebook-wifi@1.1.0', 'printer-jam@1.0.0']);
  });
});
