import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRt } from '../rt/rt-server';
import type { RtInstance } from '../rt/rt-server';
import { rtInspector } from '../integration/rt-inspect';
import { axeViolations } from './axe';
import { enforcedPolicy, rolePolicy } from '../support/main-services';
import { startSwitchablePort } from '../support/switchable-port';
import type { SwitchablePort } from '../support/switchable-port';
import { launchApp } from './harness';
import { connectToRt } from './rt-connect';
import { readStore } from './idb';
import type { LaunchedApp } from './harness';
import { createRtConnector } from '../../electron/sync/rt';
import { makeEscalation } from '../support/escalation-fixture';

/**
 * The supervisor story end to end, against a real Request Tracker, with two browser profiles
 * (two machines): a technician queues offline; after sync a supervisor returns it with a comment;
 * the technician sees the comment, fixes and re-queues; the supervisor approves; RT holds it all.
 */
let rt: RtInstance;
let tech: LaunchedApp;
let sup: LaunchedApp;
const SUBJECT = 'Lincoln library cart: HAC login fails for every student';

let schoolNetwork: SwitchablePort;

/**
 * The technician's laptop is set up as a district sets one up: policy names the role and where
 * tickets go (a technician may not change that), here through a switchable loopback port in
 * front of RT, so "offline at the school" is a real refused connection.
 */
beforeAll(async () => {
  const supLaunch = launchApp({ settings: { user: { id: 'sup-1', name: 'Sam Supervisor', role: 'analyst', authorizedContact: false } }, adminPolicy: rolePolicy('supervisor', true) });
  rt = await startRt();
  schoolNetwork = await startSwitchablePort(Number(new URL(rt.baseUrl).port), 'down');
  [tech, sup] = await Promise.all([
    launchApp({
      settings: { user: { id: 'tech-1', name: 'Terry Technician', role: 'analyst', authorizedContact: false } },
      adminPolicy: enforcedPolicy({
        UserRole: 'technician',
        ConnectorKind: 'request-tracker',
        ConnectorUrl: `http://127.0.0.1:${schoolNetwork.port}`,
        ConnectorQueue: rt.queue,
      }),
    }),
    supLaunch,
  ]);
}, 180_000);
afterAll(async () => {
  await Promise.all([tech?.dispose(), sup?.dispose()]);
  await schoolNetwork?.close();
  await rt?.stop();
});

/** The technician signs in (the token is theirs to enter) and main checks the connection. */
const signInAndCheck = (page: Page, token: string) =>
  page.evaluate(async (t) => {
    const api = window.deskbook!;
    await api.settings.setToken({ token: t });
    const n = await api.net.check();
    return n.ok ? n.value.state : 'error';
  }, token);

const connect = (page: Page, url: string) => connectToRt(page, { url, queue: rt.queue, token: rt.token });

async function outboxEmpty(page: Page) {
  await expect.poll(async () => (await readStore(page, 'outbox')).length, { timeout: 30_000, interval: 250 }).toBe(0);
}

