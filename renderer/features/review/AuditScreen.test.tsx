import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createDeskbookApi } from '../../../shared/ipc/api';
import type { AuditAnchorReport } from '../../../shared/ipc/contract';
import { AuditScreen } from './AuditScreen';

/** window.deskbook over a fake transport answering the audit channels. */
function withBridge(report: AuditAnchorReport) {
  const answers: Record<string, unknown> = {
    'audit:list': { entries: [], intact: true, problem: null },
    'audit:verify': report,
  };
  const api = createDeskbookApi({
    invoke: async (channel) => ({ ok: true, value: answers[channel] }),
    subscribe: () => () => undefined,
  });
  Object.defineProperty(window, 'deskbook', { value: api, configurable: true });
}

const base = { firstDifference: null, entries: 3, anchors: 3, notes: [] };
afterEach(() => cleanup());

describe('the audit screen', () => {
  it('announces a trail that matches the ticketing system as a status', async () => {
    withBridge({ ...base, state: 'matches', message: 'All 3 entries agree with what Request Tracker recorded (anchors up to #3).' });
    render(<AuditScreen />);
    expect(await screen.findByText(/All 3 entries agree/)).toBeTruthy();
    expect(screen.getByTestId('audit-anchors').getAttribute('role')).toBe('status');
    expect(screen.getByTestId('audit-anchors').textContent).toContain('Matches the ticketing system:');
  });

  it('raises a difference as an alert naming the entry', async () => {
    withBridge({ ...base, state: 'differs', firstDifference: 2, message: 'Entry #2 differs from what Request Tracker recorded for decision d-2 on ticket #42.', notes: ['a note'] });
    render(<AuditScreen />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Does not match the ticketing system: Entry #2 differs');
    expect(screen.getByRole('list', { name: 'Notes on the comparison' }).textContent).toBe('a note');
  });
});
