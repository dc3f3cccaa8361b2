import type { Escalation } from '../../shared/escalation/schema';
import type { DeliverRequest } from '../../shared/ipc/sync';
import type { Logger } from '../../shared/log';
import { DeskbookError } from '../../shared/result';
import { ConnectorError, deliver } from '../sync/connector';
import type { Connector, SealedNote } from '../sync/connector';
import type { DeliveryOutcome } from '../sync/outcome';
import type { Vault } from '../vault/vault';

/** Errors from `connector()` that mean "sign in again" rather than "try later". */
const SIGN_IN_CODES: ReadonlySet<string> = new Set(['AUTH_REQUIRED', 'SIGNED_OUT', 'VAULT_UNAVAILABLE']);

export interface DeliveryServiceOptions {
  /** The configured connector; null when none is configured; throws AUTH_REQUIRED without a token. */
  connector: () => Promise<Connector | null>;
  vault: Vault;
  now: () => Date;
  log: Logger;
}

/**
 * `sync:deliver` in main. At most one request is in flight per request id: a second attempt for
 * the same id (the renderer reloaded mid-delivery) waits for the first to settle and is then
 * treated as "maybe delivered", so it looks the id up before ever creating a second ticket.
 */
export function createDeliveryService(options: DeliveryServiceOptions) {
  const inflight = new Map<string, Promise<DeliveryOutcome>>();

  const openNotes = async (escalation: Escalation): Promise<SealedNote[] | DeliveryOutcome> => {
    const notes: SealedNote[] = [];
    for (const ref of escalation.draft.sealedNotes) {
      try {
        notes.push(await options.vault.open(ref.handle));
      } catch (error) {
        if (error instanceof DeskbookError && error.code === 'SIGNED_OUT') {
          return { kind: 'auth', status: 401, message: error.message };
        }
        const why = error instanceof Error ? error.message : String(error);
        return { kind: 'failed', message: `Sealed note "${ref.label}" cannot be read on this computer (${why}). Edit the ticket and seal it again.` };
      }
    }
    return notes;
  };

  const attempt = async (request: DeliverRequest & { escalation: Escalation }, maybeDelivered: boolean): Promise<DeliveryOutcome> => {
    let connector: Connector | null;
    try {
      connector = await options.connector();
    } catch (error) {
      // No token stored (or the vault cannot open it): signing in is the fix, not retrying.
      if (error instanceof DeskbookError && SIGN_IN_CODES.has(error.code)) return { kind: 'auth', status: 401, message: error.message };
      throw error;
    }
    if (!connector) {
      return { kind: 'retry', reason: 'No ticketing system is configured yet (Settings).', maybeDelivered };
    }
    if (maybeDelivered) {
      // Look the request id up before anything else: the ticket may exist even when its sealed
      // notes were since purged (delivered, then kept only for the retention window).
      let existing;
      try {
        existing = await connector.findByRequestId(request.requestId);
      } catch (error) {
        if (!(error instanceof ConnectorError)) throw error;
        const outcome = error.outcome;
        return outcome.kind === 'retry' ? { ...outcome, maybeDelivered: true } : outcome;
      }
      if (existing) {
        const notes = await openNotes(request.escalation);
        if (Array.isArray(notes) && notes.length > 0) await connector.ensureSealedNotes(existing, request.requestId, notes);
        else if (!Array.isArray(notes)) options.log.warn('sealed notes unreadable on reconcile', { requestId: request.requestId });
        await options.vault.markDelivered(request.escalation.draft.sealedNotes.map((n) => n.handle), options.now());
        return { kind: 'sent', remoteId: existing.remoteId, url: existing.url };
      }
    }
    const notes = await openNotes(request.escalation);
    if (!Array.isArray(notes)) return notes;
    const outcome = await deliver(connector, request.escalation, request.requestId, notes, { maybeDelivered: false });
    options.log.info('delivery attempt', { requestId: request.requestId, outcome: outcome.kind, maybeDelivered });
    if (outcome.kind === 'sent') {
      await options.vault.markDelivered(
        request.escalation.draft.sealedNotes.map((n) => n.handle),
        options.now(),
      );
    }
    return outcome;
  };

  return {
    deliver(request: DeliverRequest & { escalation: Escalation }): Promise<DeliveryOutcome> {
      const previous = inflight.get(request.requestId);
      const run = (previous ?? Promise.resolve())
        .catch(() => undefined)
        .then(() => attempt(request, request.maybeDelivered || previous !== undefined))
        .catch((error: unknown): DeliveryOutcome => {
          options.log.error('delivery crashed', { requestId: request.requestId, error: String(error) });
          return { kind: 'retry', reason: 'Deskbook hit an internal error while sending; it will try again.', maybeDelivered: true };
        });
      inflight.set(request.requestId, run);
      void run.finally(() => {
        if (inflight.get(request.requestId) === run) inflight.delete(request.requestId);
      });
      return run;
    },
  };
}
