import { escalationTexts, findOutgoingSecret, outgoingSecretMessage } from '../../shared/escalation/outgoing-texts';
import type { OutgoingText } from '../../shared/escalation/outgoing-texts';
import type { Escalation, SealedNoteRef } from '../../shared/escalation/schema';
import { connectorName } from '../../shared/ipc/settings';
import type { DecisionResult } from '../../shared/ipc/sync';
import { createLogger } from '../../shared/log';
import type { Logger } from '../../shared/log';
import { DeskbookError, isSignInCode } from '../../shared/result';
import type { Connector, SealedNote } from './connector';
import { ConnectorError } from './outcome';
import type { DeliveryOutcome, FailureOutcome, RemoteTicket } from './outcome';

/**
 * One write to the ticketing system that must happen exactly once: a new escalation, a
 * supervisor's decision, an analyst's fix. Every kind takes the same road (deliverOnce); a job
 * says only what differs.
 */
export interface DeliveryJob<O extends DecisionResult> {
  /** The request id: travels to the server, so a retry can find what an earlier attempt wrote. */
  id: string;
  /** What is being delivered, in words for messages and logs ("escalation", "decision", "fix"). */
  what: string;
  /** The last attempt ended ambiguously (timeout, reset, 5xx after sending, crash, reload). */
  maybeDelivered: boolean;
  /** The sealed notes that go with it (opened in main only, never sent over IPC). */
  sealedNotes: readonly Pick<SealedNoteRef, 'handle' | 'label'>[];
  /**
   * The free text this write sends (and, for decisions, writes into the audit trail): checked in
   * main by the credential guard, sealed values included, before anything is sent.
   */
  texts: readonly OutgoingText[];
  /** The job needs the connector's review capability (decisions and fixes). */
  needsReview?: boolean;
  /**
   * Finds what an earlier attempt created, by request id (null: the server positively has none).
   * Absent when `send` reconciles by itself (review writes look for their own marker first).
   */
  lookup?: (connector: Connector) => Promise<RemoteTicket | null>;
  /** The write itself; `maybeDelivered` tells a self-reconciling send to look first. */
  send: (connector: Connector, notes: readonly SealedNote[], maybeDelivered: boolean) => Promise<O>;
  /**
   * After the server has it (sent now or found on reconcile): what else must reach the ticket or
   * this machine, e.g. a fix's sealed notes as internal comments, a decision's audit entry. May
   * throw ConnectorError; the job is then retried, and its reconcile finds the write.
   */
  landed?: (connector: Connector, remote: RemoteTicket, notes: readonly SealedNote[]) => Promise<void>;
}

export interface DeliverOnceDeps {
  /** The configured connector; null when none is configured; throws a sign-in DeskbookError without a token. */
  connector: () => Promise<Connector | null>;
  /** Opens one sealed note (the vault); throws DeskbookError SIGNED_OUT when it cannot be decrypted here. */
  openNote: (handle: string) => Promise<SealedNote>;
  /** The sealed notes reached the server: start their retention clock. */
  markDelivered: (handles: readonly string[]) => Promise<void>;
  log: Logger;
}

export type DeliverOnce = <O extends DecisionResult>(job: DeliveryJob<O>) => Promise<O | FailureOutcome>;

const signIn = (message: string): FailureOutcome => ({ kind: 'auth', status: 401, message });

/**
 * The one road every delivery takes in main, so the rules that make it exactly once have one home:
 * - one request in flight per id: a second attempt for the same id (the renderer reloaded
 *   mid-delivery) waits for the first to settle and is then "maybe delivered";
 * - a maybe-delivered attempt looks the id up before writing, and reports what it finds as sent;
 *   a failed lookup stays maybe-delivered, so no duplicate can be made;
 * - a missing token and a token or sealed note the keychain cannot open (SIGNED_OUT,
 *   VAULT_UNAVAILABLE) are `auth`: the outbox pauses with "sign in", it does not retry for ever;
 * - sealed notes are opened once per attempt and marked delivered once the server has them.
 */
