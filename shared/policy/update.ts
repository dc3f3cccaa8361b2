import { z } from 'zod';

/**
 * In-app updating as a district chooses it: `auto` checks, downloads in the background and
 * installs on quit; `notify` checks and says a version is available but downloads only when
 * asked; `off` never contacts the update server (the district's own tooling updates the app).
 */
export const UPDATE_MODES = ['auto', 'notify', 'off'] as const;
export const updateModeSchema = z.enum(UPDATE_MODES);
export type UpdateMode = z.infer<typeof updateModeSchema>;

/**
 * How this copy of the app was installed, which decides who updates it. Per-machine installs
 * (MSI, pkg, NSIS per-machine, deb) belong to the district's deployment tool; a per-user NSIS
 * install, a dmg-dragged app and an AppImage can update themselves. `dev` is an unpackaged run.
 */
export const INSTALL_KINDS = ['nsis-user', 'nsis-machine', 'msi', 'dmg', 'pkg', 'mas', 'appimage', 'deb', 'dev'] as const;
export const installKindSchema = z.enum(INSTALL_KINDS);
export type InstallKind = z.infer<typeof installKindSchema>;

const SELF_UPDATING: ReadonlySet<InstallKind> = new Set(['nsis-user', 'dmg', 'appimage']);

/**
 * The built-in update mode for an install kind, used when no policy says otherwise: `auto` where
 * the app can replace itself without an administrator (NSIS per-user, dmg, AppImage), `off`
 * wherever a deployment tool or package manager owns the files — an in-app updater there would
 * either fail for lack of rights or fight the district's tooling. The Mac App Store updates its
 * own apps, so `mas` is `off` too.
 */
export function defaultUpdateMode(kind: InstallKind): UpdateMode {
  return SELF_UPDATING.has(kind) ? 'auto' : 'off';
}

/**
 * What the renderer may show about updates, pushed as one event (`updates:status`). A closed
 * union so the UI handles every state; `offline` is not an error and is never shown as one.
 */
export const updateStatusSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('disabled'), mode: updateModeSchema, installKind: installKindSchema }),
  z.object({ state: z.literal('idle') }),
  z.object({ state: z.literal('checking') }),
  z.object({ state: z.literal('up-to-date'), checkedAt: z.string() }),
  z.object({ state: z.literal('available'), version: z.string(), releaseDate: z.string().nullable() }),
  z.object({
    state: z.literal('downloading'),
    version: z.string(),
    percent: z.number().min(0).max(100),
    transferred: z.number().nonnegative(),
    total: z.number().nonnegative(),
    bytesPerSecond: z.number().nonnegative(),
  }),
  z.object({ state: z.literal('downloaded'), version: z.string() }),
  z.object({ state: z.literal('offline'), nextCheckAt: z.string() }),
  z.object({ state: z.literal('error'), message: z.string(), nextCheckAt: z.string() }),
]);
export type UpdateStatus = z.infer<typeof updateStatusSchema>;
