import { exchange } from '../http';
import type { HttpDeps, HttpRequestInit, NetworkFailure } from '../http';
import { classifyNetworkFailure, classifyStatus, serverMessage } from '../outcome';
import type { FailureOutcome } from '../outcome';

/**
 * How to reach one ServiceNow instance. `basic`: the vault holds the integration user's password
 * (`Authorization: Basic base64(user:password)`). `oauth`: the vault holds an OAuth access token
 * (`Authorization: Bearer …`); Deskbook does not run the OAuth flow itself, so district IT
 * issues the token (an OAuth application registry entry) and enters it again when it expires.
 */
export interface SnClient {
  deps: HttpDeps;
  /** The instance's root, e.g. `https://district.service-now.com`, no trailing slash. */
  base: string;
  auth: 'basic' | 'oauth';
  username: string;
  token: () => Promise<string>;
}

/** Why a 2xx answer could not be used: said to people, and to the probe. */
export type ContractProblem = 'html' | 'not-json' | 'failure-status' | 'no-result';

/**
 * One Table API call: the `result` of a usable 2xx answer, or a classified failure. `contract`
 * marks a 2xx that broke the contract (a web page, a `status: "failure"`, no `result`): never
 * a success, always a retry, "maybe delivered" for a write.
 */
export type SnResult =
  | { ok: true; status: number; result: unknown }
  | { ok: false; outcome: FailureOutcome; status?: number; network?: NetworkFailure; contract?: ContractProblem };

/** A record's sys_id: 32 lowercase hex characters. */
export const SYS_ID = /^[0-9a-f]{32}$/;

export function isSysId(value: string): boolean {
  return SYS_ID.test(value);
}

/** The failure for an id that is not a sys_id (another system's ticket number, say): never sent. */
export function notSysId(remoteId: string): FailureOutcome {
  return { kind: 'failed', message: `'${remoteId.slice(0, 60)}' is not a ServiceNow sys_id (32 hex characters), so it cannot name an incident here` };
}

/**
 * The instance root from Settings: scheme, host and any path before `/api/now` or a UI page, so
 * a pasted `https://x.service-now.com/now/nav/ui/home` still works. Undefined for a non-URL.
 */
export function instanceBase(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return undefined;
  }
  const path = parsed.pathname.replace(/\/(?:api\/now|now\/nav|nav_to\.do|[\w-]+\.do)(?:\/.*)?$/, '').replace(/\/+$/, '');
  return `${parsed.origin}${path}`;
}

/** The page a person opens for an incident (the classic UI's `nav_to.do`, kept in the frame). */
export function incidentUrl(base: string, sysId: string): string {
  return `${base}/nav_to.do?uri=${encodeURIComponent(`/incident.do?sys_id=${sysId}`)}`;
}

/**
 * ServiceNow's own words from an error body, `{ "error": { "message", "detail" }, "status":
 * "failure" }`: "message: detail". A web page (a proxy, a hibernating instance) gives its title,
 * never its markup; anything else goes through `serverMessage`.
 */
export function serviceNowMessage(body: string): string {
  const text = body.trim();
  if (!text) return '';
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && 'error' in parsed) {
      const error = (parsed as { error: unknown }).error;
      if (typeof error === 'string') return error.slice(0, 300);
      if (typeof error === 'object' && error !== null) {
        const { message, detail } = error as { message?: unknown; detail?: unknown };
        const parts = [message, detail].filter((p): p is string => typeof p === 'string' && p.trim() !== '').map((p) => p.replace(/\s+/g, ' ').trim());
        const unique = parts.filter((p, i) => parts.indexOf(p) === i);
        if (unique.length > 0) return unique.join(': ').slice(0, 300);
      }
    }
  } catch {
    // not JSON: a page or plain text
  }
  if (looksLikeHtml(text)) {
    const title = /<title[^>]*>([^<]*)<\/title>/i.exec(text)?.[1]?.replace(/\s+/g, ' ').trim();
    return title ? `a web page titled "${title.slice(0, 120)}"` : 'a web page';
  }
  return serverMessage(text);
}

export function looksLikeHtml(body: string): boolean {
  return /^\s*(?:<!doctype html|<html|<head|<body|<\?xml)/i.test(body) || /<\/(?:html|body|title)>/i.test(body);
}

