import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { entryHash, GENESIS_HASH, storedAuditEntrySchema } from '../../electron/audit';
import type { StoredAuditEntry } from '../../electron/audit';
import type { Decision } from '../../shared/review/schema';
import { startRt } from '../rt/rt-server';
import type { RtInstance } from '../rt/rt-server';
import { anchorsOnTicket, decide, deliveredTicket, expectOk, supervisorMain } from '../integration/supervisor-main';
import { rolePolicy, startTestServices } from '../support/main-services';
import type { TestServices } from '../support/main-services';

/**
 * Finding 7: the audit trail was an unkeyed SHA-256 chain in a file the local user owns, verified
 * with no anchor: change one decision, delete another, recompute every hash, and it read
 * "intact". Replayed against the real main services and a real Request Tracker: five decisions,
 * then the file rewritten with the chain's own hash function, then `audit:verify`.
 */
let rt: RtInstance;
let main: TestServices | undefined;

beforeAll(async () => {
  rt = await startRt();
});
afterAll(async () => {
  await rt?.stop();
});
afterEach(() => {
  main?.dispose();
  main = undefined;
});

const DECISIONS: Decision[] = [
  { kind: 'return', comment: 'Add the student number, please.' },
  { kind: 'return', comment: 'The school is missing: which campus?' },
  { kind: 'approve', note: 'Complete.' },
  { kind: 'return', comment: 'Say which browser the parent used.' },
  { kind: 'approve' },
];

/** What the attacker does: edit one decision's detail, delete another, re-chain every hash. */
function rewrite(entries: readonly StoredAuditEntry[], edit: { seq: number; detail: string }, remove: number): string {
  const kept = entries.filter((e) => e.seq !== remove).map((e) => (e.seq === edit.seq ? { ...e, detail: edit.detail } : e));
  let prevHash = GENESIS_HASH;
  const lines = kept.map(({ hash: _old, ...entry }, i) => {
    const body = { ...entry, seq: i + 1, prevHash };
    const hash = entryHash(prevHash, body);
    prevHash = hash;
    return JSON.stringify({ ...body, hash });
  });
  return `${lines.join('\n')}\n`;
}

describe('attack: the local user rewrites audit.jsonl and re-hashes it', () => {
  it('is detected: the rewritten chain reads intact on its own, and audit:verify names the first entry that differs', async () => {
    main = await supervisorMain(rt);
    const tickets: string[] = [];
    for (const decision of DECISIONS) {
      const ticketId = await deliveredTicket(rt);
      tickets.push(ticketId);
      expect((await decide(main, ticketId, decision)).kind).toBe('sent');
    }
    expect(await expectOk(main.call('audit:verify'))).toMatchObject({ state: 'matches', entries: 5, anchors: 5 });

    const file = path.join(main.dataDir, 'audit.jsonl');
    const entries = (await readFile(file, 'utf8')).trimEnd().split('\n').map((line) => storedAuditEntrySchema.parse(JSON.parse(line)));
    // RT holds each decision's anchor, out of the local user's reach.
    expect((await anchorsOnTicket(rt, tickets[1]!))[0]?.anchor).toMatchObject({ seq: 2, hash: entries[1]!.hash });

    await writeFile(file, rewrite(entries, { seq: 2, detail: 'Looks fine, approved.' }, 4));
    // The chain alone cannot tell: this is the attack that used to succeed.
    const listed = (await expectOk(main.call('audit:list'))) as { intact: boolean; problem: string | null; entries: unknown[] };
    expect([listed.intact, listed.problem, listed.entries.length]).toEqual([true, null, 4]);

    expect(await expectOk(main.call('audit:verify'))).toMatchObject({
      state: 'differs',
      firstDifference: 2,
      message: `Entry #2 differs from what Request Tracker recorded for decision ${entries[1]!.decisionId} on ticket #${tickets[1]}: it was changed after it was recorded.`,
    });
  });

  it('deleting only the newest entries is detected as a missing tail', async () => {
    main = await supervisorMain(rt);
    for (const decision of DECISIONS.slice(0, 3)) await decide(main, await deliveredTicket(rt), decision);
    const file = path.join(main.dataDir, 'audit.jsonl');
    const [first] = (await readFile(file, 'utf8')).split('\n');
    await writeFile(file, `${first}\n`);
    expect(await expectOk(main.call('audit:verify'))).toMatchObject({
      state: 'differs',
      firstDifference: 2,
      message: 'The local trail ends at #1, Request Tracker holds anchors up to #3: entries #2–#3 are missing locally.',
    });
  });

  it('is a supervisor channel: an analyst cannot ask', async () => {
    main = await startTestServices({ adminPolicy: rolePolicy('analyst') });
    expect(await main.call('audit:verify')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
