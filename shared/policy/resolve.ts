import { connectorSettingsSchema } from '../ipc/settings';
import type { ConnectorSettings } from '../ipc/settings';
import { POLICY_FIELDS, POLICY_NAMES, POLICY_VALUE_SCHEMAS } from './keys';
import type { PolicyField, PolicyName, PolicyValues } from './keys';
import type { AdminPolicy, PolicyLayer, RawPolicyValue } from './layers';

/** Where an effective value came from, strongest first. */
export type PolicySource = 'policy-enforced' | 'user' | 'policy-default' | 'built-in';

export interface KeyResolution {
  source: PolicySource;
  /** The user may not change it: an enforced policy set it, or tried to and was malformed. */
  locked: boolean;
}

/**
 * Something an administrator should fix. `key` is null for a problem with a whole source (an
 * unreadable file) or an unknown name; `level` says which part of the policy it was in.
 */
export interface PolicyProblem {
  key: PolicyName | null;
  level: 'enforced' | 'recommended' | 'source' | 'combination';
  origin: string;
  message: string;
}

export interface ResolvedPolicy {
  values: PolicyValues;
  /** The connector assembled from kind, URL and queue; `none` when they do not fit together. */
  connector: ConnectorSettings;
  keys: { [F in PolicyField]: KeyResolution };
  problems: PolicyProblem[];
}

export interface ResolveInput {
  admin: AdminPolicy;
  /** Only what the user actually chose; a missing key means "not set by the user". */
  user: Partial<PolicyValues>;
  /** The app's own defaults (the update mode's depends on how the app was installed). */
  builtIn: PolicyValues;
}

/**
 * Keys only an ENFORCED policy can set: who may decide, export the audit trail and open vendor
 * cases. A user's settings.json, a recommended policy value (which the user may override by
 * design) and the built-in default all leave everyone an analyst without vendor rights; these
 * keys are always locked. (docs/architecture.md, The trust boundary.)
 */
export const ENFORCED_ONLY_FIELDS: ReadonlySet<PolicyField> = new Set<PolicyField>(['userRole', 'authorizedContact']);

const KNOWN_NAMES = new Set<string>(Object.values(POLICY_NAMES).map((n) => n.toLowerCase()));

function lookup(layer: PolicyLayer, name: string): RawPolicyValue | undefined {
  const folded = name.toLowerCase();
  for (const [key, raw] of Object.entries(layer)) if (key.toLowerCase() === folded) return raw;
  return undefined;
}

type Parsed<F extends PolicyField> = { ok: true; value: PolicyValues[F] } | { ok: false; reason: string };

function parseValue<F extends PolicyField>(field: F, raw: unknown): Parsed<F> {
  const result = POLICY_VALUE_SCHEMAS[field].safeParse(raw);
  if (result.success) return { ok: true, value: result.data as PolicyValues[F] };
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` (at ${issue.path.join('.')})` : '';
  return { ok: false, reason: `${issue?.message ?? 'invalid'}${where}` };
}

/**
 * The effective value of every managed setting, by one rule: enforced policy, then the user's
 * own choice, then the policy's recommended default, then the built-in default. Pure: the
 * readers in electron/policy/ gather the raw values, this decides.
 *
 * A malformed value is reported (which key, which source, why) and ignored on its own, never a
 * crash. A malformed *enforced* value still locks its key — to the recommended default or the
 * built-in value, never to the user's choice — so a typo in a policy can never unlock a setting
 * the district meant to control. For the same reason, when a policy source could not be read at
 * all (`admin.unreadable`), every key without a valid enforced value is locked too.
 */
