import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Escalation } from '../../shared/escalation/schema';
import { mulberry32 } from '../../shared/random';
import { CONFORMANCE_TARGETS } from '../connectors/targets';
import type { ConformanceTarget, RunningTarget, StoredTicket } from '../connectors/target';
import { startFaultProxy } from '../support/fault-proxy';
import type { FaultProxy } from '../support/fault-proxy';
import { rolePolicy } from '../support/main-services';
import { launchApp } from '../e2e/harness';
import { readStore } from '../e2e/idb';
import type { LaunchedApp } from '../e2e/harness';
import { chaosEscalation, outboxStates, seedQueue } from './seed';

/**
 * The outbox's promise, tested end to end against every ticketing system Deskbook ships (Request
 * Tracker itself, the webhook's reference receiver, and the Incident IQ, Zendesk and ServiceNow
 * contract servers): escalations queued offline are delivered once each — none lost, none
 * duplicated, content unchanged — through a proxy injecting drops (before and after the server
 * commits), 500s, 429s and delays, while the page is reloaded at random moments. `npm run chaos`
 * runs it at 10,000; DESKBOOK_CHAOS_TARGETS (names, comma-separated) picks systems.
 */
const COUNT = Number(process.env.DESKBOOK_CHAOS_COUNT ?? 500);
const MIN_RELOADS = 20;
const SEED = Number(process.env.DESKBOOK_CHAOS_SEED ?? 20261123);
// Room to drain: 6 minutes at 500; at 10,000, 300 ms per escalation (RT here creates 10–20
// tickets a second without faults), 50 minutes.
const DRAIN_BUDGET_MS = Math.max(360_000, COUNT * 300);
/** In-memory servers answer in microseconds: slowed so that reloads land while the queue drains. */
const CONTRACT_SERVER_LATENCY_MS = 40;

const wanted = process.env.DESKBOOK_CHAOS_TARGETS?.split(',').map((s) => s.trim().toLowerCase());
const targets = CONFORMANCE_TARGETS.filter((t) => !wanted || wanted.includes(t.name.toLowerCase()));

/** As JSON carries it: properties set to undefined are absent. */
const plain = (value: unknown): unknown => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));

/** The ticket says what was queued: its subject, description and steps; the structured copy too, where the server keeps one. */
function unchanged(ticket: StoredTicket, e: Escalation): boolean {
  if (ticket.subject !== e.draft.subject) return false;
  if (![e.draft.description, ...e.draft.stepsTried].every((text) => ticket.publicText.includes(text))) return false;
  if (ticket.escalation === undefined) return true;
  return isDeepStrictEqual(plain((ticket.escalation as Escalation | null)?.draft), plain(e.draft));
}

describe.each(targets.map((t) => [t.name, t] as [string, ConformanceTarget]))(`the outbox under chaos (${COUNT} escalations) against %s`, (_name, target) => {
  let server: RunningTarget;
  let proxy: FaultProxy;
  let app: LaunchedApp;

  beforeAll(async () => {
    server = await target.start();
    server.setLatency?.(CONTRACT_SERVER_LATENCY_MS);
    const base = new URL(server.url);
    proxy = await startFaultProxy({
      upstream: base.origin,
      mix: {
        seed: SEED,
        rates: { 'drop-before-forward': 0.03, 'drop-after-commit': 0.03, 'error-500': 0.03, 'rate-limit': 0.02, delay: 0.04 },
        delayMs: 300,
        retryAfter: '1',
      },
      // Faults hit ticket traffic; the reachability probe passes, as a flaky network would
      // usually let a tiny request through.
      match: (req) => server.isTicketTraffic(req),
    });
    // A supervisor points the laptop at the server (an analyst may not change where tickets go).
    app = await launchApp({ adminPolicy: rolePolicy('supervisor') });
  }, 300_000);

  afterAll(async () => {
    await app?.dispose();
    await proxy?.close();
    await server?.stop();
  });

  it('delivers every escalation queued offline exactly once, through faults and reloads', async () => {
    const started = Date.now();
    const { page } = app;
    await page.getByLabel('Search procedures').waitFor();
    const escalations = Array.from({ length: COUNT }, (_, n) => chaosEscalation(n));
    await seedQueue(page, escalations, Date.now());
    expect(await outboxStates(page)).toEqual({ pending: COUNT });

    // Connectivity returns: the technician's laptop reaches the district's system (through faults).
    const settings = server.settings(`${proxy.url}${new URL(server.url).pathname.replace(/\/+$/, '')}`);
    const configured = await page.evaluate(
      async ([connector, token]) => {
        const api = window.deskbook!;
        const s = await api.settings.update({ connector });
        const t = await api.settings.setToken({ token });
        const n = await api.net.check();
        return [s.ok || s.error.message, t.ok || t.error.message, n.ok && n.value.state] as const;
      },
      [settings, server.token] as const,
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
      if (states.paused || states.failed) {
        // Neither comes back by itself (sign in, or a person's fix): say why at once, not at the deadline.
        const stuck = (await readStore<{ state: string; lastError: string | null }>(page, 'outbox')).filter((r) => r.state === 'paused' || r.state === 'failed');
        throw new Error(`${stuck.length} entries stopped (${JSON.stringify(states)}): ${[...new Set(stuck.map((r) => r.lastError))].slice(0, 3).join(' | ')}`);
      }
      const left = Object.values(states).reduce((a, b) => a + b, 0);
      if (left === 0 && reloads >= MIN_RELOADS) break;
      if (Date.now() > deadline) throw new Error(`not drained in time: ${JSON.stringify(states)} after ${reloads} reloads`);
      if (left > 0 || reloads < MIN_RELOADS) {
        await page.reload();
        reloads++;
      }
    }

    const tickets = await server.tickets();
    const byRequest = new Map<string, StoredTicket[]>();
    for (const t of tickets) byRequest.set(t.requestId ?? '', [...(byRequest.get(t.requestId ?? '') ?? []), t]);
    const lost = escalations.filter((e) => !byRequest.has(e.id));
    const duplicates = escalations.filter((e) => (byRequest.get(e.id)?.length ?? 0) > 1);
    const changed = escalations.filter((e) => {
      const ticket = byRequest.get(e.id)?.[0];
      return ticket !== undefined && !unchanged(ticket, e);
    });
    const figures = {
      system: target.name,
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
