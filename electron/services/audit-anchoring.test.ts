import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { UserProfile } from '../../shared/ipc/settings';
import { createLogger } from '../../shared/log';
import type { DecisionRequest, ReviewDetail } from '../../shared/review/schema';
import { createAuditTrail } from '../audit';
import type { AuditAnchor } from '../audit';
import { ConnectorError } from '../sync/connector';
import type { Connector, ReviewConnector } from '../sync/connector';
import { createDevEncryptor } from '../vault/encryptor';
import { createVault } from '../vault/vault';
import { createReviewService } from './review';
import { reviewOnlyConnector } from '../sync/connector.testkit';

/**
 * The review service's anchored audit trail against an in-memory ticketing system that keeps
 * each decision comment's anchor, and can lose an answer after the comment landed, report a
 * conflict or a failure, or fail its lookups.
 */
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'deskbook-anchoring-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

type Mode = 'ok' | 'drop-after-commit' | 'conflict' | 'failed' | 'failed-after-commit';

function memoryTicketing() {
  const comments = new Map<string, { remoteId: string; anchor: AuditAnchor | null }>();
  const modes: Mode[] = [];
  const state = { lookupsFail: false, writes: 0 };
  const url = (remoteId: string) => `https://rt/${remoteId}`;
  const review: ReviewConnector = {
    listForReview: async () => ({ items: [], cursor: null }),
    getForReview: async () => {
      throw new Error('not used');
    },
    async decide(remoteId, _decision, options) {
      const earlier = comments.get(options.decisionId);
      if (earlier) return options.anchor ? { kind: 'sent', remoteId, url: url(remoteId), earlier: { anchor: earlier.anchor } } : { kind: 'sent', remoteId, url: url(remoteId) };
      const mode = modes.shift() ?? 'ok';
      if (mode === 'conflict') return { kind: 'conflict', message: 'the ticket changed', current: ticket(remoteId) };
      if (mode === 'failed') return { kind: 'failed', message: 'refused before writing' };
      await new Promise((r) => setTimeout(r, 2)); // let concurrent decisions interleave, if they could
      comments.set(options.decisionId, { remoteId, anchor: options.anchor ?? null });
      state.writes++;
      if (mode === 'drop-after-commit') return { kind: 'retry', reason: 'connection reset', maybeDelivered: true };
      if (mode === 'failed-after-commit') return { kind: 'failed', message: 'the review field did not stick' };
      return { kind: 'sent', remoteId, url: url(remoteId) };
    },
    resubmit: async (remoteId) => ({ kind: 'sent', remoteId, url: url(remoteId) }),
    reviewStatus: async () => [],
    async decisionAnchor(_remoteId, decisionId) {
      if (state.lookupsFail) throw new ConnectorError({ kind: 'retry', reason: 'RT did not answer', maybeDelivered: false });
      const c = comments.get(decisionId);
      return c ? { found: true, anchor: c.anchor } : { found: false };
    },
    auditAnchors: async () => [...comments].flatMap(([decisionId, c]) => (c.anchor ? [{ decisionId, remoteId: c.remoteId, anchor: c.anchor }] : [])),
  };
  const connector = reviewOnlyConnector(review, 'rt');
  return { connector, comments, modes, state };
}

function ticket(remoteId: string): ReviewDetail {
  const at = '2026-11-23T15:00:00.000Z';
  return { remoteId, url: '', requestId: 'r', subject: 's', rtStatus: 'open', reviewState: 'awaiting-review', createdAt: at, lastUpdated: at, escalation: null, hasSealedNote: false, etag: '"9"', history: [] };
}

const supervisor: UserProfile = { id: 's1', name: 'Sam Supervisor', role: 'supervisor', authorizedContact: false };
let clock = Date.parse('2026-11-23T15:05:00Z');

