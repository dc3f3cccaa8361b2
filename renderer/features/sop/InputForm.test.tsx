import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '../../i18n';
import { createDeskbookIntl, setActiveIntl, translator } from '../../i18n/intl';
import type { Translate } from '../../i18n';
import { BILINGUAL_DOC, CALLBACK_NODE } from './bilingual.testkit';
import { fieldErrorText } from '../../ui/field-reasons';
import { InputForm } from './InputForm';

afterEach(() => {
  cleanup();
  setActiveIntl(createDeskbookIntl({ language: 'en', locale: 'en-US' }), 'en');
});

function form() {
  return <InputForm doc={BILINGUAL_DOC} node={CALLBACK_NODE} initial={{}} onSubmit={() => undefined} />;
}

describe('an input form in the interface language', () => {
  it('labels a field in Spanish and gives the reason a value is refused in Spanish', () => {
    render(<I18nProvider setting="es">{form()}</I18nProvider>);
    const phone = screen.getByLabelText('Teléfono para devolver la llamada');
    fireEvent.change(phone, { target: { value: '12345' } });
    fireEvent.blur(phone);
    expect(screen.getByRole('alert').textContent).toBe('Teléfono para devolver la llamada: debe ser un número de EE. UU. de 10 dígitos');
    // The hint has no Spanish text: shown in English, marked as English.
    expect(screen.getByText('Ten digits, area code first').getAttribute('lang')).toBe('en');
  });

  it('keeps the English messages exactly as shared/fields writes them', () => {
    render(form());
    const phone = screen.getByLabelText('Callback phone');
    fireEvent.blur(phone);
    expect(screen.getByRole('alert').textContent).toBe('Callback phone: is required');
    fireEvent.change(phone, { target: { value: '1235550100' } });
    expect(screen.getByRole('alert').textContent).toBe('Callback phone: area code cannot start with 0 or 1');
    expect(screen.getByText('Ten digits, area code first').hasAttribute('lang')).toBe(false);
  });

  it('translates reasons with numbers and leaves a reason it does not know as written', () => {
    const intl = createDeskbookIntl({ language: 'es', locale: 'es-US' });
    const t = Object.assign(translator(intl), { intl, rich: () => null }) as unknown as Translate;
    expect(fieldErrorText('Número: must be 5 to 10 digits', 'Número', t)).toBe('Número: debe tener de 5 a 10 dígitos');
    expect(fieldErrorText('Nota: must be at most 500 characters', 'Nota', t)).toBe('Nota: debe tener como máximo 500 caracteres');
    expect(fieldErrorText('Fecha: must be on or after 2024-08-01', 'Fecha', t)).toBe('Fecha: debe ser el 2024-08-01 o una fecha posterior');
    expect(fieldErrorText('Código: debe verse como ABC-123', 'Código', t)).toBe('Código: debe verse como ABC-123');
  });
});
