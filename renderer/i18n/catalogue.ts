import enApp from './en/app.json';
import enEscalation from './en/escalation.json';
import enOutbox from './en/outbox.json';
import enReview from './en/review.json';
import enSettings from './en/settings.json';
import enSop from './en/sop.json';
import type enStudio from './en/studio.json';
import esApp from './es/app.json';
import esEscalation from './es/escalation.json';
import esOutbox from './es/outbox.json';
import esReview from './es/review.json';
import esSettings from './es/settings.json';
import esSop from './es/sop.json';
import type { UiLanguage } from '../../shared/i18n/languages';

/**
 * The interface's messages, ICU MessageFormat, one JSON file per area and language (the format
 * translators and FormatJS tools read). Every key starts with its area (`sop.`, `review.`...), so
 * two areas cannot collide. English is the source: a key is typed from it, and a Spanish message
 * missing at run time falls back to the English one rather than showing the key;
 * catalogue.test.ts fails the build on any key missing, unused or malformed.
 */
export const AREAS = {
  app: { en: enApp, es: esApp },
  sop: { en: enSop, es: esSop },
  escalation: { en: enEscalation, es: esEscalation },
  outbox: { en: enOutbox, es: esOutbox },
  review: { en: enReview, es: esReview },
  settings: { en: enSettings, es: esSettings },
} as const;

const EN = { ...enApp, ...enSop, ...enEscalation, ...enOutbox, ...enReview, ...enSettings };

/**
 * Every message key, from the English catalogue: the areas above, loaded with the app, and the
 * lazy ones (lazy-areas.ts), loaded with their screen and provided by `WithAreaMessages`.
 */
export type MessageKey = keyof typeof EN | keyof typeof enStudio;

/** A language's messages, each key falling back to English when that language lacks it. */
export function messagesFor(language: UiLanguage): Readonly<Record<keyof typeof EN, string>> {
  if (language === 'en') return EN;
  const own = Object.values(AREAS).reduce<Record<string, string>>((all, area) => Object.assign(all, area[language]), {});
  return { ...EN, ...own };
}
