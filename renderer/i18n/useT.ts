import { useContext, useMemo } from 'react';
import type { ReactNode } from 'react';
import { IntlContext } from 'react-intl';
import type { IntlShape } from 'react-intl';
import type { MessageKey } from './catalogue';
import { activeIntl } from './intl';
import type { MessageValues } from './intl';

type RichValues = Record<string, string | number | Date | ReactNode | ((chunks: ReactNode[]) => ReactNode)>;

export interface Translate {
  (key: MessageKey, values?: MessageValues): string;
  /** A message with tags (`<b>…</b>`, `<code>…</code>`) rendered by the functions given. */
  rich: (key: MessageKey, values: RichValues) => ReactNode;
  /** The IntlShape: `formatDate`, `formatTime`, `formatNumber`, `formatList` in the analyst's locale. */
  intl: IntlShape;
}

/**
 * The component's translator. Outside an I18nProvider (a unit test rendering one component) it
 * uses the app's active IntlShape, English unless the app set another.
 */
export function useT(): Translate {
  const intl = useContext(IntlContext) ?? activeIntl();
  return useMemo(() => {
    const translate = ((key: MessageKey, values?: MessageValues) => intl.formatMessage({ id: key }, values)) as Translate;
    translate.rich = (key, values) => intl.formatMessage({ id: key }, values as never) as ReactNode;
    translate.intl = intl;
    return translate;
  }, [intl]);
}
