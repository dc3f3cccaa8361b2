/**
 * Shannon entropy of `text` in bits per character, counted over code points. Random keys score
 * high (base64 of 40 chars: about 5), words and repeated characters low.
 */
export function shannonEntropy(text: string): number {
  const counts = new Map<string, number>();
  let total = 0;
  for (const char of text) {
    counts.set(char, (counts.get(char) ?? 0) + 1);
    total += 1;
  }
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / total;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/**
 * The share of `text` made of word-shaped runs ("Windows", "enrollment": an optional capital
 * then at least three lower-case letters). CamelCase names and file names score above 0.5;
 * random keys, even with high entropy, stay well below (about 4% of random 20-character base62
 * strings reach 0.5, fewer as they get longer).
 */
export function wordiness(text: string): number {
  if (text.length === 0) return 0;
  let inWords = 0;
  for (const m of text.matchAll(/[A-Z]?[a-z]{3,}/g)) inWords += m[0].length;
  return inWords / text.length;
}
