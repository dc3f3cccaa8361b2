/**
 * The HTTP seam every connector goes through. Connectors never touch a global `fetch`: main passes
 * Electron's `net.fetch` (proxy-aware), tests pass Node's `fetch` against loopback servers.
 */

import { checkTlsHandshake } from '../net/tls-handshake';
import type { TlsHandshakeCheck } from '../net/tls-handshake';

/** The part of a fetch `Response` connectors read. Node's and Electron's responses satisfy it. */
export interface HttpResponseLike {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
}

/** The part of `RequestInit` connectors send. */
export interface HttpRequestInit {
  method: 'GET' | 'POST' | 'PUT' | 'HEAD';
  headers: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
  /** Always `manual`: a redirect is answered as a 3xx, never followed (see `exchange`). */
  redirect?: 'manual';
}

/** A `fetch`-like function; `globalThis.fetch` and Electron's `net.fetch` are assignable to it. */
export type HttpFetch = (url: string, init: HttpRequestInit) => Promise<HttpResponseLike>;

/** Structured, secret-free diagnostics. Never pass tokens, bodies or student data to it. */
export type SyncLog = (event: string, detail?: Readonly<Record<string, string | number | boolean>>) => void;

/** What every connector takes besides its own settings: I/O, time and logging, all injected. */
export interface HttpDeps {
  fetch: HttpFetch;
  /** Per request, headers and body included. Default 15 s. */
  timeoutMs?: number;
  /** Wall clock in ms, for `Retry-After` dates and signature timestamps. Default `Date.now`. */
  now?: () => number;
  /** Builds the abort signal for one request. Default `AbortSignal.timeout`. */
  timeoutSignal?: (ms: number) => AbortSignal;
  /**
   * How long an `https:` GET or HEAD may go without response headers before main tries the TLS
   * handshake itself, and how long that try waits for the server's hello. Default 3 s.
   */
  handshakeTimeoutMs?: number;
  /** The direct handshake behind `handshakeTimeoutMs`. Default `checkTlsHandshake` (node:tls). */
  checkTls?: TlsHandshakeCheck;
  log?: SyncLog;
}

export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_HANDSHAKE_TIMEOUT_MS = 3_000;

/** How a request failed before any HTTP status came back. */
export type NetworkFailureKind = 'dns' | 'tls' | 'refused' | 'reset' | 'timeout' | 'offline' | 'other';

export interface NetworkFailure {
  kind: NetworkFailureKind;
  /** The lowest-level error code found (`ECONNREFUSED`, `net::ERR_NAME_NOT_RESOLVED`...). */
  code?: string;
  message: string;
}

/** One finished exchange: either a status with its body text, or a network failure. */
export type HttpExchange =
  | { ok: true; status: number; headers: HttpResponseLike['headers']; body: string }
  | { ok: false; failure: NetworkFailure };

/**
 * Sends one request with a deadline covering headers and body, and never throws for I/O: the
 * caller classifies. Reading the body inside the deadline matters because a server that commits
 * and then stalls mid-body is exactly the "maybe delivered" case. An `https:` read that is not
 * answered within the handshake timeout is checked by `tlsWatchdog`.
 */
export async function exchange(deps: HttpDeps, url: string, init: HttpRequestInit): Promise<HttpExchange> {
  const timeoutMs = deps.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const deadline = (deps.timeoutSignal ?? ((ms: number) => AbortSignal.timeout(ms)))(timeoutMs);
  const request = new AbortController();
  const unfollow = follow(deadline, request);
  const watchdog = tlsWatchdog(deps, url, init.method, request);
  const started = (deps.now ?? Date.now)();
  try {
    // Never follow a redirect: a 307 would re-send the token, the signature and sealed notes to
    // wherever the server points, even plain http. A 3xx is classified as a failure instead.
    const res = await deps.fetch(url, { ...init, redirect: 'manual', signal: request.signal });
    watchdog.stop();
    const body = await res.text();
    deps.log?.('sync.http', { method: init.method, status: res.status, ms: (deps.now ?? Date.now)() - started });
    return { ok: true, status: res.status, headers: res.headers, body };
  } catch (error) {
    const failure = watchdog.failure() ?? describeNetworkError(error, deadline);
    deps.log?.('sync.http.failed', { method: init.method, kind: failure.kind, code: failure.code ?? '' });
    return { ok: false, failure };
  } finally {
    watchdog.stop();
    unfollow();
  }
}

