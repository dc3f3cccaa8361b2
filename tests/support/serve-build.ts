import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAppRequestHandler } from '../../electron/security/app-protocol';
import { serveFetchHandler } from '../../electron/web-host/node-adapter';

export interface BuildServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  close(): Promise<void>;
}

/**
 * Serves a build from `root` on 127.0.0.1 with the request handler Electron's `app://` protocol
 * uses (path guard, CSP and cache headers): the end-to-end harness serves Deskbook this way, and
 * the bench its baseline page, so both are served alike.
 */
export async function serveBuild(root: string): Promise<BuildServer> {
  const handler = createAppRequestHandler(root);
  let origin = '';
  const server = createServer((req, res) => {
    serveFetchHandler(handler, req, res, origin).catch(() => res.writeHead(500).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
