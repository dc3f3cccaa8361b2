import { afterEach, describe, expect, it } from 'vitest';
import { startLoopbackServer } from '../../tests/support/loopback-server';
import type { LoopbackServer } from '../../tests/support/loopback-server';
import { downloadPackFile, packUrlProblem } from './download';

let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const get = (url: string, maxBytes = 1024) => downloadPackFile(url, { fetch: globalThis.fetch, maxBytes, signal: new AbortController().signal });

describe('downloadPackFile', () => {
  it('refuses a file whose Content-Length is over the cap without reading it', async () => {
    server = await startLoopbackServer((_req, res) => {
      res.writeHead(200, { 'Content-Length': 4096 });
      res.end('x'.repeat(4096));
    });
    expect(await get(server.url)).toEqual({ ok: false, kind: 'refused', reason: 'the pack file is too large (4 KB; the limit is 1 KB)' });
  });

  it('stops reading a chunked file once it passes the cap', async () => {
    server = await startLoopbackServer((_req, res) => {
      res.writeHead(200);
      for (let i = 0; i < 10; i += 1) res.write('y'.repeat(512));
      res.end();
    });
    expect(await get(server.url)).toMatchObject({ ok: false, kind: 'refused', reason: expect.stringContaining('too large (more than 1 KB') });
  });

  it('refuses a redirect instead of following it, and bytes that are not UTF-8', async () => {
    server = await startLoopbackServer((req, res) => {
      if (req.url === '/moved') {
        res.writeHead(302, { Location: 'http://elsewhere.example/pack.json' });
        res.end();
        return;
      }
      res.writeHead(200);
      res.end(Buffer.from([0xff, 0xfe, 0x00]));
    });
    expect(await get(`${server.url}/moved`)).toMatchObject({ ok: false, kind: 'refused', reason: expect.stringContaining('302') });
    expect(server.requests).toHaveLength(1);
    expect(await get(server.url)).toEqual({ ok: false, kind: 'refused', reason: 'the pack file is not UTF-8 text' });
  });
});

describe('packUrlProblem', () => {
  it('allows https anywhere and http only on loopback', () => {
    expect(packUrlProblem('https://district.example.org/packs/pack.signed.json')).toBeNull();
    expect(packUrlProblem('http://127.0.0.1:8080/p')).toBeNull();
    expect(packUrlProblem('http://localhost/p')).toBeNull();
    expect(packUrlProblem('http://district.example.org/p')).toContain('must start with https://');
    expect(packUrlProblem('ftp://district.example.org/p')).toContain('must start with https://');
    expect(packUrlProblem('https://user:pw@district.example.org/p')).toContain('user name or password');
    expect(packUrlProblem('packs.json')).toContain('is not a URL');
  });
});
