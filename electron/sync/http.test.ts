import { createServer } from 'node:https';
import { afterEach, describe, expect, it } from 'vitest';
import { closedPort, startLoopbackServer } from '../../tests/support/loopback-server';
import type { LoopbackServer } from '../../tests/support/loopback-server';
import { describeNetworkError, exchange } from './http';
import type { HttpDeps } from './http';

const deps = (extra: Partial<HttpDeps> = {}): HttpDeps => ({ fetch: globalThis.fetch, ...extra });
let server: LoopbackServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
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
