import { mergePolicyLayers } from '../../shared/policy';
import type { AdminPolicy, PolicyLayer, PolicySourceWarning, RawPolicyValue } from '../../shared/policy';
import { parseRegQuery } from './reg-query';
import type { RegKey, RegValue } from './reg-query';
import type { RunCommand } from './run-command';

/** Where Group Policy (ADMX: build/policy/deskbook.admx) writes Deskbook's settings. */
export const WINDOWS_POLICY_KEY = 'Software\\Policies\\Deskbook';
const RECOMMENDED = 'Recommended';

const HIVES = [
  { short: 'HKLM', long: 'HKEY_LOCAL_MACHINE' },
  { short: 'HKCU', long: 'HKEY_CURRENT_USER' },
] as const;

interface HiveLayers {
  enforced: PolicyLayer;
  recommended: PolicyLayer;
}

function rawValue(value: RegValue, origin: string): RawPolicyValue {
  const supported = ['REG_SZ', 'REG_EXPAND_SZ', 'REG_DWORD', 'REG_QWORD', 'REG_MULTI_SZ'].includes(value.type);
  // An unsupported type stays in the layer as something no schema accepts, so the resolver
  // reports it and keeps an enforced key locked instead of silently dropping it.
  return { value: supported ? value.data : { unsupportedRegistryType: value.type }, origin };
}

/**
 * Sorts the keys `reg query <hive>\Software\Policies\Deskbook /s` printed into enforced values
 * (the key itself), recommended values (its `Recommended` subkey) and list policies written
 * Chrome-style as a subkey of numbered values (`...\Deskbook\AllowedExternalHosts\1`, `2`…).
 */
export function layersFromRegKeys(keys: readonly RegKey[], hive: { short: string; long: string }): HiveLayers {
  const root = `${hive.long}\\${WINDOWS_POLICY_KEY}`.toLowerCase();
  const enforced: Record<string, RawPolicyValue> = {};
  const recommended: Record<string, RawPolicyValue> = {};
  for (const key of keys) {
    // reg.exe prints full hive names; accept the short form too, in case a build prints it.
    const full = key.path.replace(new RegExp(`^${hive.short}(?=\\\\|$)`, 'i'), hive.long);
    const path = full.toLowerCase();
    if (path !== root && !path.startsWith(`${root}\\`)) continue;
    const origin = `${hive.short}${full.slice(hive.long.length)}`;
    const rest = full.slice(root.length + 1).split('\\').filter((s) => s !== '');
    const isRecommended = rest[0]?.toLowerCase() === RECOMMENDED.toLowerCase();
    const target = isRecommended ? recommended : enforced;
    const sub = isRecommended ? rest.slice(1) : rest;
    if (sub.length === 0) {
      for (const value of key.values) target[value.name] = rawValue(value, origin);
    } else if (sub.length === 1 && sub[0]) {
      const items = [...key.values]
        .sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }))
        .map((v) => (typeof v.data === 'string' ? v.data : String(v.data)));
      target[sub[0]] = { value: items, origin };
    }
  }
  return { enforced, recommended };
}

/** Whether `parent`'s listing (`reg query <parent>`, no /s) names `child` as a subkey. */
function listsSubkey(stdout: string, parentLong: string, child: string): boolean {
  const wanted = `${parentLong}\\${child}`.toLowerCase();
  return parseRegQuery(stdout).some((key) => key.path.toLowerCase() === wanted);
}

/**
 * Reads Deskbook's Group Policy from the registry with `reg.exe` (the command runner is
 * injected, so the parsing is tested with captured output on any OS). Machine policy (HKLM)
 * wins over user policy (HKCU), as Windows applies them.
 *
 * "No policy" is decided from exit codes and key paths only, never from reg.exe's messages,
 * which Windows translates ("ERROR: El sistema no pudo encontrar…" on a Spanish Windows): the
 * parent keys `Software` and `Software\Policies`, which every Windows has, are listed first, and a
 * Deskbook key they do not name is no policy. Any other failure is a warning and marks the
 * policy unreadable, so the resolver fails closed.
 */
export async function readWindowsPolicy(run: RunCommand, regExe = 'reg.exe'): Promise<AdminPolicy> {
  const warnings: PolicySourceWarning[] = [];
  let unreadable = false;
  const perHive: HiveLayers[] = [];
  for (const hive of HIVES) {
    const origin = `${hive.short}\\${WINDOWS_POLICY_KEY}`;
    const fail = (message: string) => {
      warnings.push({ origin, message });
      unreadable = true;
    };
    try {
      // Walk down Software → Policies → Deskbook; a level that does not list the next is "none".
      let present = true;
      for (const [parent, child] of [['Software', 'Policies'], ['Software\\Policies', 'Deskbook']] as const) {
        const listing = await run(regExe, ['query', `${hive.short}\\${parent}`]);
        if (listing.code !== 0) {
          fail(`reg.exe could not list ${hive.short}\\${parent} (exit code ${String(listing.code)}): ${listing.stderr.trim()}`);
          present = false;
          break;
        }
        if (!listsSubkey(listing.stdout, `${hive.long}\\${parent}`, child)) {
          present = false;
          break;
        }
      }
      if (!present) continue;
      const result = await run(regExe, ['query', origin, '/s']);
      if (result.code === 0) perHive.push(layersFromRegKeys(parseRegQuery(result.stdout), hive));
      else fail(`reg.exe could not read the policy key (exit code ${String(result.code)}): ${result.stderr.trim()}`);
    } catch (error) {
      fail(`reg.exe could not be run: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return {
    enforced: mergePolicyLayers(...perHive.map((h) => h.enforced)),
    recommended: mergePolicyLayers(...perHive.map((h) => h.recommended)),
    warnings,
    unreadable,
  };
}
