/**
 * The plaintexts that passed through this main process (sealed, opened, tokens set or read), so
 * main's logger can redact a copy of one in any logged string even when it does not look like a
 * password. Kept in memory only, newest last, at most `limit` values; values shorter than four
 * characters are left out (they would match ordinary text everywhere).
 */
export interface KnownSecrets {
  add(value: string): void;
  values(): readonly string[];
}

export function createKnownSecrets(limit = 500): KnownSecrets {
  const known = new Set<string>();
  let snapshot: readonly string[] = [];
  return {
    add(value) {
      if (value.length < 4) return;
      known.delete(value);
      known.add(value);
      while (known.size > limit) known.delete(known.values().next().value!);
      snapshot = [...known];
    },
    values: () => snapshot,
  };
}
