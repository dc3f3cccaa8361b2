import { z } from 'zod';
import { POLICY_FIELDS, POLICY_NAMES } from './keys';
import type { ResolvedPolicy } from './resolve';

const policyNames = Object.values(POLICY_NAMES) as [string, ...string[]];

/**
 * What the Settings screen needs to show managed settings (`policy:get`): per setting, where its
 * value came from and whether it is locked, and every problem an administrator should fix. The
 * values themselves travel in the settings as usual.
 */
export const policyReportSchema = z.object({
  keys: z.record(
    z.enum(POLICY_FIELDS as [string, ...string[]]),
    z.object({ source: z.enum(['policy-enforced', 'user', 'policy-default', 'built-in']), locked: z.boolean() }),
  ),
  problems: z.array(
    z.object({
      key: z.enum(policyNames).nullable(),
      level: z.enum(['enforced', 'recommended', 'source', 'combination']),
      origin: z.string(),
      message: z.string(),
    }),
  ),
});
export type PolicyReport = z.infer<typeof policyReportSchema>;

/** The report for `resolved`, ready to cross IPC. */
export function policyReport(resolved: ResolvedPolicy): PolicyReport {
  return { keys: { ...resolved.keys }, problems: resolved.problems.map((p) => ({ ...p })) };
}