export function createDeliverOnce(deps: DeliverOnceDeps): DeliverOnce {
  const inflight = new Map<string, Promise<unknown>>();

  const openNotes = async (job: DeliveryJob<DecisionResult>): Promise<SealedNote[] | FailureOutcome> => {
    const notes: SealedNote[] = [];
    for (const ref of job.sealedNotes) {
      try {
        notes.push(await deps.openNote(ref.handle));
      } catch (error) {
        if (error instanceof DeskbookError && isSignInCode(error.code)) return signIn(error.message);
        const why = error instanceof Error ? error.message : String(error);
        return { kind: 'failed', message: `Sealed note "${ref.label}" cannot be read on this computer (${why}). Edit the ${job.what} and seal it again.` };
      }
    }
    return notes;
  };

  const afterLanding = async (job: DeliveryJob<DecisionResult>, connector: Connector, remote: RemoteTicket, notes: readonly SealedNote[]) => {
    await job.landed?.(connector, remote, notes);
    if (job.sealedNotes.length > 0) await deps.markDelivered(job.sealedNotes.map((n) => n.handle));
  };

  const attempt = async <O extends DecisionResult>(job: DeliveryJob<O>, maybeDelivered: boolean): Promise<O | FailureOutcome> => {
    let connector: Connector | null;
    try {
      connector = await deps.connector();
    } catch (error) {
      if (error instanceof DeskbookError && isSignInCode(error.code)) return signIn(error.message);
      throw error;
    }
    if (!connector) return { kind: 'retry', reason: 'No ticketing system is configured yet (Settings).', maybeDelivered };
    if (job.needsReview && !connector.review) {
      return { kind: 'failed', message: `${connectorName(connector.kind)} does not support supervisor review in Deskbook, so this ${job.what} cannot be delivered.` };
    }
    try {
      if (maybeDelivered && job.lookup) {
        // Look the id up before anything else: the write may exist even when its sealed notes
        // were since purged (delivered, then kept only for the retention window).
        const existing = await job.lookup(connector);
        if (existing) {
          const notes = await openNotes(job);
          if (!Array.isArray(notes)) deps.log.warn('sealed notes unreadable on reconcile', { requestId: job.id });
          else if (notes.length > 0) await connector.ensureSealedNotes(existing, job.id, notes);
          await afterLanding(job, connector, existing, Array.isArray(notes) ? notes : []);
          return { kind: 'sent', ...existing } as O;
        }
      }
      const notes = await openNotes(job);
      if (!Array.isArray(notes)) return notes;
      const secret = findOutgoingSecret(job.texts, notes.map((n) => n.plaintext));
      if (secret) throw new DeskbookError('BAD_INPUT', outgoingSecretMessage(secret), secret.path);
      const outcome = await job.send(connector, notes, maybeDelivered && !job.lookup);
      deps.log.info('delivery attempt', { requestId: job.id, what: job.what, outcome: outcome.kind, maybeDelivered });
      if (outcome.kind === 'sent') await afterLanding(job, connector, { remoteId: outcome.remoteId, url: outcome.url }, notes);
      return outcome;
    } catch (error) {
      if (!(error instanceof ConnectorError)) throw error;
      // A lookup or a landing step failed: whatever was written may be there, so stay "maybe".
      const outcome = error.outcome;
      return outcome.kind === 'retry' ? { ...outcome, maybeDelivered: true } : outcome;
    }
  };

  return <O extends DecisionResult>(job: DeliveryJob<O>): Promise<O | FailureOutcome> => {
    const previous = inflight.get(job.id);
    const run = (previous ?? Promise.resolve())
      .catch(() => undefined)
      .then(() => attempt(job, job.maybeDelivered || previous !== undefined))
      .catch((error: unknown): FailureOutcome => {
        // Refused input (the guard found a secret) is the caller's to fix: it travels as BAD_INPUT.
        if (error instanceof DeskbookError && error.code === 'BAD_INPUT') throw error;
        deps.log.error('delivery crashed', { requestId: job.id, what: job.what, error: String(error) });
        return { kind: 'retry', reason: `Deskbook hit an internal error while sending this ${job.what}; it will try again.`, maybeDelivered: true };
      });
    inflight.set(job.id, run);
    void run
      .finally(() => {
        if (inflight.get(job.id) === run) inflight.delete(job.id);
      })
      .catch(() => undefined);
    return run;
  };
}

/** A new escalation: create it with its sealed notes, or find it by request id on reconcile. */
export function escalationJob(escalation: Escalation, requestId: string, maybeDelivered: boolean): DeliveryJob<DeliveryOutcome> {
  return {
    id: requestId,
    what: 'escalation',
    maybeDelivered,
    sealedNotes: escalation.draft.sealedNotes,
    texts: escalationTexts(escalation.draft),
    lookup: (connector) => connector.findByRequestId(requestId),
    send: (connector, notes) => connector.create(escalation, requestId, notes),
  };
}

/**
 * One escalation delivery against a connector already in hand, with its sealed notes already
 * open: the same road as the app's, for integration tests and tools that hold a connector.
 */
export function deliver(
  connector: Connector,
  escalation: Escalation,
  requestId: string,
  sealedNotes: readonly SealedNote[],
  options: { maybeDelivered: boolean },
  log?: Logger,
): Promise<DeliveryOutcome> {
  const byHandle = new Map(sealedNotes.map((note, i) => [`note-${i}`, note]));
  const run = createDeliverOnce({
    connector: () => Promise.resolve(connector),
    openNote: (handle) => Promise.resolve(byHandle.get(handle)!),
    markDelivered: () => Promise.resolve(),
    log: log ?? createLogger('deliver', () => undefined),
  });
  const job = escalationJob(escalation, requestId, options.maybeDelivered);
  return run({ ...job, sealedNotes: [...byHandle.keys()].map((handle) => ({ handle, label: byHandle.get(handle)!.label })) });
}
