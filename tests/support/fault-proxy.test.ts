import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFaultProxy } from './fault-proxy';
import type { FaultKind, FaultProxy } from './fault-proxy';
import { sendJson, startLoopbackServer } from './loopback-server';
import type { LoopbackServer } from './loopback-server';

let upstream: LoopbackServer;
let proxy: FaultProxy | undefined;
let created = 0;

beforeEach(async () => {
  created = 0;
  upstream = await startLoopbackServer((req, res) => {
    if (req.method === 'POST') created++;
    sendJson(res, req.method === 'POST' ? 201 : 200, { seen: req.url, body: req.body }, { 'X-Upstream': 'yes' });
  });
});

afterEach(async () => {
  await proxy?.close();
  proxy = undefined;
  await upstream.close();
});

const post = (url: string) => fetch(`${url}/ticket`, { method: 'POST', body: '{"n":1}', headers: { 'Content-Type': 'application/json' } });

describe('fault proxy', () => {
  it('passes requests through with method, path, body, status and headers intact', async () => {
    proxy = await startFaultProxy({ upstream: upstream.url });
    const res = await post(proxy.url);
    expect(res.status).toBe(201);
    expect(res.headers.get('x-upstream')).toBe('yes');
    expect(await res.json()).toEqual({ seen: '/ticket', body: '{"n":1}' });
    expect(proxy.counters).toMatchObject({ requests: 1, forwarded: 1, pass: 1 });
  });

  it('dropping before forwarding fails the client and never reaches the upstream', async () => {
    proxy = await startFaultProxy({ upstream: upstream.url, faults: [{ kind: 'drop-before-forward' }] });
    await expect(post(proxy.url)).rejects.toThrow();
    expect(created).toBe(0);
    expect(proxy.counters).toMatchObject({ 'drop-before-forward': 1, forwarded: 0 });
  });

  it('dropping after commit fails the client although the upstream created the record', async () => {
    proxy = await startFaultProxy({ upstream: upstream.url, faults: [{ kind: 'drop-after-commit' }] });
    await expect(post(proxy.url)).rejects.toThrow();
    expect(created).toBe(1);
    expect(proxy.log[0]).toEqual({ method: 'POST', path: '/ticket', fault: 'drop-after-commit', upstreamStatus: 201 });
  });

  it('answers 500 and 429 with Retry-After without forwarding', async () => {
    proxy = await startFaultProxy({ upstream: upstream.url, faults: [{ kind: 'error-500' }, { kind: 'rate-limit', retryAfter: '42' }] });
    expect((await post(proxy.url)).status).toBe(500);
    const limited = await post(proxy.url);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('42');
    expect(created).toBe(0);
    expect((await post(proxy.url)).status).toBe(201);
  });

  it('delays the answer by the given time', async () => {
    proxy = await startFaultProxy({ upstream: upstream.url, faults: [{ kind: 'delay', ms: 250 }] });
    const started = performance.now();
    expect((await post(proxy.url)).status).toBe(201);
    expect(performance.now() - started).toBeGreaterThanOrEqual(240);
  });

  it('applies faults only to matching requests', async () => {
    proxy = await startFaultProxy({
      upstream: upstream.url,
      faults: [{ kind: 'error-500' }],
      match: (r) => r.method === 'POST',
    });
    expect((await fetch(`${proxy.url}/ticket/1`)).status).toBe(200);
    expect((await post(proxy.url)).status).toBe(500);
  });

  it('a seeded mix makes the same choices on every run, at about the given rates', async () => {
    const run = async (seed: number): Promise<FaultKind[]> => {
      const p = await startFaultProxy({ upstream: upstream.url, mix: { seed, rates: { 'error-500': 0.3, 'rate-limit': 0.2 } } });
      for (let i = 0; i < 60; i++) await fetch(`${p.url}/x`).then((r) => r.arrayBuffer());
      await p.close();
      return p.log.map((r) => r.fault);
    };
    const first = await run(7);
    expect(await run(7)).toEqual(first);
    expect(await run(8)).not.toEqual(first);
    const share = (k: FaultKind) => first.filter((f) => f === k).length / first.length;
    expect(share('error-500')).toBeGreaterThan(0.1);
    expect(share('error-500')).toBeLessThan(0.5);
    expect(share('pass')).toBeGreaterThan(0.3);
  });
});
