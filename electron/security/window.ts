/**
 * The main window's options, the application menu and the keyboard shortcuts Deskbook refuses,
 * as plain data so a test can read them without Electron. The renderer is treated as compromised
 * (docs/architecture.md, The trust boundary): in a packaged build nobody at the keyboard may open
 * DevTools, which would hand them every IPC channel with any payload, nor reload the page mid-call.
 */

/** The subset of Electron's BrowserWindowConstructorOptions Deskbook sets. */
export interface MainWindowOptions {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
  title: string;
  show: boolean;
  autoHideMenuBar: boolean;
  webPreferences: {
    preload: string;
    contextIsolation: true;
    sandbox: true;
    nodeIntegration: false;
    nodeIntegrationInWorker: false;
    webSecurity: true;
    webviewTag: false;
    spellcheck: boolean;
    devTools: boolean;
    disableBlinkFeatures: string;
  };
}

export function mainWindowOptions(options: { preload: string; packaged: boolean }): MainWindowOptions {
  return {
    width: 1200,
    height: 820,
    minWidth: 760,
    minHeight: 560,
    title: 'Deskbook',
    show: false,
    autoHideMenuBar: false,
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: true,
      // DevTools exist only in an unpackaged (developer) run.
      devTools: !options.packaged,
      // A middle-click would ask for a new window; every new window is denied anyway.
      disableBlinkFeatures: 'Auxclick',
    },
  };
}

/** A menu item as Electron's Menu.buildFromTemplate takes it (the fields Deskbook uses). */
export interface MenuItemSpec {
  label?: string;
  role?: MenuRole;
  type?: 'separator';
  submenu?: MenuItemSpec[];
}

/**
 * The roles Deskbook's menu may use. `reload`, `forceReload` and `toggleDevTools` are left out
 * on purpose: Electron's default menu has all three.
 */
export type MenuRole =
  | 'about'
  | 'hide'
  | 'hideOthers'
  | 'unhide'
  | 'quit'
  | 'close'
  | 'minimize'
  | 'zoom'
  | 'front'
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'pasteAndMatchStyle'
  | 'selectAll'
  | 'resetZoom'
  | 'zoomIn'
  | 'zoomOut'
  | 'togglefullscreen';

const separator: MenuItemSpec = { type: 'separator' };

/**
 * Deskbook's own application menu, replacing Electron's default (which has Reload and Toggle
 * Developer Tools). Edit keeps the clipboard shortcuts working on macOS; View keeps zoom, which
 * analysts on an eight-hour shift use.
 */
export function applicationMenu(platform: NodeJS.Platform, appName: string): MenuItemSpec[] {
  const mac = platform === 'darwin';
  const edit: MenuItemSpec = {
    label: 'Edit',
    submenu: [{ role: 'undo' }, { role: 'redo' }, separator, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, ...(mac ? [{ role: 'pasteAndMatchStyle' } as const] : []), { role: 'selectAll' }],
  };
  const view: MenuItemSpec = {
    label: 'View',
    submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, separator, { role: 'togglefullscreen' }],
  };
  const window: MenuItemSpec = {
    label: 'Window',
    submenu: mac ? [{ role: 'minimize' }, { role: 'zoom' }, separator, { role: 'front' }] : [{ role: 'minimize' }, { role: 'close' }],
  };
  if (!mac) return [{ label: 'File', submenu: [{ role: 'quit' }] }, edit, view, window];
  return [
    { label: appName, submenu: [{ role: 'about' }, separator, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, separator, { role: 'quit' }] },
    edit,
    view,
    window,
  ];
}

/** A key press as Electron's `before-input-event` reports it (the fields used here). */
export interface KeyInput {
  type: string;
  key: string;
  control: boolean;
  meta: boolean;
  shift: boolean;
  alt: boolean;
}

/**
 * Whether a packaged build swallows this key press: the DevTools shortcuts (F12, Ctrl+Shift+I/J/C,
 * Cmd+Alt+I/J/C) and page reloads (F5, Ctrl/Cmd+R, with or without Shift), which would throw away
 * what is on screen mid-call. Everything else reaches the page.
 */
export function isBlockedShortcut(input: KeyInput): boolean {
  if (input.type !== 'keyDown') return false;
  const key = input.key.toLowerCase();
  if (key === 'f12' || key === 'f5') return true;
  const primary = input.control || input.meta;
  if (primary && key === 'r') return true;
  const devtoolsChord = (input.control && input.shift) || (input.meta && input.alt);
  return devtoolsChord && (key === 'i' || key === 'j' || key === 'c');
}
