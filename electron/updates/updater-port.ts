/** The parts of electron-updater's `UpdateInfo` the app shows. */
export interface UpdateInfoLike {
  version: string;
  releaseDate?: string;
}

/** electron-updater's `ProgressInfo`. */
export interface ProgressLike {
  percent: number;
  transferred: number;
  total: number;
  bytesPerSecond: number;
}

/** electron-updater's logger interface (`{ info, warn, error, debug? }`). */
export interface UpdaterLogger {
  info(message?: unknown): void;
  warn(message?: unknown): void;
  error(message?: unknown): void;
  debug?(message: string): void;
}

/**
 * The slice of electron-updater's `AppUpdater` the controller uses. In the app it is the real
 * `autoUpdater` export (NsisUpdater, MacUpdater, AppImageUpdater… chosen by electron-updater);
 * in tests it is a real `DebUpdater` running in Node against a loopback server. Keeping the
 * surface this small is what lets the updater's own logic run under Vitest.
 */
export interface UpdaterPort {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  logger: UpdaterLogger | null;
  on(event: 'checking-for-update', listener: () => void): unknown;
  on(event: 'update-available', listener: (info: UpdateInfoLike) => void): unknown;
  on(event: 'update-not-available', listener: (info: UpdateInfoLike) => void): unknown;
  on(event: 'download-progress', listener: (progress: ProgressLike) => void): unknown;
  on(event: 'update-downloaded', listener: (info: UpdateInfoLike) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  checkForUpdates(): Promise<{ isUpdateAvailable: boolean; updateInfo: UpdateInfoLike } | null>;
  downloadUpdate(): Promise<unknown>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
}
