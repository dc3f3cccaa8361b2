import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectorSettings } from '../../shared/ipc/settings';
import { CONFORMANCE_TARGETS } from '../connectors/targets';
import type { ConformanceTarget, RunningTarget } from '../connectors/target';
import { rolePolicy } from '../support/main-services';
import { runHacToEscalation, typeInto } from './hac-call';
import { launchApp } from './harness';
import type { LaunchedApp } from './harness';
import { readStore } from './idb';

/**
 * A ticket drafted by keyboard reaches each system a district may run, through Settings and the
 * outbox: the supervisor fills in Settings by keyboard, Test connection passes, a HAC call is
 * escalated with a sealed note, and the outbox delivers it. The servers are the contract servers
 * of tests/support (written from each vendor's published API), checked with their own store.
 */
const SYSTEMS = ['Incident IQ', 'Zendesk', 'ServiceNow'];
const SECRET = 'Hac-Temp-P4ss-8812';

const type = typeInto;

/** Fills the Ticketing system form for `settings` by keyboard, as a supervisor would from the admin's sheet. */
async function fillSettings(page: Page, settings: ConnectorSettings, token: string): Promise<void> {
  await page.getByLabel('Send tickets to').selectOption(settings.kind);
  if (settings.kind === 'none') return;
  await type(page, settings.kind === 'servicenow' ? 'ServiceNow instance address' : settings.kind === 'zendesk' ? 'Zendesk address' : 'Incident IQ address', settings.url);
  switch (settings.kind) {
    case 'incident-iq':
      await type(page, 'Site ID', settings.siteId);
      await type(page, 'Request ID custom field', settings.requestIdField);
      if (settings.issueId) await type(page, 'Issue id', settings.issueId);
      await type(page, 'API token', token);
      break;
    case 'zendesk':
      await type(page, 'Agent email', settings.email);
      if (settings.group) await type(page, 'Group id (optional)', settings.group);
      await type(page, 'API token', token);
      break;
    case 'servicenow':
      await page.getByLabel('Sign in with').selectOption(settings.auth);
      if (settings.auth === 'basic') await type(page, 'User name', settings.username);
      if (settings.group) await type(page, 'Assignment group (optional)', settings.group);
      await type(page, settings.auth === 'basic' ? 'Password' : 'OAuth access token', token);
      break;
    default:
      throw new Error(`no form for ${settings.kind}`);
  }
  const form = page.getByRole('form', { name: 'Ticketing system' });
  await form.getByRole('button', { name: 'Save', exact: true }).focus();
  await page.keyboard.press('Enter');
  await form.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
}

const targets = CONFORMANCE_TARGETS.filter((t) => SYSTEMS.includes(t.name));

describe.each(targets.map((t) => [t.name, t] as [string, ConformanceTarget]))('a ticket drafted by keyboard reaches %s', (name, target) => {
  let server: RunningTarget;
  let app: LaunchedApp;

  beforeAll(async () => {
    // A supervisor sets up where tickets go (an analyst may not); the call itself is the same.
    [server, app] = await Promise.all([target.start(), launchApp({ adminPolicy: rolePolicy('supervisor') })]);
  }, 180_000);
  afterAll(async () => {
    await app?.dispose();
    await server?.stop();
  });

  it('through Settings, Test connection, a HAC call and the outbox, with the sealed note staff-only', async () => {
    const { page } = app;
    await page.getByLabel('Search procedures').waitFor();
    await page.keyboard.press('Control+4');
    await page.getByRole('heading', { name: 'Ticketing system' }).waitFor();
    await fillSettings(page, server.settings(server.url), server.token);
    await page.getByRole('button', { name: 'Test connection' }).click();
    const report = page.getByTestId('connection-report');
    await report.waitFor();
    await expect(report.textContent()).resolves.toMatch(/^✓ /);

    await page.keyboard.press('Control+1');
    await runHacToEscalation(app);
    await type(page, 'Secret to seal', SECRET);
    await page.getByRole('button', { name: 'Seal', exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByLabel('Secret to seal').inputValue(), { timeout: 15_000 }).toBe('');
    await page.getByRole('button', { name: 'Queue ticket' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Outbox' }).waitFor();
    await expect.poll(() => page.getByTestId('count-sent').textContent(), { timeout: 60_000 }).toBe('1');

    const [row] = await readStore<{ requestId: string; remoteId: string; remoteUrl: string; status: string }>(page, 'escalations');
    expect(row?.status).toBe('sent');
    const tickets = (await server.tickets()).filter((t) => t.requestId === row?.requestId);
    expect(tickets.map((t) => t.remoteId), `${name} holds one ticket for the request`).toEqual([row?.remoteId]);
    const [ticket] = tickets;
    expect(ticket?.subject).toBe('HAC parent login · Cypress Creek HS · account check');
    expect(ticket?.publicText).toContain('Maria Lopez');
    expect(ticket?.publicText).not.toContain(SECRET);
    expect(ticket?.privateNotes.join('\n')).toContain(SECRET);
  });
});
