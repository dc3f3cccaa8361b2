import { z } from 'zod';
import { callLogRequestSchema } from '../call-log/schema';
import { sealedNoteRefSchema } from '../escalation/schema';
import type { ChannelName, EventName } from './channels';
import type { Role } from './roles';
import {
  connectionReportSchema,
  settingsUpdateSchema,
  settingsViewSchema,
} from './settings';
import { decisionOutcomeSchema, deliverRequestSchema, deliveryOutcomeSchema } from './sync';
export type { DecisionResult } from './sync';
import { policyReportSchema } from '../policy/report';
import { districtPackSchema, packStatusSchema } from './packs';
import { updateStatusSchema } from '../policy/update';
import {
  decisionRequestSchema,
  resubmitRequestSchema,
  reviewDetailSchema,
  reviewPageSchema,
  reviewStatusSchema,
} from '../review/schema';

export { ROLES } from './roles';
export type { Role } from './roles';

export interface ChannelSpec {
  input: z.ZodType;
  output: z.ZodType;
  /** Roles allowed to call; absent means every signed-in role. */
  roles?: readonly Role[];
}

const none = z.undefined();

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.enum(['win32', 'darwin', 'linux', 'other']),
  /** `electron` in the desktop app; `web` in the development host (`npm run start:web`). */
  shell: z.enum(['electron', 'web']),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const netStatusSchema = z.object({
  /** `online`: the ticketing endpoint answered; `unconfigured`: no endpoint is set. */
  state: z.enum(['online', 'offline', 'unconfigured']),
  /** Plain words for the banner, e.g. "Request Tracker at rt.district.org did not answer". */
  detail: z.string(),
  checkedAt: z.iso.datetime().nullable(),
});
export type NetStatus = z.infer<typeof netStatusSchema>;

export const vaultStatusSchema = z.object({
  available: z.boolean(),
  /** Which store protects secrets, e.g. "Windows DPAPI", "macOS Keychain", "development store". */
  backend: z.string(),
  /** Why the vault is unavailable, in plain words, when it is. */
  reason: z.string().nullable(),
});
export type VaultStatus = z.infer<typeof vaultStatusSchema>;

const SUPERVISORS = ['supervisor'] as const satisfies readonly Role[];


export const auditEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  decidedAt: z.string(),
  actor: z.object({ id: z.string(), name: z.string(), role: z.string() }),
  machine: z.string(),
  action: z.enum(['approve', 'return', 'forward', 'vendor-case']),
  remoteId: z.string(),
  requestId: z.string(),
  decisionId: z.string(),
  detail: z.string(),
  hash: z.string(),
});
export type AuditEntry = z.output<typeof auditEntrySchema>;

/** The audit trail and whether its hash chain is intact. */
export const auditListSchema = z.object({
  entries: z.array(auditEntrySchema),
  intact: z.boolean(),
  problem: z.string().nullable(),
});

/**
 * The local trail compared with the anchors the ticketing system holds (each decision's comment
 * carries the chain's head hash after its entry):
 * - `matches`: every entry agrees with the anchors, and none is missing here;
 * - `differs`: `message` names the first entry that differs, a missing or an unanchored tail;
 * - `unanchored`: the trail has entries but the ticketing system holds no anchor of it (entries
 *   recorded before anchoring), so only the chain itself could be checked;
 * - `unavailable`: the anchors could not be read, or this connector cannot hold them (webhook).
 */
export const auditAnchorReportSchema = z.object({
  state: z.enum(['matches', 'differs', 'unanchored', 'unavailable']),
  /** One sentence a supervisor can act on. */
  message: z.string(),
  /** The place (`seq`) of the first entry that differs or is missing; null when there is none. */
  firstDifference: z.number().int().positive().nullable(),
  /** Entries in the local trail, and anchors of this trail the ticketing system holds. */
  entries: z.number().int().nonnegative(),
  anchors: z.number().int().nonnegative(),
  /** Worth knowing but not a difference: gaps another anchor covers, other trails on this computer. */
  notes: z.array(z.string()),
});
export type AuditAnchorReport = z.output<typeof auditAnchorReportSchema>;

/**
 * Every channel: input and output schemas. Main parses input with `input` and checks its own
 * output with `output`; the renderer's types come from here by `z.input`/`z.output` only.
 */