describe('supervisor review, technician and supervisor on two machines', () => {
  it('the technician queues offline and it is delivered when the network returns', async () => {
    const { page } = tech;
    await page.getByLabel('Search procedures').waitFor();
    expect(await signInAndCheck(page, rt.token)).toBe('offline');
    await page.getByRole('button', { name: 'Outbox' }).click();
    await page.getByRole('button', { name: 'New escalation' }).click();
    await page.getByLabel('Subject').fill(SUBJECT);
    await page.getByLabel('Description', { exact: true }).fill('Every student on the library cart gets "invalid login" in HAC since this morning.');
    await page.getByLabel('School (optional)').fill('Lincoln Elementary');
    await page.getByLabel('Callback phone').fill('555-234-5678');
    await page.getByLabel('Caller is').selectOption('staff');
    await page.getByRole('button', { name: 'Queue ticket' }).click();
    await page.getByTestId('offline-banner').waitFor();
    await schoolNetwork.up();
    expect(await signInAndCheck(page, rt.token)).toBe('online');
    await page.getByRole('link', { name: /^ticket \d+$/ }).waitFor({ timeout: 30_000 });
  });

  it('refuses supervisor channels to the technician, in main', async () => {
    const result = await tech.page.evaluate(() => window.deskbook!.review.list({ cursor: null }));
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await expect(tech.page.getByRole('button', { name: 'Review' }).count()).resolves.toBe(0);
  });

  it('the supervisor sees it and returns it with a comment', async () => {
    const { page } = sup;
    await page.getByLabel('Search procedures').waitFor();
    expect(await connect(page, rt.baseUrl)).toBe('online');
    await page.getByRole('button', { name: 'Review' }).click();
    const row = page.getByTestId('review-row').filter({ hasText: SUBJECT });
    await row.waitFor({ timeout: 30_000 });
    await row.click();
    await page.getByTestId('sla-district').waitFor();
    await page.getByLabel('Return to the analyst').check();
    await page.getByRole('button', { name: 'Return with comment' }).click();
    await expect(page.getByText('Comment: say what the analyst must fix').isVisible()).resolves.toBe(true);
    await page.getByLabel('Comment for the analyst (required)').fill('Add the student number of one affected student, please.');
    await page.getByRole('button', { name: 'Return with comment' }).click();
    await page.getByTestId('decision-queued').waitFor();
    await outboxEmpty(page);
  });

  it('the technician sees the comment, fixes and re-queues', async () => {
    const { page } = tech;
    await page.getByRole('button', { name: 'Procedures' }).click();
    await page.getByRole('button', { name: 'Outbox' }).click();
    // Request Tracker's workers may serve a ticket cached a few seconds ago: ask again, as the
    // outbox does every 20 seconds, until the return shows.
    const item = page.locator('[data-testid="sent-item"][data-review="returned"]');
    await expect
      .poll(
        async () => {
          await page.getByRole('button', { name: 'Check for supervisor replies' }).click();
          return item.count();
        },
        { timeout: 30_000, interval: 1000 },
      )
      .toBe(1);
    await expect(item.textContent()).resolves.toContain('Add the student number of one affected student');
    await item.getByRole('button', { name: 'Fix and re-queue' }).click();
    await page.getByRole('heading', { name: 'Fix a returned escalation' }).waitFor();
    await page.getByLabel('Student number (optional)').fill('123456');
    await page.getByRole('button', { name: 'Send the fix' }).click();
    await page.getByRole('heading', { name: 'Outbox' }).waitFor();
    await outboxEmpty(page);
    await page.locator('[data-testid="sent-item"][data-review="awaiting-review"]').waitFor({ timeout: 30_000 });
  });

  it('the supervisor approves the corrected escalation', async () => {
    const { page } = sup;
    const row = page.getByTestId('review-row').filter({ hasText: SUBJECT });
    await expect
      .poll(
        async () => {
          await page.getByRole('button', { name: 'Refresh' }).click();
          await page.waitForTimeout(300);
          return row.count();
        },
        { timeout: 30_000, interval: 1000 },
      )
      .toBe(1);
    await row.click();
    await expect.poll(() => page.locator('.facts').textContent(), { timeout: 15_000 }).toContain('123456');
    await page.getByRole('button', { name: 'Approve' }).click();
    await page.getByTestId('decision-queued').waitFor();
    await outboxEmpty(page);
  });

  it('RT holds the whole history, and the audit trail records both decisions', async () => {
    const inspect = rtInspector(rt);
    const requestId = (await readStore<{ requestId: string }>(tech.page, 'escalations'))[0]!.requestId;
    const [ticketId] = await inspect.ticketsForRequest(requestId);
    expect(ticketId).toBeDefined();
    // RT's other worker processes may serve the ticket from a cache a few seconds old.
    await expect
      .poll(async () => inspect.fieldValue(await inspect.ticket(ticketId!), rt.customFields.review), { timeout: 15_000, interval: 1000 })
      .toEqual(['approved']);
    const history = (await inspect.messages(ticketId!)).map((m) => `${m.type}: ${m.subject} ${m.content}`).join('\n');
    expect(history).toMatch(/Add the student number of one affected student/);
    expect(history).toMatch(/resubmission/i);
    expect(history).toMatch(/approved/i);

    const { page } = sup;
    await page.getByRole('button', { name: 'Audit' }).click();
    await page.getByTestId('audit-intact').waitFor();
    await expect(page.getByTestId('audit-intact').textContent()).resolves.toMatch(/intact/);
    const rows = await page.locator('tbody tr').allTextContents();
    expect(rows.map((r) => (r.includes('return') ? 'return' : r.includes('approve') ? 'approve' : r))).toEqual(['return', 'approve']);
    expect(rows.join('\n')).toContain('Sam Supervisor (supervisor)');
    expect(await axeViolations(page), 'audit').toEqual([]);
  });

  it('the dashboard counts escalations by SOP and school, and the review screen is accessible', async () => {
    const { page } = sup;
    await page.getByRole('button', { name: 'Dashboard' }).click();
    await page.getByTestId('chart-school').waitFor();
    await expect(page.getByTestId('chart-school').textContent()).resolves.toContain('Lincoln Elementary');
    await expect(page.getByTestId('sla-attainment').textContent()).resolves.toMatch(/of 1 decided/);
    expect(await axeViolations(page), 'dashboard').toEqual([]);
    await page.getByRole('button', { name: 'Review' }).click();
    await page.getByLabel('Status').selectOption('approved');
    await page.getByTestId('review-row').first().click();
    await page.getByTestId('sla-district').waitFor();
    expect(await axeViolations(page), 'review').toEqual([]);
  });

  it('an Authorized Contact forwards a hosted outage, then records the vendor case number; the vendor clock starts then', async () => {
    const subject = 'Campus hosted site down for the whole district';
    const analyst = createRtConnector({ fetch: globalThis.fetch, baseUrl: rt.baseUrl, token: rt.token, queue: rt.queue });
    const created = await analyst.create(makeEscalation({ subject, priority: 'critical', hostedOutage: true, sealedNotes: [] }), randomUUID(), []);
    if (created.kind !== 'sent') throw new Error(`expected sent, got ${JSON.stringify(created)}`);

    const { page } = sup;
    // Connected and on Review already when the story ran in order; this also stands alone.
    expect(await connect(page, rt.baseUrl)).toBe('online');
    await page.getByRole('button', { name: 'Review' }).click();
    await page.getByLabel('Status').selectOption('awaiting-review');
    const row = page.getByTestId('review-row').filter({ hasText: subject });
    await expect
      .poll(
        async () => {
          await page.getByRole('button', { name: 'Refresh' }).click();
          await page.waitForTimeout(300);
          return row.count();
        },
        { timeout: 30_000, interval: 1000 },
      )
      .toBe(1);
    await row.click();
    await page.getByLabel('Forward as a vendor case').check();
    await page.getByLabel('Replication steps (required)').fill('Open the Campus login page from any network: it times out.');
    await page.getByRole('button', { name: 'Generate case text' }).click();
    await page.getByRole('button', { name: 'Forward as vendor case' }).click();
    await page.getByTestId('decision-queued').waitFor();
    await outboxEmpty(page);

    // Forwarded: the form for the case number, and a vendor clock that has not started.
    await page.getByLabel('Vendor case number').waitFor({ timeout: 15_000 });
    const vendor = page.getByTestId('sla-vendor');
    await expect(vendor.getAttribute('data-state')).resolves.toBe('not-started');
    await expect(vendor.textContent()).resolves.toContain('Starts when the case is submitted');
    expect(await axeViolations(page), 'vendor case form').toEqual([]);
    await page.getByLabel('Vendor case number').fill('CS-12');
    await page.getByRole('button', { name: 'Record case number' }).click();
    await page.getByText('Vendor case number: 5 to 12 digits').waitFor();
    await page.getByLabel('Vendor case number').fill('1234567');
    await page.getByRole('button', { name: 'Record case number' }).click();
    await outboxEmpty(page);

    await expect.poll(() => vendor.getAttribute('data-state'), { timeout: 15_000 }).not.toBe('not-started');
    await expect(vendor.textContent()).resolves.toContain('24/7');
    await expect(page.locator('.facts').textContent()).resolves.toContain('Infinite Campus case 1234567');
    const inspect = rtInspector(rt);
    await expect
      .poll(async () => inspect.fieldValue(await inspect.ticket(created.remoteId), rt.customFields.vendorCase)[0] ?? '', { timeout: 15_000, interval: 1000 })
      .toMatch(/^1234567 submitted \d{4}-\d\d-\d\dT/);
    await page.getByLabel('Status').selectOption('forwarded');
    await expect(page.getByTestId('review-row').filter({ hasText: subject }).textContent()).resolves.toContain('IC case 1234567');
    expect(await axeViolations(page), 'vendor case').toEqual([]);
  });
});
