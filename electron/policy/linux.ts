import { EMPTY_ADMIN_POLICY, layerFrom } from '../../shared/policy';
import type { AdminPolicy, PolicySourceWarning } from '../../shared/policy';

export const LINUX_POLICY_FILE = '/etc/deskbook/policy.json';

/** What `lstat` says about a path; null when it does not exist. */
export interface PathInfo {
  uid: number;
  mode: number;
  isFile: boolean;
  isDirectory: boolean;
  isSymbolicLink: boolean;
}

export interface LinuxPolicyDeps {
  lstat(path: string): Promise<PathInfo | null>;
  readText(path: string): Promise<string>;
}

function parentOf(file: string): string {
  const cut = file.lastIndexOf('/');
  return cut <= 0 ? '/' : file.slice(0, cut);
}

/** Why a path cannot be trusted as policy, or null: owned by root, not group/world-writable. */
export function untrustedReason(info: PathInfo, kind: 'file' | 'directory'): string | null {
  if (info.isSymbolicLink) return 'is a symbolic link';
  if (kind === 'file' && !info.isFile) return 'is not a regular file';
  if (kind === 'directory' && !info.isDirectory) return 'is not a directory';
  if (info.uid !== 0) return 'is not owned by root';
  if ((info.mode & 0o022) !== 0) return 'is writable by group or others';
  return null;
}

/**
 * A policy file is there but cannot be trusted: its values are not read, and the policy is marked
 * unreadable so the resolver fails closed (every managed setting locked, no role above analyst).
 * Ignoring it instead would let whoever can write it — or delete it — decide the outcome.
 */
const untrustedResult = (origin: string, why: string): AdminPolicy => ({
  ...EMPTY_ADMIN_POLICY,
  warnings: [{ origin, message: `${why}; not trusted, so managed settings stay locked until district IT makes it root-owned and not writable by others (chown root:root, chmod 644)` }],
  unreadable: true,
});

/**
 * Reads `/etc/deskbook/policy.json`: `{ "enforced": { … }, "recommended": { … } }` with the
 * same names as the Windows and macOS policies. Only a root-owned file, in a root-owned
 * directory, that neither group nor others can write, is trusted — anyone else could otherwise
 * lock a colleague's settings, give themselves a supervisor's role or point the app at their own
 * server. An untrusted file fails closed with a warning saying why. A trusted file that is not valid JSON is a warning and marks the
 * policy unreadable (the resolver fails closed).
 */
export async function readLinuxPolicy(deps: LinuxPolicyDeps, file = LINUX_POLICY_FILE): Promise<AdminPolicy> {
  try {
    return await readTrusted(deps, file);
  } catch (error) {
    return { ...EMPTY_ADMIN_POLICY, warnings: [{ origin: file, message: `cannot be checked (${String(error)})` }], unreadable: true };
  }
}

async function readTrusted(deps: LinuxPolicyDeps, file: string): Promise<AdminPolicy> {
  const info = await deps.lstat(file);
  if (!info) return EMPTY_ADMIN_POLICY;
  const fileProblem = untrustedReason(info, 'file');
  if (fileProblem) return untrustedResult(file, fileProblem);
  const dir = parentOf(file);
  const dirInfo = await deps.lstat(dir);
  const dirProblem = dirInfo ? untrustedReason(dirInfo, 'directory') : 'does not exist';
  if (dirProblem) return untrustedResult(file, `its directory ${dir} ${dirProblem}`);

  let text: string;
  try {
    text = await deps.readText(file);
  } catch (error) {
    return { ...EMPTY_ADMIN_POLICY, warnings: [{ origin: file, message: `cannot be read (${String(error)})` }], unreadable: true };
  }
  return policyFromJsonText(text, file);
}

/**
 * Parses a policy file's text: `{ "enforced": { … }, "recommended": { … } }`. Invalid JSON, a
 * non-object or a section that is not an object marks the policy unreadable (fail closed).
 * Shared by the Linux reader (after its trust checks) and the development host's explicit
 * development policy file.
 */
export function policyFromJsonText(text: string, file: string): AdminPolicy {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const message = error instanceof SyntaxError ? `is not valid JSON (${error.message})` : `cannot be read (${String(error)})`;
    return { ...EMPTY_ADMIN_POLICY, warnings: [{ origin: file, message }], unreadable: true };
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return { ...EMPTY_ADMIN_POLICY, warnings: [{ origin: file, message: 'must be a JSON object with "enforced" and/or "recommended"' }], unreadable: true };
  }
  const warnings: PolicySourceWarning[] = [];
  const sections: Record<'enforced' | 'recommended', Record<string, unknown>> = { enforced: {}, recommended: {} };
  let unreadable = false;
  for (const [key, value] of Object.entries(parsed)) {
    if (key !== 'enforced' && key !== 'recommended') {
      warnings.push({ origin: file, message: `"${key}": only "enforced" and "recommended" are read; ignored` });
      continue;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      warnings.push({ origin: file, message: `"${key}" must be an object of policy names to values` });
      unreadable = true;
      continue;
    }
    sections[key] = value as Record<string, unknown>;
  }
  return {
    enforced: layerFrom(sections.enforced, `${file} (enforced)`),
    recommended: layerFrom(sections.recommended, `${file} (recommended)`),
    warnings,
    unreadable,
  };
}
