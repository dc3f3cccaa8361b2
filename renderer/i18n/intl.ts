import { createIntl, createIntlCache } from 'react-intl';
import type { IntlShape } from 'react-intl';
import type { UiLanguage } from '../../shared/i18n/languages';
import { messagesFor } from './catalogue';
import type { MessageKey } from './catalogue';

/** Values an ICU message may take: `{count}`, `{name}`, `{due, time, short}`... */
export type MessageValues = Record<string, string | number | boolean | Date | null | undefined>;

/** An interface language and the locale its dates, times and numbers are formatted in. */
export interface UiLocale {
  language: UiLanguage;
  locale: string;
}

const cache = createIntlCache();

/**
 * A missing or malformed message must never pass unseen: under test it throws (a test fails),
 * in the app it is logged and the English text (or, for a key nobody wrote, the key) shows.
 */
function onError(error: Error & { code?: string }): void {
  if (import.meta.env?.MODE === 'test') throw error;
  // The renderer has no logger of its own; a missing message is a developer's bug, for the console.
  // eslint-disable-next-line no-console
  console.warn(`[i18n] ${error.code ?? 'ERROR'}: ${error.message}`);
}

/** An IntlShape for one language and locale, with Deskbook's catalogue. */
export function createDeskbookIntl({ language, locale }: UiLocale): IntlShape {
  return createIntl({ locale, defaultLocale: 'en-US', messages: messagesFor(language), onError }, cache);
}

let active: IntlShape = createDeskbookIntl({ language: 'en', locale: 'en-US' });
let activeLanguage: UiLanguage = 'en';

/** Makes `intl` the one plain functions (`t`) format with; the provider calls it when the language changes. */
export function setActiveIntl(intl: IntlShape, language: UiLanguage): void {
  active = intl;
  activeLanguage = language;
}

/** The interface's current IntlShape, for code outside React (errors, status lines). */
export function activeIntl(): IntlShape {
  return active;
}

/** The interface's current language. */
export function activeUiLanguage(): UiLanguage {
  return activeLanguage;
}

/**
 * A message in the interface language, for code outside a component. Components use `useT()`,
 * which also re-renders them when the language changes.
 */
export function t(key: MessageKey, values?: MessageValues): string {
  return active.formatMessage({ id: key }, values);
}

/** `t` bound to one IntlShape. */
export function translator(intl: IntlShape): (key: MessageKey, values?: MessageValues) => string {
  return (key, values) => intl.formatMessage({ id: key }, values);
}
