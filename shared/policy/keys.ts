import { z } from 'zod';
import { ROLES } from '../ipc/roles';
import type { Role } from '../ipc/roles';
import { connectorKindSchema, connectorSettingsSchema, districtNotesSchema, librarySettingsSchema, settingsSchema, themeSettingSchema } from '../ipc/settings';
import type { ConnectorKind, DistrictNotes, ThemeSetting } from '../ipc/settings';
import { uiLanguageSettingSchema } from '../i18n/language-setting';
import type { UiLanguageSetting } from '../i18n/language-setting';
import { slaPolicySchema } from '../sla/policy';
import type { SlaPolicy } from '../sla/policy';
import { updateModeSchema } from './update';
import type { UpdateMode } from './update';

/** Every setting an administrator can manage, as the app uses it. */
export interface PolicyValues {
  connectorKind: ConnectorKind;
  /** '' when no URL is set (connector kind `none`). */
  connectorUrl: string;
  /** Request Tracker queue, Zendesk group id or ServiceNow assignment group; '' when not used. */
  connectorQueue: string;
  /** Incident IQ's SiteId; '' when not used. */
  connectorSiteId: string;
  /** Incident IQ's request-id custom field (GUID); '' when not used. */
  connectorRequestIdField: string;
  /** Incident IQ's Issue for new tickets (GUID); '' when not used. */
  connectorIssueId: string;
  /** The Zendesk agent e-mail or the ServiceNow user name the token belongs to; '' when not used. */
  connectorAccount: string;
  /** ServiceNow sign-in: basic (user name and password) or oauth (a bearer token). */
  connectorAuth: 'basic' | 'oauth';
  userRole: Role;
  authorizedContact: boolean;
  /** https hosts links may open in the browser (replaces the built-in list when set). */
  allowedExternalHosts: string[];
  updateMode: UpdateMode;
  sealedNoteRetentionDays: number;
  districtSla: SlaPolicy;
  sopBuiltInPacks: 'show' | 'hide';
  sopEnabledPacks: string[];
  districtNotes: DistrictNotes;
  logResolvedCalls: boolean;
  logCallStudentData: boolean;
  /** The interface language, or `system` to follow the OS. */
  uiLanguage: UiLanguageSetting;
  /** The colour theme, or `system` to follow the OS. */
  theme: ThemeSetting;
  /** Where the district publishes its signed SOP pack; '' when it does not. */
  sopPackUrl: string;
  /** The Ed25519 public key the pack must be signed with (base64 of the raw key, or PEM); ''. */
  sopPackPublicKey: string;
}

export type PolicyField = keyof PolicyValues;

/**
 * The name of each managed setting as administrators write it: a registry value under
 * `Software\Policies\Deskbook`, a key in the `org.deskbook.app` managed preferences, a key in
 * `/etc/deskbook/policy.json`. One spelling everywhere; matched case-insensitively (the Windows
 * registry is case-insensitive, so every platform is, to keep one rule).
 */
export const POLICY_NAMES = {
  connectorKind: 'ConnectorKind',
  connectorUrl: 'ConnectorUrl',
  connectorQueue: 'ConnectorQueue',
  connectorSiteId: 'ConnectorSiteId',
  connectorRequestIdField: 'ConnectorRequestIdField',
  connectorIssueId: 'ConnectorIssueId',
  connectorAccount: 'ConnectorAccount',
  connectorAuth: 'ConnectorAuth',
  userRole: 'UserRole',
  authorizedContact: 'AuthorizedContact',
  allowedExternalHosts: 'AllowedExternalHosts',
  updateMode: 'UpdateMode',
  sealedNoteRetentionDays: 'SealedNoteRetentionDays',
  districtSla: 'DistrictSlaCalendar',
  sopBuiltInPacks: 'SopBuiltInPacks',
  sopEnabledPacks: 'SopEnabledPacks',
  districtNotes: 'DistrictNotes',
  logResolvedCalls: 'LogResolvedCalls',
  logCallStudentData: 'LogCallStudentData',
  uiLanguage: 'UiLanguage',
  theme: 'Theme',
  sopPackUrl: 'SopPackUrl',
  sopPackPublicKey: 'SopPackPublicKey',
} as const satisfies Record<PolicyField, string>;

export type PolicyName = (typeof POLICY_NAMES)[PolicyField];

export const POLICY_FIELDS = Object.keys(POLICY_NAMES) as PolicyField[];

const HOST = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** `true`/`false`, or the 1/0 a REG_DWORD carries. */
const flag = z.union([z.boolean(), z.literal(0).transform(() => false), z.literal(1).transform(() => true)], {
  error: 'must be true or false (1 or 0 in the registry)',
});

