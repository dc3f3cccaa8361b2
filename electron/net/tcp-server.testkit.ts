// A raw TCP server on 127.0.0.1, for the servers that are wrong below HTTP: a plain-HTTP port
// answering a TLS hello, a port that accepts and never says a word.
import { createServer } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';

export interface TcpServer {
  port: number;
  /** Connections accepted so far. */
  accepted: number;
  /** Ends every open connection, then stops listening. */
  close(): Promise<void>;
}

/**
 * Calls `onFirstBytes` with each connection's first chunk (a TLS ClientHello, here). With no
 * handler the server accepts and stays silent, as a wedged or non-TLS server does.
 */
export async function startTcpServer(onFirstBytes?: (socket: Socket, first: Buffer) => void): Promise<TcpServer> {
  const sockets = new Set<Socket>();
  const state = { accepted: 0 };
  const server = createServer((socket) => {
    state.accepted++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    if (onFirstBytes) socket.once('data', (first: Buffer) => onFirstBytes(socket, first));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    get accepted() {
      return state.accepted;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** What Starlet with HTTP::Parser::XS, nginx or Node's http answer to bytes that are not HTTP. */
export const PLAIN_HTTP_400 = 'HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\nBad Request';
