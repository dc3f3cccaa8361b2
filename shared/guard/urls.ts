import { isHighEntropyToken } from './entropy-tokens';
import { isPlaceholder } from './lookalikes';
import type { SecretFinding } from './types';

/**
 * Credentials in a URL's userinfo: "https://jdoe:Bluejay7x@host/", "ftp://admin:pw@10.0.0.5",
 * "smb://DISTRICT;jdoe:Bluejay#7@fileserver/share". The password part is flagged, the user name
 * left visible; a user part is flagged only when it is itself a key, with or without a password
 * after it ("https://ghp_…@github.com/org/repo.git"). Links are otherwise skipped by the other
 * detectors, so this is the only place a secret inside one is found.
 */
const SCHEME_END = '://';
const USERINFO = /([^\s/?#@:]*)(?::([^\s/?]*))?@(?=[^\s@/])/y;

export function findUrlCredentials(text: string): SecretFinding[] {
  const found: SecretFinding[] = [];
  for (let at = text.indexOf(SCHEME_END); at !== -1; at = text.indexOf(SCHEME_END, at + 1)) {
    const from = at + SCHEME_END.length;
    USERINFO.lastIndex = from;
    const m = USERINFO.exec(text);
    if (m === null) continue;
    const user = m[1] ?? '';
    const password = m[2];
    // A key is a secret whatever follows it: "ghp_…@", "ghp_…:x-oauth-basic@" and "ghp_…:@"
    // are all ways to clone with a GitHub token.
    if (isHighEntropyToken(user)) found.push({ start: from, end: from + user.length, kind: 'high-entropy-token' });
    // A password may hold an "@" that was never escaped: the userinfo ends at the last one.
    if (password !== undefined && password !== '' && !isPlaceholder(password)) {
      const start = from + user.length + 1;
      found.push({ start, end: start + password.length, kind: 'password-after-keyword' });
    }
  }
  return found;
}
