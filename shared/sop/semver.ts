/**
 * Semantic-version precedence (semver.org §11), small enough to keep here rather than add a
 * dependency: `1.0.0-alpha < 1.0.0-alpha.1 < 1.0.0-beta < 1.0.0-rc.1 < 1.0.0`; build metadata
 * (`+…`) is ignored. The pack schema already checked the syntax; anything else is `null`.
 */

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;

interface Parsed {
  core: [string, string, string];
  pre: string[];
}

function parse(version: string): Parsed | null {
  const match = SEMVER.exec(version);
  if (!match) return null;
  const [, major = '0', minor = '0', patch = '0', pre] = match;
  return { core: [major, minor, patch], pre: pre === undefined ? [] : pre.split('.') };
}

/** Digit strings without leading zeros, compared as numbers of any size. */
function compareNumeric(a: string, b: string): number {
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

const NUMERIC = /^\d+$/;

function compareIdentifier(a: string, b: string): number {
  const aNum = NUMERIC.test(a);
  const bNum = NUMERIC.test(b);
  if (aNum && bNum) return compareNumeric(a, b);
  // Numeric identifiers have lower precedence than alphanumeric ones; others compare in ASCII.
  if (aNum !== bNum) return aNum ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whether `version` is a valid semantic version. */
export function isSemver(version: string): boolean {
  return parse(version) !== null;
}

/**
 * -1, 0 or 1 as `a` has lower, equal or higher precedence than `b`; `null` if either is not a
 * semantic version (callers refuse rather than guess an order).
 */
export function compareSemver(a: string, b: string): -1 | 0 | 1 | null {
  const pa = parse(a);
  const pb = parse(b);
  if (!pa || !pb) return null;
  for (let i = 0; i < 3; i += 1) {
    const order = compareNumeric(pa.core[i] ?? '0', pb.core[i] ?? '0');
    if (order !== 0) return order < 0 ? -1 : 1;
  }
  // A version without prerelease identifiers outranks any prerelease of it.
  if (pa.pre.length === 0 || pb.pre.length === 0) {
    if (pa.pre.length === pb.pre.length) return 0;
    return pa.pre.length === 0 ? 1 : -1;
  }
  const length = Math.max(pa.pre.length, pb.pre.length);
  for (let i = 0; i < length; i += 1) {
    const x = pa.pre[i];
    const y = pb.pre[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const order = compareIdentifier(x, y);
    if (order !== 0) return order < 0 ? -1 : 1;
  }
  return 0;
}
