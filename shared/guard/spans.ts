import type { SecretFinding, SecretKind } from './types';
import { SECRET_KINDS } from './types';

function priority(kind: SecretKind): number {
  return SECRET_KINDS.indexOf(kind);
}

/**
 * Sorts findings by start and merges any that overlap or touch, so callers can highlight or
 * replace spans left to right without double-counting. A merged span keeps the most specific
 * kind (sealed value, then keyword, then entropy) because that is the best explanation to show.
 * Empty spans are dropped.
 */
export function mergeFindings(findings: readonly SecretFinding[]): SecretFinding[] {
  const sorted = findings
    .filter((f) => f.end > f.start)
    .toSorted((a, b) => a.start - b.start);
  const merged: SecretFinding[] = [];
  for (const f of sorted) {
    const last = merged.at(-1);
    if (last !== undefined && f.start <= last.end) {
      last.end = Math.max(last.end, f.end);
      if (priority(f.kind) < priority(last.kind)) last.kind = f.kind;
    } else {
      merged.push({ ...f });
    }
  }
  return merged;
}

/** True when the half-open spans [aStart, aEnd) and [bStart, bEnd) share at least one unit. */
export function overlaps(aStart: number, aEnd: number, bStart: number, bEnd: number): boolean {
  return aStart < bEnd && bStart < aEnd;
}
