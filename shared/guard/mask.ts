const BULLET = '\u2022';
const MAX_BULLETS = 8;
/** Below this many characters even the first one is too much of the secret to show. */
const MIN_LENGTH_TO_SHOW_FIRST = 6;

/**
 * A preview of a sealed value for the sealed-note chip, so the analyst can tell two notes apart
 * without the value being on screen: at most the first character, bullets, and the length, e.g.
 * "P••••••• (8)". Short values (PINs) and values starting with whitespace show no real character.
 * Counts code points, so an emoji is one character and is never cut in half.
 */
export function maskSecret(value: string): string {
  const chars = Array.from(value);
  const n = chars.length;
  if (n === 0) return '(empty)';
  const first = chars[0] ?? '';
  const shown = n >= MIN_LENGTH_TO_SHOW_FIRST && !/\s/u.test(first) ? first : '';
  const bullets = BULLET.repeat(Math.min(shown === '' ? n : n - 1, MAX_BULLETS));
  return `${shown}${bullets} (${n})`;
}
