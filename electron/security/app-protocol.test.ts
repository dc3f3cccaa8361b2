import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, createAppRequestHandler, resolveInside } from './app-protocol';

let dir: string;
let root: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'deskbook-proto-'));
  root = path.join(dir, 'renderer');
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>x</title>');
  writeFileSync(path.join(root, 'assets', 'app.js'), 'export {};');
  writeFileSync(path.join(dir, 'secret.txt'), 'outside the bundle');
  symlinkSync(path.join(dir, 'secret.txt'), path.join(root, 'assets', 'link.txt'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('resolveInside', () => {
  it('maps bundle paths and the root to files under root', () => {
    expect(resolveInside('/r', '/')).toBe(path.resolve('/r/index.html'));
    expect(resolveInside('/r', '/assets/app.js')).toBe(path.resolve('/r/assets/app.js'));
  });

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E/secret.txt',
    '/%252e%252e/secret.txt',
    '/..%2fsecret.txt',
    '/..%5csecret.txt',
    '/assets\\..\\..\\secret.txt',
    '/C:/Windows/win.ini',
    '/%00index.html',
    '/%E0%A4%A',
  ])('refuses %s', (p) => {
    expect(resolveInside('/r', p)).toBeNull();
  });
});

describe('the app:// request handler', () => {
  it('serves bundle files with the CSP and nosniff headers', async () => {
    const handler = createAppRequestHandler(root);
    const response = await handler(new Request('app://deskbook/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
  });

  it('answers 404 for traversal, encoded traversal, directories, missing files and symlinks out of root', async () => {
    const handler = createAppRequestHandler(root);
    for (const p of ['/%2e%2e/secret.txt', '/%252e%252e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/assets', '/nope.js', '/assets/link.txt']) {
      const response = await handler(new Request(`app://deskbook${p}`));
      expect(response.status, p).toBe(404);
    }
  });

  it('refuses methods other than GET and HEAD', async () => {
    const handler = createAppRequestHandler(root);
    const response = await handler(new Request('app://deskbook/index.html', { method: 'POST', body: 'x' }));
    expect(response.status).toBe(405);
  });
});
