import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../shared/ipc/settings';
import type { SettingsView } from '../../../shared/ipc/settings';
import { createDeskbookApi } from '../../../shared/ipc/api';
import { POLICY_FIELDS } from '../../../shared/policy/keys';
import type { PolicyField } from '../../../shared/policy/keys';
import type { PolicyReport } from '../../../shared/policy/report';
import { I18nProvider } from '../../i18n';
import { createDeskbookIntl, setActiveIntl } from '../../i18n/intl';
import { useAppStore } from '../../state/store';
import { SettingsScreen } from './SettingsScreen';

const VIEW: SettingsView = { ...DEFAULT_SETTINGS, token: { stored: false, preview: null } };

/** A policy report with every key at its built-in value, `locked` ones enforced. */
function report(locked: PolicyField[] = []): PolicyReport {
  const keys = Object.fromEntries(
    POLICY_FIELDS.map((field) => [field, locked.includes(field) ? { source: 'policy-enforced', locked: true } : { source: 'built-in', locked: false }]),
  ) as PolicyReport['keys'];
  return { keys, problems: [] };
}

/** window.deskbook answering the settings channels as main would; returns the patches sent. */
function withBridge(policy: PolicyReport): unknown[] {
  const patches: unknown[] = [];
  let current = VIEW;
  const api = createDeskbookApi({
    invoke: async (channel, input) => {
      if (channel === 'policy:get') return { ok: true, value: policy };
      if (channel === 'settings:update') {
        patches.push(input);
        current = { ...current, ...(input as Partial<SettingsView>) };
        return { ok: true, value: current };
      }
      return { ok: true, value: current };
    },
    subscribe: () => () => undefined,
  });
  Object.defineProperty(window, 'deskbook', { value: api, configurable: true });
  useAppStore.getState().setSettings(VIEW);
  return patches;
}

afterEach(() => {
  cleanup();
  setActiveIntl(createDeskbookIntl({ language: 'en', locale: 'en-US' }), 'en');
});

describe('the interface language in Settings', () => {
  it('offers the system language and each language named in itself, and switches the screen on Save', async () => {
    const patches = withBridge(report());
    render(
      <I18nProvider>
        <SettingsScreen />
      </I18nProvider>,
    );
    const select = await screen.findByLabelText<HTMLSelectElement>('Interface language');
    const options = Array.from(select.options).map((o) => [o.value, o.textContent, o.lang]);
    expect(options).toEqual([
      ['system', 'Same as this computer (system)', ''],
      ['en', 'English', 'en'],
      ['es', 'Español', 'es'],
    ]);
    expect(select.value).toBe('system');

    fireEvent.change(select, { target: { value: 'es' } });
    const form = screen.getByRole('form', { name: 'Language' });
    await act(async () => {
      fireEvent.click(form.querySelector('button[type="submit"]') as HTMLButtonElement);
    });
    expect(patches).toEqual([{ uiLanguage: 'es' }]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Configuración' })).toBeTruthy();
    expect(screen.getByLabelText<HTMLSelectElement>('Idioma de la interfaz').value).toBe('es');
    expect(screen.getByRole('option', { name: 'Igual que esta computadora (sistema)' })).toBeTruthy();
    // The outcome reads in the language just chosen.
    expect(screen.getByRole('form', { name: 'Idioma' }).querySelector('[role="status"]')?.textContent).toBe('Guardado.');
    expect(document.documentElement.lang).toBe('es-US');
  });

  it('shows a language the district enforces as locked, like every managed setting', async () => {
    withBridge(report(['uiLanguage']));
    render(<SettingsScreen />);
    expect(await screen.findByText('🔒 Your district’s policy sets the interface language.')).toBeTruthy();
    expect(screen.getByLabelText<HTMLSelectElement>('Interface language').disabled).toBe(true);
    expect(screen.getByTestId('policy-uiLanguage').textContent).toBe('Interface language🔒 set by district policy (locked)');
  });
});
