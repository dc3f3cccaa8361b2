import type { Logger } from '../../shared/log';
import type { InstallKind, UpdateMode, UpdateStatus } from '../../shared/policy';
import { isOfflineError } from './offline';
import type { UpdaterLogger, UpdaterPort } from './updater-port';

/** Check at start and then every four hours; an offline check simply waits for the next one. */
export const UPDATE_CHECK_INTERVAL_MS = 4 * 60 * 60 * 1000;

/** Runs `fn` every `ms` milliseconds until the returned function is called. */
export type Every = (ms: number, fn: () => void) => () => void;

export interface UpdateControllerOptions {
  updater: UpdaterPort;
  /** The effective `UpdateMode` policy (see shared/policy). */
  mode: UpdateMode;
  installKind: InstallKind;
  log: Logger;
  now: () => Date;
  every: Every;
  /** Every status change, for the renderer (`updates:status` push). */
  onStatus: (status: UpdateStatus) => void;
  intervalMs?: number;
}

export interface UpdateController {
  /** Checks now and on every interval; in mode `off` it only reports `disabled`. */
  start(): void;
  stop(): void;
  status(): UpdateStatus;
  /** One check now (a "Check for updates" button); in `auto` mode it also downloads. */
  check(): Promise<UpdateStatus>;
  /** Downloads the update found by the last check (mode `notify`, after the user agreed). */
  download(): Promise<UpdateStatus>;
  /** Quits and installs a downloaded update now instead of at the next quit. */
  installNow(): boolean;
}

function text(message: unknown): string {
  return message instanceof Error ? message.message : String(message);
}

/** electron-updater logs through this; its error lines are classified, never sent to a console. */
function updaterLogger(log: Logger): UpdaterLogger {
  return {
    info: (m) => log.debug('updater', { detail: text(m) }),
    debug: (m) => log.debug('updater', { detail: m }),
    warn: (m) => log.warn('updater', { detail: text(m) }),
    // The controller reports failed checks itself; this is electron-updater's own echo of them.
    error: (m) => log.info('updater reported an error', { detail: text(m).split('\n')[0] ?? '' }),
  };
}

/**
 * In-app updating as policy allows: with mode `auto`, check at start and every four hours,
 * download in the background (progress is pushed as status) and install when the app quits;
 * with `notify`, check and announce but download only on request; with `off`, never touch the
 * network. An offline check is quiet — status `offline`, an info log line, the next period
 * retries — because a technician at a school without network is normal, not an error.
 * Staged rollouts (`stagingPercentage` in latest.yml) are decided by electron-updater itself.
 */
export function createUpdateController(options: UpdateControllerOptions): UpdateController {
  const { updater, mode, installKind, log, now, every, onStatus } = options;
  const intervalMs = options.intervalMs ?? UPDATE_CHECK_INTERVAL_MS;
  let current: UpdateStatus = mode === 'off' ? { state: 'disabled', mode, installKind } : { state: 'idle' };
  let busy: Promise<UpdateStatus> | null = null;
  let cancelTimer: (() => void) | null = null;
  let pendingVersion: string | null = null;

  const set = (next: UpdateStatus): UpdateStatus => {
    current = next;
    onStatus(next);
    return next;
  };
  const nextCheckAt = () => new Date(now().getTime() + intervalMs).toISOString();
  const failed = (error: unknown, during: 'check' | 'download'): UpdateStatus => {
    if (isOfflineError(error)) {
      log.info(`update ${during} skipped: offline`, { error: text(error) });
      return set({ state: 'offline', nextCheckAt: nextCheckAt() });
    }
    log.warn(`update ${during} failed`, { error: text(error) });
    return set({ state: 'error', message: `The update ${during} failed; it will be tried again later.`, nextCheckAt: nextCheckAt() });
  };

  if (mode !== 'off') {
    // Downloads are started here, never by electron-updater, so every failure has one handler.
    updater.autoDownload = false;
    updater.autoInstallOnAppQuit = true;
    updater.logger = updaterLogger(log);
    updater.on('checking-for-update', () => set({ state: 'checking' }));
    updater.on('update-not-available', () => set({ state: 'up-to-date', checkedAt: now().toISOString() }));
    updater.on('update-available', (info) => {
      pendingVersion = info.version;
      set({ state: 'available', version: info.version, releaseDate: info.releaseDate ?? null });
    });
    updater.on('download-progress', (p) =>
      set({
        state: 'downloading',
        version: pendingVersion ?? '',
        percent: Math.min(100, Math.max(0, p.percent)),
        transferred: p.transferred,
        total: p.total,
        bytesPerSecond: p.bytesPerSecond,
      }),
    );
    updater.on('update-downloaded', (info) => set({ state: 'downloaded', version: info.version }));
    // electron-updater also emits failures as 'error'; they are handled where the promise rejects.
    updater.on('error', () => undefined);
  }

  const runDownload = async (): Promise<UpdateStatus> => {
    try {
      await updater.downloadUpdate();
      return current;
    } catch (error) {
      return failed(error, 'download');
    }
  };

  const runCheck = async (): Promise<UpdateStatus> => {
    try {
      const result = await updater.checkForUpdates();
      if (!result) return set({ state: 'disabled', mode, installKind }); // unpackaged: updater inactive
      if (result.isUpdateAvailable && mode === 'auto') return await runDownload();
      return current;
    } catch (error) {
      return failed(error, 'check');
    }
  };

  const exclusive = (task: () => Promise<UpdateStatus>): Promise<UpdateStatus> => {
    if (busy) return busy;
    busy = task().finally(() => {
      busy = null;
    });
    return busy;
  };

  const check = (): Promise<UpdateStatus> => {
    if (mode === 'off') return Promise.resolve(current);
    // A downloaded update waits for the next quit; checking again would change nothing.
    if (current.state === 'downloaded') return Promise.resolve(current);
    return exclusive(runCheck);
  };

  return {
    start() {
      onStatus(current);
      if (mode === 'off' || cancelTimer) return;
      void check();
      cancelTimer = every(intervalMs, () => void check());
    },
    stop() {
      cancelTimer?.();
      cancelTimer = null;
    },
    status: () => current,
    check,
    download() {
      if (mode === 'off' || current.state !== 'available') return Promise.resolve(current);
      return exclusive(runDownload);
    },
    installNow() {
      if (current.state !== 'downloaded') return false;
      updater.quitAndInstall(false, true);
      return true;
    },
  };
}
