import type { AuditAnchorReport } from '../../shared/ipc/contract';
import type { Logger } from '../../shared/log';
import { compareWithAnchors } from '../audit';
import type { AuditAnchor, AuditInput, AuditTrail, PreparedEntry, StoredAuditEntry } from '../audit';
import { ConnectorError } from '../sync/connector';
import type { Connector, DecisionOutcome, FailureOutcome, ReviewConnector } from '../sync/connector';
import { createMutex } from './mutex';
import type { Mutex } from './mutex';

export interface AuditAnchoringDeps {
  audit: AuditTrail;
  machine: string;
  log: Logger;
}

type Settled = { kind: 'committed' | 'discarded' } | { kind: 'unknown'; outcome: FailureOutcome };

/**
 * The audit trail anchored in the ticketing system. Each decision's entry is prepared (its place,
 * main's time, the previous hash, its own hash) BEFORE the decision is written, the write carries
 * the entry's anchor, and the entry is appended once the write landed, as the ticketing system
 * holds it. The rules that keep the two in step, in one place:
 * - one anchored decision at a time (`serial`), so places and previous hashes never collide when
 *   the outbox sends several at once;
 * - at most one entry pending (its write sent or maybe sent, not yet settled), kept on disk across
 *   restarts; before another decision takes the next place, the pending one is settled from the
 *   ticketing system: found there → appended as it carries it; positively absent → forgotten;
 *   unknown → the next decision waits (a retry), so no two writes claim one place;
 * - a retry that finds its decision already written records the entry that write carries (rebuilt
 *   from its anchor when this machine had lost the prepared one);
 * - a conflict, or a failure after which the decision is positively not there, appends nothing.
 */
export function createAuditAnchoring(deps: AuditAnchoringDeps) {
  const { audit, log } = deps;
  const serial: Mutex = createMutex();

  /** Whether an earlier attempt of this decision may have written it (recorded, or still pending). */
  async function known(decisionId: string): Promise<'recorded' | 'pending' | null> {
    if ((await audit.list()).some((e) => e.decisionId === decisionId)) return 'recorded';
    return (await audit.pending())?.decisionId === decisionId ? 'pending' : null;
  }

  /** Appends what the ticketing system holds for a decision whose write landed. */
  async function recordLanded(record: AuditInput, prepared: StoredAuditEntry, anchor: AuditAnchor | null): Promise<void> {
    let entry = prepared;
    if (anchor && anchor.hash !== prepared.hash) {
      const rebuilt = await audit.fromAnchor(record, anchor);
      if (rebuilt) entry = rebuilt;
      else log.warn('audit: the ticketing system carries another anchor for this decision', { decisionId: prepared.decisionId, seq: anchor.seq });
    }
    await audit.commit(entry);
  }

  /** Settles a pending entry from what the ticketing system holds for its decision. */
  async function settle(review: ReviewConnector, entry: StoredAuditEntry): Promise<Settled> {
    let found;
    try {
      found = await review.decisionAnchor(entry.remoteId, entry.decisionId);
    } catch (error) {
      if (error instanceof ConnectorError) return { kind: 'unknown', outcome: error.outcome };
      throw error;
    }
    if (!found.found) {
      await audit.discard(entry.decisionId);
      return { kind: 'discarded' };
    }
    await recordLanded(recordOf(entry), entry, found.anchor);
    return { kind: 'committed' };
  }

  return {
    serial,
    known,

    /**
     * Before this decision takes a place: settles another decision's pending entry. Returns the
     * outcome to answer with when that cannot be settled now (this decision then waits).
     */
    async settleOthers(review: ReviewConnector, decisionId: string, maybeDelivered: boolean): Promise<FailureOutcome | null> {
      const pending = await audit.pending();
      if (!pending || pending.decisionId === decisionId) return null;
      const settled = await settle(review, pending);
      if (settled.kind !== 'unknown') return null;
      if (settled.outcome.kind === 'auth') return settled.outcome;
      return {
        kind: 'retry',
        reason: `Deskbook is still finding out whether an earlier decision on ticket #${pending.remoteId} reached the ticketing system (${outcomeText(settled.outcome)}); this one waits, so the audit trail stays in order.`,
        maybeDelivered,
      };
    },

    /** The write landed (sent now, or found written): append the entry it carries. */
    landed: (record: AuditInput, prepared: PreparedEntry, outcome: DecisionOutcome | undefined) =>
      recordLanded(record, prepared.entry, outcome && 'earlier' in outcome ? outcome.earlier.anchor : null),

    /**
     * The write did not report `sent`: a conflict wrote nothing; a maybe-delivered retry keeps the
     * entry pending for the next attempt; after anything else the ticketing system is asked
     * (a failure can come after the comment landed, e.g. a review field that did not stick).
     */
    async notSent(review: ReviewConnector, prepared: PreparedEntry, outcome: DecisionOutcome | FailureOutcome): Promise<void> {
      if (prepared.state === 'recorded') return;
      if (outcome.kind === 'conflict') return audit.discard(prepared.entry.decisionId);
      if (outcome.kind === 'retry' && outcome.maybeDelivered) return;
      await settle(review, prepared.entry);
    },

    /**
     * `audit:verify`: settles a pending entry if it can, reads every anchor the ticketing system
     * holds and compares (`compareWithAnchors`). Where there are none to read (no connector, a
     * webhook, a failed read) it says so, and reports the local chain's own check.
     */
    async verify(connector: Connector | null, signInProblem?: string): Promise<AuditAnchorReport> {
      const localOnly = async (why: string): Promise<AuditAnchorReport> => {
        const [entries, check] = await Promise.all([audit.list(), audit.verify()]);
        const chain = check.ok ? `it is intact (${entries.length} ${entries.length === 1 ? 'entry' : 'entries'})` : `it is broken at entry ${check.brokenAt}: ${check.reason}`;
        return { state: 'unavailable', message: `${why}: only the local chain was checked, and ${chain}.`, firstDifference: check.ok ? null : check.brokenAt, entries: entries.length, anchors: 0, notes: [] };
      };
      if (signInProblem) return localOnly(`The ticketing system cannot be read until you sign in again (${signInProblem})`);
      if (!connector) return localOnly('No ticketing system is configured (Settings), so the trail cannot be compared with anchors held there');
      if (!connector.review) return localOnly(`The ${connector.kind} connector has no supervisor review, so this audit trail cannot be anchored there`);
      const system = systemName(connector.kind);
      try {
        const pending = await audit.pending();
        if (pending) await settle(connector.review, pending);
        const anchors = await connector.review.auditAnchors();
        const [entries, local] = await Promise.all([audit.list(), audit.verify()]);
        return compareWithAnchors({ entries, local, anchors, machine: deps.machine, system });
      } catch (error) {
        if (error instanceof ConnectorError) return localOnly(`${system} could not be read (${outcomeText(error.outcome)})`);
        throw error;
      }
    },
  };
}

export type AuditAnchoring = ReturnType<typeof createAuditAnchoring>;

/** The decision as recorded, without its place and hashes; its time then comes from the anchor. */
function recordOf(entry: StoredAuditEntry): AuditInput {
  const { seq: _seq, at: _at, decidedAt: _decidedAt, prevHash: _prevHash, hash: _hash, ...record } = entry;
  return record;
}

function systemName(kind: string): string {
  return kind === 'rt' ? 'Request Tracker' : `the ${kind} system`;
}

function outcomeText(outcome: FailureOutcome): string {
  return outcome.kind === 'retry' ? outcome.reason : outcome.message;
}