/**
 * Aborts `controller` when `signal` fires. A listener, not `AbortSignal.any`: Node can collect a
 * timeout signal that only an `any()` composite refers to, and that composite then never fires
 * (nodejs/node#57736); a timeout signal with an abort listener is kept until it fires.
 */
function follow(signal: AbortSignal, controller: AbortController): () => void {
  const onAbort = () => controller.abort(signal.reason);
  if (signal.aborted) onAbort();
  else signal.addEventListener('abort', onAbort, { once: true });
  return () => signal.removeEventListener('abort', onAbort);
}

const NOT_TLS_HINT = 'is it a plain-HTTP address (http://)?';

/**
 * A TLS hello sent to a plain-HTTP port may get no answer at all: Debian's RT standalone server
 * (Starlet with the pure-Perl HTTP parser) waits up to 300 s for the end of HTTP headers that
 * never come, and fetch then reports a timeout (Node's at its 10 s connect timeout, Electron's at
 * the request deadline), which reads as "the server is slow". So when an `https:` read has had no
 * answer for `handshakeTimeoutMs`, main tries a TLS handshake with the same host itself, bounded
 * by the same time. If that is accepted and answered in plain text, or never answered, the
 * request is abandoned as `tls`; a TLS answer (a slow server) or no connection at all (a network
 * where only the proxy gets out) says nothing, and the request keeps its own deadline.
 *
 * Only GET and HEAD are abandoned: the check dials direct while Electron's `net.fetch` may go
 * through a proxy, and a POST that did get through that other route, reported as `tls` (never
 * sent), would be sent twice. A write follows a read (the queue lookup) in every connector, so a
 * wrong scheme is still caught on the read.
 */
function tlsWatchdog(
  deps: HttpDeps,
  url: string,
  method: HttpRequestInit['method'],
  request: AbortController,
): { failure(): NetworkFailure | undefined; stop(): void } {
  let failure: NetworkFailure | undefined;
  let stopped = false;
  const target = (method === 'GET' || method === 'HEAD') && httpsTarget(url);
  if (!target) return { failure: () => undefined, stop: () => undefined };

  const ms = deps.handshakeTimeoutMs ?? DEFAULT_HANDSHAKE_TIMEOUT_MS;
  const timeoutSignal = deps.timeoutSignal ?? ((t: number) => AbortSignal.timeout(t));
  const checking = new AbortController();
  const unfollows: (() => void)[] = [];

  const check = async () => {
    unfollows.push(follow(timeoutSignal(ms), checking));
    const verdict = await (deps.checkTls ?? checkTlsHandshake)(target, checking.signal);
    if (stopped) return;
    deps.log?.('sync.http.tls-check', { verdict: verdict.kind });
    const where = `${target.host}:${target.port}`;
    if (verdict.kind === 'not-tls') {
      failure = { kind: 'tls', code: 'NOT_TLS', message: `the server at ${where} answered the TLS handshake in plain text ("${verdict.answer}"): ${NOT_TLS_HINT}` };
    } else if (verdict.kind === 'stalled') {
      failure = { kind: 'tls', code: 'HANDSHAKE_TIMEOUT', message: `the server at ${where} accepted the connection but did not answer the TLS handshake within ${ms} ms: ${NOT_TLS_HINT}` };
    } else {
      return;
    }
    request.abort(new Error(failure.message));
  };
  const waited = new AbortController();
  waited.signal.addEventListener('abort', () => void check().catch(() => undefined), { once: true });
  unfollows.push(follow(timeoutSignal(ms), waited));

  const stop = () => {
    if (stopped) return;
    stopped = true;
    for (const unfollow of unfollows) unfollow();
    checking.abort();
  };
  return { failure: () => failure, stop };
}

function httpsTarget(url: string): { host: string; port: number } | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:') return undefined;
  return { host: parsed.hostname.replace(/^\[(.*)\]$/, '$1'), port: parsed.port ? Number(parsed.port) : 443 };
}

