/** One raw value as a policy source holds it, and where it came from (for reports). */
export interface RawPolicyValue {
  value: unknown;
  /** e.g. `HKLM\Software\Policies\Deskbook`, `/Library/Managed Preferences/org.deskbook.app.plist`. */
  origin: string;
}

/** Raw values by the name an administrator wrote (any case). */
export type PolicyLayer = Readonly<Record<string, RawPolicyValue>>;

/**
 * What the operating system's policy store says, before validation: values the user may not
 * change (`enforced`), defaults the user may override (`recommended`), and anything the reader
 * could not use (an unreadable file, a file with unsafe permissions), in plain words.
 */
export interface AdminPolicy {
  enforced: PolicyLayer;
  recommended: PolicyLayer;
  warnings: readonly PolicySourceWarning[];
  /**
   * A policy source exists but could not be read or parsed (a corrupt plist, invalid JSON, a
   * failing reg.exe), so which keys it locks is unknown. The resolver then locks every key it
   * cannot prove unlocked: failing closed, because failing open would hand users settings the
   * district meant to control.
   */
  unreadable: boolean;
}

export interface PolicySourceWarning {
  origin: string;
  message: string;
}

export const EMPTY_ADMIN_POLICY: AdminPolicy = { enforced: {}, recommended: {}, warnings: [], unreadable: false };

/**
 * Merges policy layers, earlier arguments winning name by name (case-insensitively): machine
 * policy before user policy, as Windows applies HKLM over HKCU.
 */
export function mergePolicyLayers(...layers: readonly PolicyLayer[]): PolicyLayer {
  const merged: Record<string, RawPolicyValue> = {};
  const seen = new Set<string>();
  for (const layer of layers) {
    for (const [name, raw] of Object.entries(layer)) {
      const folded = name.toLowerCase();
      if (seen.has(folded)) continue;
      seen.add(folded);
      merged[name] = raw;
    }
  }
  return merged;
}

/** Builds a layer from plain name → value pairs that share one origin. */
export function layerFrom(values: Readonly<Record<string, unknown>>, origin: string): PolicyLayer {
  const layer: Record<string, RawPolicyValue> = {};
  for (const [name, value] of Object.entries(values)) layer[name] = { value, origin };
  return layer;
}
