import { useState } from 'react';
import type { FormEvent } from 'react';
import { THEME_SETTINGS } from '../../../shared/ipc/settings';
import type { SettingsView, ThemeSetting } from '../../../shared/ipc/settings';
import { useT } from '../../i18n';
import type { MessageKey } from '../../i18n';
import { Message, useSave } from './save';

const THEME_WORDS: Record<ThemeSetting, MessageKey> = {
  system: 'settings.theme.system',
  light: 'settings.theme.light',
  dark: 'settings.theme.dark',
};

/**
 * The colour theme: the computer's (light or dark, following the OS), or always light or dark.
 * Locked, with the district's note, when policy enforces Theme. The shell applies the saved one.
 */
export function ThemeForm({ settings, locked }: { settings: SettingsView; locked: boolean }) {
  const t = useT();
  const [theme, setTheme] = useState<ThemeSetting>(settings.theme);
  const { save, message } = useSave();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save({ theme }, 'settings.saved');
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby="theme-heading">
      <h2 id="theme-heading">{t('settings.theme.heading')}</h2>
      {locked && <p className="muted">{t('settings.theme.locked')}</p>}
      <div className="field">
        <label htmlFor="ui-theme">{t('settings.theme.label')}</label>
        <select id="ui-theme" disabled={locked} value={theme} onChange={(e) => setTheme(THEME_SETTINGS.find((v) => v === e.target.value) ?? settings.theme)}>
          {THEME_SETTINGS.map((value) => (
            <option key={value} value={value}>
              {t(THEME_WORDS[value])}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" disabled={locked}>
        {t('settings.save')}
      </button>
      <Message message={message} />
    </form>
  );
}
