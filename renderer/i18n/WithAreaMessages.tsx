import { useContext, useMemo } from 'react';
import type { ReactNode } from 'react';
import { createIntl, IntlContext, RawIntlProvider } from 'react-intl';
import type { UiLanguage } from '../../shared/i18n/languages';
import { activeIntl, activeUiLanguage } from './intl';

/** One lazily loaded message area: its messages per interface language, English complete. */
export type MessageArea = { en: Readonly<Record<string, string>> } & Partial<Record<UiLanguage, Readonly<Record<string, string>>>>;

/**
 * Renders `children` with the app's messages plus a lazy area's, in the interface language the
 * app chose (falling back to English per key, as the app's catalogue does). Follows a change of
 * language: the app's IntlShape changes, and this one is made again from it.
 */
export function WithAreaMessages({ area, children }: { area: MessageArea; children: ReactNode }) {
  const outer = useContext(IntlContext) ?? activeIntl();
  const language = activeUiLanguage();
  const intl = useMemo(
    () =>
      createIntl({
        locale: outer.locale,
        defaultLocale: outer.defaultLocale,
        messages: { ...(outer.messages as Record<string, string>), ...area.en, ...(area[language] ?? {}) },
        onError: outer.onError,
      }),
    [outer, area, language],
  );
  return <RawIntlProvider value={intl}>{children}</RawIntlProvider>;
}
