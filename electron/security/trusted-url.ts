/**
 * Hosts the app may open in the user's browser: the SIS vendor's documentation and the
 * district's own sites. Policy can extend it (the district's ticketing host, for instance).
 */
export const DEFAULT_EXTERNAL_HOSTS: readonly string[] = [
  'community.infinitecampus.com',
  'kb.infinitecampus.com',
  'www.infinitecampus.com',
];

/** True only for an https URL (no credentials, default port) whose host is on the allowlist. */
export function isAllowedExternalUrl(raw: string, allowedHosts: readonly string[] = DEFAULT_EXTERNAL_HOSTS): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:') return false;
  if (url.username || url.password) return false;
  if (url.port !== '') return false;
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  return allowedHosts.some((allowed) => host === allowed.toLowerCase());
}

/** True when `raw` is a page of the app itself; any other navigation is denied. */
export function isAppUrl(raw: string, appOrigin: string): boolean {
  try {
    const url = new URL(raw);
    return `${url.protocol}//${url.host}` === appOrigin;
  } catch {
    return false;
  }
}
