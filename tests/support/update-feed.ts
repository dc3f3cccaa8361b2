import { createHash, randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { SeenRequest } from './loopback-server';

/** The release a test update server offers: 0.2.0, a random 300 kB "package" and its SHA-512. */
export const UPDATE_PACKAGE = randomBytes(300_000);
export const UPDATE_PACKAGE_SHA512 = createHash('sha512').update(UPDATE_PACKAGE).digest('base64');
export const UPDATE_PACKAGE_PATH = '/Deskbook-0.2.0-amd64.deb';

/** latest-linux.yml as electron-builder writes it for that release (`extra`: more lines). */
export function latestYml(extra = ''): string {
  return [
    'version: 0.2.0',
    'files:',
    `  - url: ${UPDATE_PACKAGE_PATH.slice(1)}`,
    `    sha512: ${UPDATE_PACKAGE_SHA512}`,
    `    size: ${UPDATE_PACKAGE.length}`,
    `path: ${UPDATE_PACKAGE_PATH.slice(1)}`,
    `sha512: ${UPDATE_PACKAGE_SHA512}`,
    "releaseDate: '2025-09-01T12:00:00.000Z'",
    extra,
  ].join('\n');
}

export interface UpdateServerOptions {
  /**
   * Send the first half of the package slowly (10 chunks 150 ms apart), then wait for this
   * before sending the rest: long enough for electron-updater to report progress (it does at
   * most once a second).
   */
  holdDownload?: Promise<void>;
}

/** A generic-provider update server: latest*.yml and the package, as a static host serves them. */
export function updateServer(yml: string, options: UpdateServerOptions = {}) {
  return async (req: SeenRequest, res: ServerResponse) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    if (/^\/latest(?:-linux(?:-[a-z0-9]+)?)?\.yml$/.test(url.pathname)) {
      res.writeHead(200, { 'content-type': 'text/yaml' }).end(yml);
    } else if (url.pathname === UPDATE_PACKAGE_PATH) {
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(UPDATE_PACKAGE.length) });
      if (!options.holdDownload) return void res.end(UPDATE_PACKAGE);
      const size = Math.ceil(UPDATE_PACKAGE.length / 20);
      for (let i = 0; i < 20; i++) {
        if (i === 10) await options.holdDownload;
        else if (i > 0 && i < 10) await sleep(150);
        res.write(UPDATE_PACKAGE.subarray(i * size, (i + 1) * size));
      }
      res.end();
    } else {
      res.writeHead(404).end();
    }
  };
}