/** One run of main: a fresh trail and service over the same data folder (a restart makes another). */
function main(ticketing: { connector: Connector | null }) {
  const audit = createAuditTrail(path.join(dir, 'audit.jsonl'), () => new Date((clock += 1000)));
  const vault = createVault(path.join(dir, 'vault'), createDevEncryptor(dir));
  const svc = createReviewService({ connector: async () => ticketing.connector, user: () => supervisor, vault, now: () => new Date(), audit, machine: 'DESK-07', log: createLogger('t', () => {}) });
  return { svc, audit };
}

const request = (overrides: Partial<DecisionRequest> = {}): DecisionRequest => ({
  decisionId: randomUUID(),
  attemptId: 'a1',
  remoteId: '42',
  requestId: 'req-42',
  decision: { kind: 'return', comment: 'Add the student number.' },
  expectedEtag: null,
  // The renderer's clock (or a compromised renderer's claim): never what the trail records.
  decidedAt: '2001-01-01T00:00:00.000Z',
  maybeDelivered: false,
  ...overrides,
});

/** Every decision comment's anchor agrees with the local entry of its decision. */
async function anchorsAgree(ticketing: ReturnType<typeof memoryTicketing>, audit: ReturnType<typeof main>['audit']) {
  const entries = await audit.list();
  for (const [decisionId, comment] of ticketing.comments) {
    const entry = entries.find((e) => e.decisionId === decisionId);
    expect(comment.anchor, decisionId).toMatchObject({ seq: entry?.seq, hash: entry?.hash, at: entry?.at, machine: 'DESK-07', trail: entries[0]?.decisionId });
  }
}

