import type { StoredAuditEntry } from './audit-trail';

/**
 * What a decision's comment in the ticketing system carries about the trail, written in the same
 * request as the decision itself: the entry's place (`seq`), the chain's head hash after it
 * (`hash`, which commits to every entry before it), the time main stamped (`at`), the trail it
 * belongs to and the computer it was recorded on. The local user owns `audit.jsonl`; they do not
 * own the ticketing system, so this copy is what a rewritten trail is compared with.
 */
export interface AuditAnchor {
  /** The trail's id: the decision id of its first entry (see `trailIdOf`). */
  trail: string;
  seq: number;
  hash: string;
  at: string;
  machine: string;
}

/** An anchor as found in the ticketing system: on which decision comment, on which ticket. */
export interface RecordedAnchor {
  decisionId: string;
  remoteId: string;
  anchor: AuditAnchor;
}

/**
 * A trail is named by the decision id of its first entry: it travels with the trail itself (no
 * separate id file to lose), and a new trail started in the same place gets a new name.
 */
export function trailIdOf(first: Pick<StoredAuditEntry, 'decisionId'>): string {
  return first.decisionId.toLowerCase();
}

/** The anchor an entry's decision comment carries. */
export function anchorOf(entry: StoredAuditEntry, trail: string): AuditAnchor {
  return { trail, seq: entry.seq, hash: entry.hash, at: entry.at, machine: entry.machine };
}

/** True when two anchors name the same entry of the same trail. */
export function sameAnchor(a: AuditAnchor, b: AuditAnchor): boolean {
  return a.trail === b.trail && a.seq === b.seq && a.hash === b.hash && a.at === b.at;
}
