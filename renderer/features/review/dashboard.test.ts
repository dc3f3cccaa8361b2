import { describe, expect, it } from 'vitest';
import { CALL_DOC, finishedRun } from '../../../shared/call-log/call-log.testkit';
import { startRun } from '../../../shared/sop/engine';
import type { SopDocument } from '../../../shared/sop/schema';
import type { RunRow } from '../../db/db';
import { firstCallResolution } from './dashboard';

let n = 0;
function row(doc: SopDocument, end: 'yes' | 'office' | 'no' | 'active', startedAt = 1000 + n): RunRow {
  const state = end === 'active' ? startRun(doc, startedAt) : finishedRun(end, startedAt);
  return {
    id: `run-${++n}`,
    doc,
    packId: 'hac-support',
    state: { ...state, sopId: doc.id, sopVersion: doc.version },
    status: state.status,
    notes: {},
    startedAt,
    updatedAt: startedAt,
    finishedAt: state.finishedAt ?? null,
    draftId: null,
  };
}

/** The same SOP under another id and title (a second procedure on the dashboard). */
const OTHER: SopDocument = { ...CALL_DOC, id: 'ic-household', title: 'Household change' };

describe('firstCallResolution', () => {
  it('counts calls run, resolved, referred and escalated per SOP; FCR is resolved over finished runs', () => {
    const runs = [row(CALL_DOC, 'yes'), row(CALL_DOC, 'yes'), row(CALL_DOC, 'office'), row(CALL_DOC, 'no'), row(CALL_DOC, 'active'), row(OTHER, 'no')];
    expect(firstCallResolution(runs)).toEqual([
      { sopId: 'hac-login', title: 'HAC parent login', runs: 5, finished: 4, resolved: 2, referred: 1, escalated: 1, fcr: 0.5 },
      { sopId: 'ic-household', title: 'Household change', runs: 1, finished: 1, resolved: 0, referred: 0, escalated: 1, fcr: 0 },
    ]);
  });

  it('has no FCR for an SOP with no finished run, and nothing at all for no runs', () => {
    expect(firstCallResolution([row(CALL_DOC, 'active')])).toEqual([
      { sopId: 'hac-login', title: 'HAC parent login', runs: 1, finished: 0, resolved: 0, referred: 0, escalated: 0, fcr: null },
    ]);
    expect(firstCallResolution([])).toEqual([]);
  });

  it('groups the versions of one SOP under the title of the newest run', () => {
    const renamed: SopDocument = { ...CALL_DOC, version: '3.0.0', title: 'HAC login (parents)' };
    const [only, ...rest] = firstCallResolution([row(renamed, 'yes', 5000), row(CALL_DOC, 'yes', 1)]);
    expect(rest).toEqual([]);
    expect(only).toMatchObject({ sopId: 'hac-login', title: 'HAC login (parents)', runs: 2, resolved: 2, fcr: 1 });
  });

  it('counts a finished run whose outcome node no longer exists as finished, in no outcome', () => {
    const gone = row(CALL_DOC, 'yes');
    const broken: RunRow = { ...gone, state: { ...gone.state, current: 'deleted-node' } };
    expect(firstCallResolution([broken, row(CALL_DOC, 'yes')])[0]).toMatchObject({ finished: 2, resolved: 1, fcr: 0.5 });
  });
});
