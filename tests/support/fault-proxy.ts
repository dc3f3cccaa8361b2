import { createServer, request as httpRequest } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { mulberry32 } from '../../shared/random';

/**
 * What the proxy does to one request:
 * - `pass`: forward and relay the answer;
 * - `drop-before-forward`: close the client's connection; the upstream never sees the request;
 * - `drop-after-commit`: forward, wait for the upstream's full answer (it has committed), then
 *   close the client's connection without a byte: the "maybe delivered" case;
 * - `error-500`: answer 500 without forwarding;
 * - `rate-limit`: answer 429 with `Retry-After` (default "1") without forwarding;
 * - `delay`: forward, then hold the upstream's answer for `ms` before relaying it;
 * - `answer`: answer with this status, body and headers without forwarding (a refusal in the
 *   server's own words, an HTML sign-in page, a 200 carrying an error).
 */
export type Fault =
  | { kind: 'pass' }
  | { kind: 'drop-before-forward' }
  | { kind: 'drop-after-commit' }
  | { kind: 'error-500' }
  | { kind: 'rate-limit'; retryAfter?: string }
  | { kind: 'delay'; ms: number }
  | { kind: 'answer'; status: number; body: string; headers?: Record<string, string> };

export type FaultKind = Fault['kind'];
export const FAULT_KINDS: readonly FaultKind[] = ['pass', 'drop-before-forward', 'drop-after-commit', 'error-500', 'rate-limit', 'delay', 'answer'];

export interface FaultProxyOptions {
  /** The upstream origin, e.g. `http://127.0.0.1:8080`. */
  upstream: string;
  /** Faults applied in order to matching requests, before any random mix. */
  faults?: Fault[];
  /** A seeded random mix for matching requests once the queue is empty: reproducible runs. */
  mix?: { seed: number; rates: Partial<Record<Exclude<FaultKind, 'pass' | 'answer'>, number>>; delayMs?: number; retryAfter?: string };
  /** Which requests faults apply to; the others always pass. Default: every request. */
  match?: (req: { method: string; path: string }) => boolean;
}

export interface FaultRecord {
  method: string;
  path: string;
  fault: FaultKind;
  /** The upstream's status, when the request was forwarded and answered. */
  upstreamStatus?: number;
}

export interface FaultProxy {
  /** `http://127.0.0.1:<port>`: point the client here instead of the upstream. */
  url: string;
  /** How many times each fault was applied, plus every request seen and every one forwarded. */
  counters: Record<FaultKind, number> & { requests: number; forwarded: number };
  /** One record per request, in arrival order. */
  log: FaultRecord[];
  /** Appends to the explicit fault queue. */
  enqueue(...faults: Fault[]): void;
  /** Replaces which requests faults apply to. */
  setMatch(match: FaultProxyOptions['match']): void;
  close(): Promise<void>;
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'proxy-connection', 'upgrade', 'te', 'trailer']);

/**
 * A loopback HTTP proxy in front of a real server (Request Tracker in the integration tests) that
 * injects network and HTTP faults per request, so retry and reconcile paths are exercised against
 * the real server rather than a mocked client. It listens on 127.0.0.1 only.
 */
export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const upstream = new URL(options.upstream);
  const queue: Fault[] = [...(options.faults ?? [])];
  const random = options.mix ? mulberry32(options.mix.seed) : undefined;
  let match = options.match;
  const counters = Object.fromEntries([...FAULT_KINDS.map((k) => [k, 0]), ['requests', 0], ['forwarded', 0]]) as FaultProxy['counters'];
  const log: FaultRecord[] = [];
  const sockets = new Set<Socket>();

  const pick = (method: string, path: string): Fault => {
    if (match && !match({ method, path })) return { kind: 'pass' };
    const queued = queue.shift();
    if (queued) return queued;
    if (!random || !options.mix) return { kind: 'pass' };
    return pickFromMix(random(), options.mix);
  };

  const forward = (req: IncomingMessage, body: Buffer): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> =>
    new Promise((resolve, reject) => {
      counters.forwarded++;
      const headers = { ...req.headers, host: upstream.host };
      const out = httpRequest(
        { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }));
          res.on('error', reject);
        },
      );
      out.on('error', reject);
      out.end(body);
    });

  const relay = (res: ServerResponse, answer: { status: number; headers: IncomingHttpHeaders; body: Buffer }) => {
    if (res.destroyed) return;
    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(answer.headers)) {
      if (value !== undefined && !HOP_BY_HOP.has(name) && name !== 'content-length') headers[name] = value;
    }
    headers['content-length'] = String(answer.body.length);
    res.writeHead(answer.status, headers);
    res.end(answer.body);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse, body: Buffer) => {
    counters.requests++;
    const method = req.method ?? 'GET';
    const path = req.url ?? '/';
    const fault = pick(method, path);
    counters[fault.kind]++;
    const record: FaultRecord = { method, path, fault: fault.kind };
    log.push(record);
    switch (fault.kind) {
      case 'drop-before-forward':
        req.socket.destroy();
        return;
      case 'error-500':
        sendJson(res, 500, { message: 'fault proxy: injected 500' });
        return;
      case 'rate-limit':
        sendJson(res, 429, { message: 'fault proxy: injected 429' }, { 'Retry-After': fault.retryAfter ?? '1' });
        return;
      case 'answer': {
        const headers = { 'Content-Type': 'application/json', ...fault.headers, 'Content-Length': String(Buffer.byteLength(fault.body)) };
        res.writeHead(fault.status, headers);
        res.end(fault.body);
        return;
      }
      case 'pass':
      case 'drop-after-commit':
      case 'delay': {
        const answer = await forward(req, body);
        record.upstreamStatus = answer.status;
        if (fault.kind === 'drop-after-commit') {
          req.socket.destroy();
          return;
        }
        if (fault.kind === 'delay') await new Promise((resolve) => setTimeout(resolve, fault.ms));
        relay(res, answer);
        return;
      }
    }
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      handle(req, res, Buffer.concat(chunks)).catch((error: unknown) => {
        if (!res.headersSent && !res.destroyed) sendJson(res, 502, { message: `fault proxy: upstream failed: ${String(error)}` });
      });
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    counters,
    log,
    enqueue: (...faults) => {
      queue.push(...faults);
    },
    setMatch: (m) => {
      match = m;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

function pickFromMix(r: number, mix: NonNullable<FaultProxyOptions['mix']>): Fault {
  let threshold = 0;
  for (const kind of FAULT_KINDS) {
    if (kind === 'pass' || kind === 'answer') continue;
    threshold += mix.rates[kind] ?? 0;
    if (r >= threshold) continue;
    if (kind === 'delay') return { kind, ms: mix.delayMs ?? 200 };
    if (kind === 'rate-limit') return { kind, retryAfter: mix.retryAfter ?? '1' };
    return { kind };
  }
  return { kind: 'pass' };
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}
