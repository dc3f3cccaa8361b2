import { DEFAULT_SETTINGS } from '../ipc/settings';
import type { Settings } from '../ipc/settings';
import type { PolicyValues } from './keys';
import type { ResolvedPolicy } from './resolve';
import { defaultUpdateMode } from './update';
import type { InstallKind, UpdateMode } from './update';

/**
 * The app's own defaults for every managed key. The update mode depends on how the app was
 * installed; the external hosts are passed in because their list lives with the URL guard in
 * electron/security/ (shared/ may not import it).
 */
export function builtInPolicyValues(installKind: InstallKind, defaultExternalHosts: readonly string[]): PolicyValues {
  return {
    connectorKind: DEFAULT_SETTINGS.connector.kind,
    connectorUrl: '',
    connectorQueue: '',
    connectorSiteId: '',
    connectorRequestIdField: '',
    connectorIssueId: '',
    connectorAccount: '',
    connectorAuth: 'basic',
    userRole: DEFAULT_SETTINGS.user.role,
    authorizedContact: DEFAULT_SETTINGS.user.authorizedContact,
    allowedExternalHosts: [...defaultExternalHosts],
    updateMode: defaultUpdateMode(installKind),
    sealedNoteRetentionDays: DEFAULT_SETTINGS.sealedNoteRetentionDays,
    districtSla: DEFAULT_SETTINGS.districtSla,
    sopBuiltInPacks: DEFAULT_SETTINGS.library.builtInPacks,
    sopEnabledPacks: DEFAULT_SETTINGS.library.enabledPacks,
    districtNotes: DEFAULT_SETTINGS.library.districtNotes,
    logResolvedCalls: DEFAULT_SETTINGS.callLog.enabled,
    logCallStudentData: DEFAULT_SETTINGS.callLog.includeStudentData,
    uiLanguage: DEFAULT_SETTINGS.uiLanguage,
    theme: DEFAULT_SETTINGS.theme,
    sopPackUrl: '',
    sopPackPublicKey: '',
  };
}

/** The connector keys a saved connector sets, beyond its kind and URL. */
function connectorPolicyValues(connector: Settings['connector']): Partial<PolicyValues> {
  switch (connector.kind) {
    case 'none':
    case 'webhook':
      return {};
    case 'request-tracker':
      return { connectorQueue: connector.queue };
    case 'incident-iq':
      return { connectorSiteId: connector.siteId, connectorRequestIdField: connector.requestIdField, connectorIssueId: connector.issueId };
    case 'zendesk':
      return { connectorAccount: connector.email, ...(connector.group ? { connectorQueue: connector.group } : {}) };
    case 'servicenow':
      return { connectorAuth: connector.auth, connectorAccount: connector.username, ...(connector.group ? { connectorQueue: connector.group } : {}) };
  }
}

/**
 * The managed keys the user has set, read from saved settings. Pass only what was saved (a
 * missing key means "not chosen"), so a policy's recommended value still applies to it.
 * `updateMode` is not part of Settings yet; pass it separately when it is.
 */
export function userPolicyValues(saved: Partial<Settings>, updateMode?: UpdateMode): Partial<PolicyValues> {
  const user: Partial<PolicyValues> = {};
  if (saved.connector) {
    user.connectorKind = saved.connector.kind;
    if (saved.connector.kind !== 'none') user.connectorUrl = saved.connector.url;
    Object.assign(user, connectorPolicyValues(saved.connector));
  }
  if (saved.user) {
    user.userRole = saved.user.role;
    user.authorizedContact = saved.user.authorizedContact;
  }
  if (saved.sealedNoteRetentionDays !== undefined) user.sealedNoteRetentionDays = saved.sealedNoteRetentionDays;
  if (saved.districtSla) user.districtSla = saved.districtSla;
  if (saved.library) {
    user.sopBuiltInPacks = saved.library.builtInPacks;
    user.sopEnabledPacks = saved.library.enabledPacks;
    user.districtNotes = saved.library.districtNotes;
  }
  if (saved.callLog) {
    user.logResolvedCalls = saved.callLog.enabled;
    user.logCallStudentData = saved.callLog.includeStudentData;
  }
  if (saved.uiLanguage !== undefined) user.uiLanguage = saved.uiLanguage;
  if (saved.theme !== undefined) user.theme = saved.theme;
  if (updateMode) user.updateMode = updateMode;
  return user;
}

/** Settings as the app should use them: `settings` with every managed key's effective value. */
export function applyPolicyToSettings(settings: Settings, resolved: ResolvedPolicy): Settings {
  const { values } = resolved;
  return {
    ...settings,
    user: { ...settings.user, role: values.userRole, authorizedContact: values.authorizedContact },
    connector: resolved.connector,
    sealedNoteRetentionDays: values.sealedNoteRetentionDays,
    districtSla: values.districtSla,
    library: { builtInPacks: values.sopBuiltInPacks, enabledPacks: values.sopEnabledPacks, districtNotes: values.districtNotes },
    callLog: { enabled: values.logResolvedCalls, includeStudentData: values.logCallStudentData },
    uiLanguage: values.uiLanguage,
    theme: values.theme,
  };
}

/** Dotted settings paths a user may not change, for refusing `settings:update` patches. */
export function lockedSettingsPaths(resolved: ResolvedPolicy): string[] {
  const paths: string[] = [];
  const { keys } = resolved;
  if (keys.connectorKind.locked) paths.push('connector.kind');
  if (keys.connectorUrl.locked) paths.push('connector.url');
  if (keys.connectorQueue.locked) paths.push('connector.queue', 'connector.group');
  if (keys.connectorSiteId.locked) paths.push('connector.siteId');
  if (keys.connectorRequestIdField.locked) paths.push('connector.requestIdField');
  if (keys.connectorIssueId.locked) paths.push('connector.issueId');
  if (keys.connectorAccount.locked) paths.push('connector.email', 'connector.username');
  if (keys.connectorAuth.locked) paths.push('connector.auth');
  if (keys.userRole.locked) paths.push('user.role');
  if (keys.authorizedContact.locked) paths.push('user.authorizedContact');
  if (keys.sealedNoteRetentionDays.locked) paths.push('sealedNoteRetentionDays');
  if (keys.districtSla.locked) paths.push('districtSla');
  if (keys.updateMode.locked) paths.push('updateMode');
  if (keys.allowedExternalHosts.locked) paths.push('allowedExternalHosts');
  if (keys.sopBuiltInPacks.locked) paths.push('library.builtInPacks');
  if (keys.sopEnabledPacks.locked) paths.push('library.enabledPacks');
  if (keys.districtNotes.locked) paths.push('library.districtNotes');
  if (keys.logResolvedCalls.locked) paths.push('callLog.enabled');
  if (keys.logCallStudentData.locked) paths.push('callLog.includeStudentData');
  if (keys.uiLanguage.locked) paths.push('uiLanguage');
  if (keys.theme.locked) paths.push('theme');
  return paths;
}
