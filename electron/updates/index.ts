export { createUpdateController, UPDATE_CHECK_INTERVAL_MS } from './controller';
export type { Every, UpdateController, UpdateControllerOptions } from './controller';
export { detectInstallKind } from './install-kind';
export type { InstallFacts } from './install-kind';
export { nodeEvery, processInstallFacts } from './node-facts';
export { isOfflineError } from './offline';
export type { UpdaterPort } from './updater-port';