/** A whole number, or a string of digits (a REG_SZ typed where a REG_DWORD was meant). */
const wholeNumber = z.preprocess(
  (raw) => (typeof raw === 'string' && /^\s*\d+\s*$/.test(raw) ? Number(raw) : raw),
  z.number({ error: 'must be a whole number' }).int('must be a whole number'),
);

/** A list, or one string separated by `;`, `,` or whitespace (one REG_SZ, or REG_MULTI_SZ). */
const hostList = z.preprocess(
  (raw) => (typeof raw === 'string' ? raw.split(/[;,\s]+/).filter((s) => s !== '') : raw),
  z
    .array(
      z
        .string()
        .trim()
        .toLowerCase()
        .regex(HOST, 'each entry must be a bare host name such as help.district.org (no https://, port, path or wildcard)'),
      { error: 'must be a list of host names' },
    )
    .max(100, 'at most 100 hosts'),
);

/** A JSON string (registry, plist string) or an object (JSON, plist dict), read with `schema`. */
function jsonValue<T extends z.ZodType>(schema: T) {
  return z.preprocess((raw, ctx) => {
    if (typeof raw !== 'string') return raw;
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'is not valid JSON' });
      return z.NEVER;
    }
  }, schema);
}

/** A list, or one string separated by `;`, `,` or whitespace. */
const idList = z.preprocess(
  (raw) => (typeof raw === 'string' ? raw.split(/[;,\s]+/).filter((s) => s !== '') : raw),
  librarySettingsSchema.shape.enabledPacks,
);

const connectorUrl = z
  .string({ error: 'must be a URL' })
  .trim()
  .max(2048, 'at most 2048 characters')
  .superRefine((url, ctx) => {
    // The same rule as Settings: one schema decides what a connector URL may be.
    const checked = connectorSettingsSchema.safeParse({ kind: 'webhook', url });
    if (!checked.success) ctx.addIssue({ code: 'custom', message: checked.error.issues[0]?.message ?? 'invalid URL' });
  });

/**
 * How each managed value is read from what a policy source holds (strings, numbers, booleans,
 * lists, dictionaries): one zod schema per key, so a bad value is reported with a reason and
 * rejected on its own.
 */
export const POLICY_VALUE_SCHEMAS = {
  connectorKind: connectorKindSchema,
  connectorUrl,
  connectorQueue: z.string({ error: 'must be text' }).trim().min(1, 'must not be empty').max(200, 'at most 200 characters'),
  connectorSiteId: z.string({ error: 'must be text' }).trim().max(64, 'at most 64 characters'),
  connectorRequestIdField: z.string({ error: 'must be text' }).trim().max(64, 'at most 64 characters'),
  connectorIssueId: z.string({ error: 'must be text' }).trim().max(64, 'at most 64 characters'),
  connectorAccount: z.string({ error: 'must be text' }).trim().max(200, 'at most 200 characters'),
  connectorAuth: z.enum(['basic', 'oauth'], { error: 'must be basic or oauth' }),
  userRole: z.enum(ROLES, { error: `must be one of ${ROLES.join(', ')}` }),
  authorizedContact: flag,
  allowedExternalHosts: hostList,
  updateMode: updateModeSchema,
  sealedNoteRetentionDays: wholeNumber.pipe(settingsSchema.shape.sealedNoteRetentionDays),
  districtSla: jsonValue(slaPolicySchema),
  sopBuiltInPacks: z.enum(['show', 'hide'], { error: 'must be show or hide' }),
  sopEnabledPacks: idList,
  districtNotes: jsonValue(districtNotesSchema),
  logResolvedCalls: flag,
  logCallStudentData: flag,
  sopPackUrl: z
    .string({ error: 'must be a URL' })
    .trim()
    .max(2048, 'at most 2048 characters')
    .superRefine((url, ctx) => {
      if (url === '') return;
      const checked = connectorSettingsSchema.safeParse({ kind: 'webhook', url });
      if (!checked.success) ctx.addIssue({ code: 'custom', message: checked.error.issues[0]?.message ?? 'invalid URL' });
    }),
  sopPackPublicKey: z
    .string({ error: 'must be text' })
    .trim()
    .max(1000, 'at most 1000 characters')
    .regex(/^(?:[A-Za-z0-9+/]{43}=|-----BEGIN PUBLIC KEY-----\r?\n[\s\S]+\r?\n-----END PUBLIC KEY-----|)$/, 'must be an Ed25519 public key: the base64 text sign-pack keygen prints, or a PEM block on several lines'),
  uiLanguage: z.preprocess((raw) => (typeof raw === 'string' ? raw.trim().toLowerCase() : raw), uiLanguageSettingSchema),
  theme: z.preprocess((raw) => (typeof raw === 'string' ? raw.trim().toLowerCase() : raw), themeSettingSchema),
} satisfies { [F in PolicyField]: z.ZodType<PolicyValues[F], unknown> };
