import { afterEach, describe, expect, it } from 'vitest';
import { DeskbookError, err } from '../../shared/result';
import { createDeskbookIntl, setActiveIntl, t } from '../i18n/intl';
import { NO_ERROR_TEXT, errorText } from './error-text';

afterEach(() => setActiveIntl(createDeskbookIntl({ language: 'en', locale: 'en-US' }), 'en'));

describe('errorText', () => {
  it("shows a thrown error's message", () => {
    expect(errorText(new Error('The draft could not be saved.'))).toBe('The draft could not be saved.');
    expect(errorText(new DeskbookError('CONFLICT', 'This ticket changed meanwhile.'))).toBe('This ticket changed meanwhile.');
  });

  it("shows a TransferableError's message, as IPC returns it", () => {
    const result = err('SIGNED_OUT', 'Sign in to the ticketing system again.');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(errorText(result.error)).toBe('Sign in to the ticketing system again.');
  });

  it('falls back to the code when a TransferableError has no words', () => {
    expect(errorText({ code: 'UNAVAILABLE', message: '' })).toBe('UNAVAILABLE');
  });

  it('shows a thrown string as it is', () => {
    expect(errorText('offline')).toBe('offline');
  });

  it('never prints "[object Object]", and never dumps the fields of an object without a message', () => {
    for (const cause of [{}, { token: 'hunter2' }, null, undefined, '', '   ', Object.create(null), new Error('')]) {
      const text = errorText(cause);
      expect(text).not.toMatch(/\[object /);
      expect(text).not.toMatch(/hunter2/);
      expect(text).toBe(t(NO_ERROR_TEXT));
      expect(text).toBe('Something went wrong, and no reason was given.');
    }
  });

  it('says that no reason was given in the interface language of the moment it is called', () => {
    setActiveIntl(createDeskbookIntl({ language: 'es', locale: 'es-US' }), 'es');
    expect(errorText({})).toBe('Algo salió mal y no se indicó el motivo.');
    // A failure's own words are never translated: main wrote them.
    expect(errorText(new Error('The draft could not be saved.'))).toBe('The draft could not be saved.');
  });

  it("names an error class that has no message, such as a DOMException's name", () => {
    const aborted = new Error('');
    aborted.name = 'AbortError';
    expect(errorText(aborted)).toBe('AbortError');
  });
});
