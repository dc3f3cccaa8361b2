import { createHmac } from 'node:crypto';

/**
 * Deskbook signs its webhook requests by the Standard Webhooks specification
 * (https://www.standardwebhooks.com), so a district's receiver checks them with that project's
 * published libraries instead of code of its own. Header names as the spec spells them.
 */
export const WEBHOOK_ID_HEADER = 'webhook-id';
export const WEBHOOK_TIMESTAMP_HEADER = 'webhook-timestamp';
export const WEBHOOK_SIGNATURE_HEADER = 'webhook-signature';

/** The spec's libraries refuse a timestamp further than this from the receiver's clock (replays). */
export const TIMESTAMP_TOLERANCE_SECONDS = 5 * 60;

/** The spec's serialisation of a symmetric secret: `whsec_<base64 of the key bytes>`. */
export const SECRET_PREFIX = 'whsec_';

/** The spec asks for at least 24 random bytes (192 bits) in a symmetric secret. */
export const MIN_KEY_BYTES = 24;

/** Where the secret is entered, so a refusal names the field a person fixes. */
const SECRET_FIELD = 'Shared signing secret (Settings → Ticketing system)';

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}(?:==)?|[A-Za-z0-9+/]{3}=?)?$/;

/** The configured secret cannot be used as it is; the message names the field and the fix. */
export class WebhookSecretError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WebhookSecretError';
  }
}

/**
 * The HMAC key for a district's shared signing secret:
 * - `whsec_<base64>` (the spec's form, which its libraries take as is) is the decoded bytes, and
 *   must be valid base64 of at least 24 bytes: a receiver's library would decode such a secret,
 *   so reading a broken one as text would only make every request fail to verify, later and
 *   with no word why. Refused with a `WebhookSecretError` that names the field instead.
 * - anything else is a raw secret, as Deskbook took before it followed the spec: its key is its
 *   UTF-8 bytes, so existing set-ups keep working. The receiver passes those same bytes to the
 *   library (`new Webhook(Buffer.from(secret, 'utf8'), { format: 'raw' })`), never the string,
 *   which the library would read as base64.
 */
export function webhookKey(secret: string): Buffer {
  if (!secret.startsWith(SECRET_PREFIX)) {
    if (secret.length === 0) throw new WebhookSecretError(`The ${SECRET_FIELD} is empty: enter it again.`);
    return Buffer.from(secret, 'utf8');
  }
  const encoded = secret.slice(SECRET_PREFIX.length);
  const key = BASE64.test(encoded) ? Buffer.from(encoded, 'base64') : null;
  if (!key || key.length < MIN_KEY_BYTES) {
    throw new WebhookSecretError(
      `The ${SECRET_FIELD} starts with "${SECRET_PREFIX}" but what follows is not base64 of at least ${MIN_KEY_BYTES} bytes: copy it again from the receiver and enter it again.`,
    );
  }
  return key;
}

/**
 * What a request without a body worth signing alone (the lookup, the probe, a note) signs in
 * place of the spec's payload, so that a captured signature does not verify for another path,
 * another ticket id or another query:
 *
 *     <METHOD> "\n" <path> "\n" <query> "\n" <body>
 *
 * `path` and `query` exactly as on the request line (percent-encoded as sent; the query without
 * its `?`, empty when there is none), `body` the raw body (empty for GET). None of the first three
 * can hold a newline, and the body comes last, so the string is unambiguous. The text is not
 * JSON, so receivers verify it with the libraries' `jsonParse: false` / `json_parse=False`.
 */
export function boundContent(method: string, url: string, body: string): string {
  const { pathname, search } = new URL(url);
  return `${method}\n${pathname}\n${search.slice(1)}\n${body}`;
}

/**
 * `v1,<base64 HMAC-SHA256(key, "<id>.<timestamp>.<content>")>`, the spec's symmetric signature.
 * The id must not contain a `.` (the spec's rule: the three parts must split one way only).
 */
export function signStandardWebhook(key: Uint8Array, id: string, timestampSeconds: number, content: string): string {
  if (id.length === 0 || id.includes('.')) throw new Error(`webhook-id '${id}' must be non-empty and hold no '.'`);
  const mac = createHmac('sha256', key).update(`${id}.${timestampSeconds}.${content}`, 'utf8').digest('base64');
  return `v1,${mac}`;
}

/** The three Standard Webhooks headers for one request. */
export function standardWebhookHeaders(key: Uint8Array, id: string, timestampSeconds: number, content: string): Record<string, string> {
  return {
    [WEBHOOK_ID_HEADER]: id,
    [WEBHOOK_TIMESTAMP_HEADER]: String(timestampSeconds),
    [WEBHOOK_SIGNATURE_HEADER]: signStandardWebhook(key, id, timestampSeconds, content),
  };
}
