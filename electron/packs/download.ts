/**
 * Downloading the district's signed pack file: https only, no redirects followed, a size cap
 * read as the bytes arrive (a Content-Length can lie or be absent), UTF-8 text or nothing.
 */

/** The part of a fetch `Response` this reads; Node's and Electron's `net.fetch` responses fit. */
export interface PackResponse {
  readonly status: number;
  readonly statusText?: string;
  readonly headers: { get(name: string): string | null };
  readonly body: {
    getReader(): {
      read(): Promise<{ done: boolean; value?: Uint8Array }>;
      cancel(reason?: unknown): Promise<void>;
    };
  } | null;
}

export interface PackRequestInit {
  method: 'GET';
  headers: Record<string, string>;
  redirect: 'manual';
  signal: AbortSignal;
}

/** A `fetch`-like function; `globalThis.fetch` and Electron's `net.fetch` are assignable to it. */
export type PackFetch = (url: string, init: PackRequestInit) => Promise<PackResponse>;

/** What a download came to: the file's text, or a refusal / an unreachable server, with why. */
export type DownloadResult =
  | { ok: true; text: string }
  | { ok: false; kind: 'refused' | 'unreachable'; reason: string };

export const DEFAULT_MAX_PACK_BYTES = 5 * 1024 * 1024;

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Why a pack address may not be used, or null. Plain http would let anyone on the path hold
 * back updates unnoticed (the signature stops forgery, not withholding), so it is allowed only
 * for loopback addresses, which tests and a local mirror use.
 */
export function packUrlProblem(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `the pack address "${url}" is not a URL`;
  }
  if (parsed.username !== '' || parsed.password !== '') return 'the pack address must not contain a user name or password';
  if (parsed.protocol === 'https:') return null;
  if (parsed.protocol === 'http:' && LOOPBACK_HOSTS.has(parsed.hostname)) return null;
  return `the pack address must start with https:// (it is ${parsed.protocol}//${parsed.host}; plain http is allowed only for 127.0.0.1 and localhost)`;
}

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

export interface DownloadOptions {
  fetch: PackFetch;
  maxBytes: number;
  signal: AbortSignal;
}

/**
 * Fetches the file and reads at most `maxBytes` of it. A 5xx or 429 is the server being
 * unwell (try later: unreachable); any other non-200 answer, a redirect included, is something
 * the district must fix at its end (refused, with the status in the reason).
 */
export async function downloadPackFile(url: string, options: DownloadOptions): Promise<DownloadResult> {
  const problem = packUrlProblem(url);
  if (problem) return { ok: false, kind: 'refused', reason: problem };
  let res: PackResponse;
  try {
    res = await options.fetch(url, {
      method: 'GET',
      headers: { Accept: 'application/json' },
      redirect: 'manual',
      signal: options.signal,
    });
  } catch (error) {
    return { ok: false, kind: 'unreachable', reason: `the pack server could not be reached (${networkDetail(error)})` };
  }
  const reader = res.body?.getReader();
  const drop = () => void reader?.cancel().catch(() => undefined);
  if (res.status !== 200) {
    drop();
    const status = `${res.status}${res.statusText ? ` ${res.statusText}` : ''}`;
    if (res.status >= 300 && res.status < 400) {
      const to = res.headers.get('location');
      return { ok: false, kind: 'refused', reason: `the pack server answered ${status} (a redirect${to ? ` to ${to}` : ''}); set the pack address to the file's final https:// address` };
    }
    const kind = res.status >= 500 || res.status === 429 ? 'unreachable' : 'refused';
    return { ok: false, kind, reason: `the pack server answered ${status}` };
  }
  const tooLarge = (seen: string): DownloadResult => ({
    ok: false,
    kind: 'refused',
    reason: `the pack file is too large (${seen}; the limit is ${sizeText(options.maxBytes)})`,
  });
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > options.maxBytes) {
    drop();
    return tooLarge(sizeText(declared));
  }
  if (!reader) return { ok: false, kind: 'refused', reason: 'the pack server answered with an empty file' };
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!value) continue;
      total += value.byteLength;
      if (total > options.maxBytes) {
        drop();
        return tooLarge(`more than ${sizeText(options.maxBytes)}`);
      }
      chunks.push(value);
    }
  } catch (error) {
    return { ok: false, kind: 'unreachable', reason: `the download broke off (${networkDetail(error)})` };
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks)) };
  } catch {
    return { ok: false, kind: 'refused', reason: 'the pack file is not UTF-8 text' };
  }
}

/** The lowest-level code or message of a fetch failure (`ECONNREFUSED`, a timeout…). */
function networkDetail(error: unknown): string {
  let current: unknown = error;
  let detail = 'unknown error';
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth += 1) {
    if ('name' in current && (current.name === 'TimeoutError' || current.name === 'AbortError')) return 'it did not answer in time, or the check was stopped';
    if ('code' in current && typeof current.code === 'string') detail = current.code;
    else if (detail === 'unknown error' && 'message' in current && typeof current.message === 'string') detail = current.message;
    current = 'cause' in current ? current.cause : undefined;
  }
  return detail;
}