/** The sign-in header, or why there is none (nothing is sent then). */
async function authorization(client: SnClient): Promise<{ ok: true; value: string } | { ok: false; outcome: FailureOutcome }> {
  const secret = await client.token();
  if (client.auth === 'oauth') {
    if (!secret.trim()) return { ok: false, outcome: { kind: 'auth', status: 401, message: 'No ServiceNow OAuth access token is stored: enter one in Settings' } };
    return { ok: true, value: `Bearer ${secret.trim()}` };
  }
  if (!client.username) return { ok: false, outcome: { kind: 'failed', message: 'User name: basic sign-in needs the ServiceNow user name (Settings)' } };
  if (client.username.includes(':')) return { ok: false, outcome: { kind: 'failed', message: "User name: must not contain ':' (HTTP basic sign-in cannot carry it)" } };
  if (!secret) return { ok: false, outcome: { kind: 'auth', status: 401, message: 'No ServiceNow password is stored: sign in again in Settings' } };
  return { ok: true, value: `Basic ${Buffer.from(`${client.username}:${secret}`, 'utf8').toString('base64')}` };
}

/**
 * One Table API request to `<base>/api/now/table/<path>`. `mutating` marks writes, whose
 * ambiguous failures "may have delivered". Never throws for HTTP or network failures.
 *
 * A 403 that ServiceNow words as a data policy refusal ("Data Policy Exception") is `failed`,
 * not `auth`: signing in again cannot fix a mandatory field. Every other 403 (an ACL) is `auth`.
 */
export async function snCall(
  client: SnClient,
  method: HttpRequestInit['method'],
  path: string,
  options: { body?: Record<string, string>; mutating?: boolean } = {},
): Promise<SnResult> {
  const auth = await authorization(client);
  if (!auth.ok) return { ok: false, outcome: auth.outcome };
  const headers: Record<string, string> = { Authorization: auth.value, Accept: 'application/json' };
  const init: HttpRequestInit = { method, headers };
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json; charset=utf-8';
    init.body = JSON.stringify(options.body);
  }
  const mutating = options.mutating ?? false;
  const res = await exchange(client.deps, `${client.base}/api/now/table/${path}`, init);
  if (!res.ok) return { ok: false, outcome: classifyNetworkFailure(res.failure, { mutating }), network: res.failure };
  const words = serviceNowMessage(res.body);
  if (res.status >= 300 && res.status < 400 && /hibernat|developer\.servicenow\.com/i.test(res.headers.get('location') ?? '')) {
    // A sleeping developer instance may send API calls to its wake-up page: nothing was done.
    return {
      ok: false,
      status: res.status,
      contract: 'html',
      outcome: { kind: 'retry', reason: `ServiceNow redirected to its wake-up page (HTTP ${res.status}): the instance is hibernating; wake it at developer.servicenow.com`, maybeDelivered: false },
    };
  }
  if (res.status < 200 || res.status > 299) {
    if (res.status === 403 && /data policy exception/i.test(words)) {
      return { ok: false, status: 403, outcome: { kind: 'failed', status: 403, message: `ServiceNow refused it by a data policy (HTTP 403): ${words}` } };
    }
    const now = (client.deps.now ?? Date.now)();
    return { ok: false, status: res.status, outcome: classifyStatus(res.status, res.headers, words, { mutating, now }) };
  }
  if (res.status === 204 || !res.body.trim()) return { ok: true, status: res.status, result: null };
  const broken = (contract: ContractProblem, reason: string): SnResult => ({
    ok: false,
    status: res.status,
    contract,
    outcome: { kind: 'retry', reason: `ServiceNow answered HTTP ${res.status}, but ${reason}`, maybeDelivered: mutating },
  });
  let parsed: unknown;
  try {
    parsed = JSON.parse(res.body);
  } catch {
    return looksLikeHtml(res.body)
      ? broken('html', `with ${words || 'a web page'}, not JSON: the instance may be hibernating (a developer instance sleeps when unused) or the URL may not be the instance's`)
      : broken('not-json', 'its answer was not JSON');
  }
  if (typeof parsed !== 'object' || parsed === null) return broken('no-result', 'its answer had no result');
  if ((parsed as { status?: unknown }).status === 'failure') return broken('failure-status', `said the request failed${words ? `: ${words}` : ''}`);
  if (!('result' in parsed)) return broken('no-result', 'its answer had no result');
  return { ok: true, status: res.status, result: (parsed as { result: unknown }).result };
}

/** Builds `table?sysparm_…` with every value encoded. */
export function tablePath(table: string, params: Record<string, string>, sysId?: string): string {
  const query = new URLSearchParams(params).toString();
  return `${table}${sysId ? `/${sysId}` : ''}${query ? `?${query}` : ''}`;
}
