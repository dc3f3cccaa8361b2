import enStudio from './en/studio.json';
import esStudio from './es/studio.json';

/**
 * Message areas that load with their screen instead of the app: the SOP Studio's ~170 messages
 * are for supervisors only and would otherwise sit in every analyst's first load. Import this
 * only from the lazy screen itself (and the catalogue's tests); `WithAreaMessages` adds it.
 */
export const LAZY_AREAS = {
  studio: { en: enStudio, es: esStudio },
} as const;
