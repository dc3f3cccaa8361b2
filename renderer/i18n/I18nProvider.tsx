import { useEffect, useMemo } from 'react';
import type { ReactNode } from 'react';
import { RawIntlProvider } from 'react-intl';
import { resolveUiLanguage } from '../../shared/i18n/languages';
import type { UiLanguageSetting } from '../../shared/i18n/languages';
import { useAppStore } from '../state/store';
import { createDeskbookIntl, setActiveIntl } from './intl';

/** The OS locales as the renderer sees them (Electron sets them from the system). */
function osLocales(): readonly string[] {
  return typeof navigator === 'undefined' ? [] : navigator.languages.length > 0 ? navigator.languages : [navigator.language];
}

/**
 * The interface language for the whole app: the UiLanguage setting (a user choice, or the
 * district's policy, which main has already applied), else the OS locale. Sets `lang` on the
 * document so screen readers pronounce the interface in its language.
 */
export function I18nProvider({ children, setting }: { children: ReactNode; setting?: UiLanguageSetting }) {
  const saved = useAppStore((s) => s.settings?.uiLanguage);
  const chosen = setting ?? saved ?? 'system';
  const { language, locale } = resolveUiLanguage(chosen, osLocales());
  const intl = useMemo(() => {
    const created = createDeskbookIntl({ language, locale });
    // Set while rendering, before children render, so plain `t()` calls in them use it too.
    setActiveIntl(created, language);
    return created;
  }, [language, locale]);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return <RawIntlProvider value={intl}>{children}</RawIntlProvider>;
}
