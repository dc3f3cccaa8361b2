import { z } from 'zod';
import { DEFAULT_DISTRICT_POLICY } from '../sla/district';
import { slaPolicySchema } from '../sla/policy';
import { uiLanguageSettingSchema } from '../i18n/language-setting';
import { ROLES } from './roles';

export const connectorKindSchema = z.enum(['none', 'request-tracker', 'webhook', 'incident-iq', 'zendesk', 'servicenow']);
export type ConnectorKind = z.infer<typeof connectorKindSchema>;

/** Each ticketing system as people name it, for messages. */
export const CONNECTOR_NAMES: Readonly<Record<Exclude<ConnectorKind, 'none'>, string>> = {
  'request-tracker': 'Request Tracker',
  webhook: 'The webhook',
  'incident-iq': 'Incident IQ',
  zendesk: 'Zendesk',
  servicenow: 'ServiceNow',
};

/** The name of a connector kind for a message ("Zendesk"), or the kind itself when unknown. */
export function connectorName(kind: string): string {
  return (CONNECTOR_NAMES as Readonly<Record<string, string>>)[kind] ?? kind;
}

const HTTPS_OR_LOOPBACK = /^(?:https:\/\/[^\s/?#@]+|http:\/\/(?:127\.0\.0\.1|localhost|\[::1\])(?::\d{1,5})?)(?:[/?#]\S*)?$/i;

/** WHATWG URL, global in Node and in every browser (shared/ is typed with neither). */
const WebUrl = (globalThis as unknown as { URL: { canParse(url: string): boolean; new (url: string): { username: string; password: string; search: string; hash: string } } }).URL;

/**
 * https, or plain http to this machine's loopback only (local testing), and an address the
 * connectors can open: `https://2:x"y` passes the pattern but is no URL, and a connector built
 * on it would fail on every delivery and every reachability check.
 */
const httpsOrLoopback = z
  .string()
  .trim()
  .regex(HTTPS_OR_LOOPBACK, 'URL: must be an https:// address (plain http only for 127.0.0.1 while testing)')
  .refine((url) => WebUrl.canParse(url), 'URL: is not a web address (e.g. https://helpdesk.district.org)');

/** Zendesk takes only the account's address: no user, query or fragment (zendesk-context.ts). */
const zendeskUrl = httpsOrLoopback.refine((url) => {
  const parsed = WebUrl.canParse(url) ? new WebUrl(url) : null;
  return parsed !== null && !parsed.username && !parsed.password && !parsed.search && !parsed.hash;
}, 'URL: must be only the address (https://<subdomain>.zendesk.com), without a user, query or #');

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The Zendesk agent's e-mail; `:` and `/` would break the `<email>/token:<token>` sign-in. One rule for Settings and the connector. */
export const ZENDESK_AGENT_EMAIL = /^[^\s@:/]+@[^\s@:/]+\.[^\s@:/]+$/;
/** A Zendesk group id: digits (the connector sends it as a JSON number), or '' for Zendesk's own routing. */
export const ZENDESK_GROUP_ID = /^\d{0,15}$/;
const guid = (field: string) =>
  z.string().trim().regex(GUID, `${field}: must be a GUID as Incident IQ shows it, e.g. 2f1c0a4e-5b7d-4c3e-9a1f-0d2e3f4a5b6c`);

/** Where tickets go. The token lives in the vault and never crosses IPC. */
export const connectorSettingsSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({
    kind: z.literal('request-tracker'),
    url: httpsOrLoopback,
    queue: z.string().trim().min(1, 'Queue: name the Request Tracker queue tickets go to'),
  }),
  z.object({ kind: z.literal('webhook'), url: httpsOrLoopback }),
  z.object({
    kind: z.literal('incident-iq'),
    /** The district's Incident IQ address, e.g. `https://district.incidentiq.com` (API under /api/v1.0). */
    url: httpsOrLoopback,
    /** The `SiteId` header: Administration > Developer Tools. */
    siteId: guid('Site ID'),
    /** The ticket custom field that holds Deskbook's request id (docs/district-it.md). */
    requestIdField: guid('Request ID custom field'),
    /** The Issue new tickets are filed under (`IssueId`); '' lets Incident IQ decide, where it allows that. */
    issueId: z.union([z.literal(''), guid('Issue')]),
  }),
  z.object({
    kind: z.literal('zendesk'),
    /** `https://<subdomain>.zendesk.com` */
    url: zendeskUrl,
    /** The agent the API token belongs to: Zendesk's token sign-in is `<email>/token:<api token>`. */
    email: z.string().trim().regex(ZENDESK_AGENT_EMAIL, 'Agent email: the e-mail address of the Zendesk agent the API token belongs to'),
    /** The group new tickets are assigned to (its number); '' leaves Zendesk's own routing. */
    group: z.string().trim().regex(ZENDESK_GROUP_ID, 'Group: the Zendesk group id, a number (Admin Center > People > Groups), or empty'),
  }),
  z
    .object({
      kind: z.literal('servicenow'),
      /** `https://<instance>.service-now.com` */
      url: httpsOrLoopback,
      /** `basic`: user name here, password in the vault. `oauth`: a bearer access token in the vault. */
      auth: z.enum(['basic', 'oauth']),
      /** The integration user for basic sign-in; '' with OAuth. */
      username: z.string().trim().max(100, 'User name: at most 100 characters'),
      /** The assignment group new incidents go to (name or sys_id); '' leaves ServiceNow's own rules. */
      group: z.string().trim().max(100, 'Assignment group: at most 100 characters'),
    })
    .refine((s) => s.auth !== 'basic' || s.username !== '', { error: 'User name: basic sign-in needs the ServiceNow user name', path: ['username'] }),
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

const PACK_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const packId = z.string().trim().regex(PACK_ID, 'must be a pack id in kebab-case, e.g. hac-support');
const NOTE_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/**
 * What the district fills in for its packs: `{ "<pack id>": { "<note name>": "text" } }`. A node
 * shows its district note, and texts may use `{{district.<name>}}`, so staff names, addresses
 * and phone numbers are the district's own, not the example district's.
 */
export const districtNotesSchema = z
  .record(
    packId,
    z.record(
      z.string().regex(NOTE_NAME, 'note names are identifiers, e.g. tier2Contact'),
      z.string().trim().min(1, 'must not be empty').max(2000, 'at most 2000 characters'),
    ),
  )
  .refine((notes) => Object.keys(notes).length <= 200, { error: 'at most 200 packs' });
export type DistrictNotes = z.infer<typeof districtNotesSchema>;

/** Which procedures the library offers. District IT decides; see docs/district-it.md. */
export const librarySettingsSchema = z.object({
  /** `hide`: only the district's own packs; the shipped examples are not listed. */
  builtInPacks: z.enum(['show', 'hide']),
  /** Pack ids the library lists; empty means every (shown) pack. */
  enabledPacks: z.array(packId).max(200),
  districtNotes: districtNotesSchema,
});
export type LibrarySettings = z.infer<typeof librarySettingsSchema>;

/** Logging resolved and referred calls as closed tickets: off unless the district turns it on. */
export const callLogSettingsSchema = z.object({
  enabled: z.boolean(),
  /** Whether the logged ticket may name the student (name, number); off by default. */
  includeStudentData: z.boolean(),
});
export type CallLogSettings = z.infer<typeof callLogSettingsSchema>;

/** The colour theme: `system` follows the OS (prefers-color-scheme); a district may lock one. */
export const THEME_SETTINGS = ['system', 'light', 'dark'] as const;
export const themeSettingSchema = z.enum(THEME_SETTINGS, { error: 'must be system, light or dark' });
export type ThemeSetting = z.infer<typeof themeSettingSchema>;

export const settingsSchema = z.object({
  user: userProfileSchema,
  connector: connectorSettingsSchema,
  /** Days a sealed note is kept after its ticket was delivered. */
  sealedNoteRetentionDays: z.number().int().min(0).max(365),
  /** The district help desk's SLA: its calendar (zone, hours, holidays, closures) and targets. */
  districtSla: slaPolicySchema,
  library: librarySettingsSchema,
  callLog: callLogSettingsSchema,
  /** The interface language: `system` follows the OS locale. Caller scripts switch separately, per call. */
  uiLanguage: uiLanguageSettingSchema,
  theme: themeSettingSchema,
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  user: { id: 'analyst', name: 'Help desk analyst', role: 'analyst', authorizedContact: false },
  connector: { kind: 'none' },
  sealedNoteRetentionDays: 7,
  districtSla: DEFAULT_DISTRICT_POLICY,
  library: { builtInPacks: 'show', enabledPacks: [], districtNotes: {} },
  callLog: { enabled: false, includeStudentData: false },
  uiLanguage: 'system',
  theme: 'system',
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
