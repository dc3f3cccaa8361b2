import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { UserProfile } from '../../shared/ipc/settings';
import { createLogger } from '../../shared/log';
import type { DecisionRequest } from '../../shared/review/schema';
import { createAuditTrail } from '../audit';
import type { AuditAnchor } from '../audit';
import { createDevEncryptor } from '../vault/encryptor';
import { createVault } from '../vault/vault';
import type { ReviewConnector } from '../sync/connector';
import { createReviewService } from './review';
import { reviewOnlyConnector } from '../sync/connector.testkit';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'deskbook-review-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** An in-memory review capability with a slow decide (held until released), counting the writes it makes. */
function memoryReview() {
  const writes: string[] = [];
  const anchors = new Map<string, AuditAnchor | null>();
  let released = false;
  let release: (() => void) | null = null;
  const review: ReviewConnector = {
    listForReview: async () => ({ items: [], cursor: null }),
    getForReview: async () => {
      throw new Error('not used');
    },
    async decide(remoteId, decision, options) {
      if (options.maybeDelivered && writes.includes(options.decisionId)) return { kind: 'sent', remoteId, url: `https://rt/${remoteId}` };
      // Released before the write was reached (the audit entry is prepared on disk first): go on.
      await new Promise<void>((resolve) => {
        if (released) resolve();
        else release = resolve;
      });
      writes.push(options.decisionId);
      anchors.set(options.decisionId, options.anchor ?? null);
      return { kind: 'sent', remoteId, url: `https://rt/${remoteId}` };
    },
    resubmit: async (remoteId) => ({ kind: 'sent', remoteId, url: '' }),
    reviewStatus: async () => [],
    decisionAnchor: async (_remoteId, decisionId) => (anchors.has(decisionId) ? { found: true, anchor: anchors.get(decisionId) ?? null } : { found: false }),
    auditAnchors: async () => [],
  };
  const connector = reviewOnlyConnector(review);
  return {
    connector,
    writes,
    release: () => {
      released = true;
      release?.();
    },
  };
}

const request = (decision: DecisionRequest['decision']): DecisionRequest => ({
  decisionId: '00000000-0000-4000-8000-0000000000d1',
  attemptId: 'a1',
  remoteId: '42',
  requestId: 'req-42',
  decision,
  expectedEtag: null,
  decidedAt: '2026-11-23T15:00:00.000Z',
  maybeDelivered: false,
});

function service(user: UserProfile, memory = memoryReview(), now = new Date()) {
  const audit = createAuditTrail(path.join(dir, 'audit.jsonl'), () => new Date('2026-11-23T15:05:00Z'));
  const vault = createVault(path.join(dir, 'vault'), createDevEncryptor(dir));
  const svc = createReviewService({ connector: async () => memory.connector, user: () => user, vault, now: () => now, audit, machine: 'desk-07', log: createLogger('t', () => {}) });
  return { svc, audit, memory };
}

const supervisor: UserProfile = { id: 's1', name: 'Sam Supervisor', role: 'supervisor', authorizedContact: false };

describe('the review service', () => {
  it('refuses to forward a vendor case for a supervisor who is not an Authorized Contact', async () => {
    const { svc, memory } = service(supervisor);
    await expect(svc.decide(request({ kind: 'forward', replicationSteps: 'Log in as a parent and open Grades.', priority: 'high', caseText: 'Case text for the portal' }))).rejects.toMatchObject({
      code: 'FORBIDDEN',
      path: 'decision.kind',
    });
    expect(memory.writes).toEqual([]);
  });

  const vendorCase = { kind: 'vendor-case', caseNumber: '1234567', submittedAt: '2026-11-23T14:50:00.000Z' } as const;

  it('refuses to record a vendor case number for a supervisor who is not an Authorized Contact, writing and auditing nothing', async () => {
    const { svc, audit, memory } = service(supervisor);
    memory.release();
    await expect(svc.decide(request(vendorCase))).rejects.toMatchObject({
      code: 'FORBIDDEN',
      path: 'decision.kind',
      message: expect.stringContaining('only the district\'s Authorized Contacts may record a vendor case number'),
    });
    expect(memory.writes).toEqual([]);
    expect(await audit.list()).toEqual([]);
  });

  it("refuses a case submission time later than main's clock, naming the field", async () => {
    const { svc, memory } = service({ ...supervisor, authorizedContact: true }, memoryReview(), new Date('2026-11-23T15:00:00Z'));
    memory.release();
    await expect(svc.decide(request({ ...vendorCase, submittedAt: '2026-11-23T15:10:00.000Z' }))).rejects.toMatchObject({
      code: 'BAD_INPUT',
      path: 'decision.submittedAt',
      message: expect.stringMatching(/^Case submitted at: is in the future/),
    });
    expect(memory.writes).toEqual([]);
  });

  it('records an Authorized Contact\'s vendor case number once, audited with the case number and submission time', async () => {
    const { svc, audit, memory } = service({ ...supervisor, authorizedContact: true }, memoryReview(), new Date('2026-11-23T15:00:00Z'));
    memory.release();
    await expect(svc.decide(request(vendorCase))).resolves.toMatchObject({ kind: 'sent' });
    expect(memory.writes).toHaveLength(1);
    expect(await audit.list()).toMatchObject([{ action: 'vendor-case', detail: 'Infinite Campus case 1234567, submitted 2026-11-23T14:50:00.000Z' }]);
  });

  it('applies a decision once when two attempts race, and audits it once with who, what and where', async () => {
    const { svc, audit, memory } = service({ ...supervisor, authorizedContact: true });
    const first = svc.decide(request({ kind: 'return', comment: 'Add the student number.' }));
    const second = svc.decide({ ...request({ kind: 'return', comment: 'Add the student number.' }), attemptId: 'a2' });
    await new Promise((r) => setTimeout(r, 10));
    memory.release();
    await expect(first).resolves.toMatchObject({ kind: 'sent' });
    await expect(second).resolves.toMatchObject({ kind: 'sent' });
    expect(memory.writes).toHaveLength(1);
    const entries = await audit.list();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'return', machine: 'desk-07', actor: { name: 'Sam Supervisor', role: 'supervisor' }, detail: 'Add the student number.' });
    await expect(audit.verify()).resolves.toMatchObject({ ok: true });
  });
});
