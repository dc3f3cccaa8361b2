import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { MAX_PAYLOAD_BYTES } from '../../shared/ipc/contract';
import type { Router } from '../ipc/router';
import { createAppRequestHandler, securityHeaders } from '../security/app-protocol';
import { readBody, serveFetchHandler } from './node-adapter';

export interface WebHostOptions {
  /** The built renderer (dist/renderer). */
  rendererRoot: string;
  /** The built browser bridge that defines `window.deskbook` over HTTP (dist/web/bridge.js). */
  bridgeFile: string;
  port: number;
  /** Builds the router once the origin (which depends on the bound port) is known. */
  createRouter: (origin: string) => Router | Promise<Router>;
  token?: string;
}

export interface WebHost {
  url: string;
  origin: string;
  token: string;
  /** Sends a push to every open page. */
  push(event: string, payload: unknown): void;
  close(): Promise<void>;
}

const BRIDGE_PATH = '/__deskbook/bridge.js';

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * The development host for machines without the Electron binary: the built renderer and the
 * real main-process services on 127.0.0.1 only. Every IPC call must carry the per-launch token
 * (given to the page in the URL fragment, never sent in a request line), come from the host's
 * own origin, and name the host itself (no DNS rebinding).
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const serveStatic = createAppRequestHandler(options.rendererRoot);
  const streams = new Set<ServerResponse>();
  let router: Router | null = null;
  let origin = '';

  const authorized = (req: IncomingMessage, presented: string | null): boolean =>
    req.headers.host === new URL(origin).host && presented !== null && sameToken(presented, token);

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname === '/__deskbook/ipc' || url.pathname === '/__deskbook/events') {
      // Both doors take the token in a header (never in a URL, where logs and history keep it),
      // from the host's own origin and naming the host itself.
      const presented = req.headers['x-deskbook-token'];
      if (!authorized(req, typeof presented === 'string' ? presented : null) || req.headers.origin !== origin) {
        return void res.writeHead(403, { 'content-type': 'text/plain' }).end('forbidden');
      }
      if (req.method !== 'POST') return void res.writeHead(405).end();
      if (url.pathname === '/__deskbook/events') {
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
        res.write(': connected\n\n');
        streams.add(res);
        req.on('close', () => streams.delete(res));
        return;
      }
      const body = await readBody(req, MAX_PAYLOAD_BYTES * 2);
      if (!body) return void res.writeHead(413).end();
      let message: { channel?: unknown; input?: unknown };
      try {
        message = JSON.parse(body.toString('utf8')) as { channel?: unknown; input?: unknown };
      } catch {
        message = {};
      }
      const result = await router!.dispatch({ url: origin + '/', isTopFrame: true }, message.channel, message.input);
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      return void res.end(JSON.stringify(result));
    }
    if (url.pathname === BRIDGE_PATH) {
      const script = await readFile(options.bridgeFile);
      res.writeHead(200, securityHeaders('text/javascript; charset=utf-8'));
      return void res.end(script);
    }
    if (url.pathname === '/' || url.pathname === '/index.html') {
      const html = await readFile(path.join(options.rendererRoot, 'index.html'), 'utf8');
      res.writeHead(200, securityHeaders('text/html; charset=utf-8'));
      return void res.end(html.replace('<head>', `<head>\n    <script src="${BRIDGE_PATH}"></script>`));
    }
    return serveFetchHandler(serveStatic, req, res, origin);
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  router = await options.createRouter(origin);

  return {
    url: `${origin}/#token=${token}`,
    origin,
    token,
    push(event, payload) {
      const frame = `data: ${JSON.stringify({ event, payload })}\n\n`;
      for (const stream of streams) stream.write(frame);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const stream of streams) stream.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
