import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'deskbook';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * The Content-Security-Policy sent as a response header with every document. No inline script,
 * no eval, no remote code; `connect-src` is the app itself (the ticketing server is reached from
 * main, never from the renderer).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

/** True when `candidate` is `root` itself or a path under it (`/r/x`, never `/rx` or `/`). */
export function isInside(root: string, candidate: string): boolean {
  return candidate === root || candidate.startsWith(root + path.sep);
}

/** A decoded path that holds NUL, a backslash or a second layer of %-encoding (`%252e` decoded once). */
export function hasForbiddenText(decoded: string): boolean {
  return decoded.includes('\0') || decoded.includes('\\') || /%[0-9a-f]{2}/i.test(decoded);
}

/** A path segment that means something other than a name: `..`, `.`, or a drive letter (`C:`). */
export function isForbiddenSegment(segment: string): boolean {
  return segment === '..' || segment === '.' || /^[a-z]:$/i.test(segment);
}

/**
 * Maps a request path to a file inside `root`, or null when it would leave it. Decodes once,
 * then refuses anything with `..` segments, backslashes, NUL or drive letters, and finally
 * checks the resolved path is still under root — so `%2e%2e`, `%252e`, `..%5c` all answer 404.
 * Each of the three guards is enough alone for the paths it knows; each is tested alone.
 */
export function resolveInside(root: string, requestPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(requestPath);
  } catch {
    return null;
  }
  if (hasForbiddenText(decoded)) return null;
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.some(isForbiddenSegment)) return null;
  const relative = segments.length === 0 ? 'index.html' : segments.join('/');
  const resolved = path.resolve(root, relative);
  return isInside(path.resolve(root), resolved) ? resolved : null;
}

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}

/** Security headers on every response, documents and assets alike. */
export function securityHeaders(contentType: string): Record<string, string> {
  return {
    'content-type': contentType,
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'cross-origin-opener-policy': 'same-origin',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-cache',
  };
}

/**
 * A fetch-style handler serving the built renderer from `root`. Electron's `protocol.handle`
 * takes it as is; the dev host and the end-to-end tests serve it over loopback HTTP, so the same
 * guard and CSP are what the tests exercise. Symlinks that leave root are refused too.
 */
export function createAppRequestHandler(root: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405 });
    const url = new URL(request.url);
    // Use the raw path so encoded traversal is seen before URL normalisation hides it.
    const rawPath = request.url.slice(request.url.indexOf(url.host) + url.host.length).split(/[?#]/)[0] ?? '/';
    const file = resolveInside(root, rawPath);
    if (!file) return notFound();
    try {
      const real = await realpath(file);
      const realRoot = await realpath(root);
      if (!isInside(realRoot, real)) return notFound();
      if (!(await stat(real)).isFile()) return notFound();
      const body = await readFile(real);
      const type = MIME[path.extname(real).toLowerCase()] ?? 'application/octet-stream';
      return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers: securityHeaders(type) });
    } catch {
      return notFound();
    }
  };
}
