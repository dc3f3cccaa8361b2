import type { Settings, SettingsView } from '../../../shared/ipc/settings';
import { lockedSettingsPaths, refusedSettingsChange } from '../../../shared/policy';
import type { ResolvedPolicy } from '../../../shared/policy';
import { DeskbookError } from '../../../shared/result';
import type { NetMonitor } from '../../net/monitor';
import { changesBinding } from '../../services/connector-token';
import type { TokenStore } from '../../services/connector-token';
import type { SettingsStore } from '../../services/settings';
import type { Connector } from '../../sync/connector';
import type { DomainHandlers } from './types';

export interface SettingsHandlerDeps {
  settings: SettingsStore;
  tokens: TokenStore;
  net: NetMonitor;
  /** Settings as the app must use them: the saved ones with policy applied. */
  effective: () => Settings;
  policy: () => ResolvedPolicy;
  /** Re-reads policy after the user layer changed. */
  refreshPolicy: () => void;
  /** The configured connector (throws AUTH_REQUIRED when no token is stored). */
  connector: () => Promise<Connector | null>;
}

/** `settings:*`: what the user may change (never a role, never a locked key) and the token. */
export function settingsHandlers(deps: SettingsHandlerDeps): DomainHandlers<'settings'> {
  const view = async (s: Settings = deps.effective()): Promise<SettingsView> => ({
    ...s,
    token: { stored: await deps.tokens.has(s.connector), preview: null },
  });
  return {
    'settings:get': () => view(),
    'settings:update': async (patch) => {
      const before = deps.effective();
      const refused = refusedSettingsChange(patch, before, lockedSettingsPaths(deps.policy()), before.user.role);
      if (refused) throw new DeskbookError('FORBIDDEN', refused.message, refused.path);
      await deps.settings.update(patch);
      deps.refreshPolicy();
      // A token belongs to one kind and one origin: moving the connector wipes it before
      // anything (the probe below included) could send it to the new address.
      if (changesBinding(before.connector, deps.effective().connector)) await deps.tokens.wipe();
      if (patch.connector) void deps.net.check();
      return view();
    },
    'settings:setToken': async ({ token }) => {
      await deps.tokens.store(deps.effective().connector, token);
      void deps.net.check();
      return view();
    },
    'settings:test': async () => {
      const made = await deps.connector();
      if (!made) return { ok: false, problem: 'unconfigured', message: 'No ticketing system is configured.', warnings: [] };
      const report = await made.probe({ warnings: true });
      return report.ok
        ? { ok: true, problem: null, message: report.detail, warnings: [...(report.warnings ?? [])] }
        : { ok: false, problem: report.problem, message: report.message, warnings: [] };
    },
  };
}