export function resolvePolicy(input: ResolveInput): ResolvedPolicy {
  const problems: PolicyProblem[] = input.admin.warnings.map((w) => ({ key: null, level: 'source', origin: w.origin, message: w.message }));
  for (const [level, layer] of [['enforced', input.admin.enforced], ['recommended', input.admin.recommended]] as const) {
    for (const [name, raw] of Object.entries(layer)) {
      if (!KNOWN_NAMES.has(name.toLowerCase())) {
        problems.push({ key: null, level, origin: raw.origin, message: `${name}: not a Deskbook policy name; ignored` });
      }
    }
  }

  const values: Partial<Record<PolicyField, unknown>> = {};
  const keys: Partial<Record<PolicyField, KeyResolution>> = {};
  for (const field of POLICY_FIELDS) {
    const name = POLICY_NAMES[field];
    const enforcedRaw = lookup(input.admin.enforced, name);
    const enforced = enforcedRaw ? parseValue(field, enforcedRaw.value) : undefined;
    // Parsed even when an enforced value wins, so every malformed value is reported.
    const recommendedRaw = lookup(input.admin.recommended, name);
    const recommended = recommendedRaw ? parseValue(field, recommendedRaw.value) : undefined;
    if (recommendedRaw && recommended && !recommended.ok) {
      problems.push({ key: name, level: 'recommended', origin: recommendedRaw.origin, message: `${name}: ${recommended.reason}; the recommended value is ignored` });
    }
    if (enforced?.ok) {
      values[field] = enforced.value;
      keys[field] = { source: 'policy-enforced', locked: true };
      continue;
    }
    if (ENFORCED_ONLY_FIELDS.has(field)) {
      if (recommendedRaw && recommended?.ok) {
        problems.push({ key: name, level: 'recommended', origin: recommendedRaw.origin, message: `${name}: only an enforced policy can set this; the recommended value is ignored` });
      }
      if (enforcedRaw && enforced && !enforced.ok) {
        problems.push({ key: name, level: 'enforced', origin: enforcedRaw.origin, message: `${name}: ${enforced.reason}; the enforced value is ignored and the setting stays locked at the built-in default` });
      }
      values[field] = input.builtIn[field];
      keys[field] = { source: 'built-in', locked: true };
      continue;
    }
    const fallback = recommended?.ok
      ? { value: recommended.value as unknown, source: 'policy-default' as const }
      : { value: input.builtIn[field] as unknown, source: 'built-in' as const };

    if (enforcedRaw && enforced && !enforced.ok) {
      const lockedTo = fallback.source === 'policy-default' ? "the policy's recommended value" : 'the built-in default';
      problems.push({
        key: name,
        level: 'enforced',
        origin: enforcedRaw.origin,
        message: `${name}: ${enforced.reason}; the enforced value is ignored and the setting stays locked at ${lockedTo}`,
      });
      values[field] = fallback.value;
      keys[field] = { source: fallback.source, locked: true };
      continue;
    }
    if (input.admin.unreadable) {
      values[field] = fallback.value;
      keys[field] = { source: fallback.source, locked: true };
      continue;
    }
    const userValue = input.user[field];
    if (userValue !== undefined) {
      values[field] = userValue;
      keys[field] = { source: 'user', locked: false };
      continue;
    }
    values[field] = fallback.value;
    keys[field] = { source: fallback.source, locked: false };
  }

  const resolvedValues = values as PolicyValues;
  const { connector, problem } = assembleConnector(resolvedValues);
  if (problem) problems.push(problem);
  return { values: resolvedValues, connector, keys: keys as ResolvedPolicy['keys'], problems };
}

/**
 * Kind, URL and queue may come from different places (kind enforced, URL typed by the user), so
 * they are checked together last. When they do not make a connector, the app is unconfigured
 * (`none`) rather than pointed at half an address; locks are kept as they are.
 */
function assembleConnector(values: PolicyValues): { connector: ConnectorSettings; problem: PolicyProblem | null } {
  const candidate = connectorCandidate(values);
  const checked = connectorSettingsSchema.safeParse(candidate);
  if (checked.success) return { connector: checked.data, problem: null };
  const issue = checked.error.issues[0];
  const key = POLICY_NAMES[CONNECTOR_FIELD_KEYS[String(issue?.path[0] ?? 'url')] ?? 'connectorUrl'];
  return {
    connector: { kind: 'none' },
    problem: {
      key,
      level: 'combination',
      origin: 'effective settings',
      message: `${key}: ConnectorKind is ${values.connectorKind} but ${issue?.message ?? 'the connector is incomplete'}; no ticketing system is used until it is set`,
    },
  };
}

/** Which policy key sets each connector settings field, for naming the key a problem is in. */
const CONNECTOR_FIELD_KEYS: Readonly<Record<string, PolicyField>> = {
  url: 'connectorUrl',
  queue: 'connectorQueue',
  group: 'connectorQueue',
  siteId: 'connectorSiteId',
  requestIdField: 'connectorRequestIdField',
  issueId: 'connectorIssueId',
  email: 'connectorAccount',
  username: 'connectorAccount',
  auth: 'connectorAuth',
};

/** The connector the policy values describe, before it is checked. */
function connectorCandidate(values: PolicyValues): unknown {
  const url = values.connectorUrl;
  switch (values.connectorKind) {
    case 'none':
      return { kind: 'none' };
    case 'webhook':
      return { kind: 'webhook', url };
    case 'request-tracker':
      return { kind: 'request-tracker', url, queue: values.connectorQueue };
    case 'incident-iq':
      return { kind: 'incident-iq', url, siteId: values.connectorSiteId, requestIdField: values.connectorRequestIdField, issueId: values.connectorIssueId };
    case 'zendesk':
      return { kind: 'zendesk', url, email: values.connectorAccount, group: values.connectorQueue };
    case 'servicenow':
      return { kind: 'servicenow', url, auth: values.connectorAuth, username: values.connectorAccount, group: values.connectorQueue };
  }
}
