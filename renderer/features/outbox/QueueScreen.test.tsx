import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../db/db';
import type { DraftRow, EscalationRow, OutboxRow } from '../../db/db';
import { I18nProvider } from '../../i18n';
import { createDeskbookIntl, setActiveIntl } from '../../i18n/intl';
import { signInText } from '../../outbox/apply-outcome';
import { useOutboxDelivered } from '../../outbox/runtime';
import { newOutboxEntry } from '../../outbox/store';
import { testEscalation } from '../../outbox/pump.testkit';
import { QueueScreen } from './QueueScreen';

const SAVED_AT = Date.UTC(2026, 9, 19, 17, 5, 9);
/** Two hours from now: the queue names the clock time of the next try. */
const NEXT_TRY = Date.now() + 2 * 3_600_000;
const CLOCK = { hour: 'numeric', minute: '2-digit', second: '2-digit' } as const;

function escalationRow(n: number): EscalationRow {
  const escalation = testEscalation(n, `Projector cart ${n}`);
  return { id: escalation.id, requestId: escalation.id, escalation, status: 'queued', remoteId: null, remoteUrl: null, createdAt: 1, sentAt: null };
}

/** Two entries waiting: one due later, tried once; one paused for sign-in after two attempts. */
async function seed() {
  const [a, b] = [escalationRow(1), escalationRow(2)];
  const due: OutboxRow = { ...newOutboxEntry(a.id, a.id, 1), attempts: 1, nextAttemptAt: NEXT_TRY };
  const paused: OutboxRow = {
    ...newOutboxEntry(b.id, b.id, 1),
    state: 'paused',
    attempts: 2,
    nextAttemptAt: Number.MAX_SAFE_INTEGER,
    lastError: signInText(401, 'bad token'),
  };
  const draft: DraftRow = { id: 'draft-1', runId: null, values: { subject: '' } as DraftRow['values'], mode: { kind: 'new' }, createdAt: SAVED_AT, updatedAt: SAVED_AT };
  await db().escalations.bulkPut([a, b]);
  await db().outbox.bulkPut([due, paused]);
  await db().drafts.put(draft);
}

beforeEach(async () => {
  await Promise.all([db().outbox.clear(), db().escalations.clear(), db().drafts.clear()]);
  useOutboxDelivered.setState({ delivered: 0 });
  await seed();
});
afterEach(() => {
  cleanup();
  // The provider made Spanish the active language for plain `t()`: back to English for the next test.
  setActiveIntl(createDeskbookIntl({ language: 'en', locale: 'en-US' }), 'en');
});

describe('the outbox screen', () => {
  it('counts in English plurals and shows a sign-in pause as it was stored', async () => {
    render(<QueueScreen />);
    expect(await screen.findByRole('heading', { name: 'Waiting (2)' })).toBeTruthy();
    const items = await screen.findAllByTestId('outbox-item');
    const text = items.map((item) => item.textContent).join('\n');
    expect(text).toContain('Paused: sign in again · 2 attempts');
    expect(text).toContain(`Waiting to send · 1 attempt · next try ${new Intl.DateTimeFormat('en-US', CLOCK).format(NEXT_TRY)}`);
    expect(text).toContain('Last problem: Deskbook is not signed in to the ticketing system (401): bad token. Sign in again in Settings.');
    expect(screen.getByText(`saved ${new Intl.DateTimeFormat('en-US', CLOCK).format(SAVED_AT)}`)).toBeTruthy();
  });

  it('speaks Spanish under a Spanish interface: plurals, the stored reason in Spanish, a Spanish clock time', async () => {
    render(
      <I18nProvider setting="es">
        <QueueScreen />
      </I18nProvider>,
    );
    expect(await screen.findByRole('heading', { name: 'Bandeja de salida', level: 1 })).toBeTruthy();
    expect(await screen.findByRole('heading', { name: 'En espera (2)' })).toBeTruthy();
    const items = await screen.findAllByTestId('outbox-item');
    const text = items.map((item) => item.textContent).join('\n');
    expect(text).toContain('En pausa: vuelva a iniciar sesión · 2 intentos');
    expect(text).toContain(`Esperando para enviarse · 1 intento · próximo intento ${new Intl.DateTimeFormat('es-US', CLOCK).format(NEXT_TRY)}`);
    expect(text).toContain(
      'Último problema: Deskbook no ha iniciado sesión en el sistema de tickets (401): bad token. Vuelva a iniciar sesión en Configuración.',
    );
    expect(screen.getAllByRole('button', { name: 'Reintentar ahora' })).toHaveLength(2);
    const saved = new Intl.DateTimeFormat('es-US', CLOCK).format(SAVED_AT);
    expect(saved).toMatch(/[ap]\.\s?m\./);
    expect(screen.getByText(`guardado a las ${saved}`)).toBeTruthy();
    expect(screen.getByText('Todavía no se ha entregado nada.')).toBeTruthy();
  });

  it('shows the progress of a drain, sent of total, once something of it has gone', async () => {
    const rows = Array.from({ length: 10 }, (_, i) => escalationRow(10 + i));
    await db().escalations.bulkPut(rows);
    await db().outbox.bulkPut(rows.map((r) => newOutboxEntry(r.id, r.id, 1)));
    render(<QueueScreen />);
    // Eleven will go by themselves (the paused one waits for a person); nothing has gone yet.
    expect(await screen.findByRole('heading', { name: 'Waiting (12)' })).toBeTruthy();
    expect(screen.queryByTestId('drain-progress')).toBeNull();

    // The pump delivers four and says so; two of them are not escalations (a logged call, a
    // decision), so only two escalations turn "sent". The progress counts all four.
    const landed = rows.slice(0, 4);
    await db().outbox.bulkDelete(landed.map((r) => r.id));
    await db().escalations.bulkPut(landed.slice(0, 2).map((r) => ({ ...r, status: 'sent' as const, remoteId: r.id.slice(-2), sentAt: Date.now() })));
    act(() => useOutboxDelivered.setState({ delivered: 4 }));
    const progress = await screen.findByTestId('drain-progress');
    await vi.waitFor(() => expect(progress.textContent).toContain('Sent 4 of 11'));
    expect(screen.getByRole('progressbar', { name: 'Delivery progress' })).toBeTruthy();
    expect(screen.getAllByTestId('sent-item')).toHaveLength(2);

    // The technician opens the library and comes back: the same drain, counted from its start.
    cleanup();
    render(<QueueScreen />);
    // At once, before this screen has counted anything: the drain as last seen, not "Sent 4 of 4".
    expect(screen.getByTestId('drain-progress').textContent).toContain('Sent 4 of 11');
    expect(await screen.findByRole('heading', { name: 'Waiting (8)' })).toBeTruthy();
    expect((await screen.findByTestId('drain-progress')).textContent).toContain('Sent 4 of 11');
    const more = rows.slice(4, 6);
    await db().outbox.bulkDelete(more.map((r) => r.id));
    await db().escalations.bulkPut(more.map((r) => ({ ...r, status: 'sent' as const, remoteId: r.id.slice(-2), sentAt: Date.now() })));
    act(() => useOutboxDelivered.setState({ delivered: 6 }));
    await screen.findByText(/Sent 6 of 11/);
  });
});
