import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, createAppRequestHandler, hasForbiddenText, isForbiddenSegment, isInside, resolveInside } from './app-protocol';

let dir: string;
let root: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'deskbook-proto-'));
  root = path.join(dir, 'renderer');
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>x</title>');
  writeFileSync(path.join(root, 'assets', 'app.js'), 'export {};');
  writeFileSync(path.join(root, 'assets', 'data.bin'), 'raw');
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

/**
 * The three guards one at a time. Together they are redundant on purpose, which is why a test of
 * the whole (above) passes with any one of them removed: each is pinned here alone, so removing
 * or weakening one fails a test (the mutation audit removed all three and only a direct request
 * for /..%2f..%2fpackage.json noticed).
 */
describe('each guard alone', () => {
  it('hasForbiddenText: NUL, a backslash or a second %-encoding layer, and nothing else', () => {
    for (const text of ['a\0b', 'assets\\app.js', '%2e%2e/x', '%5C', '/..%2F']) expect(hasForbiddenText(text), text).toBe(true);
    for (const text of ['/assets/app.js', '/50%off.txt', '/a%zz', '/%', '/100%a.txt']) expect(hasForbiddenText(text), text).toBe(false);
  });

  it('isForbiddenSegment: .., . and drive letters, not names that merely hold dots or a colon', () => {
    for (const segment of ['..', '.', 'C:', 'z:']) expect(isForbiddenSegment(segment), segment).toBe(true);
    for (const segment of ['...', '.hidden', 'app.js', 'C:x', 'xC:', 'CC:', 'chunk:1.js']) expect(isForbiddenSegment(segment), segment).toBe(false);
  });

  it('isInside: root itself and paths under it, not a sibling that shares its prefix', () => {
    expect(isInside('/r', '/r')).toBe(true);
    expect(isInside('/r', path.join('/r', 'assets', 'app.js'))).toBe(true);
    expect(isInside('/r', '/rx/app.js')).toBe(false);
    expect(isInside('/r', '/')).toBe(false);
    expect(isInside('/r', '/etc/passwd')).toBe(false);
  });

  it('resolveInside refuses a .. that would stay inside root, which only the segment guard sees', () => {
    expect(resolveInside('/r', '/assets/../index.html')).toBeNull();
    expect(resolveInside('/r', '/./index.html')).toBeNull();
    expect(resolveInside('/r', '/C:/index.html')).toBeNull();
    expect(resolveInside('/r', '/50%25off.txt')).toBe(path.resolve('/r/50%off.txt'));
  });

  it('the handler refuses /..%2f..%2fpackage.json, as a direct request (not a normalising fetch) sends it', async () => {
    const handler = createAppRequestHandler(root);
    writeFileSync(path.join(dir, 'package.json'), '{"name":"outside"}');
    for (const p of ['/..%2f..%2fpackage.json', '/..%2fpackage.json', '/assets/..%2f..%2f..%2fpackage.json']) {
      const response = await handler(new Request(`app://deskbook${p}`));
      expect(response.status, p).toBe(404);
      expect(await response.text(), p).toBe('Not found');
    }
  });
});

describe('what the handler sends', () => {
  it('every security header on every file, and octet-stream for a type it does not know', async () => {
    const handler = createAppRequestHandler(root);
    const response = await handler(new Request('app://deskbook/assets/data.bin'));
    expect(Object.fromEntries(response.headers)).toEqual({
      'content-type': 'application/octet-stream',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'cross-origin-opener-policy': 'same-origin',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-cache',
    });
    expect(await response.text()).toBe('raw');
  });

  it('answers HEAD with the headers and no body, and a miss with a plain-text 404', async () => {
    const handler = createAppRequestHandler(root);
    const head = await handler(new Request('app://deskbook/assets/app.js', { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await head.text()).toBe('');
    const get = await handler(new Request('app://deskbook/assets/app.js?v=1#top'));
    expect(await get.text()).toBe('export {};');
    const miss = await handler(new Request('app://deskbook/nope.js'));
    expect(miss.status).toBe(404);
    expect(miss.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await miss.text()).toBe('Not found');
  });
});
