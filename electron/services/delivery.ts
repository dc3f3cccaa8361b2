import type { Escalation } from '../../shared/escalation/schema';
import type { DeliverRequest } from '../../shared/ipc/sync';
import type { Logger } from '../../shared/log';
import { createDeliverOnce, escalationJob } from '../sync/deliver-once';
import type { DeliverOnce } from '../sync/deliver-once';
import type { Connector } from '../sync/connector';
import type { DeliveryOutcome } from '../sync/outcome';
import type { Vault } from '../vault/vault';

export interface SyncDeps {
  /** The configured connector; null when none is configured; throws AUTH_REQUIRED without a token. */
  connector: () => Promise<Connector | null>;
  vault: Vault;
  now: () => Date;
  log: Logger;
  /** The app's one delivery road; made from the deps above when absent (tests). */
  deliverOnce?: DeliverOnce;
}

/** The delivery road over the vault: sealed notes opened there, their retention started there. */
export function vaultDeliverOnce(deps: SyncDeps): DeliverOnce {
  return (
    deps.deliverOnce ??
    createDeliverOnce({
      connector: deps.connector,
      openNote: (handle) => deps.vault.open(handle),
      markDelivered: (handles) => deps.vault.markDelivered(handles, deps.now()),
      log: deps.log,
    })
  );
}

/** `sync:deliver` in main: a new escalation, on the one delivery road (electron/sync/deliver-once.ts). */
export function createDeliveryService(deps: SyncDeps) {
  const deliverOnce = vaultDeliverOnce(deps);
  return {
    deliver(request: DeliverRequest & { escalation: Escalation }): Promise<DeliveryOutcome> {
      return deliverOnce(escalationJob(request.escalation, request.requestId, request.maybeDelivered));
    },
  };
}
