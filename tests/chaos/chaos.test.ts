import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEscalationField } from '../../electron/sync/rt';
import { startRt } from '../rt/rt-server';
import type { RtInstance } from '../rt/rt-server';
import { startFaultProxy } from '../support/fault-proxy';
import type { FaultProxy } from '../support/fault-proxy';
import { rolePolicy } from '../support/main-services';
import { launchApp } from '../e2e/harness';
import { readStore } from '../e2e/idb';
import type { LaunchedApp } from '../e2e/harness';
import { mulberry32 } from '../../shared/random';
import { chaosEscalation, outboxStates, seedQueue } from './seed';

/**
 * The outbox's promise, tested end to end against a real Request Tracker: escalations queued
 * offline are delivered once each — none lost, none duplicated, content unchanged — through a
 * proxy injecting drops (before and after RT commits), 500s, 429s and delays, while the page is
 * reloaded at random moments. `npm run chaos` runs it at 10,000.
 */
const COUNT = Number(process.env.DESKBOOK_CHAOS_COUNT ?? 500);
const MIN_RELOADS = 20;
const SEED = Number(process.env.DESKBOOK_CHAOS_SEED ?? 20261123);
// Room to drain: 6 minutes at 500; at 10,000, 300 ms per escalation (RT here creates 10–20
// tickets a second without faults), 50 minutes.
const DRAIN_BUDGET_MS = Math.max(360_000, COUNT * 300);

let rt: RtInstance;
let proxy: FaultProxy;
let app: LaunchedApp;

beforeAll(async () => {
  // RT's mail-out scrips off: they are most of RT's cost per ticket and no part of the contract.
  rt = await startRt({ mail: false });
  proxy = await startFaultProxy({
    upstream: rt.baseUrl,
    mix: {
      seed: SEED,
      rates: { 'drop-before-forward': 0.03, 'drop-after-commit': 0.03, 'error-500': 0.03, 'rate-limit': 0.02, delay: 0.04 },
      delayMs: 300,
      retryAfter: '1',
    },
    // Faults hit ticket traffic; the reachability probe (GET /rt) passes, as a flaky network
    // would usually let a tiny request through.
    match: ({ path }) => path.includes('/ticket'),
  });
  // A supervisor points the laptop at RT below (an analyst may not change where tickets go).
  app = await launchApp({ adminPolicy: rolePolicy('supervisor') });
}, 300_000);

afterAll(async () => {
  await app?.dispose();
  await proxy?.close();
  await rt?.stop();
});

/** As JSON carries it: properties set to undefined are absent. */
const plain = (value: unknown): unknown => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));

interface RtRow {
  id: string;
  Subject: string;
  CustomFields: { name: string; values: string[] }[];
}

async function allTickets(): Promise<RtRow[]> {
  const out: RtRow[] = [];
  for (let page = 1; ; page++) {
    const query = new URLSearchParams({ query: `Queue = '${rt.queue}'`, fields: 'Subject,CustomFields', per_page: '100', page: String(page) });
    const res = await fetch(`${rt.baseUrl}/REST/2.0/tickets?${query.toString()}`, { headers: { Authorization: `token ${rt.token}` } });
    const body = (await res.json()) as { items: RtRow[] };
    out.push(...body.items);
    if (body.items.length < 100) return out;
  }
}

describe(`the outbox under chaos (${COUNT} escalations)`, () => {
  it('delivers every escalation queued offline exactly once, through faults and reloads', async () => {
    const started = Date.now();
    const { page } = app;
    await page.getByLabel('Search procedures').waitFor();
    const escalations = Array.from({ length: COUNT }, (_, n) => chaosEscalation(n));
    await seedQueue(page, escalations, Date.now());
    expect(await outboxStates(page)).toEqual({ pending: COUNT });

    // Connectivity returns: the technician's laptop reaches the district's RT (through faults).
    const configured = await page.evaluate(
      async ([url, queue, token]) => {
        const api = window.deskbook!;
        const s = await api.settings.update({ connector: { kind: 'request-tracker', url, queue } });
        const t = await api.settings.setToken({ token });
        const n = await api.net.check();
        return [s.ok, t.ok, n.ok && n.value.state] as const;
      },
      [proxy.url, rt.queue, rt.token] as const,
    );
    expect(configured).toEqual([true, true, 'online']);
    await page.reload();

    const random = mulberry32(SEED);
    let reloads = 0;
    const deadline = Date.now() + DRAIN_BUDGET_MS;
    for (;;) {
      // Reload every 0.5–3 s at 500; at 10,000 every 5–20 s, so the run measures delivery under
      // interruption rather than only restarts.
      await page.waitForTimeout(COUNT <= 1000 ? 500 + Math.floor(random() * 2500) : 5000 + Math.floor(random() * 15000));
      const states = await outboxStates(page);
      const left = Object.values(states).reduce((a, b) => a + b, 0);
      if (left === 0 && reloads >= MIN_RELOADS) break;
      if (Date.now() > deadline) throw new Error(`not drained in time: ${JSON.stringify(states)} after ${reloads} reloads`);
      if (left > 0 || reloads < MIN_RELOADS) {
        await page.reload();
        reloads++;
      }
    }

    const tickets = await allTickets();
    const byRequest = new Map<string, RtRow[]>();
    for (const t of tickets) {
      const rid = t.CustomFields.find((cf) => cf.name === rt.customFields.requestId)?.values[0] ?? '';
      byRequest.set(rid, [...(byRequest.get(rid) ?? []), t]);
    }
    const lost = escalations.filter((e) => !byRequest.has(e.id));
    const duplicates = escalations.filter((e) => (byRequest.get(e.id)?.length ?? 0) > 1);
    // Content unchanged: the subject, and the JSON copy RT holds of the escalation as queued.
    const changed = escalations.filter((e) => {
      const ticket = byRequest.get(e.id)?.[0];
      if (!ticket) return false;
      const json = ticket.CustomFields.find((cf) => cf.name === rt.customFields.escalation)?.values[0];
      const stored = parseEscalationField(json).escalation;
      return ticket.Subject !== e.draft.subject || !isDeepStrictEqual(plain(stored?.draft), plain(e.draft));
    });
    const figures = {
      delivered: byRequest.size,
      duplicates: duplicates.length,
      lost: lost.length,
      changed: changed.length,
      reloads,
      faults: { ...proxy.counters },
      wallSeconds: Math.round((Date.now() - started) / 1000),
    };
    process.stdout.write(`chaos figures: ${JSON.stringify(figures)}\n`);
    expect(lost.map((e) => e.draft.subject)).toEqual([]);
    expect(duplicates.map((e) => e.draft.subject)).toEqual([]);
    expect(changed.map((e) => e.draft.subject)).toEqual([]);
    expect(tickets).toHaveLength(COUNT);
    expect(reloads).toBeGreaterThanOrEqual(MIN_RELOADS);
    expect(proxy.counters['drop-after-commit']).toBeGreaterThan(0);
    expect(await outboxStates(page)).toEqual({});
    // Every escalation is marked sent with its ticket link in the app.
    const rows = await readStore<{ status: string; remoteUrl: string | null }>(page, 'escalations');
    const sentCount = rows.filter((r) => r.status === 'sent' && r.remoteUrl).length;
    expect(sentCount).toBe(COUNT);
  }, DRAIN_BUDGET_MS + 600_000);
});
