/** The part of Electron's `Session` the permission lockdown touches; injected for tests. */
export interface PermissionSession {
  setPermissionRequestHandler(handler: (wc: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: (wc: unknown, permission: string) => boolean): void;
}

/**
 * Denies every permission request (camera, microphone, notifications, geolocation…) and every
 * permission check. Deskbook needs none: a page asking for one is not the app's page.
 */
export function denyAllPermissions(session: PermissionSession): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
