import type { Role } from '../ipc/roles';
import type { Settings } from '../ipc/settings';

/** Structural equality for settings values (plain JSON data): key order does not matter. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** The settings paths policy can lock, each with how to read it from a (partial) settings object. */
const PATHS: Readonly<Record<string, (s: Partial<Settings>) => unknown>> = {
  'user.role': (s) => s.user?.role,
  'user.authorizedContact': (s) => s.user?.authorizedContact,
  'connector.kind': (s) => s.connector?.kind,
  'connector.url': (s) => (s.connector && 'url' in s.connector ? s.connector.url : undefined),
  'connector.queue': (s) => (s.connector && 'queue' in s.connector ? s.connector.queue : undefined),
  sealedNoteRetentionDays: (s) => s.sealedNoteRetentionDays,
  districtSla: (s) => s.districtSla,
  'library.builtInPacks': (s) => s.library?.builtInPacks,
  'library.enabledPacks': (s) => s.library?.enabledPacks,
  'library.districtNotes': (s) => s.library?.districtNotes,
  'callLog.enabled': (s) => s.callLog?.enabled,
  'callLog.includeStudentData': (s) => s.callLog?.includeStudentData,
  uiLanguage: (s) => s.uiLanguage,
  theme: (s) => s.theme,
};

/**
 * The paths a settings patch would change. A path the patch leaves out (undefined) is not a
 * change: switching the connector to `none` does not "change" its URL, it drops it.
 */
export function changedSettingsPaths(patch: Partial<Settings>, current: Settings): string[] {
  return Object.entries(PATHS)
    .filter(([, read]) => {
      const next = read(patch);
      return next !== undefined && !sameValue(next, read(current));
    })
    .map(([path]) => path);
}

export interface RefusedChange {
  path: string;
  message: string;
}

/**
 * Whether a settings patch may be saved: roles and the Authorized Contact flag are never the
 * user's to change, only a supervisor may move the connector, and a path district policy locks
 * is refused. Returns the first refusal (with
 * the path the UI should highlight), or null when the patch may be saved.
 */
export function refusedSettingsChange(patch: Partial<Settings>, current: Settings, locked: readonly string[], role: Role): RefusedChange | null {
  const changed = changedSettingsPaths(patch, current);
  if (changed.includes('user.role') || changed.includes('user.authorizedContact')) {
    return { path: 'user.role', message: "user.role: roles and Authorized Contacts are set by the district's administrator, not in the app." };
  }
  const connectorPath = changed.find((path) => path.startsWith('connector.'));
  if (connectorPath && !locked.includes(connectorPath) && role !== 'supervisor') {
    // Where tickets (and their sealed notes) go is not an analyst's call: a supervisor's, or policy's.
    return { path: connectorPath, message: `${connectorPath}: only a supervisor or your district's policy may change where tickets go.` };
  }
  const refused = changed.find((path) => locked.includes(path));
  return refused ? { path: refused, message: `${refused}: this setting is locked by your district's policy.` } : null;
}
