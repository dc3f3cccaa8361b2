import type { ThemeSetting } from '../../shared/ipc/settings';

/**
 * Applies the theme setting to the page: `system` leaves the choice to the OS (the stylesheet's
 * `color-scheme: light dark`, read by `light-dark()`); `light` or `dark` pins it, as a user's
 * choice or a district's locked policy.
 */
export function applyTheme(theme: ThemeSetting, root: HTMLElement = document.documentElement): void {
  if (theme === 'system') delete root.dataset['theme'];
  else root.dataset['theme'] = theme;
}
