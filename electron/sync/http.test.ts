import { createServer } from 'node:https';
import { afterEach, describe, expect, it } from 'vitest';
import { closedPort, startLoopbackServer } from '../../tests/support/loopback-server';
import type { LoopbackServer } from '../../tests/support/loopback-server';
import { checkTlsHandshake } from '../net/tls-handshake';
import { PLAIN_HTTP_400, startTcpServer } from '../net/tcp-server.testkit';
import type { TcpServer } from '../net/tcp-server.testkit';
import { describeNetworkError, exchange } from './http';
import type { HttpDeps } from './http';

const deps = (extra: Partial<HttpDeps> = {}): HttpDeps => ({ fetch: globalThis.fetch, ...extra });
let server: LoopbackServer | undefined;
let tcp: TcpServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
  await tcp?.close();
  tcp = undefined;
});

describe('exchange against real loopback sockets', () => {
  it('returns status, headers and body of an answer', async () => {
    server = await startLoopbackServer((_req, res) => {
      res.writeHead(418, { 'X-Test': 'yes' });
      res.end('teapot');
    });
    const res = await exchange(deps(), `${server.url}/x`, { method: 'GET', headers: {} });
    expect(res).toMatchObject({ ok: true, status: 418, body: 'teapot' });
    expect(res.ok && res.headers.get('x-test')).toBe('yes');
  });

  it('reports a closed port as connection refused', async () => {
    const port = await closedPort();
    const res = await exchange(deps(), `http://127.0.0.1:${port}/`, { method: 'GET', headers: {} });
    expect(res).toMatchObject({ ok: false, failure: { kind: 'refused', code: 'ECONNREFUSED' } });
  });

  it('reports a socket destroyed before answering as a reset', async () => {
    server = await startLoopbackServer((_req, res) => {
      res.socket?.destroy();
    });
    const res = await exchange(deps(), server.url, { method: 'POST', headers: {}, body: '{}' });
    expect(res).toMatchObject({ ok: false, failure: { kind: 'reset' } });
  });

  it('gives up at the deadline when the server never answers', async () => {
    server = await startLoopbackServer(() => undefined);
    const res = await exchange(deps({ timeoutMs: 150 }), server.url, { method: 'GET', headers: {} });
    expect(res).toMatchObject({ ok: false, failure: { kind: 'timeout' } });
  });

  it('reports https spoken to a plain-http port as a TLS failure', async () => {
    server = await startLoopbackServer((_req, res) => {
      res.end('plain');
    });
    const res = await exchange(deps(), server.url.replace('http:', 'https:'), { method: 'GET', headers: {} });
    expect(res).toMatchObject({ ok: false, failure: { kind: 'tls' } });
  });

  it('reports an unresolvable host as a DNS failure', async () => {
    const res = await exchange(deps({ timeoutMs: 5000 }), 'http://deskbook-probe.invalid/', { method: 'GET', headers: {} });
    expect(res).toMatchObject({ ok: false, failure: { kind: 'dns' } });
  });

  it('reports a failed TLS handshake as a TLS failure', async () => {
    // A TLS server without a certificate aborts the handshake, as a misconfigured one would.
    const tls = createServer({});
    await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve));
    const address = tls.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const res = await exchange(deps(), `https://127.0.0.1:${port}/`, { method: 'GET', headers: {} });
    await new Promise<void>((resolve) => tls.close(() => resolve()));
    expect(res).toMatchObject({ ok: false, failure: { kind: 'tls' } });
  });
});

