import { isLink, isPlaceholder, isUuid } from './lookalikes';

/**
 * Whether a token seen without any password keyword ("jdoe / Bluejay#7", "jdoe:Bluejay#7")
 * still has the shape of a password. With no keyword to go by, only tokens that are hard to
 * mistake for anything else count: 6 to 64 characters, a letter, and either a symbol people put
 * in passwords or digits with both cases ("Bluejay7X"). Host names, file names, ticket and asset
 * ids (upper case and digits), hex, dates, versions, links and our own placeholders never count.
 */

/** Symbols that password rules ask for; "." "-" "_" "/" ":" are left out, as names use them. */
const PASSWORD_SYMBOL = /[!#$%^&*+=?~|<>@]/;
const FILE_OR_HOST = /\.[a-z][a-z0-9]{1,5}$/i;
const HEX = /^(?:0x)?[0-9a-f]+$/i;
const VERSION_OR_DATE = /^v?\d+(?:[./-]\d+)+[a-z]?$/i;

export const MIN_PAIR_PASSWORD = 6;
const MAX_PAIR_PASSWORD = 64;

export function looksLikePasswordToken(token: string): boolean {
  if (token.length < MIN_PAIR_PASSWORD || token.length > MAX_PAIR_PASSWORD) return false;
  if (!/\p{L}/u.test(token) || /\s/.test(token)) return false;
  if (isLink(token) || isPlaceholder(token) || isUuid(token)) return false;
  if (HEX.test(token) || VERSION_OR_DATE.test(token) || FILE_OR_HOST.test(token)) return false;
  if (PASSWORD_SYMBOL.test(token)) return true;
  return /\d/.test(token) && /\p{Ll}/u.test(token) && /\p{Lu}/u.test(token);
}
