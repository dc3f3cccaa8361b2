import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../shared/log';
import { testHandlers } from '../ipc/handlers.testkit';
import { createRouter } from '../ipc/router';
import { startWebHost } from './server';
import type { WebHost } from './server';

let dir: string;
let host: WebHost;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'deskbook-webhost-'));
  mkdirSync(path.join(dir, 'renderer'));
  writeFileSync(path.join(dir, 'renderer', 'index.html'), '<!doctype html><html><head><title>x</title></head><body></body></html>');
  writeFileSync(path.join(dir, 'bridge.js'), 'window.bridge = 1;');
  host = await startWebHost({
    rendererRoot: path.join(dir, 'renderer'),
    bridgeFile: path.join(dir, 'bridge.js'),
    port: 0,
    createRouter: (origin) =>
      createRouter({
        handlers: testHandlers({ 'app:info': () => ({ name: 'Deskbook', version: '1', platform: 'linux', shell: 'web' }) }),
        allowedOrigin: origin,
        currentRole: () => 'analyst',
        log: createLogger('t', () => {}),
      }),
  });
});
afterAll(async () => {
  await host.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A raw request, so the Host and Origin headers are exactly what a hostile page could send. */
function call(headers: Record<string, string>, body = JSON.stringify({ channel: 'app:info' }), where = '/__deskbook/ipc', method = 'POST'): Promise<{ status: number; body: string }> {
  const url = new URL(where, host.origin);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path: url.pathname, method, headers }, (res) => {
      if (where.includes('events') && res.statusCode === 200) {
        res.once('data', (c: Buffer) => {
          resolve({ status: 200, body: c.toString() });
          req.destroy();
        });
        return;
      }
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('the development host', () => {
  it('listens on loopback only and prints a URL carrying the token in the fragment', () => {
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(host.url).toBe(`${host.origin}/#token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(32);
  });

  it('answers IPC only with the token, its own origin and its own Host', async () => {
    const good = { 'x-deskbook-token': host.token, origin: host.origin, 'content-type': 'application/json' };
    const ok = await call(good);
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, value: { shell: 'web' } });
    expect((await call({ ...good, 'x-deskbook-token': 'guess' })).status).toBe(403);
    expect((await call({ origin: host.origin })).status).toBe(403);
    expect((await call({ ...good, origin: 'http://evil.example' })).status).toBe(403);
    expect((await call({ ...good, host: 'evil.example:80' })).status).toBe(403);
  });

  it('opens the push stream only with the token in a header, from its own origin', async () => {
    const good = { 'x-deskbook-token': host.token, origin: host.origin };
    expect(await call(good, '', '/__deskbook/events')).toEqual({ status: 200, body: ': connected\n\n' });
    expect((await call({}, '', `/__deskbook/events?token=${encodeURIComponent(host.token)}`, 'GET')).status).toBe(403);
    expect((await call(good, '', '/__deskbook/events', 'GET')).status).toBe(405);
    expect((await call({ origin: host.origin }, '', `/__deskbook/events?token=${encodeURIComponent(host.token)}`)).status).toBe(403);
    expect((await call({ ...good, origin: 'http://evil.example' }, '', '/__deskbook/events')).status).toBe(403);
    expect((await call({ ...good, host: 'evil.example:80' }, '', '/__deskbook/events')).status).toBe(403);
  });

  it('turns a malformed body into a typed error, not a crash', async () => {
    const good = { 'x-deskbook-token': host.token, origin: host.origin };
    const bad = await call(good, '{not json');
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect((await call(good)).status).toBe(200);
  });

  it('injects the bridge into the page and serves it with the CSP', async () => {
    const page = await fetch(`${host.origin}/`);
    expect(await page.text()).toContain('<script src="/__deskbook/bridge.js"></script>');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const events = await fetch(`${host.origin}/__deskbook/events?token=wrong`);
    expect(events.status).toBe(403);
  });
});
