import { policyReport } from '../../../shared/policy';
import type { InstallKind, ResolvedPolicy, UpdateMode } from '../../../shared/policy';
import type { AuditAnchorReport } from '../../../shared/ipc/contract';
import type { AuditTrail } from '../../audit';
import type { UpdateController } from '../../updates';
import type { DomainHandlers } from './types';

/**
 * `audit:*`: the decision trail, whether its chain is intact, and (`audit:verify`) whether it
 * agrees with the anchors the ticketing system holds (the review service compares them).
 */
export function auditHandlers(audit: AuditTrail, now: () => Date, verify: () => Promise<AuditAnchorReport>): DomainHandlers<'audit'> {
  return {
    'audit:list': async () => {
      const [entries, verification] = await Promise.all([audit.list(), audit.verify()]);
      return { entries, intact: verification.ok, problem: verification.ok ? null : `entry ${verification.brokenAt}: ${verification.reason}` };
    },
    'audit:export': async () => ({ csv: await audit.toCsv(), fileName: `deskbook-audit-${now().toISOString().slice(0, 10)}.csv` }),
    'audit:verify': () => verify(),
  };
}

/** `updates:*`: the updater, or "disabled" where this build has none (dev host, tests). */
export function updatesHandlers(updates: UpdateController | null, mode: () => UpdateMode, installKind: InstallKind): DomainHandlers<'updates'> {
  const disabled = () => ({ state: 'disabled' as const, mode: mode(), installKind });
  return {
    'updates:status': () => updates?.status() ?? disabled(),
    'updates:check': async () => (updates ? updates.check() : disabled()),
    'updates:download': async () => (updates ? updates.download() : disabled()),
    'updates:install': () => ({ started: updates?.installNow() ?? false }),
  };
}

/** `policy:*`: what district IT enforces, for the Settings screen. */
export function policyHandlers(policy: () => ResolvedPolicy): DomainHandlers<'policy'> {
  return { 'policy:get': () => policyReport(policy()) };
}
