import { describe, expect, it } from 'vitest';
import { applyTheme } from './theme';

describe('the theme on the page', () => {
  it('pins light or dark on the root, and leaves system to the OS', () => {
    const root = document.createElement('html');
    applyTheme('dark', root);
    expect(root.dataset['theme']).toBe('dark');
    applyTheme('light', root);
    expect(root.dataset['theme']).toBe('light');
    applyTheme('system', root);
    expect(root.hasAttribute('data-theme')).toBe(false);
  });
});
