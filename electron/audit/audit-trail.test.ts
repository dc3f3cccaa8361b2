import { randomUUID } from 'node:crypto';
import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAuditTrail, storedAuditEntrySchema } from './audit-trail';
import type { AuditInput, AuditTrail } from './audit-trail';
import { canonicalJson, entryHash } from './chain';

let dir: string;
let file: string;
let trail: AuditTrail;
let clock: number;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'deskbook-audit-'));
  file = join(dir, 'nested', 'audit.jsonl');
  clock = Date.parse('2026-03-02T15:00:00Z');
  trail = createAuditTrail(file, () => new Date((clock += 1000)));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function decision(overrides: Partial<AuditInput> = {}): AuditInput {
  return {
    actor: { id: 'sup-1', name: 'Sam Supervisor', role: 'supervisor' },
    machine: 'DESK-07',
    action: 'return',
    remoteId: '42',
    requestId: randomUUID(),
    decisionId: randomUUID(),
    detail: 'Add the student number.',
    decidedAt: '2026-03-02T14:59:00.000Z',
    ...overrides,
  };
}

async function threeEntries(): Promise<string[]> {
  for (const action of ['approve', 'return', 'forward'] as const) await trail.append(decision({ action }));
  return (await readFile(file, 'utf8')).trimEnd().split('\n');
}

describe('audit trail', () => {
  it('chains entries: seq from 1, each prevHash the previous hash, and the chain verifies', async () => {
    const first = await trail.append(decision());
    const second = await trail.append(decision({ action: 'approve' }));
    expect(first).toMatchObject({ seq: 1, at: '2026-03-02T15:00:01.000Z', prevHash: '0'.repeat(64) });
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(second).toMatchObject({ seq: 2, prevHash: first.hash });
    expect(await trail.list()).toEqual([first, second]);
    expect(await trail.verify()).toEqual({ ok: true, entries: 2 });
  });

  it('appending the same decision id again records nothing and returns the first entry', async () => {
    const d = decision();
    const first = await trail.append(d);
    const again = await trail.append({ ...d, detail: 'a different text' });
    expect(again).toEqual(first);
    expect(await trail.list()).toHaveLength(1);
  });

  it('concurrent appends are serialized into one chain', async () => {
    await Promise.all(Array.from({ length: 8 }, () => trail.append(decision())));
    expect((await trail.list()).map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(await trail.verify()).toMatchObject({ ok: true });
  });

  it('an empty or missing trail verifies and lists nothing', async () => {
    expect(await trail.list()).toEqual([]);
    expect(await trail.verify()).toEqual({ ok: true, entries: 0 });
    expect(await trail.head()).toBeNull();
  });

  it('detects an edited entry', async () => {
    const lines = await threeEntries();
    lines[1] = lines[1]!.replace('"action":"return"', '"action":"approve"');
    await writeFile(file, `${lines.join('\n')}\n`);
    expect(await trail.verify()).toMatchObject({ ok: false, brokenAt: 2, reason: expect.stringContaining('changed') });
  });

  it('detects a field added by hand, even one the schema would ignore', async () => {
    const lines = await threeEntries();
    lines[0] = lines[0]!.replace('{', '{"note":"added later",');
    await writeFile(file, `${lines.join('\n')}\n`);
    expect(await trail.verify()).toMatchObject({ ok: false, brokenAt: 1 });
  });

  it('detects a deleted entry', async () => {
    const lines = await threeEntries();
    await writeFile(file, `${[lines[0], lines[2]].join('\n')}\n`);
    expect(await trail.verify()).toMatchObject({ ok: false, brokenAt: 2 });
  });

  it('detects reordered entries', async () => {
    const lines = await threeEntries();
    await writeFile(file, `${[lines[0], lines[2], lines[1]].join('\n')}\n`);
    expect(await trail.verify()).toMatchObject({ ok: false, brokenAt: 2 });
  });

  it('detects an inserted entry, even one with a correct hash of its own', async () => {
    const lines = await threeEntries();
    const { hash: _drop, ...copied } = storedAuditEntrySchema.parse(JSON.parse(lines[1]!));
    const body = { ...copied, decisionId: randomUUID() };
    const inserted = JSON.stringify({ ...body, hash: entryHash(body.prevHash, body) });
    await writeFile(file, `${[lines[0], inserted, ...lines.slice(1)].join('\n')}\n`);
    expect(await trail.verify()).toMatchObject({ ok: false, brokenAt: 3 });
  });

  it('detects a cut-off tail when given the head recorded elsewhere', async () => {
    await threeEntries();
    const head = await trail.head();
    const lines = (await readFile(file, 'utf8')).trimEnd().split('\n');
    await writeFile(file, `${lines.slice(0, 2).join('\n')}\n`);
    expect(await trail.verify()).toEqual({ ok: true, entries: 2 });
    expect(await trail.verify(head ?? undefined)).toMatchObject({ ok: false, brokenAt: 3 });
  });

  it('after a crash mid-line, the next entry starts on a new line and the partial one is reported', async () => {
    await trail.append(decision());
    await appendFile(file, '{"seq":2,"at":"2026-');
    await trail.append(decision());
    const lines = (await readFile(file, 'utf8')).trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(await trail.verify()).toMatchObject({ ok: false, brokenAt: 2, reason: expect.stringContaining('not a readable') });
  });

  it('hashes canonical JSON: key order does not matter', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 'x'], c: null } })).toBe('{"a":{"c":null,"d":[2,"x"]},"b":1}');
  });
});

