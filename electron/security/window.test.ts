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

describe('the main window, for the analyst', () => {
  // Built in each test, not once for the file: a mutation run switches its mutants on per test.
  const windowOptions = () => mainWindowOptions({ preload: 'p.cjs', packaged: true });

  it('opens titled Deskbook, shown only once ready (no white flash), with its menu bar visible', () => {
    expect(windowOptions()).toMatchObject({ title: 'Deskbook', show: false, autoHideMenuBar: false, width: 1200, height: 820, minWidth: 760, minHeight: 560 });
  });

  it('checks spelling in the ticket fields, and a middle-click opens nothing', () => {
    expect(windowOptions().webPreferences.spellcheck).toBe(true);
    expect(windowOptions().webPreferences.disableBlinkFeatures).toBe('Auxclick');
  });
});

describe("the application menu's layout", () => {
  const edit = { label: 'Edit', submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }] };
  const view = { label: 'View', submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }] };

  it.each(['win32', 'linux'] as const)('on %s: File (Quit), Edit, View and Window (Minimize, Close)', (platform) => {
    expect(applicationMenu(platform, 'Deskbook')).toEqual([
      { label: 'File', submenu: [{ role: 'quit' }] },
      edit,
      view,
      { label: 'Window', submenu: [{ role: 'minimize' }, { role: 'close' }] },
    ]);
  });

  it("on macOS: the app's own menu first, paste and match style, and the Mac window roles", () => {
    expect(applicationMenu('darwin', 'Deskbook')).toEqual([
      {
        label: 'Deskbook',
        submenu: [{ role: 'about' }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }],
      },
      { ...edit, submenu: [...edit.submenu.slice(0, 6), { role: 'pasteAndMatchStyle' }, { role: 'selectAll' }] },
      view,
      { label: 'Window', submenu: [{ role: 'minimize' }, { role: 'zoom' }, { type: 'separator' }, { role: 'front' }] },
    ]);
  });
});

describe('shortcuts a packaged build swallows, chord by chord', () => {
  it.each([
    ['Ctrl+Shift', { control: true, shift: true }],
    ['Cmd+Alt', { meta: true, alt: true }],
  ] as const)('blocks %s with I, J or C only', (_name, mods) => {
    for (const k of ['i', 'j', 'c']) expect(isBlockedShortcut(key(k, mods))).toBe(true);
    for (const k of ['k', 'v', 'a', '1']) expect(isBlockedShortcut(key(k, mods)), k).toBe(false);
  });

  it('lets half a chord through: Ctrl+Alt+I, Cmd+Shift+I, Shift+I, Alt+I', () => {
    for (const mods of [{ control: true, alt: true }, { meta: true, shift: true }, { shift: true }, { alt: true }, { meta: true }, { control: true }]) {
      expect(isBlockedShortcut(key('i', mods)), JSON.stringify(mods)).toBe(false);
    }
  });

  it('blocks a reload with Ctrl or Cmd, but lets a plain R be typed', () => {
    expect(isBlockedShortcut(key('r', { meta: true }))).toBe(true);
    expect(isBlockedShortcut(key('R', { control: true, shift: true }))).toBe(true);
    expect(isBlockedShortcut(key('r'))).toBe(false);
    expect(isBlockedShortcut(key('R', { shift: true }))).toBe(false);
  });
});
