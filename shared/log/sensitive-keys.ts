/**
 * Field names whose values never reach a log, whatever they contain: credentials and student
 * data (docs/architecture.md, Conventions: no secret and no student data in logs).
 */

/** Matched against the key with case and separators removed ("api_key" → "apikey"). */
const SENSITIVE_FRAGMENTS = [
  'password',
  'passwd',
  'passphrase',
  'passcode',
  'secret',
  'token',
  'authorization',
  'cookie',
  'apikey',
  'accesskey',
  'privatekey',
  'signingkey',
  'encryptionkey',
  'recoverykey',
  'credential',
  'sessionid',
  'plaintext',
  'studentname',
  'studentnumber',
  'studentnum',
  'studentno',
  'studentid',
  'studentemail',
  'callbackphone',
  'phonenumber',
  'dateofbirth',
  'birthdate',
  'firstname',
  'lastname',
  'fullname',
  'parentname',
  'guardianname',
] as const;

/** Matched against whole words of the key ("callbackPhone" → "callback", "phone"). */
const SENSITIVE_WORDS: ReadonlySet<string> = new Set([
  'pass',
  'pwd',
  'pw',
  'pin',
  'otp',
  'totp',
  'auth',
  'bearer',
  'ssn',
  'phone',
  'email',
  'address',
  'dob',
]);

/** Words that make "address" a network address, which is useful and not student data. */
const NETWORK_WORDS: ReadonlySet<string> = new Set(['ip', 'ipv4', 'ipv6', 'mac', 'remote', 'local', 'host', 'server', 'socket', 'bind', 'listen']);

/** Splits camelCase, PascalCase, snake_case, kebab-case and "X-Header" keys into lower-case words. */
export function keyWords(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/**
 * True when a field named `key` must be logged as "[redacted]". Keys starting with "sealed" are
 * always sensitive: they hold sealed-note material or handles to it. "ipAddress" and the like are
 * not, so network diagnostics survive.
 */
export function isSensitiveKey(key: string): boolean {
  const words = keyWords(key);
  const flat = words.join('');
  if (flat.startsWith('sealed')) return true;
  if (SENSITIVE_FRAGMENTS.some((fragment) => flat.includes(fragment))) return true;
  return words.some(
    (word) => SENSITIVE_WORDS.has(word) && !(word === 'address' && words.some((w) => NETWORK_WORDS.has(w))),
  );
}
