import { EMPTY_ADMIN_POLICY } from '../../shared/policy';
import type { AdminPolicy } from '../../shared/policy';
import { readLinuxPolicy } from './linux';
import type { LinuxPolicyDeps } from './linux';
import { readMacPolicy } from './macos';
import type { ReadFileOrNull } from './macos';
import type { RunCommand } from './run-command';
import { readWindowsPolicy } from './windows';

/** Everything the three readers touch, injected (see `createNodePolicyDeps` for the real ones). */
export interface PolicyReaderDeps extends LinuxPolicyDeps {
  run: RunCommand;
  readFile: ReadFileOrNull;
  /** The logged-in user's short name, for macOS per-user managed preferences. */
  userName: string;
  /** Full path of reg.exe, so a planted `reg.exe` earlier on PATH is never run. */
  regExe: string;
}

/**
 * The administrator's policy for this OS, from the one store each OS has: the registry on
 * Windows, managed preferences on macOS, /etc/deskbook/policy.json on Linux. Never throws; what
 * it could not read is in `warnings`. Call once at start-up (policy changes apply on restart).
 */
export async function readAdminPolicy(os: NodeJS.Platform, deps: PolicyReaderDeps): Promise<AdminPolicy> {
  switch (os) {
    case 'win32':
      return readWindowsPolicy(deps.run, deps.regExe);
    case 'darwin':
      return readMacPolicy(deps.readFile, deps.userName);
    case 'linux':
      return readLinuxPolicy(deps);
    default:
      return EMPTY_ADMIN_POLICY;
  }
}
