import type { UiLanguageSetting } from './language-setting';

/**
 * The languages Deskbook's interface is written in. Caller scripts in a pack may be in any
 * language the pack declares (see shared/sop/schema.ts); the interface is these two.
 */
export const UI_LANGUAGES = ['en', 'es'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

export type { UiLanguageSetting } from './language-setting';

/** Each interface language named in itself, as a language picker lists it. */
export const UI_LANGUAGE_NAMES: Readonly<Record<UiLanguage, string>> = { en: 'English', es: 'Español' };

/** The locale each interface language formats dates and numbers in when the OS gives no region. */
const DEFAULT_LOCALE: Readonly<Record<UiLanguage, string>> = { en: 'en-US', es: 'es-US' };

/** The primary language subtag of a BCP 47 tag, lowercased: `es-MX` → `es`. */
export function primaryLanguage(tag: string): string {
  return tag.trim().split(/[-_]/)[0]?.toLowerCase() ?? '';
}

/**
 * The interface language and formatting locale to use: the setting when it names a language,
 * else the first OS locale whose language Deskbook speaks, else English. The OS locale's region
 * is kept for formatting (an analyst on es-MX gets Mexican date order) when its language is the
 * interface language.
 */
export function resolveUiLanguage(
  setting: UiLanguageSetting,
  osLocales: readonly string[],
): { language: UiLanguage; locale: string } {
  const spoken = (tag: string): UiLanguage | undefined =>
    (UI_LANGUAGES as readonly string[]).includes(primaryLanguage(tag)) ? (primaryLanguage(tag) as UiLanguage) : undefined;
  const language = setting !== 'system' ? setting : (osLocales.map(spoken).find((l) => l !== undefined) ?? 'en');
  const regional = osLocales.find((tag) => spoken(tag) === language && /^[a-z]{2,3}[-_][A-Za-z]{2}$/.test(tag.trim()));
  return { language, locale: regional ? regional.trim().replace('_', '-') : DEFAULT_LOCALE[language] };
}

/**
 * A language's name in another language, for a ticket ("Spanish") or a label ("español"):
 * `Intl.DisplayNames`, falling back to the code itself.
 */
export function languageName(code: string, inLanguage: string): string {
  try {
    return new Intl.DisplayNames([inLanguage], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** {@link languageName}, capitalized as a label or a value on its own starts: "Español", "Spanish". */
export function languageLabel(code: string, inLanguage: string): string {
  const name = languageName(code, inLanguage);
  return name.charAt(0).toLocaleUpperCase(inLanguage) + name.slice(1);
}
