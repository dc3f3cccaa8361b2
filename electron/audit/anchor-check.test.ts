import { describe, expect, it } from 'vitest';
import { anchorOf, trailIdOf } from './anchor';
import type { RecordedAnchor } from './anchor';
import { compareWithAnchors } from './anchor-check';
import type { AuditVerification, StoredAuditEntry } from './audit-trail';
import { GENESIS_HASH, entryHash } from './chain';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
type Decision = Omit<StoredAuditEntry, 'seq' | 'prevHash' | 'hash'>;

function decisionNo(n: number, machine = 'DESK-07'): Decision {
  const at = `2026-03-02T15:00:${String(n).padStart(2, '0')}.000Z`;
  return {
    actor: { id: 'sup-1', name: 'Sam Supervisor', role: 'supervisor' },
    machine,
    action: 'return',
    remoteId: String(40 + n),
    requestId: uuid(500 + n),
    decisionId: uuid(n),
    detail: `comment ${n}`,
    decidedAt: at,
    at,
  };
}

/** Chains decisions the way the trail does (seq from 1, each hash over the previous one). */
function chain(decisions: readonly Decision[]): StoredAuditEntry[] {
  const out: StoredAuditEntry[] = [];
  for (const d of decisions) {
    const body = { ...d, seq: out.length + 1, prevHash: out.at(-1)?.hash ?? GENESIS_HASH };
    out.push({ ...body, hash: entryHash(body.prevHash, body) });
  }
  return out;
}

const anchorsOf = (entries: readonly StoredAuditEntry[]): RecordedAnchor[] =>
  entries.map((e) => ({ decisionId: e.decisionId, remoteId: e.remoteId, anchor: anchorOf(e, trailIdOf(entries[0]!)) }));

const intact = (entries: readonly unknown[]): AuditVerification => ({ ok: true, entries: entries.length });
const check = (entries: StoredAuditEntry[], anchors: RecordedAnchor[], local: AuditVerification = intact(entries)) =>
  compareWithAnchors({ entries, local, anchors, machine: 'DESK-07', system: 'Request Tracker' });

const five = chain([1, 2, 3, 4, 5].map((n) => decisionNo(n)));