describe('audit CSV export', () => {
  it('has one header row and one row per entry, CRLF line ends', async () => {
    await threeEntries();
    const csv = await trail.toCsv();
    const rows = csv.split('\r\n');
    expect(rows[0]).toBe('seq,at,decidedAt,actor,role,machine,action,remoteId,requestId,decisionId,detail,hash');
    expect(rows).toHaveLength(5);
    expect(rows[4]).toBe('');
    expect(rows[1]).toMatch(/^1,2026-03-02T15:00:01\.000Z,2026-03-02T14:59:00\.000Z,Sam Supervisor \(sup-1\),supervisor,DESK-07,approve,42,/);
  });

  it('quotes commas, quotes and line breaks per RFC 4180', async () => {
    await trail.append(decision({ detail: 'Call "Pat", then\nrecheck', actor: { id: 's,2', name: 'O"Neil', role: 'supervisor' } }));
    const row = (await trail.toCsv()).split('\r\n').slice(1).join('\r\n');
    expect(row).toContain('"O""Neil (s,2)"');
    expect(row).toContain('"Call ""Pat"", then\nrecheck"');
  });
});

describe('entries prepared before the decision is written elsewhere', () => {
  const { decidedAt: _ignored, ...undated } = decision();
  const unstamped = (overrides: Partial<AuditInput> = {}): AuditInput => ({ ...undated, decisionId: randomUUID(), ...overrides });

  it("takes the next place with main's time (not the caller's), pending until committed", async () => {
    await trail.append(decision());
    const prepared = await trail.prepare(unstamped());
    expect(prepared.state).toBe('new');
    expect(prepared.entry).toMatchObject({ seq: 2, at: '2026-03-02T15:00:02.000Z', decidedAt: '2026-03-02T15:00:02.000Z', prevHash: (await trail.head())?.hash });
    expect(await trail.list()).toHaveLength(1);
    expect(await trail.pending()).toEqual(prepared.entry);
    expect(await trail.commit(prepared.entry)).toEqual(prepared.entry);
    expect(await trail.pending()).toBeNull();
    expect(await trail.list()).toEqual([expect.anything(), prepared.entry]);
    expect(await trail.verify()).toEqual({ ok: true, entries: 2 });
  });

  it('a retry gets the same entry again, after a restart too, and a recorded decision is reported as such', async () => {
    const input = unstamped();
    const first = await trail.prepare(input);
    const restarted = createAuditTrail(file, () => new Date((clock += 60_000)));
    expect(await restarted.prepare({ ...input, detail: 'changed by a retry' })).toEqual({ ...first, state: 'pending' });
    await restarted.commit(first.entry);
    expect(await restarted.prepare(input)).toEqual({ ...first, state: 'recorded' });
  });

  it('names the trail by its first decision', async () => {
    const first = unstamped();
    expect((await trail.prepare(first)).trail).toBe(first.decisionId);
    await trail.commit((await trail.prepare(first)).entry);
    expect((await trail.prepare(unstamped())).trail).toBe(first.decisionId);
  });

  it('refuses another decision while one is pending, until it is committed or discarded', async () => {
    const pending = await trail.prepare(unstamped());
    await expect(trail.prepare(unstamped())).rejects.toThrow(/still pending/);
    await expect(trail.append(decision())).rejects.toThrow(/still pending/);
    await trail.discard(pending.entry.decisionId);
    expect(await trail.pending()).toBeNull();
    expect((await trail.prepare(unstamped())).entry.seq).toBe(1);
  });

  it('an entry that no longer follows the head is chained anew, so the chain stays whole', async () => {
    const stale = (await trail.prepare(unstamped())).entry;
    await trail.discard(stale.decisionId);
    await trail.append(decision());
    const recorded = await trail.commit(stale);
    expect(recorded).toMatchObject({ seq: 2, decisionId: stale.decisionId, at: stale.at });
    expect(recorded.hash).not.toBe(stale.hash);
    expect(await trail.verify()).toEqual({ ok: true, entries: 2 });
  });

  it('rebuilds the entry an anchor describes when the prepared one was lost', async () => {
    await trail.append(decision());
    const input = unstamped();
    const prepared = (await trail.prepare(input)).entry;
    await rm(file.replace(/\.jsonl$/, '.pending.json'));
    const anchor = { trail: 'x', seq: prepared.seq, hash: prepared.hash, at: prepared.at, machine: prepared.machine };
    expect(await trail.fromAnchor(input, anchor)).toEqual(prepared);
    expect(await trail.fromAnchor({ ...input, detail: 'something else' }, anchor)).toBeNull();
    expect(await trail.fromAnchor(input, { ...anchor, seq: 5 })).toBeNull();
  });
});
