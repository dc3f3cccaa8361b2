import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDeskbookApi } from '../../../shared/ipc/api';
import type { AuditAnchorReport, AuditEntry } from '../../../shared/ipc/contract';
import { I18nProvider } from '../../i18n';
import { createDeskbookIntl, setActiveIntl } from '../../i18n/intl';
import { AuditScreen } from './AuditScreen';
import { DATE_TIME } from './words';

/** window.deskbook over a fake transport answering the audit channels. */
function withBridge(report: AuditAnchorReport, entries: AuditEntry[] = []) {
  const answers: Record<string, unknown> = {
    'audit:list': { entries, intact: true, problem: null },
    'audit:verify': report,
  };
  const api = createDeskbookApi({
    invoke: async (channel) => ({ ok: true, value: answers[channel] }),
    subscribe: () => () => undefined,
  });
  Object.defineProperty(window, 'deskbook', { value: api, configurable: true });
}

const base = { firstDifference: null, entries: 3, anchors: 3, notes: [] };
afterEach(() => {
  cleanup();
  // The provider made Spanish the active language for plain `t()`: back to English for the next test.
  setActiveIntl(createDeskbookIntl({ language: 'en', locale: 'en-US' }), 'en');
});

const DECIDED_AT = '2026-10-19T12:05:09.000Z';
const entry: AuditEntry = {
  seq: 1,
  at: DECIDED_AT,
  decidedAt: DECIDED_AT,
  actor: { id: 'sup-1', name: 'Sam Supervisor', role: 'supervisor' },
  machine: 'HELPDESK-07',
  action: 'approve',
  remoteId: '42',
  requestId: 'req-42',
  decisionId: 'd-1',
  detail: 'Looks complete.',
  hash: 'abc',
};

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
    // The alert region is always mounted (so the result is announced): wait for its text, not for it.
    const alert = screen.getByRole('alert');
    await vi.waitFor(() => expect(alert.textContent).toContain('Does not match the ticketing system: Entry #2 differs'));
    expect(screen.getByRole('list', { name: 'Notes on the comparison' }).textContent).toBe('a note');
  });

  it('shows each decision with its actor, action and time in the analyst’s locale (English: as before)', async () => {
    withBridge({ ...base, state: 'matches', message: 'All 1 entries agree.' }, [entry]);
    render(<AuditScreen />);
    const row = (await screen.findByText('Looks complete.')).closest('tr')!;
    expect(row.textContent).toContain('Sam Supervisor (supervisor)');
    expect(row.textContent).toContain('approve');
    expect(row.textContent).toContain(new Date(DECIDED_AT).toLocaleString('en-US'));
  });

  it('speaks Spanish under a Spanish interface, with a Spanish date', async () => {
    withBridge({ ...base, state: 'matches', message: 'All 1 entries agree.' }, [entry]);
    render(
      <I18nProvider setting="es">
        <AuditScreen />
      </I18nProvider>,
    );
    expect(await screen.findByRole('heading', { name: 'Registro de auditoría', level: 1 })).toBeTruthy();
    expect((await screen.findByTestId('audit-intact')).textContent).toBe('La cadena de entradas en esta computadora está intacta.');
    const anchors = screen.getByTestId('audit-anchors');
    await vi.waitFor(() => expect(anchors.textContent).toContain('Coincide con el sistema de tickets:'));
    expect(screen.getByRole('columnheader', { name: 'Quién' })).toBeTruthy();
    const row = (await screen.findByText('Looks complete.')).closest('tr')!;
    expect(row.textContent).toContain('Sam Supervisor (supervisor(a))');
    expect(row.textContent).toContain('aprobación');
    // Day before month, and a Spanish "p. m.": 19/10/2026 in es-US, 10/19/2026 in en-US.
    const date = new Intl.DateTimeFormat('es-US', DATE_TIME).format(new Date(DECIDED_AT));
    expect(date).toMatch(/^19\/10\/2026/);
    expect(row.textContent).toContain(date);
  });
});
