import type { Logger } from '../../shared/log';
import { isAllowedExternalUrl, isAppUrl } from './trusted-url';

/** The parts of Electron's `WebContents` the hardening touches; injected for tests. */
export interface HardenableContents {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: { preventDefault(): void; url: string }) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export interface HardenOptions {
  appOrigin: string;
  openExternal: (url: string) => Promise<void>;
  allowedHosts?: readonly string[];
  log: Logger;
}

/**
 * Denies every navigation or redirect away from the app, every new window and every webview.
 * A link to an allowlisted https host opens in the user's browser instead.
 */
export function hardenWebContents(contents: HardenableContents, options: HardenOptions): void {
  const guard = (event: { preventDefault(): void; url: string }) => {
    if (!isAppUrl(event.url, options.appOrigin)) {
      event.preventDefault();
      options.log.warn('navigation denied', { url: event.url });
    }
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url, options.allowedHosts)) {
      void options.openExternal(url);
    } else {
      options.log.warn('new window denied', { url });
    }
    return { action: 'deny' };
  });
}
