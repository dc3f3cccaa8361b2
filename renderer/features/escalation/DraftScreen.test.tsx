import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_DISTRICT_POLICY } from '../../../shared/sla/district';
import { dueAt } from '../../../shared/sla';
import { db } from '../../db/db';
import { I18nProvider } from '../../i18n';
import { createDeskbookIntl, setActiveIntl } from '../../i18n/intl';
import { DraftScreen } from './DraftScreen';
import { blankDraft } from './prefill';
import { PriorityPicker } from './PriorityPicker';
import { SecretsPanel } from './SecretsPanel';

const DRAFT_ID = 'draft-1';

beforeEach(async () => {
  await db().drafts.clear();
  const now = Date.now();
  await db().drafts.put({
    id: DRAFT_ID,
    runId: null,
    values: { ...blankDraft(), identity: 'callback-on-file' },
    mode: { kind: 'new' },
    createdAt: now,
    updatedAt: now,
  });
});

afterEach(() => {
  cleanup();
  // The provider makes its language the one plain `t()` uses; the next test starts in English.
  setActiveIntl(createDeskbookIntl({ language: 'en', locale: 'en-US' }), 'en');
});

describe('the escalation draft in Spanish', () => {
  it('labels its fields and says what to fix in Spanish', async () => {
    render(
      <I18nProvider setting="es">
        <DraftScreen draftId={DRAFT_ID} />
      </I18nProvider>,
    );
    await screen.findByRole('heading', { name: 'Ticket de escalamiento' });
    expect(screen.getByLabelText('Asunto')).toBeTruthy();
    expect(screen.getByLabelText('Número de estudiante (opcional)')).toBeTruthy();
    expect(screen.getByRole('option', { name: 'Padre o madre' })).toBeTruthy();
    expect(screen.getByTestId('draft-identity').textContent).toBe('Identidad verificada: se devolvió la llamada al número de teléfono registrado');

    fireEvent.click(screen.getByRole('button', { name: 'Poner el ticket en cola' }));

    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('heading').textContent).toBe('No se puso en cola: 4 campos necesitan atención');
    expect(within(summary).getByRole('link', { name: 'Asunto: al menos 5 caracteres' }).getAttribute('href')).toBe('#draft-subject');
    expect(summary.textContent).toContain('Teléfono para devolver la llamada: es obligatorio');
    // The same words under the field itself.
    expect(document.getElementById('draft-subject-error')?.textContent).toBe('Asunto: al menos 5 caracteres');
  });

  it('keeps the English labels and messages the e2e tests read', async () => {
    render(<DraftScreen draftId={DRAFT_ID} />);
    await screen.findByRole('heading', { name: 'Escalation ticket' });
    expect(screen.getByLabelText('Student number (optional)')).toBeTruthy();
    expect(screen.getByLabelText('Steps already tried (one per line)')).toBeTruthy();
    expect(screen.getByTestId('draft-identity').textContent).toBe('Identity verified: called back the phone number on file');

    fireEvent.click(screen.getByRole('button', { name: 'Queue ticket' }));

    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('heading').textContent).toBe('Not queued: 4 fields need attention');
    expect(summary.textContent).toMatch(/Subject: at least 5 characters/);
    expect(summary.textContent).toMatch(/Caller role: choose who called/);
    expect(summary.textContent).toMatch(/Callback phone: is required/);
  });
});

describe('the priority picker', () => {
  it('shows each due time as it did before, in the analyst’s time zone', () => {
    const now = new Date('2026-10-19T13:00:00.000Z');
    render(<PriorityPicker value="medium" onChange={() => {}} policy={DEFAULT_DISTRICT_POLICY} now={now} />);
    const due = DateTime.fromJSDate(dueAt(DEFAULT_DISTRICT_POLICY, 'high', now)).setLocale('en-US');
    expect(screen.getByTestId('due-high').textContent).toBe(`Due ${due.toLocaleString(DateTime.DATETIME_MED_WITH_WEEKDAY)}`);
  });

  it('names priorities and due times in Spanish', () => {
    render(
      <I18nProvider setting="es">
        <PriorityPicker value="medium" onChange={() => {}} policy={DEFAULT_DISTRICT_POLICY} now={new Date('2026-10-19T13:00:00.000Z')} />
      </I18nProvider>,
    );
    expect(screen.getByRole('radio', { name: /Crítica/ })).toBeTruthy();
    expect(screen.getByText('En 4 horas hábiles')).toBeTruthy();
    expect(screen.getByTestId('due-low').textContent).toMatch(/^Vence /);
  });
});

describe('the credential guard’s panel', () => {
  const hit = { field: 'school', label: 'School', text: 'Lincoln sunflower meadow', start: 0, end: 0, kind: 'sealed-value' } as const;
  const props = { hits: [hit], getValues: blankDraft, setValue: () => {}, onSealed: () => {}, onDone: () => {} };

  it('says in English what the e2e test reads, straight apostrophe included', () => {
    render(<SecretsPanel {...props} />);
    expect(screen.getByRole('alert').textContent).toContain("School: contains the text of one of this ticket's sealed notes.");
  });

  it('names the field in Spanish', () => {
    render(
      <I18nProvider setting="es">
        <SecretsPanel {...props} />
      </I18nProvider>,
    );
    expect(screen.getByRole('heading').textContent).toBe('No se puso en cola: esto parece una contraseña');
    expect(screen.getByRole('alert').textContent).toContain('Escuela: contiene el texto de una de las notas selladas de este ticket.');
  });
});
