// A real electron-updater running in Node: only the two Electron-bound pieces are replaced, the
// app adapter (Electron's `app`) and the HTTP executor (Electron's `net`). Check, staging,
// latest.yml parsing, sha512 verification, the download cache and progress are the library's.
import { request } from 'node:http';
import type { ClientRequest, IncomingMessage, RequestOptions } from 'node:http';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { configureRequestOptions, configureRequestUrl, HttpExecutor } from 'builder-util-runtime';
import type { DownloadOptions } from 'builder-util-runtime';
import { DebUpdater } from 'electron-updater';
import type { AppAdapter } from 'electron-updater/out/AppAdapter';

/** electron-updater's HttpExecutor over node:http (loopback only in these tests). */
export class NodeHttpExecutor extends HttpExecutor<ClientRequest> {
  createRequest(options: RequestOptions, callback: (response: IncomingMessage) => void): ClientRequest {
    return request(options, callback);
  }

  /** The same contract as ElectronHttpExecutor.download: stream to `destination`, verify, resolve it. */
  download(url: URL, destination: string, options: DownloadOptions): Promise<string> {
    return options.cancellationToken.createPromise<string>((resolve, reject, onCancel) => {
      const requestOptions: RequestOptions = { headers: options.headers ?? undefined };
      configureRequestUrl(url, requestOptions);
      configureRequestOptions(requestOptions);
      this.doDownload(
        requestOptions,
        { destination, options, onCancel, callback: (error) => (error ? reject(error) : resolve(destination)), responseHandler: null },
        0,
      );
    });
  }
}

export interface TestApp extends AppAdapter {
  quitHandlers: ((exitCode: number) => void)[];
}

/** Electron's `app` as electron-updater sees it, backed by a temp directory. */
export function testAppAdapter(root: string, version: string): TestApp {
  const quitHandlers: ((exitCode: number) => void)[] = [];
  return {
    version,
    name: 'Deskbook',
    isPackaged: true,
    appUpdateConfigPath: path.join(root, 'resources', 'app-update.yml'),
    userDataPath: path.join(root, 'userData'),
    baseCachePath: path.join(root, 'cache'),
    whenReady: () => Promise.resolve(),
    relaunch: () => undefined,
    quit: () => undefined,
    onQuit: (handler) => {
      quitHandlers.push(handler);
    },
    quitHandlers,
  };
}

/**
 * A DebUpdater configured like a packaged app: app-update.yml as electron-builder writes it
 * (generic provider at `feedUrl`), and a fixed staging user id so rollout tests are
 * deterministic (`.updaterId` in userData, the file electron-updater reads).
 */
export async function createNodeUpdater(root: string, options: { feedUrl: string; version: string; stagingUserId: string }) {
  const app = testAppAdapter(root, options.version);
  await mkdir(path.dirname(app.appUpdateConfigPath), { recursive: true });
  await writeFile(app.appUpdateConfigPath, `provider: generic\nurl: ${options.feedUrl}\nchannel: latest\nupdaterCacheDirName: deskbook-updater\n`);
  await mkdir(app.userDataPath, { recursive: true });
  await writeFile(path.join(app.userDataPath, '.updaterId'), options.stagingUserId);
  const updater = new DebUpdater(null, app);
  // electron-updater leaves its executor null when given an app adapter; its own tests set it
  // the same way.
  Object.defineProperty(updater, 'httpExecutor', { value: new NodeHttpExecutor(), writable: false });
  return { updater, app };
}
