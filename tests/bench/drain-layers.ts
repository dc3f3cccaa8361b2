// The drain, layer by layer (issue 17 item 1), so a regression shows where it happens:
// - DRAIN_RT: the whole road (pump + Dexie in the page, the IPC hop, main, the RT connector) to
//   a real Request Tracker, against a raw Node loop doing exactly what the connector must per
//   ticket: create, then re-read to check the custom fields stuck. What a district waits for.
// - DRAIN_MAIN: main alone, `sync:deliver` dispatched through the real router in Node (sender
//   check, zod in and out, vault token read, HMAC signing, fetch, vault index update) against a
//   raw Node `fetch` loop posting bodies of the same size, to the same receiver process.
// The pump alone (an in-page answer) is DRAIN_PUMP in ./drain.ts, next to the loopback figure.
import type { Page } from 'playwright-core';
import { DEFAULT_RT_PRIORITIES } from '../../electron/sync/rt/rt-connector';
import { createRtContext } from '../../electron/sync/rt/rt-context';
import { renderTicketBody, rtDateTime, sopPathValue } from '../../electron/sync/rt/render';
import { escalationFieldValue } from '../../electron/sync/rt/review-item';
import type { Escalation } from '../../shared/escalation/schema';
import { rolePolicy, startTestServices } from '../support/main-services';
import { startRt } from '../rt/rt-server';
import { COUNT, CONCURRENCY, escalations, perSecond, pumpRound, sideBySide, startReceiver, webhookBody } from './drain';
import type { BenchResult, Budget } from './report';
import { fixed } from './stats';

export const DRAIN_RT: Budget = { name: 'Drain to Request Tracker ÷ raw create + re-read loop', unit: '×', comparison: '>=', budget: 0.9 };
export const DRAIN_MAIN: Budget = { name: "Drain: main's sync:deliver via the router ÷ raw Node fetch", unit: '×', comparison: '>=', budget: 0.9 };

const list = (values: number[]) => values.map((v) => fixed(v, 1)).join(', ');

export async function measureMainHop(): Promise<BenchResult> {
  const server = await startReceiver();
  const main = await startTestServices({ adminPolicy: rolePolicy('supervisor') });
  try {
    const settings = (await main.call('settings:update', { connector: { kind: 'webhook', url: `${server.url}/hooks` } })) as { ok: boolean };
    const token = (await main.call('settings:setToken', { token: 'bench-shared-secret' })) as { ok: boolean };
    if (!settings.ok || !token.ok) throw new Error('could not configure the webhook connector through settings:update / settings:setToken');

    const router = async (batch: Escalation[]) =>
      perSecond(batch.length, CONCURRENCY, async (i) => {
        const escalation = batch[i]!;
        const result = (await main.call('sync:deliver', { requestId: escalation.id, attemptId: crypto.randomUUID(), escalation, maybeDelivered: false })) as {
          ok: boolean;
          value?: { kind: string };
        };
        if (!result.ok || result.value?.kind !== 'sent') throw new Error(`sync:deliver answered ${JSON.stringify(result)}`);
      });
    const raw = async (bodies: string[]) =>
      perSecond(bodies.length, CONCURRENCY, async (i) => {
        // With the two things any production client must set: a deadline, and no redirects
        // followed (a 307 would re-send the body and credentials wherever it points).
        const res = await fetch(`${server.url}/raw`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: bodies[i],
          redirect: 'manual',
          signal: AbortSignal.timeout(15_000),
        });
        await res.text();
        if (res.status !== 201) throw new Error(`the raw loop got HTTP ${res.status}`);
      });
    // Warm both paths (JIT, the connection pool) before timing.
    await router(escalations().slice(0, 50));
    await raw(escalations().slice(0, 50).map(webhookBody));

    const { a, b } = await sideBySide(
      4,
      () => router(escalations()),
      () => raw(escalations().map(webhookBody)),
    );
    const best = Math.max(...a) / Math.max(...b);
    return {
      ...DRAIN_MAIN,
      value: best,
      notes: [
        `router ${list(a)} deliveries/s; raw fetch ${list(b)} requests/s (${COUNT} per round, concurrency ${CONCURRENCY}, ABBA)`,
        'per delivery main adds: sender check, zod in and out, vault token read, HMAC-SHA256 signature, vault index update',
      ],
    };
  } finally {
    main.dispose();
    await server.close();
  }
}