describe('https spoken to a server that does not answer in TLS', () => {
  // The request deadline is a minute in each of these: only the TLS classification can end them
  // within the test's own 5 s timeout.
  const slow = { timeoutMs: 60_000 };
  const get = { method: 'GET', headers: {} } as const;

  it.each([
    ['an HTTP 400', PLAIN_HTTP_400],
    ['bytes that are not a TLS record', 'hello\r\n'],
  ])('a plain server answering the hello with %s is a TLS failure that suggests http://', async (_what, answer) => {
    tcp = await startTcpServer((socket) => socket.end(answer));
    const res = await exchange(deps(slow), `https://127.0.0.1:${tcp.port}/REST/2.0/rt`, get);
    expect(res).toMatchObject({ ok: false, failure: { kind: 'tls', code: 'ERR_SSL_WRONG_VERSION_NUMBER' } });
    expect(!res.ok && res.failure.message).toContain('http://');
  });

  it('a server that accepts the connection and never answers the hello is a TLS failure (handshake timeout)', async () => {
    tcp = await startTcpServer();
    const res = await exchange(deps({ ...slow, handshakeTimeoutMs: 50 }), `https://127.0.0.1:${tcp.port}/REST/2.0/rt`, get);
    expect(res).toMatchObject({ ok: false, failure: { kind: 'tls', code: 'HANDSHAKE_TIMEOUT' } });
    expect(!res.ok && res.failure.message).toContain(`127.0.0.1:${tcp.port} accepted the connection but did not answer the TLS handshake within 50 ms`);
  });

  it('the check names a plain-text answer it saw', async () => {
    // The request's own hello gets no answer; the check's gets an HTTP 400 (a server that only
    // answers once it has a free worker, say).
    let hellos = 0;
    tcp = await startTcpServer((socket) => {
      if (++hellos > 1) socket.end(PLAIN_HTTP_400);
    });
    // The real check, given seconds rather than the 50 ms that start it: on a loaded machine the
    // 400 can take longer than 50 ms to come back, which would read as a stalled handshake.
    const checkTls: HttpDeps['checkTls'] = (target) => checkTlsHandshake(target, AbortSignal.timeout(5_000));
    const res = await exchange(deps({ ...slow, handshakeTimeoutMs: 50, checkTls }), `https://127.0.0.1:${tcp.port}/`, get);
    expect(res).toMatchObject({ ok: false, failure: { kind: 'tls', code: 'NOT_TLS' } });
    expect(!res.ok && res.failure.message).toContain('answered the TLS handshake in plain text ("HTTP/1.1 400 Bad Request")');
  });

  it('a POST is not abandoned by the check: it keeps its own deadline (a timeout, not tls)', async () => {
    tcp = await startTcpServer();
    const res = await exchange(deps({ timeoutMs: 300, handshakeTimeoutMs: 50 }), `https://127.0.0.1:${tcp.port}/`, { method: 'POST', headers: {}, body: '{}' });
    expect(res).toMatchObject({ ok: false, failure: { kind: 'timeout' } });
    expect(tcp.accepted).toBe(1);
  });

  it('a check that finds TLS (a slow server) leaves the request to its own deadline', async () => {
    tcp = await startTcpServer();
    const checkTls = () => Promise.resolve({ kind: 'tls' } as const);
    const res = await exchange(deps({ timeoutMs: 300, handshakeTimeoutMs: 50, checkTls }), `https://127.0.0.1:${tcp.port}/`, get);
    expect(res).toMatchObject({ ok: false, failure: { kind: 'timeout' } });
  });
});

describe('describeNetworkError', () => {
  it('reads Electron net::ERR_* messages', () => {
    expect(describeNetworkError(new Error('net::ERR_NAME_NOT_RESOLVED'))).toMatchObject({ kind: 'dns' });
    expect(describeNetworkError(new Error('net::ERR_CERT_AUTHORITY_INVALID'))).toMatchObject({ kind: 'tls' });
    expect(describeNetworkError(new Error('net::ERR_INTERNET_DISCONNECTED'))).toMatchObject({ kind: 'offline' });
  });

  it('reads undici causes and abort reasons', () => {
    const cause = Object.assign(new Error('self-signed certificate'), { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
    expect(describeNetworkError(new TypeError('fetch failed', { cause }))).toMatchObject({ kind: 'tls' });
    expect(describeNetworkError(new DOMException('timed out', 'TimeoutError'))).toMatchObject({ kind: 'timeout' });
  });
});
