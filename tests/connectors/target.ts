import type { ConnectorSettings } from '../../shared/ipc/settings';
import type { Connector } from '../../electron/sync/connector';
import type { HttpFetch } from '../../electron/sync/http';

/**
 * One ticketing system as the conformance suite (./conformance.test.ts) and the chaos runs
 * (tests/chaos/) see it: a server on loopback (Request Tracker itself, or a contract server
 * written from the vendor's published API), the real connector built against it, and an
 * independent reader of what the server holds, so assertions never trust the code they check.
 */
export interface ConformanceTarget {
  /** As the suite names it: "Request Tracker", "Zendesk"... */
  name: string;
  start(): Promise<RunningTarget>;
}

/** What the server holds for one ticket, read with the server's own API or store, not the connector. */
export interface StoredTicket {
  remoteId: string;
  /** The Deskbook request id the ticket carries (custom field, external_id, correlation_id...). */
  requestId: string | null;
  subject: string;
  /** Everything a requester could see: description or body, and every public comment. */
  publicText: string;
  /** Every staff-only note (internal note, private comment, work note), in order. */
  privateNotes: string[];
  /** The escalation as the server keeps a structured copy of it (RT's JSON field, the webhook body), where it does. */
  escalation?: unknown;
}

export interface RunningTarget {
  /** The server's origin (or base URL) as Settings takes it. */
  url: string;
  /** Settings that point the app at `url` (a fault proxy in front of the server, say). */
  settings(url: string): ConnectorSettings;
  /** A token (API key, password, secret) the server accepts. */
  token: string;
  /** The real connector, built as main builds it, against `url` with `token`. */
  connector(url: string, token: string, fetch?: HttpFetch): Connector;
  /** Every ticket on the server, read independently of the connector. */
  tickets(): Promise<StoredTicket[]>;
  /** Which requests are ticket traffic (faults are injected only there). */
  isTicketTraffic(req: { method: string; path: string }): boolean;
  /** Which request creates a ticket (the first write of a delivery). */
  isCreate(req: { method: string; path: string }): boolean;
  /** An error answer in this system's own format, carrying `words` where the system puts its message. */
  errorBody(status: number, words: string): string;
  /**
   * Review support: present where the connector supports supervisor review. `touch` changes the
   * ticket as a technician would (a comment, a field), out of band, so a stale decision conflicts.
   */
  review?: { touch(remoteId: string): Promise<void> };
  /** Slows every answer (ms), so a chaos run's reloads land mid-drain on an in-memory server. */
  setLatency?(ms: number): void;
  stop(): Promise<void>;
}
