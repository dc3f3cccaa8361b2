import type { AuditAnchorReport } from '../../shared/ipc/contract';
import { trailIdOf } from './anchor';
import type { RecordedAnchor } from './anchor';
import type { AuditVerification, StoredAuditEntry } from './audit-trail';

export interface AnchorCheckInput {
  /** The local trail as read, oldest first. */
  entries: readonly StoredAuditEntry[];
  /** The chain's own check of the same file (`AuditTrail.verify()`). */
  local: AuditVerification;
  /** Every anchor the ticketing system holds, of any trail. */
  anchors: readonly RecordedAnchor[];
  /** This computer's name: anchors of other trails recorded here are worth a word. */
  machine: string;
  /** The ticketing system in words ("Request Tracker"). */
  system: string;
}

interface Difference {
  seq: number;
  message: string;
}

/**
 * Compares the local trail with the anchors the ticketing system holds for it, and names the
 * first entry that differs. An anchor's hash commits to its entry and every entry before it, so a
 * matching anchor vouches for all of them (a gap, an entry whose comment is gone, is covered by
 * the next anchor); a rewrite that keeps the local chain consistent still changes the hash at the
 * first entry it touched. Missing here: anchors past the local end. Unanchored: entries past the
 * last anchor, which Deskbook never makes (an entry is recorded only once its comment landed).
 */
export function compareWithAnchors(input: AnchorCheckInput): AuditAnchorReport {
  const { entries, local, anchors, machine, system } = input;
  const trail = entries[0] ? trailIdOf(entries[0]) : null;
  const ours = anchors.filter((a) => a.anchor.trail === trail);
  const others = anchors.filter((a) => a.anchor.trail !== trail && a.anchor.machine === machine);
  const notes = otherTrailNotes(others, system, machine);
  const report = (state: AuditAnchorReport['state'], message: string, firstDifference: number | null): AuditAnchorReport => ({
    state,
    message,
    firstDifference,
    entries: entries.length,
    anchors: ours.length,
    notes,
  });

  const { difference, gaps } = firstAnchorDifference(entries, ours, system);
  // The chain's own check wins where it breaks first: an entry edited by hand without re-hashing
  // still carries its old hash, which the anchor would agree with.
  const found = !local.ok && (!difference || local.brokenAt <= difference.seq) ? { seq: local.brokenAt, message: `${local.reason} (the local chain itself is broken there)` } : difference;
  if (found) return report('differs', `${sentence(found.message)}.`, found.seq);

  if (gaps.length > 0) {
    notes.unshift(`${system} holds no anchor for ${list(gaps)} (the comment was removed, or this account cannot read it); the anchors after it still vouch for it.`);
  }
  const top = Math.max(0, ...ours.map((a) => a.anchor.seq));
  const elsewhere = others.length > 0 ? `, but it holds anchors of another trail recorded on this computer (${machine})` : '';
  if (entries.length === 0) {
    if (others.length > 0) return report('differs', `The local trail is empty${elsewhere}: the trail was deleted or replaced, or those are another account's on this computer.`, 1);
    return report('matches', `The trail is empty, and ${system} holds no anchor recorded on this computer.`, null);
  }
  if (top === 0) {
    if (others.length > 0) return report('differs', `None of the ${entries.length} entries is anchored in ${system}${elsewhere}: the local trail was replaced or its first entry changed, or those are another account's on this computer.`, 1);
    return report('unanchored', `None of the ${entries.length} entries is anchored in ${system} (they were recorded before Deskbook anchored its trail there): only the chain itself was checked, and it is intact.`, null);
  }
  return report('matches', `All ${entries.length} entries agree with what ${system} recorded (anchors up to #${top}).`, null);
}

function firstAnchorDifference(entries: readonly StoredAuditEntry[], ours: readonly RecordedAnchor[], system: string): { difference: Difference | null; gaps: number[] } {
  const bySeq = new Map<number, RecordedAnchor[]>();
  for (const a of ours) bySeq.set(a.anchor.seq, [...(bySeq.get(a.anchor.seq) ?? []), a]);
  const top = Math.max(0, ...bySeq.keys());
  const gaps: number[] = [];
  let lastMatch = 0;
  for (let seq = 1; seq <= Math.max(entries.length, top); seq++) {
    const entry = entries[seq - 1];
    const [anchor, ...more] = bySeq.get(seq) ?? [];
    if (!anchor) {
      if (entry && seq < top) gaps.push(seq);
      continue;
    }
    if (more.length > 0) {
      const ids = [anchor, ...more].map((a) => `${a.decisionId} on ticket #${a.remoteId}`).join(' and ');
      return { difference: { seq, message: `${system} holds ${more.length + 1} anchors for entry #${seq} (decisions ${ids}): two decisions were given the same place in the trail` }, gaps };
    }
    if (!entry) {
      const missing = entries.length + 1 === top ? `entry #${top} is` : `entries #${entries.length + 1}–#${top} are`;
      return { difference: { seq, message: `the local trail ends at #${entries.length}, ${system} holds anchors up to #${top}: ${missing} missing locally` }, gaps };
    }
    if (entry.hash === anchor.anchor.hash) {
      lastMatch = seq;
      continue;
    }
    const what = `entry #${seq} differs from what ${system} recorded for decision ${anchor.decisionId} on ticket #${anchor.remoteId}`;
    const uncovered = gaps.filter((g) => g > lastMatch);
    if (uncovered.length > 0) {
      return { difference: { seq: lastMatch + 1, message: `${what}, so one of entries #${lastMatch + 1}–#${seq} was changed (${system} holds no anchor for ${list(uncovered)})` }, gaps };
    }
    const why =
      entry.decisionId === anchor.decisionId
        ? 'it was changed after it was recorded'
        : `here #${seq} is decision ${entry.decisionId} on ticket #${entry.remoteId}, so an entry before it was removed, inserted or moved`;
    return { difference: { seq, message: `${what}: ${why}` }, gaps };
  }
  if (top > 0 && entries.length > top) {
    const extra = entries.length === top + 1 ? `entry #${top + 1} is` : `entries #${top + 1}–#${entries.length} are`;
    return {
      difference: { seq: top + 1, message: `${extra} not anchored in ${system}, whose last anchor of this trail is #${top}: added on this computer, or their comments were removed from ${system}` },
      gaps,
    };
  }
  return { difference: null, gaps };
}

function otherTrailNotes(others: readonly RecordedAnchor[], system: string, machine: string): string[] {
  const byTrail = new Map<string, number[]>();
  for (const a of others) byTrail.set(a.anchor.trail, [...(byTrail.get(a.anchor.trail) ?? []), a.anchor.seq]);
  return [...byTrail.values()].map(
    (seqs) =>
      `${system} also holds ${seqs.length === 1 ? '1 anchor' : `${seqs.length} anchors`} (up to #${Math.max(...seqs)}) of another Deskbook trail recorded on this computer (${machine}): another account's trail here, or one this trail replaced.`,
  );
}

function list(seqs: readonly number[]): string {
  const shown = seqs.slice(0, 5).map((s) => `#${s}`);
  return seqs.length > 5 ? `${shown.join(', ')} and ${seqs.length - 5} more` : shown.join(', ');
}

function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
