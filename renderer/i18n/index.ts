export { I18nProvider } from './I18nProvider';
export { useT } from './useT';
export type { Translate } from './useT';
export { t, activeIntl, activeUiLanguage } from './intl';
export type { MessageKey } from './catalogue';
export { WithAreaMessages } from './WithAreaMessages';
