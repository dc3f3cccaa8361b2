import { createServer } from 'node:tls';
import { afterEach, describe, expect, it } from 'vitest';
import { closedPort } from '../../tests/support/loopback-server';
import { PLAIN_HTTP_400, startTcpServer } from './tcp-server.testkit';
import type { TcpServer } from './tcp-server.testkit';
import { checkTlsHandshake } from './tls-handshake';

let server: TcpServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

const target = (port: number) => ({ host: '127.0.0.1', port });

describe('checkTlsHandshake against real loopback sockets', () => {
  it('a plain-HTTP port answering the hello with 400 is not TLS, and its status line is quoted', async () => {
    server = await startTcpServer((socket) => socket.end(PLAIN_HTTP_400));
    expect(await checkTlsHandshake(target(server.port), AbortSignal.timeout(30_000))).toEqual({ kind: 'not-tls', answer: 'HTTP/1.1 400 Bad Request' });
  });

  it('bytes that are not a TLS record are not TLS, shown as printable characters', async () => {
    server = await startTcpServer((socket) => socket.write(Buffer.from([0x00, 0x01, 0x41, 0x42])));
    expect(await checkTlsHandshake(target(server.port), AbortSignal.timeout(30_000))).toEqual({ kind: 'not-tls', answer: '??AB' });
  });

  it('a server that accepts and never answers the hello has stalled by the deadline', async () => {
    server = await startTcpServer();
    expect(await checkTlsHandshake(target(server.port), AbortSignal.timeout(50))).toEqual({ kind: 'stalled' });
    expect(server.accepted).toBe(1);
  });

  it('a TLS server that refuses the handshake with an alert still speaks TLS', async () => {
    // Without a certificate, Node's TLS server answers the hello with a handshake_failure alert.
    const tls = createServer({});
    await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve));
    const address = tls.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const verdict = await checkTlsHandshake(target(port), AbortSignal.timeout(30_000));
    await new Promise<void>((resolve) => tls.close(() => resolve()));
    expect(verdict).toEqual({ kind: 'tls' });
  });

  it('a refused connection or a close without a byte cannot tell', async () => {
    expect(await checkTlsHandshake(target(await closedPort()), AbortSignal.timeout(30_000))).toEqual({ kind: 'unknown' });
    server = await startTcpServer((socket) => socket.end());
    expect(await checkTlsHandshake(target(server.port), AbortSignal.timeout(30_000))).toEqual({ kind: 'unknown' });
  });
});
