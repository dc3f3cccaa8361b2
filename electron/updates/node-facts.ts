import { existsSync } from 'node:fs';
import type { Every } from './controller';
import type { InstallFacts } from './install-kind';

/**
 * The running process's install facts. `isPackaged` is Electron's `app.isPackaged`; the rest is
 * read from `process` and the file system (sync `existsSync`: called once at start-up).
 */
export function processInstallFacts(app: { isPackaged: boolean; productName: string; appId: string }): InstallFacts {
  return {
    platform: process.platform,
    isPackaged: app.isPackaged,
    exePath: process.execPath,
    isMas: (process as NodeJS.Process & { mas?: boolean }).mas === true,
    productName: app.productName,
    appId: app.appId,
    env: process.env,
    exists: existsSync,
  };
}

/** `Every` over Node's timers; the timer never keeps the process alive on its own. */
export const nodeEvery: Every = (ms, fn) => {
  const timer = setInterval(fn, ms);
  timer.unref();
  return () => clearInterval(timer);
};