describe('decisions anchored in the ticketing system', () => {
  it("records main's time, never the renderer's decidedAt", async () => {
    const ticketing = memoryTicketing();
    const { svc, audit } = main(ticketing);
    await expect(svc.decide(request())).resolves.toMatchObject({ kind: 'sent' });
    const [entry] = await audit.list();
    expect(entry?.decidedAt).toBe(entry?.at);
    expect(entry?.decidedAt).not.toBe('2001-01-01T00:00:00.000Z');
    expect(Date.parse(entry!.at)).toBeGreaterThan(Date.parse('2026-11-23T15:05:00Z'));
  });

  it('eight decisions sent at once take places 1–8, each comment carrying the head after its own entry', async () => {
    const ticketing = memoryTicketing();
    const { svc, audit } = main(ticketing);
    const outcomes = await Promise.all(Array.from({ length: 8 }, (_, i) => svc.decide(request({ remoteId: String(40 + i) }))));
    expect(outcomes.map((o) => o.kind)).toEqual(Array(8).fill('sent'));
    expect((await audit.list()).map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    await anchorsAgree(ticketing, audit);
    expect(await svc.verifyAudit()).toMatchObject({ state: 'matches', entries: 8, anchors: 8, firstDifference: null });
  });

  it('a retry after an answer lost once the comment landed records the entry that comment carries, once', async () => {
    const ticketing = memoryTicketing();
    const { svc, audit } = main(ticketing);
    const first = request();
    ticketing.modes.push('drop-after-commit');
    expect(await svc.decide(first)).toMatchObject({ kind: 'retry', maybeDelivered: true });
    expect(await audit.list()).toEqual([]);
    expect(await svc.decide({ ...first, attemptId: 'a2', maybeDelivered: true })).toEqual({ kind: 'sent', remoteId: '42', url: 'https://rt/42' });
    expect(await audit.list()).toHaveLength(1);
    expect(ticketing.state.writes).toBe(1);
    await anchorsAgree(ticketing, audit);
  });

  it('after a restart, the next decision first settles the one whose answer was lost, so places never collide', async () => {
    const ticketing = memoryTicketing();
    const lost = request();
    ticketing.modes.push('drop-after-commit');
    await main(ticketing).svc.decide(lost);

    const restarted = main(ticketing);
    expect(await restarted.svc.decide(request({ remoteId: '43' }))).toMatchObject({ kind: 'sent' });
    expect((await restarted.audit.list()).map((e) => [e.seq, e.decisionId])).toEqual([
      [1, lost.decisionId],
      [2, expect.any(String)],
    ]);
    expect(await restarted.svc.decide({ ...lost, maybeDelivered: true })).toMatchObject({ kind: 'sent' });
    expect(await restarted.audit.list()).toHaveLength(2);
    await anchorsAgree(ticketing, restarted.audit);
  });

  it('a retry that lost its prepared entry rebuilds the one the comment carries, with its first time', async () => {
    const ticketing = memoryTicketing();
    const lost = request();
    ticketing.modes.push('drop-after-commit');
    await main(ticketing).svc.decide(lost);
    const carried = ticketing.comments.get(lost.decisionId)?.anchor;
    rmSync(path.join(dir, 'audit.pending.json'));

    const restarted = main(ticketing);
    expect(await restarted.svc.decide({ ...lost, maybeDelivered: true })).toMatchObject({ kind: 'sent' });
    expect(await restarted.audit.list()).toEqual([expect.objectContaining({ seq: 1, hash: carried?.hash, at: carried?.at })]);
  });

  it('a conflict or a failure before writing appends nothing and leaves nothing pending', async () => {
    const ticketing = memoryTicketing();
    const { svc, audit } = main(ticketing);
    ticketing.modes.push('conflict', 'failed');
    expect(await svc.decide(request())).toMatchObject({ kind: 'conflict' });
    expect(await svc.decide(request())).toMatchObject({ kind: 'failed' });
    expect(await audit.list()).toEqual([]);
    expect(await audit.pending()).toBeNull();
    expect(await svc.decide(request())).toMatchObject({ kind: 'sent' });
    expect((await audit.list()).map((e) => e.seq)).toEqual([1]);
  });

  it('a failure reported after the comment landed records what the ticketing system holds', async () => {
    const ticketing = memoryTicketing();
    const { svc, audit } = main(ticketing);
    ticketing.modes.push('failed-after-commit');
    expect(await svc.decide(request())).toMatchObject({ kind: 'failed' });
    expect(await audit.list()).toHaveLength(1);
    await anchorsAgree(ticketing, audit);
  });

  it('a decision waits while an earlier one cannot be settled, writing nothing', async () => {
    const ticketing = memoryTicketing();
    const { svc, audit } = main(ticketing);
    ticketing.modes.push('drop-after-commit');
    await svc.decide(request());
    ticketing.state.lookupsFail = true;
    expect(await svc.decide(request({ remoteId: '43' }))).toMatchObject({ kind: 'retry', maybeDelivered: false, reason: expect.stringContaining('earlier decision on ticket #42') });
    expect(ticketing.state.writes).toBe(1);
    expect(await audit.list()).toEqual([]);
  });

  it('a trail rewritten by hand no longer matches, and verification names the first difference', async () => {
    const ticketing = memoryTicketing();
    const { svc, audit } = main(ticketing);
    for (let i = 0; i < 3; i++) await svc.decide(request({ remoteId: String(40 + i) }));
    const [, second] = await audit.list();
    ticketing.comments.get(second!.decisionId)!.anchor!.hash = '0'.repeat(64);
    expect(await svc.verifyAudit()).toMatchObject({ state: 'differs', firstDifference: 2, message: expect.stringContaining(`decision ${second!.decisionId} on ticket #41`) });
  });

  it('says plainly that a connector without review cannot anchor the trail, and checks the chain', async () => {
    const ticketing = memoryTicketing();
    const webhook: Connector = { ...ticketing.connector, kind: 'webhook', review: undefined };
    const { svc } = main({ connector: webhook });
    expect(await svc.verifyAudit()).toEqual({
      state: 'unavailable',
      message: 'The webhook connector has no supervisor review, so this audit trail cannot be anchored there: only the local chain was checked, and it is intact (0 entries).',
      firstDifference: null,
      entries: 0,
      anchors: 0,
      notes: [],
    });
    expect(await main({ connector: null }).svc.verifyAudit()).toMatchObject({ state: 'unavailable', message: expect.stringContaining('No ticketing system is configured') });
  });
});
