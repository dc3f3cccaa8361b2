import { isHighEntropyToken } from './entropy-tokens';
import { isPlaceholder } from './lookalikes';
import type { SecretFinding } from './types';

/**
 * Credentials in a URL's userinfo: "https://jdoe:Bluejay7x@host/", "ftp://admin:pw@10.0.0.5",
 * "smb://DISTRICT;jdoe:Bluejay#7@fileserver/share". The password part is flagged, the user name
 * left visible; a user part alone is flagged only when it is itself a key
 * ("https://ghp_…@github.com/org/repo.git"). Links are otherwise skipped by the other detectors,
 * so this is the only place a secret inside one is found.
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
    // A password may hold an "@" that was never escaped: the userinfo ends at the last one.
    if (password !== undefined && password !== '' && !isPlaceholder(password)) {
      const start = from + user.length + 1;
      found.push({ start, end: start + password.length, kind: 'password-after-keyword' });
    } else if (password === undefined && isHighEntropyToken(user)) {
      found.push({ start: from, end: from + user.length, kind: 'high-entropy-token' });
    }
  }
  return found;
}
