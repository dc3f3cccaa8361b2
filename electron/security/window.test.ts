import { describe, expect, it } from 'vitest';
import { applicationMenu, isBlockedShortcut, mainWindowOptions } from './window';
import type { KeyInput, MenuItemSpec } from './window';

const roles = (items: MenuItemSpec[]): string[] => items.flatMap((i) => [...(i.role ? [i.role] : []), ...roles(i.submenu ?? [])]);
const key = (k: string, mods: Partial<KeyInput> = {}): KeyInput => ({ type: 'keyDown', key: k, control: false, meta: false, shift: false, alt: false, ...mods });

describe('the main window', () => {
  it('has DevTools off in a packaged build and on only in a developer run', () => {
    expect(mainWindowOptions({ preload: 'p.cjs', packaged: true }).webPreferences.devTools).toBe(false);
    expect(mainWindowOptions({ preload: 'p.cjs', packaged: false }).webPreferences.devTools).toBe(true);
  });

  it('keeps isolation, the sandbox and web security on, and Node and webviews off', () => {
    expect(mainWindowOptions({ preload: 'p.cjs', packaged: true }).webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      webviewTag: false,
      preload: 'p.cjs',
    });
  });
});

describe("Deskbook's own application menu", () => {
  it.each(['darwin', 'win32', 'linux'] as const)('on %s has no DevTools and no reload', (platform) => {
    const all = roles(applicationMenu(platform, 'Deskbook'));
    expect(all).not.toContain('toggleDevTools');
    expect(all).not.toContain('reload');
    expect(all).not.toContain('forceReload');
    expect(all).toEqual(expect.arrayContaining(['copy', 'paste', 'zoomIn', 'quit']));
  });
});

describe('shortcuts a packaged build swallows', () => {
  it('blocks every DevTools chord and every reload', () => {
    for (const input of [
      key('F12'),
      key('I', { control: true, shift: true }),
      key('J', { control: true, shift: true }),
      key('C', { control: true, shift: true }),
      key('i', { meta: true, alt: true }),
      key('F5'),
      key('r', { control: true }),
      key('R', { meta: true, shift: true }),
    ]) {
      expect(isBlockedShortcut(input), JSON.stringify(input)).toBe(true);
    }
  });

  it("lets the analyst's own shortcuts through", () => {
    for (const input of [key('c', { control: true }), key('i'), key('k', { control: true }), key('1', { control: true }), key('ArrowLeft', { alt: true }), key('Enter')]) {
      expect(isBlockedShortcut(input), JSON.stringify(input)).toBe(false);
    }
    expect(isBlockedShortcut({ ...key('F12'), type: 'keyUp' })).toBe(false);
  });
});