export const CHANNELS = {
  'app:info': { input: none, output: appInfoSchema },
  'net:status': { input: none, output: netStatusSchema },
  'net:check': { input: none, output: netStatusSchema },
  'settings:get': { input: none, output: settingsViewSchema },
  'settings:update': { input: settingsUpdateSchema, output: settingsViewSchema },
  'settings:setToken': { input: z.object({ token: z.string().min(1).max(4096) }), output: settingsViewSchema },
  'settings:test': { input: none, output: connectionReportSchema },
  'vault:status': { input: none, output: vaultStatusSchema },
  'vault:seal': {
    input: z.object({ label: z.string().trim().min(1).max(80), plaintext: z.string().min(1).max(2000) }),
    output: sealedNoteRefSchema,
  },
  'vault:discard': { input: z.object({ handle: z.string().min(1).max(100) }), output: z.object({ discarded: z.boolean() }) },
  'vault:check': {
    input: z.object({
      handles: z.array(z.string().min(1).max(100)).max(10),
      fields: z.array(z.object({ path: z.string().min(1).max(64), text: z.string().max(10_000) })).max(20),
    }),
    output: z.object({
      /** Per field: whether it contains the text of one of the checked notes. No positions. */
      fields: z.array(z.object({ path: z.string(), sealedValue: z.boolean() })),
      /** Handles main would not check here (not sealed in this run); main checks them on delivery. */
      unchecked: z.array(z.string()),
    }),
  },
  'sync:deliver': { input: deliverRequestSchema, output: deliveryOutcomeSchema },
  'sync:resubmit': { input: resubmitRequestSchema, output: deliveryOutcomeSchema },
  /** A resolved or referred call, logged as a closed ticket (policy LogResolvedCalls; refused when off). */
  'sync:logCall': { input: callLogRequestSchema, output: deliveryOutcomeSchema },
  'review:list': { input: z.object({ cursor: z.string().max(64).nullable() }), output: reviewPageSchema, roles: SUPERVISORS },
  'review:get': { input: z.object({ remoteId: z.string().min(1).max(32) }), output: reviewDetailSchema, roles: SUPERVISORS },
  'review:decide': { input: decisionRequestSchema, output: decisionOutcomeSchema, roles: SUPERVISORS },
  'review:status': {
    input: z.object({ remoteIds: z.array(z.string().min(1).max(32)).max(500) }),
    output: z.object({ items: z.array(reviewStatusSchema) }),
  },
  'audit:list': { input: none, output: auditListSchema, roles: SUPERVISORS },
  'audit:export': { input: none, output: z.object({ csv: z.string(), fileName: z.string() }), roles: SUPERVISORS },
  'audit:verify': { input: none, output: auditAnchorReportSchema, roles: SUPERVISORS },
  'updates:status': { input: none, output: updateStatusSchema },
  'updates:check': { input: none, output: updateStatusSchema },
  'updates:download': { input: none, output: updateStatusSchema },
  'updates:install': { input: none, output: z.object({ started: z.boolean() }) },
  'policy:get': { input: none, output: policyReportSchema },
  /** The district's signed pack as main verified it, or null, and why (SopPackUrl). */
  'packs:district': { input: none, output: districtPackSchema },
  /** Asks the district's pack address now, instead of at the next 4-hourly check. */
  'packs:refresh': { input: none, output: packStatusSchema },
} as const satisfies Record<ChannelName, ChannelSpec>;

/** Payload schema of each push event. */
export const EVENTS = {
  'net:status': netStatusSchema,
  'updates:status': updateStatusSchema,
  /** The district pack or its status changed: fetch it again with packs:district. */
  'packs:status': packStatusSchema,
} as const satisfies Record<EventName, z.ZodType>;

export type ChannelInput<C extends ChannelName> = z.input<(typeof CHANNELS)[C]['input']>;
export type ChannelParsedInput<C extends ChannelName> = z.output<(typeof CHANNELS)[C]['input']>;
export type ChannelOutput<C extends ChannelName> = z.output<(typeof CHANNELS)[C]['output']>;
export type EventPayload<E extends EventName> = z.output<(typeof EVENTS)[E]>;

/** Requests bigger than this are refused before parsing (a renderer bug must not stall main). */
export const MAX_PAYLOAD_BYTES = 512 * 1024;
