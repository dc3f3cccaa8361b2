import type { CallLogRecord } from '../../shared/call-log/schema';
import type { Escalation } from '../../shared/escalation/schema';
import type { NetworkFailure } from './http';
import type { DeliveryOutcome, RemoteTicket } from './outcome';
import type { ReviewConnector } from './review';

export { deliver, createDeliverOnce, escalationJob } from './deliver-once';
export type { DeliverOnce, DeliveryJob } from './deliver-once';
export { ConnectorError, classifyNetworkFailure, classifyStatus, parseRetryAfter } from './outcome';
export type { DeliveryOutcome, FailureOutcome, RemoteTicket } from './outcome';
export type { DecideOptions, DecisionAnchorLookup, DecisionOutcome, EarlierDecision, ResubmitOptions, ReviewActor, ReviewConnector } from './review';

/** A sealed note as the vault hands it to a connector, in main only; it never crosses IPC. */
export interface SealedNote {
  label: string;
  plaintext: string;
}

/**
 * What "Test connection" found out. `problem` names the first thing that failed. `warnings` are
 * things that work but put sealed notes at risk (RT e-mailing comments, say): said, never failed on.
 */
export type ProbeReport =
  | { ok: true; detail: string; warnings?: readonly string[] }
  | { ok: false; problem: ProbeProblem; message: string; status?: number; missing?: string[] };

/** The probe problem each network failure is ("network" for one without a kind of its own). */
export const NETWORK_PROBLEM: Readonly<Record<NetworkFailure['kind'], ProbeProblem>> = {
  dns: 'dns',
  tls: 'tls',
  refused: 'refused',
  reset: 'reset',
  timeout: 'timeout',
  offline: 'offline',
  other: 'network',
};

export type ProbeProblem =
  | 'dns'
  | 'tls'
  | 'refused'
  | 'timeout'
  | 'reset'
  | 'offline'
  | 'network'
  | 'unauthorized'
  | 'forbidden'
  | 'unknown-queue'
  | 'no-create-right'
  | 'missing-custom-field'
  | 'unexpected-response';

/**
 * One ticketing system. Contract shared by all connectors:
 * - `create` returns an outcome and never throws for HTTP or network failures;
 * - `findByRequestId` and `addInternalNote` throw `ConnectorError` (carrying the outcome) on
 *   failure, and `findByRequestId` resolves null only when the server positively says "unknown";
 * - `ensureSealedNotes` makes sure an existing remote ticket carries the sealed notes, adding them
 *   only if they are missing, for a retry that finds the ticket a previous attempt created.
 * Sealed notes go only into staff-only notes, never into a ticket body or subject.
 * `review` is present only where the ticketing system can hold the review state and history
 * (Request Tracker); a webhook has nowhere to read them back from, so it has none.
 */
export interface Connector {
  readonly kind: string;
  /**
   * `warnings: true` also looks for where sealed notes could leak (more requests): Test connection
   * asks for it; the reachability monitor, probing every minute from every machine, does not.
   */
  probe(options?: { warnings?: boolean }): Promise<ProbeReport>;
  create(escalation: Escalation, requestId: string, sealedNotes: readonly SealedNote[]): Promise<DeliveryOutcome>;
  findByRequestId(requestId: string): Promise<RemoteTicket | null>;
  addInternalNote(remoteId: string, text: string): Promise<void>;
  ensureSealedNotes(remote: RemoteTicket, requestId: string, sealedNotes: readonly SealedNote[]): Promise<void>;
  readonly review?: ReviewConnector;
  /** Present where a call can be logged as a closed ticket (or event); found again by `findByRequestId`. */
  readonly callLog?: CallLogConnector;
}

/**
 * Logging a resolved or referred call. `create` follows `Connector.create`'s contract (an outcome,
 * never a throw for HTTP or network failures) and leaves the ticket closed; `close` makes sure a
 * ticket an earlier attempt created is closed (a retry that found it), throwing ConnectorError.
 */
export interface CallLogConnector {
  create(record: CallLogRecord, requestId: string): Promise<DeliveryOutcome>;
  close(remote: RemoteTicket): Promise<void>;
}
