// Electron's main process: wiring only. Everything with logic lives in modules that take
// Electron's objects as small injected interfaces and are tested in Node.
import { BrowserWindow, Menu, app, ipcMain, net, protocol, safeStorage, session, shell } from 'electron';
import type { WebContents } from 'electron';
import os from 'node:os';
import path from 'node:path';
import { createLogger } from '../shared/log';
import { push, registerIpc } from './ipc/handle';
import { createFileLogSink } from './log/file-sink';
import { createMainServices } from './host/services';
import { APP_ORIGIN, APP_SCHEME, createAppRequestHandler } from './security/app-protocol';
import { hardenWebContents } from './security/harden';
import { denyAllPermissions } from './security/permissions';
import { applicationMenu, isBlockedShortcut, mainWindowOptions } from './security/window';
import { autoUpdater } from 'electron-updater';
import { createNodePolicyDeps, readAdminPolicy } from './policy';
import { detectInstallKind, processInstallFacts } from './updates';
import { createSafeStorageEncryptor } from './vault/encryptor';
import { createKnownSecrets } from './vault/known-secrets';

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void start();
}

async function start(): Promise<void> {
  await app.whenReady();
  const dataDir = app.getPath('userData');
  // The log redacts every plaintext the vault has seen this run, whatever it looks like.
  const knownSecrets = createKnownSecrets();
  const log = createLogger('main', createFileLogSink(path.join(dataDir, 'logs')), { sealedValues: knownSecrets.values });
  const rendererRoot = path.join(__dirname, '..', 'renderer');
  protocol.handle(APP_SCHEME, createAppRequestHandler(rendererRoot));

  denyAllPermissions(session.defaultSession);
  // Deskbook's own menu: Electron's default one has Reload and Toggle Developer Tools.
  Menu.setApplicationMenu(app.isPackaged ? Menu.buildFromTemplate(applicationMenu(process.platform, app.getName())) : Menu.getApplicationMenu());

  const windows = new Set<WebContents>();
  const adminPolicy = await readAdminPolicy(process.platform, createNodePolicyDeps());
  const installKind = detectInstallKind(processInstallFacts({ isPackaged: app.isPackaged, productName: app.getName(), appId: 'org.deskbook.app' }));
  const services = await createMainServices(
    {
      shell: 'electron',
      appName: app.getName(),
      appVersion: app.getVersion(),
      os: process.platform,
      dataDir,
      allowedOrigin: APP_ORIGIN,
      fetch: (input, init) => net.fetch(input instanceof URL ? input.toString() : input, init),
      encryptor: createSafeStorageEncryptor(safeStorage, process.platform),
      now: () => new Date(),
      log,
      machine: os.hostname(),
      adminPolicy,
      installKind,
      updater: app.isPackaged ? autoUpdater : null,
      knownSecrets,
    },
    (event, payload) => {
      for (const wc of windows) push(wc, event, payload);
    },
  );
  registerIpc(ipcMain, services.router);
  app.on('web-contents-created', (_event, contents) =>
    hardenWebContents(contents, {
      appOrigin: APP_ORIGIN,
      openExternal: (url) => shell.openExternal(url),
      allowedHosts: services.policy().values.allowedExternalHosts,
      log,
    }),
  );

  const createWindow = () => {
    const win = new BrowserWindow(mainWindowOptions({ preload: path.join(__dirname, 'preload.cjs'), packaged: app.isPackaged }));
    const contents = win.webContents;
    if (app.isPackaged) {
      // DevTools are off in the window options; the shortcuts are swallowed too, and should
      // anything open them anyway they are shut at once.
      contents.on('before-input-event', (event, input) => {
        if (isBlockedShortcut(input)) event.preventDefault();
      });
      contents.on('devtools-opened', () => contents.closeDevTools());
    }
    windows.add(contents);
    win.on('closed', () => windows.delete(contents));
    win.once('ready-to-show', () => win.show());
    void win.loadURL(`${APP_ORIGIN}/index.html`);
    return win;
  };

  let mainWindow = createWindow();
  app.on('second-instance', () => {
    if (mainWindow.isDestroyed()) mainWindow = createWindow();
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('before-quit', () => services.stop());
  services.start();
}
