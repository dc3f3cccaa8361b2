import { z } from 'zod';
import { DEFAULT_DISTRICT_POLICY } from '../sla/district';
import { slaPolicySchema } from '../sla/policy';
import { ROLES } from './roles';

export const connectorKindSchema = z.enum(['none', 'request-tracker', 'webhook']);
export type ConnectorKind = z.infer<typeof connectorKindSchema>;

const HTTPS_OR_LOOPBACK = /^(?:https:\/\/[^\s/?#@]+|http:\/\/(?:127\.0\.0\.1|localhost|\[::1\])(?::\d{1,5})?)(?:[/?#]\S*)?$/i;

/** https, or plain http to this machine's loopback only (local testing). */
const httpsOrLoopback = z
  .string()
  .trim()
  .regex(HTTPS_OR_LOOPBACK, 'URL: must be an https:// address (plain http only for 127.0.0.1 while testing)');

/** Where tickets go. The token lives in the vault and never crosses IPC. */
export const connectorSettingsSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({
    kind: z.literal('request-tracker'),
    url: httpsOrLoopback,
    queue: z.string().trim().min(1, 'Queue: name the Request Tracker queue tickets go to'),
  }),
  z.object({ kind: z.literal('webhook'), url: httpsOrLoopback }),
]);
export type ConnectorSettings = z.infer<typeof connectorSettingsSchema>;

export const userProfileSchema = z.object({
  id: z.string().trim().min(1, 'User id: required').max(64),
  name: z.string().trim().min(1, 'Name: required').max(120),
  role: z.enum(ROLES),
  /** One of the district's Authorized Support Contacts for the SIS vendor. */
  authorizedContact: z.boolean(),
});
export type UserProfile = z.infer<typeof userProfileSchema>;

export const settingsSchema = z.object({
  user: userProfileSchema,
  connector: connectorSettingsSchema,
  /** Days a sealed note is kept after its ticket was delivered. */
  sealedNoteRetentionDays: z.number().int().min(0).max(365),
  /** The district help desk's SLA: its calendar (zone, hours, holidays, closures) and targets. */
  districtSla: slaPolicySchema,
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  user: { id: 'analyst', name: 'Help desk analyst', role: 'analyst', authorizedContact: false },
  connector: { kind: 'none' },
  sealedNoteRetentionDays: 7,
  districtSla: DEFAULT_DISTRICT_POLICY,
};

/** What settings:get returns: the settings and whether a token is stored (never the token). */
export const settingsViewSchema = settingsSchema.extend({
  token: z.object({ stored: z.boolean(), preview: z.string().nullable() }),
});
export type SettingsView = z.infer<typeof settingsViewSchema>;

export const settingsUpdateSchema = settingsSchema.partial();

/**
 * "Test connection": ok, or the first thing that failed, in plain words. `warnings`: what works
 * but puts sealed notes at risk (RT e-mailing internal comments, an account that reads beyond its
 * queue), each saying what to change; they never make `ok` false.
 */
export const connectionReportSchema = z.object({
  ok: z.boolean(),
  problem: z.string().nullable(),
  message: z.string(),
  warnings: z.array(z.string()).default([]),
});
export type ConnectionReport = z.infer<typeof connectionReportSchema>;
