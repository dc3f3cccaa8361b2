import { parse, parseBinary } from 'plist';
import { layerFrom, mergePolicyLayers } from '../../shared/policy';
import type { AdminPolicy, PolicyLayer, PolicySourceWarning } from '../../shared/policy';

/** The preference domain a configuration profile (build/policy/org.deskbook.app.mobileconfig) targets. */
export const MAC_PREFERENCE_DOMAIN = 'org.deskbook.app';
const MANAGED = '/Library/Managed Preferences';

/** Reads a file's bytes, or null when it does not exist; throws on any other failure. */
export type ReadFileOrNull = (path: string) => Promise<Uint8Array | null>;

/**
 * Parses a property list in either format macOS writes managed preferences in (binary
 * `bplist00` or XML). Throws when it is neither or its top level is not a dictionary.
 */
export function parsePlistDictionary(bytes: Uint8Array): Record<string, unknown> {
  const isBinary = new TextDecoder('latin1').decode(bytes.subarray(0, 8)) === 'bplist00';
  const value: unknown = isBinary ? parseBinary(bytes) : parse(new TextDecoder('utf-8').decode(bytes));
  if (value === null || typeof value !== 'object' || Array.isArray(value) || value instanceof Date || value instanceof Uint8Array) {
    throw new Error('the top level is not a dictionary');
  }
  return value as Record<string, unknown>;
}

/** The managed-preference files for `userName`, device-wide first (it wins). */
export function macPolicyPaths(userName: string): { device: string; user: string | null } {
  const safeUser = /^[A-Za-z0-9._-]+$/.test(userName) && userName !== '.' && userName !== '..' ? userName : null;
  return {
    device: `${MANAGED}/${MAC_PREFERENCE_DOMAIN}.plist`,
    user: safeUser ? `${MANAGED}/${safeUser}/${MAC_PREFERENCE_DOMAIN}.plist` : null,
  };
}

/**
 * Reads Deskbook's managed preferences: only what an MDM (Jamf, Intune…) forces through a
 * configuration profile, which macOS writes under /Library/Managed Preferences and users cannot
 * change. So everything here is enforced; there is no recommended layer on macOS. The
 * device-wide file wins over the per-user one. A missing file is normal; an unreadable or
 * corrupt one is a warning and marks the policy unreadable (the resolver fails closed).
 */
export async function readMacPolicy(readFile: ReadFileOrNull, userName: string): Promise<AdminPolicy> {
  const paths = macPolicyPaths(userName);
  const warnings: PolicySourceWarning[] = [];
  let unreadable = false;
  const layers: PolicyLayer[] = [];
  for (const path of [paths.device, paths.user]) {
    if (!path) continue;
    try {
      const bytes = await readFile(path);
      if (bytes) layers.push(layerFrom(withoutMdmKeys(parsePlistDictionary(bytes)), path));
    } catch (error) {
      warnings.push({ origin: path, message: `cannot be read as a property list: ${error instanceof Error ? error.message : String(error)}` });
      unreadable = true;
    }
  }
  return { enforced: mergePolicyLayers(...layers), recommended: {}, warnings, unreadable };
}

/** Keys macOS itself adds to managed preference files; not Deskbook policies. */
function withoutMdmKeys(dict: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(dict)) {
    if (key === 'PayloadUUID' || key.startsWith('com.apple.')) continue;
    out[key] = value;
  }
  return out;
}
