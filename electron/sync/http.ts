/**
 * The HTTP seam every connector goes through. Connectors never touch a global `fetch`: main passes
 * Electron's `net.fetch` (proxy-aware), tests pass Node's `fetch` against loopback servers.
 */

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
  log?: SyncLog;
}

export const DEFAULT_TIMEOUT_MS = 15_000;

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
 * and then stalls mid-body is exactly the "maybe delivered" case.
 */
export async function exchange(deps: HttpDeps, url: string, init: HttpRequestInit): Promise<HttpExchange> {
  const timeoutMs = deps.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const signal = (deps.timeoutSignal ?? ((ms: number) => AbortSignal.timeout(ms)))(timeoutMs);
  const started = (deps.now ?? Date.now)();
  try {
    const res = await deps.fetch(url, { ...init, signal });
    const body = await res.text();
    deps.log?.('sync.http', { method: init.method, status: res.status, ms: (deps.now ?? Date.now)() - started });
    return { ok: true, status: res.status, headers: res.headers, body };
  } catch (error) {
    const failure = describeNetworkError(error, signal);
    deps.log?.('sync.http.failed', { method: init.method, kind: failure.kind, code: failure.code ?? '' });
    return { ok: false, failure };
  }
}

const TLS_CODE =
  /^(?:CERT_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_(?:VERIFY|GET)_|ERR_TLS_|ERR_SSL_|EPROTO$|HOSTNAME_MISMATCH|net::ERR_(?:CERT_|SSL_))/;
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
