import path from 'node:path';
import type { InstallKind } from '../../shared/policy';

/** What the running app can see about how it was installed; all injected for tests. */
export interface InstallFacts {
  platform: NodeJS.Platform;
  /** Electron's `app.isPackaged`. */
  isPackaged: boolean;
  /** `process.execPath`: the app's executable. */
  exePath: string;
  /** `process.mas`: a Mac App Store build. */
  isMas: boolean;
  productName: string;
  appId: string;
  env: Readonly<Record<string, string | undefined>>;
  exists(file: string): boolean;
}

function isInside(child: string, parent: string | undefined, sep: string): boolean {
  if (!parent) return false;
  const a = child.toLowerCase();
  const b = parent.toLowerCase().replace(/[\\/]+$/, '');
  return a.startsWith(b + sep);
}

/**
 * How this copy was installed, from traces each installer leaves:
 * - Windows: NSIS puts `Uninstall <productName>.exe` beside the app (the MSI does not); under
 *   %LOCALAPPDATA% it is a per-user install, elsewhere per-machine.
 * - macOS: the pkg installer leaves a receipt in /var/db/receipts named after the app id;
 *   without one the app was dragged from the dmg.
 * - Linux: an AppImage runs with $APPIMAGE set; otherwise it came from the deb.
 * The answer only picks the default update mode; policy can always override it.
 */
export function detectInstallKind(facts: InstallFacts): InstallKind {
  if (!facts.isPackaged) return 'dev';
  switch (facts.platform) {
    case 'win32': {
      const dir = path.win32.dirname(facts.exePath);
      if (!facts.exists(path.win32.join(dir, `Uninstall ${facts.productName}.exe`))) return 'msi';
      return isInside(facts.exePath, facts.env.LOCALAPPDATA, '\\') ? 'nsis-user' : 'nsis-machine';
    }
    case 'darwin':
      if (facts.isMas) return 'mas';
      return facts.exists(`/var/db/receipts/${facts.appId}.plist`) ? 'pkg' : 'dmg';
    case 'linux':
      return facts.env.APPIMAGE ? 'appimage' : 'deb';
    default:
      return 'dev';
  }
}
