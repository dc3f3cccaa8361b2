// Node's socket errors (the updater's own HTTP in tests and the dev host) and Chromium's net
// errors (Electron's `net`, which electron-updater uses in the app) that mean "no way to the
// update server right now" rather than "the update server or the update is wrong".
const OFFLINE_CODES = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ENETDOWN',
  'EPIPE',
]);
const OFFLINE_NET_ERRORS =
  /net::ERR_(?:INTERNET_DISCONNECTED|NAME_NOT_RESOLVED|NAME_RESOLUTION_FAILED|CONNECTION_REFUSED|CONNECTION_RESET|CONNECTION_CLOSED|CONNECTION_TIMED_OUT|TIMED_OUT|ADDRESS_UNREACHABLE|NETWORK_CHANGED|NETWORK_ACCESS_DENIED|PROXY_CONNECTION_FAILED|TUNNEL_CONNECTION_FAILED)\b/;

/**
 * True when an update check failed only because the machine cannot reach the server: a field
 * technician at a school is offline for hours, and that is no reason to show an error. Looks at
 * `code` (and a wrapped `cause`) and at Chromium's `net::ERR_*` text in the message.
 */
export function isOfflineError(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 4; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && OFFLINE_CODES.has(code)) return true;
    if (OFFLINE_NET_ERRORS.test(e.message)) return true;
    if (/\b(?:ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ENETUNREACH|EHOSTUNREACH)\b/.test(e.message)) return true;
  }
  return false;
}
