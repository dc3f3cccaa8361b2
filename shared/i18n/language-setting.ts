import { z } from 'zod';
import { UI_LANGUAGES } from './languages';

/**
 * What the UiLanguage setting holds: a language, or `system` to follow the OS. Kept apart from
 * languages.ts, whose `resolveUiLanguage` the renderer needs before its first paint: a module
 * the first load imports ships every module it imports, so this schema there would ship zod.
 */
export const uiLanguageSettingSchema = z.enum(['system', ...UI_LANGUAGES], {
  error: `must be system or one of ${UI_LANGUAGES.join(', ')}`,
});
export type UiLanguageSetting = z.infer<typeof uiLanguageSettingSchema>;
