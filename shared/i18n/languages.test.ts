import { describe, expect, it } from 'vitest';
import { uiLanguageSettingSchema } from './language-setting';
import { UI_LANGUAGE_NAMES, languageLabel, languageName, primaryLanguage, resolveUiLanguage } from './languages';

describe('resolveUiLanguage', () => {
  it('uses the setting when it names a language, whatever the OS says', () => {
    expect(resolveUiLanguage('es', ['en-US'])).toEqual({ language: 'es', locale: 'es-US' });
    expect(resolveUiLanguage('en', ['es-MX', 'en-US'])).toEqual({ language: 'en', locale: 'en-US' });
  });

  it('keeps the OS region for formatting when the chosen language is among the OS locales', () => {
    expect(resolveUiLanguage('en', ['es-MX', 'en-GB'])).toEqual({ language: 'en', locale: 'en-GB' });
    expect(resolveUiLanguage('es', ['en-US', 'es-PR'])).toEqual({ language: 'es', locale: 'es-PR' });
  });

  it('on system, follows the first OS locale Deskbook speaks, keeping its region', () => {
    expect(resolveUiLanguage('system', ['es-MX', 'en-US'])).toEqual({ language: 'es', locale: 'es-MX' });
    expect(resolveUiLanguage('system', ['en-US', 'es-MX'])).toEqual({ language: 'en', locale: 'en-US' });
    expect(resolveUiLanguage('system', ['vi-VN', 'fr-FR', 'es-ES', 'en-US'])).toEqual({ language: 'es', locale: 'es-ES' });
  });

  it('reads the underscore spelling some systems use (es_MX) and gives a region when the OS gave none', () => {
    expect(resolveUiLanguage('system', ['es_MX'])).toEqual({ language: 'es', locale: 'es-MX' });
    expect(resolveUiLanguage('system', ['es'])).toEqual({ language: 'es', locale: 'es-US' });
  });

  it('falls back to English when the OS speaks no language Deskbook does, or says nothing', () => {
    expect(resolveUiLanguage('system', ['vi-VN', 'fr-FR'])).toEqual({ language: 'en', locale: 'en-US' });
    expect(resolveUiLanguage('system', [])).toEqual({ language: 'en', locale: 'en-US' });
    expect(resolveUiLanguage('system', ['', '  '])).toEqual({ language: 'en', locale: 'en-US' });
  });
});

describe('the UiLanguage setting', () => {
  it('accepts system, en and es and refuses anything else with the values it takes', () => {
    expect(uiLanguageSettingSchema.options).toEqual(['system', 'en', 'es']);
    const refused = uiLanguageSettingSchema.safeParse('fr');
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toBe('must be system or one of en, es');
  });

  it('names each interface language in itself, as the picker lists it', () => {
    expect(UI_LANGUAGE_NAMES).toEqual({ en: 'English', es: 'Español' });
  });
});

describe('primaryLanguage and languageName', () => {
  it('takes the primary subtag, lowercased', () => {
    expect(primaryLanguage('ES-mx')).toBe('es');
    expect(primaryLanguage(' en_US ')).toBe('en');
  });

  it('names a language in another language, for a ticket or a label', () => {
    expect(languageName('es', 'en')).toBe('Spanish');
    expect(languageName('en', 'es')).toBe('inglés');
    expect(languageName('vi', 'en')).toBe('Vietnamese');
  });

  it('falls back to the code itself when it is not a language tag', () => {
    expect(languageName('not a tag!', 'en')).toBe('not a tag!');
  });

  it('capitalizes a language name that stands alone as a label or a value', () => {
    expect(languageLabel('es', 'es')).toBe('Español');
    expect(languageLabel('es', 'en')).toBe('Spanish');
    expect(languageLabel('en', 'es')).toBe('Inglés');
  });
});