describe('the local trail against the anchors the ticketing system holds', () => {
  it('matches when every entry agrees with its anchor', () => {
    expect(check(five, anchorsOf(five))).toEqual({
      state: 'matches',
      message: 'All 5 entries agree with what Request Tracker recorded (anchors up to #5).',
      firstDifference: null,
      entries: 5,
      anchors: 5,
      notes: [],
    });
  });

  it('names the first entry that differs after one was changed and every hash recomputed', () => {
    const decisions = [1, 2, 3, 4, 5].map((n) => decisionNo(n));
    const rewritten = chain(decisions.map((d, i) => (i === 2 ? { ...d, detail: 'a kinder comment' } : d)));
    expect(check(rewritten, anchorsOf(five))).toMatchObject({
      state: 'differs',
      firstDifference: 3,
      message: `Entry #3 differs from what Request Tracker recorded for decision ${uuid(3)} on ticket #43: it was changed after it was recorded.`,
    });
  });

  it('names the place where an entry was deleted and the rest re-hashed', () => {
    const rewritten = chain([1, 2, 4, 5].map((n) => decisionNo(n)));
    expect(check(rewritten, anchorsOf(five))).toMatchObject({
      state: 'differs',
      firstDifference: 3,
      message: expect.stringContaining(`Entry #3 differs from what Request Tracker recorded for decision ${uuid(3)} on ticket #43: here #3 is decision ${uuid(4)} on ticket #44`),
    });
  });

  it('names a missing tail: the local trail ends before the anchors do', () => {
    expect(check(five.slice(0, 2), anchorsOf(five))).toMatchObject({
      state: 'differs',
      firstDifference: 3,
      message: 'The local trail ends at #2, Request Tracker holds anchors up to #5: entries #3–#5 are missing locally.',
    });
    expect(check(five.slice(0, 4), anchorsOf(five)).message).toContain('entry #5 is missing locally');
  });

  it('names entries past the last anchor: Deskbook records an entry only once its comment landed', () => {
    expect(check(five, anchorsOf(five).slice(0, 3))).toMatchObject({
      state: 'differs',
      firstDifference: 4,
      message: expect.stringMatching(/^Entries #4–#5 are not anchored in Request Tracker, whose last anchor of this trail is #3/),
    });
  });

  it('a gap in the anchors is covered by the next one, and said in a note', () => {
    const report = check(five, anchorsOf(five).filter((a) => a.anchor.seq !== 2));
    expect(report).toMatchObject({ state: 'matches', anchors: 4 });
    expect(report.notes).toEqual([expect.stringContaining('Request Tracker holds no anchor for #2')]);
  });

  it('a change hidden in a gap is placed between the last matching anchor and the first differing one', () => {
    const rewritten = chain([1, 2, 3, 4, 5].map((n) => (n === 2 ? { ...decisionNo(2), detail: 'changed' } : decisionNo(n))));
    expect(check(rewritten, anchorsOf(five).filter((a) => a.anchor.seq !== 2))).toMatchObject({
      state: 'differs',
      firstDifference: 2,
      message: expect.stringContaining('so one of entries #2–#3 was changed (Request Tracker holds no anchor for #2)'),
    });
  });

  it('two anchors for one place are a difference, named with both decisions', () => {
    const other = chain([1, 2].map((n) => decisionNo(n)).concat({ ...decisionNo(9) }));
    const forked = [...anchorsOf(five), { ...anchorsOf(other)[2]!, anchor: { ...anchorsOf(other)[2]!.anchor, trail: trailIdOf(five[0]!) } }];
    expect(check(five, forked)).toMatchObject({ state: 'differs', firstDifference: 3, message: expect.stringContaining('holds 2 anchors for entry #3') });
  });

  it('a chain broken locally without re-hashing is reported from the chain itself', () => {
    const local: AuditVerification = { ok: false, brokenAt: 2, reason: 'entry 2 was changed after it was recorded' };
    expect(check(five, anchorsOf(five), local)).toMatchObject({ state: 'differs', firstDifference: 2, message: 'Entry 2 was changed after it was recorded (the local chain itself is broken there).' });
  });

  it('a trail from before anchoring is unanchored, not a difference', () => {
    expect(check(five, [])).toMatchObject({ state: 'unanchored', firstDifference: null, message: expect.stringContaining('None of the 5 entries is anchored in Request Tracker') });
    expect(check([], [])).toMatchObject({ state: 'matches', entries: 0 });
  });

  it("another trail's anchors from this computer are a difference when the local trail has none, else a note", () => {
    const replaced = anchorsOf(five);
    expect(check([], replaced)).toMatchObject({ state: 'differs', firstDifference: 1, message: expect.stringContaining('The local trail is empty, but it holds anchors of another trail recorded on this computer (DESK-07)') });
    const renamed = chain([2, 3, 4, 5].map((n) => decisionNo(n)));
    expect(check(renamed, replaced)).toMatchObject({ state: 'differs', firstDifference: 1, message: expect.stringContaining('None of the 4 entries is anchored') });
    const mine = chain([7, 8].map((n) => decisionNo(n)));
    const report = check(mine, [...anchorsOf(mine), ...replaced]);
    expect(report).toMatchObject({ state: 'matches', anchors: 2 });
    expect(report.notes).toEqual([expect.stringContaining('also holds 5 anchors (up to #5) of another Deskbook trail recorded on this computer')]);
  });

  it("ignores other computers' trails", () => {
    const elsewhere = chain([11, 12].map((n) => decisionNo(n, 'DESK-09')));
    expect(check(five, [...anchorsOf(elsewhere), ...anchorsOf(five)])).toMatchObject({ state: 'matches', anchors: 5, notes: [] });
  });
});
