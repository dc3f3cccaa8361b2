import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../db/db';
import { I18nProvider } from '../../i18n';
import { createDeskbookIntl, setActiveIntl } from '../../i18n/intl';
import { BILINGUAL_DOC } from './bilingual.testkit';
import { RunScreen } from './RunScreen';
import { createRun } from './runs';

beforeEach(async () => {
  await db().runs.clear();
});
afterEach(() => {
  cleanup();
  setActiveIntl(createDeskbookIntl({ language: 'en', locale: 'en-US' }), 'en');
});

function sayPanel(): HTMLElement {
  return screen.getByRole('complementary', { name: 'Say to the caller' });
}

/** The script paragraph of the say panel (the one with `lang`). */
function script(panel: HTMLElement): HTMLElement {
  return panel.querySelector<HTMLElement>('p[lang]')!;
}

/** The step's own heading: the path so far and the call panel beside it have headings too. */
async function nodeHeading(): Promise<HTMLElement> {
  return waitFor(() => {
    const heading = document.getElementById('node-heading');
    if (!heading) throw new Error('no step on screen yet');
    return heading;
  });
}

async function storedCallerLanguage(runId: string): Promise<string | undefined> {
  return (await db().runs.get(runId))?.callerLanguage;
}

describe('the run screen in two languages', () => {
  it('shows an English interface the English SOP text, and L or Alt+L switches only the caller script', async () => {
    const run = await createRun(BILINGUAL_DOC, 'bilingual-pack', Date.now(), {}, 'en');
    expect(run.callerLanguage).toBe('en');
    render(<RunScreen runId={run.id} />);

    expect((await nodeHeading()).textContent).toBe('Can the parent sign in?');
    expect(screen.getByRole('button', { name: /Yes, signed in/ })).toBeTruthy();
    expect(screen.getByText('Parent portal login', { exact: false, selector: '.run-header p' })).toBeTruthy();
    const panel = sayPanel();
    expect(panel.querySelector('h3')?.textContent).toBe('Say to the caller · English');
    expect(script(panel).textContent).toBe('Let us check your sign-in together.');
    expect(script(panel).lang).toBe('en');
    const toggle = screen.getByRole('button', { name: /Caller speaks: English — switch to Español/ });
    expect(toggle.getAttribute('aria-keyshortcuts')).toBe('L Alt+L');

    fireEvent.keyDown(document.body, { key: 'l', code: 'KeyL' });
    await waitFor(() => expect(script(sayPanel()).textContent).toBe('Vamos a revisar juntos su acceso.'));
    expect(script(sayPanel()).lang).toBe('es');
    expect(sayPanel().querySelector('h3')?.textContent).toBe('Say to the caller · Español');
    expect(screen.getByRole('status').textContent).toBe('Script to the caller now in Español');
    // The analyst's own text stays in the interface language.
    expect((await nodeHeading()).textContent).toBe('Can the parent sign in?');
    await waitFor(async () => expect(await storedCallerLanguage(run.id)).toBe('es'));

    // Digits still answer; the next node keeps the caller's language.
    fireEvent.keyDown(document.body, { key: '2', code: 'Digit2' });
    const phone = await screen.findByLabelText('Callback phone');
    expect(script(sayPanel()).textContent).toBe('¿A qué número le podemos devolver la llamada?');
    expect(await storedCallerLanguage(run.id)).toBe('es');

    // Typing an l in a field is typing; Alt+L switches even there (Option-L on a Mac types ¬).
    fireEvent.keyDown(phone, { key: 'l', code: 'KeyL' });
    expect(script(sayPanel()).lang).toBe('es');
    fireEvent.keyDown(phone, { key: '¬', code: 'KeyL', altKey: true });
    await waitFor(() => expect(script(sayPanel()).textContent).toBe('What number can we call you back on?'));
    expect(script(sayPanel()).lang).toBe('en');
    await waitFor(async () => expect(await storedCallerLanguage(run.id)).toBe('en'));
  });

  it('shows a Spanish interface the Spanish prompt and choices, and starts the caller script in Spanish', async () => {
    const run = await createRun(BILINGUAL_DOC, 'bilingual-pack', Date.now(), {}, 'es');
    expect(run.callerLanguage).toBe('es');
    render(
      <I18nProvider setting="es">
        <RunScreen runId={run.id} />
      </I18nProvider>,
    );

    const heading = await nodeHeading();
    expect(heading.textContent).toBe('¿Puede iniciar sesión el padre o la madre?');
    expect(heading.hasAttribute('lang')).toBe(false);
    expect(screen.getByRole('button', { name: /Sí, ya entró/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: /No, sigue sin poder entrar/ })).toBeTruthy();
    expect(screen.getByText('Acceso al portal de padres', { exact: false, selector: '.run-header p' })).toBeTruthy();
    const panel = screen.getByRole('complementary', { name: 'Diga a quien llama' });
    expect(panel.querySelector('h3')?.textContent).toBe('Diga a quien llama · Español');
    expect(script(panel).textContent).toBe('Vamos a revisar juntos su acceso.');
    expect(script(panel).lang).toBe('es');
    expect(screen.getByRole('button', { name: /Quien llama habla: Español — cambiar a English/ })).toBeTruthy();
  });

  it('reads the own-language script, saying so, when a step has none in the caller’s language', async () => {
    const doc = {
      ...BILINGUAL_DOC,
      nodes: BILINGUAL_DOC.nodes.map((node) => (node.id === 'ask-signed-in' ? { ...node, translations: { es: { prompt: '¿Puede entrar?' } } } : node)),
    };
    const run = await createRun(doc, 'bilingual-pack', Date.now(), {}, 'es');
    render(<RunScreen runId={run.id} />);

    await nodeHeading();
    expect(script(sayPanel()).textContent).toBe('Let us check your sign-in together.');
    expect(script(sayPanel()).lang).toBe('en');
    expect(sayPanel().textContent).toContain('No Spanish script for this step: reading the English one.');
    // The interface is English, the SOP’s own language: its text needs no lang.
    expect(screen.getByRole('button', { name: /Yes, signed in/ }).querySelector('[lang]')).toBeNull();
  });

  it('marks the SOP text a Spanish interface falls back to with lang="en"', async () => {
    const doc = { ...BILINGUAL_DOC, nodes: BILINGUAL_DOC.nodes.map((node) => ({ ...node, translations: {} })) };
    const run = await createRun(doc, 'bilingual-pack', Date.now(), {}, 'es');
    render(
      <I18nProvider setting="es">
        <RunScreen runId={run.id} />
      </I18nProvider>,
    );

    const heading = await nodeHeading();
    expect(heading.textContent).toBe('Can the parent sign in?');
    expect(heading.getAttribute('lang')).toBe('en');
    expect(screen.getByText('Yes, signed in').getAttribute('lang')).toBe('en');
    expect(screen.getByRole('complementary', { name: 'Diga a quien llama' }).textContent).toContain(
      'No hay guion en español para este paso: lea el guion en inglés.',
    );
  });
});
