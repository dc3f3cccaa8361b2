import { createHash } from 'node:crypto';

/** The `prevHash` of the first entry: 64 zeros, so every entry has the same shape. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * JSON with object keys sorted at every depth: the same entry always hashes the same, whatever
 * order its fields were written or parsed in. Only plain data (what JSON can carry) is accepted.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('canonicalJson: numbers must be finite');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  throw new Error(`canonicalJson: cannot encode a ${typeof value}`);
}

/**
 * An entry's hash: SHA-256 (hex) over the previous entry's hash followed by the canonical JSON of
 * the entry itself (every field but `hash`; `seq` and `prevHash` included), so changing, removing,
 * reordering or inserting an entry breaks every hash after it.
 */
export function entryHash(prevHash: string, entryWithoutHash: Readonly<Record<string, unknown>>): string {
  return createHash('sha256').update(prevHash).update(canonicalJson(entryWithoutHash)).digest('hex');
}