/** The JSON the RT connector posts for `escalation`, built the same way (electron/sync/rt). */
function rtCreateBody(escalation: Escalation, queue: string, ids: Record<string, string | undefined>): string {
  const fields: Record<string, string> = {
    [ids['requestId']!]: escalation.id,
    [ids['slaDueAt']!]: escalation.slaDueAt,
    [ids['escalation']!]: escalationFieldValue(escalation),
    [ids['review']!]: 'awaiting-review',
  };
  const sopPath = sopPathValue(escalation);
  if (sopPath && ids['sopPath']) fields[ids['sopPath']] = sopPath;
  return JSON.stringify({
    Queue: queue,
    Subject: escalation.draft.subject,
    Content: renderTicketBody(escalation, escalation.id),
    ContentType: 'text/plain',
    Priority: DEFAULT_RT_PRIORITIES[escalation.draft.priority],
    Due: rtDateTime(escalation.slaDueAt),
    CustomFields: fields,
  });
}

/**
 * Budget: draining 300 queued escalations to a real RT 5 (loopback, mail scrips off, its
 * default two workers) at ≥ 0.9× a raw Node loop that creates each ticket with the same JSON and
 * re-reads it, at the same concurrency. RT's own work dominates both sides, which is the point:
 * Deskbook must add nothing a district would notice.
 */
export async function measureDrainRt(page: Page): Promise<BenchResult> {
  const rt = await startRt({ mail: false, log: () => undefined });
  try {
    const configured = await page.evaluate(
      async ({ url, queue, token }) => {
        const api = window.deskbook;
        if (!api) throw new Error('window.deskbook is missing');
        const settings = await api.settings.update({ connector: { kind: 'request-tracker', url, queue } });
        const saved = await api.settings.setToken({ token });
        return settings.ok && saved.ok;
      },
      { url: rt.baseUrl, queue: rt.queue, token: rt.token },
    );
    if (!configured) throw new Error('could not configure the Request Tracker connector through settings:update / settings:setToken');
    const resolved = await createRtContext({ fetch: globalThis.fetch, baseUrl: rt.baseUrl, token: rt.token, queue: rt.queue }).resolve();
    if (!resolved.ok) throw new Error(`RT's queue is not set up: ${JSON.stringify(resolved.outcome)}`);
    const ids = resolved.ids as Record<string, string | undefined>;
    const api = `${rt.baseUrl}/REST/2.0`;
    const auth = { Authorization: `token ${rt.token}` };

    const raw = async (bodies: string[]) =>
      perSecond(bodies.length, CONCURRENCY, async (i) => {
        const created = await fetch(`${api}/ticket`, { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: bodies[i] });
        const json = (await created.json()) as { id?: number | string };
        if (created.status !== 201 || json.id === undefined) throw new Error(`RT answered the raw create with HTTP ${created.status}`);
        const reread = await fetch(`${api}/ticket/${json.id}`, { headers: auth });
        await reread.json();
        if (reread.status !== 200) throw new Error(`RT answered the raw re-read with HTTP ${reread.status}`);
      });
    // RT's first tickets are slow (Perl compiling, SQLite warming) and it slows as its database
    // grows, so: a warm-up of each side, then A B B A, and the ratio of the sums, which cancels
    // a steady drift (the best of each would favour whichever side ran early).
    await raw(escalations().slice(0, 40).map((e) => rtCreateBody(e, rt.queue, ids)));
    await pumpRound(page, 'bench-rt-warm', 'ipc', undefined, 40);
    let round = 0;
    const { a, b } = await sideBySide(
      2,
      () => pumpRound(page, `bench-rt-${round++}`, 'ipc'),
      () => raw(escalations().map((e) => rtCreateBody(e, rt.queue, ids))),
    );
    const sum = (values: number[]) => values.reduce((x, y) => x + y, 0);
    return {
      ...DRAIN_RT,
      value: sum(a) / sum(b),
      notes: [
        `Deskbook ${list(a)} tickets/s; raw create + re-read ${list(b)} tickets/s (${COUNT} per round, concurrency ${CONCURRENCY}, A B B A after a warm-up of each; ratio of the sums)`,
        'Request Tracker 5 from Debian on loopback, SQLite, mail scrips off; a district RT on its own server answers slower, never faster',
      ],
    };
  } finally {
    await rt.stop();
  }
}
