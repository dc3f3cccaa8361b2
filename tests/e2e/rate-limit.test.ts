import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chaosEscalation, outboxStates, seedQueue } from '../chaos/seed';
import { startLoopbackServer } from '../support/loopback-server';
import type { LoopbackServer } from '../support/loopback-server';
import { rolePolicy } from '../support/main-services';
import { referenceReceiver } from '../support/webhook-receiver';
import type { ReferenceReceiver } from '../support/webhook-receiver';
import { launchApp } from './harness';
import type { LaunchedApp } from './harness';

/**
 * A technician's queue meets a ticketing system over its rate limit (a district-wide reconnect,
 * say): the outbox says the whole queue is held and until when, every waiting row's next try is
 * the hold's end rather than "now", and "Retry now" on one row sends that ticket through the hold
 * at once. Real renderer in Chromium, real main services, the webhook's reference receiver
 * answering 429 with Retry-After while it is busy.
 */
const SECRET = `whsec_${Buffer.from('rate-limit-webhook-key-of-32-by!').toString('base64')}`;
const BASE = '/deskbook/escalations';

let receiver: ReferenceReceiver;
let server: LoopbackServer;
let app: LaunchedApp;
let busy = true;

beforeAll(async () => {
  receiver = referenceReceiver(SECRET, BASE);
  receiver.setScript((req) =>
    busy && req.method === 'POST' && new URL(req.url, 'http://x').pathname === BASE
      ? { status: 429, body: { message: 'Too many requests' }, headers: { 'Retry-After': '12' } }
      : undefined,
  );
  server = await startLoopbackServer(receiver.handler);
  app = await launchApp({ adminPolicy: rolePolicy('supervisor') });
}, 120_000);

afterAll(async () => {
  await app?.dispose();
  await server?.close();
});

describe('a queue held by the ticketing system\'s rate limit', () => {
  it('shows when sending resumes, and "Retry now" sends the ticket asked for through the hold', async () => {
    const { page } = app;
    await page.getByLabel('Search procedures').waitFor();
    // Six: four go out at once and are refused; two were claimed with them and never sent.
    const escalations = [0, 1, 2, 3, 4, 5].map((n) => chaosEscalation(n));
    await seedQueue(page, escalations, Date.now());
    const configured = await page.evaluate(
      async ([url, token]) => {
        const api = window.deskbook!;
        const s = await api.settings.update({ connector: { kind: 'webhook', url } });
        const t = await api.settings.setToken({ token });
        const n = await api.net.check();
        return [s.ok, t.ok, n.ok && n.value.state] as const;
      },
      [`${server.url}${BASE}`, SECRET] as const,
    );
    expect(configured).toEqual([true, true, 'online']);

    await page.keyboard.press('Control+2');
    const banner = page.getByTestId('held-banner');
    await banner.waitFor({ timeout: 30_000 });
    expect(await banner.textContent()).toMatch(/asked Deskbook to slow down .* sending resumes in (\d+s|\d+ min)/);
    const holdEnds = Number(await banner.getAttribute('data-until'));
    // Every row waits for the hold, the two never sent as well as the four refused (whose own
    // backoff may end sooner): none says "now".
    const rows = page.getByTestId('outbox-item');
    await expect.poll(async () => (await rows.all()).length).toBe(6);
    for (const row of await rows.all()) {
      expect(Number(await row.getAttribute('data-next-try'))).toBeGreaterThanOrEqual(holdEnds);
      expect(await row.textContent()).toMatch(/next try in (\d+s|\d+ min)/);
    }
    expect(receiver.tickets.size).toBe(0);

    // The server has room again; the analyst asks for the third ticket.
    busy = false;
    await rows.filter({ hasText: 'Chaos escalation #2' }).getByRole('button', { name: 'Retry now' }).click();
    await expect.poll(() => receiver.tickets.size, { timeout: 15_000 }).toBeGreaterThan(0);
    expect([...receiver.tickets.keys()][0]).toBe(escalations[2]!.id);
    await banner.waitFor({ state: 'detached', timeout: 15_000 });

    // The hold is over: the other five follow, one at a time, each delivered once.
    await expect.poll(async () => Object.keys(await outboxStates(page)).length, { timeout: 40_000 }).toBe(0);
    expect(new Set(receiver.tickets.keys())).toEqual(new Set(escalations.map((e) => e.id)));
    expect(receiver.verdicts.every((v) => v.refusal === null)).toBe(true);
  }, 120_000);
});
