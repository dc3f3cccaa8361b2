import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRt } from '../rt/rt-server';
import type { RtInstance } from '../rt/rt-server';
import { rtInspector } from '../integration/rt-inspect';
import { rolePolicy } from '../support/main-services';
import { launchApp } from './harness';
import { connectToRt } from './rt-connect';
import { readStore } from './idb';
import type { LaunchedApp } from './harness';

let rt: RtInstance;
let app: LaunchedApp;

beforeAll(async () => {
  // A supervisor sets up where tickets go (an analyst may not); the outbox is the same for both.
  [rt, app] = await Promise.all([startRt(), launchApp({ adminPolicy: rolePolicy('supervisor') })]);
}, 180_000);
afterAll(async () => {
  await app?.dispose();
  await rt?.stop();
});

const configure = (url: string, queue: string) => connectToRt(app.page, { url, queue, token: rt.token });

describe('the outbox screen with a real Request Tracker', () => {
  it('queues offline and says so in plain words', async () => {
    const { page } = app;
    expect(await configure('http://127.0.0.1:9', rt.queue)).toBe('offline');
    await page.getByRole('button', { name: 'Outbox' }).click();
    await page.getByRole('button', { name: 'New escalation' }).click();
    await page.getByLabel('Subject').fill('Projector cart login fails at Lincoln');
    await page.getByLabel('Description', { exact: true }).fill('Teacher cannot sign in to Infinite Campus on the cart laptops.');
    await page.getByLabel('Callback phone').fill('(555) 234-5678');
    await page.getByLabel('Caller is').selectOption('staff');
    await page.getByRole('button', { name: 'Queue ticket' }).click();
    await page.getByTestId('offline-banner').waitFor();
    await expect(page.getByTestId('offline-banner').textContent()).resolves.toMatch(/Offline — 1 waiting/);
    await expect(page.getByTestId('outbox-item').getAttribute('data-state')).resolves.toBe('pending');
  });

  it('shows a refusal in plain words, and delivers once after "Edit and re-queue"', async () => {
    const { page } = app;
    expect(await configure(rt.baseUrl, rt.otherQueues.withoutCustomFields)).toBe('online');
    const item = page.getByTestId('outbox-item');
    await page.locator('[data-testid="outbox-item"][data-state="failed"]').waitFor({ timeout: 30_000 });
    await expect(item.textContent()).resolves.toMatch(/Refused by the ticketing system/);
    await expect(item.locator('.outbox-error').textContent()).resolves.toMatch(/Deskbook Request ID/);

    expect(await configure(rt.baseUrl, rt.queue)).toBe('online');
    await item.getByRole('button', { name: 'Edit and re-queue' }).click();
    await page.getByRole('heading', { name: 'Edit and re-queue escalation' }).waitFor();
    await page.getByLabel('Subject').fill('Projector cart login fails at Lincoln (all carts)');
    await page.getByRole('button', { name: 'Re-queue ticket' }).click();
    const link = page.getByRole('link', { name: /^ticket \d+$/ });
    await link.waitFor({ timeout: 30_000 });
    await expect(page.getByTestId('count-sent').textContent()).resolves.toBe('1');

    const requestId = (await readStore<{ requestId: string }>(page, 'escalations'))[0]!.requestId;
    const inspect = rtInspector(rt);
    const ids = await inspect.ticketsForRequest(requestId);
    expect(ids).toHaveLength(1);
    const ticket = await inspect.ticket(ids[0]!);
    expect(ticket.Subject).toBe('Projector cart login fails at Lincoln (all carts)');
  });
});