const TLS_CODE =
  /^(?:CERT_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_(?:VERIFY|GET)_|ERR_TLS_|ERR_SSL_|EPROTO$|HOSTNAME_MISMATCH|net::ERR_(?:CERT_|SSL_))/;
/** OpenSSL's words for a reply that is not a TLS record, such as a plain-HTTP 400. */
const NOT_TLS_CODES = new Set(['ERR_SSL_WRONG_VERSION_NUMBER', 'ERR_SSL_PACKET_LENGTH_TOO_LONG']);
const BY_CODE: Readonly<Record<string, NetworkFailureKind>> = {
  ENOTFOUND: 'dns',
  EAI_AGAIN: 'dns',
  EAI_FAIL: 'dns',
  EAI_NONAME: 'dns',
  'net::ERR_NAME_NOT_RESOLVED': 'dns',
  'net::ERR_NAME_RESOLUTION_FAILED': 'dns',
  ECONNREFUSED: 'refused',
  'net::ERR_CONNECTION_REFUSED': 'refused',
  ECONNRESET: 'reset',
  EPIPE: 'reset',
  UND_ERR_SOCKET: 'reset',
  UND_ERR_CLOSED: 'reset',
  'net::ERR_CONNECTION_RESET': 'reset',
  'net::ERR_CONNECTION_CLOSED': 'reset',
  'net::ERR_EMPTY_RESPONSE': 'reset',
  ETIMEDOUT: 'timeout',
  UND_ERR_CONNECT_TIMEOUT: 'timeout',
  UND_ERR_HEADERS_TIMEOUT: 'timeout',
  UND_ERR_BODY_TIMEOUT: 'timeout',
  'net::ERR_TIMED_OUT': 'timeout',
  'net::ERR_CONNECTION_TIMED_OUT': 'timeout',
  ENETUNREACH: 'offline',
  EHOSTUNREACH: 'offline',
  ENETDOWN: 'offline',
  'net::ERR_INTERNET_DISCONNECTED': 'offline',
  'net::ERR_NETWORK_CHANGED': 'offline',
  'net::ERR_ADDRESS_UNREACHABLE': 'offline',
};

/**
 * Maps what Node's fetch (undici: `TypeError('fetch failed', { cause: { code } })`) or
 * Electron's `net.fetch` (`net::ERR_*` messages) throws onto a small closed set, so Settings can
 * say "DNS lookup failed" instead of "fetch failed".
 */
export function describeNetworkError(error: unknown, signal?: AbortSignal): NetworkFailure {
  const chain = causeChain(error);
  if (signal?.aborted || chain.some((e) => e.name === 'TimeoutError' || e.name === 'AbortError')) {
    return { kind: 'timeout', code: 'TIMEOUT', message: 'the server did not answer in time' };
  }
  for (const e of [...chain].reverse()) {
    const code = e.code ?? /net::ERR_[A-Z_]+/.exec(e.message)?.[0];
    if (!code) continue;
    const kind = BY_CODE[code] ?? (TLS_CODE.test(code) ? 'tls' : undefined);
    if (kind && NOT_TLS_CODES.has(code)) return { kind, code, message: `the server's answer to the TLS handshake was not TLS: ${NOT_TLS_HINT}` };
    if (kind) return { kind, code, message: e.message || code };
  }
  const deepest = chain[chain.length - 1];
  const message = deepest?.message || 'network request failed';
  if (/other side closed|socket hang up|terminated/i.test(message)) return { kind: 'reset', message };
  return deepest?.code ? { kind: 'other', code: deepest.code, message } : { kind: 'other', message };
}

interface ErrorLink {
  name: string;
  message: string;
  code?: string;
}

function causeChain(error: unknown): ErrorLink[] {
  const links: ErrorLink[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 6 && typeof current === 'object' && current !== null; depth++) {
    const record = current as { name?: unknown; message?: unknown; code?: unknown; cause?: unknown };
    const link: ErrorLink = {
      name: typeof record.name === 'string' ? record.name : '',
      message: typeof record.message === 'string' ? record.message : '',
    };
    if (typeof record.code === 'string') link.code = record.code;
    links.push(link);
    current = record.cause;
  }
  return links;
}
