import { createServer, connect } from 'node:net';
import type { Server, Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface SwitchablePort {
  /** The loopback port the app is pointed at; the same whether up or down. */
  port: number;
  /** Forward connections to the target, as a network that works. */
  up(): Promise<void>;
  /** Refuse connections (ECONNREFUSED) and cut the open ones, as a network that is gone. */
  down(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A loopback TCP forwarder that can be switched off and on, for "the school's network dropped,
 * then came back" without changing the address the app is configured with (district policy
 * fixes it). Down is real: nothing listens, so connections are refused.
 */
export async function startSwitchablePort(targetPort: number, initially: 'up' | 'down' = 'up'): Promise<SwitchablePort> {
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const s = createServer((client) => {
        const upstream = connect(targetPort, '127.0.0.1');
        for (const sock of [client, upstream]) {
          sockets.add(sock);
          sock.on('close', () => sockets.delete(sock));
          sock.on('error', () => sock.destroy());
        }
        client.pipe(upstream).pipe(client);
        client.on('close', () => upstream.destroy());
        upstream.on('close', () => client.destroy());
      });
      s.once('error', reject);
      s.listen(port, '127.0.0.1', () => {
        port = (s.address() as AddressInfo).port;
        server = s;
        resolve();
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      for (const sock of sockets) sock.destroy();
      if (!server) return resolve();
      server.close(() => resolve());
      server = null;
    });
  await listen();
  if (initially === 'down') await stop();
  return {
    get port() {
      return port;
    },
    up: async () => {
      if (!server) await listen();
    },
    down: stop,
    close: stop,
  };
}
