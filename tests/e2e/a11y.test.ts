import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { launchApp } from './harness';
import type { LaunchedApp } from './harness';

/**
 * Every control has an accessible name and each screen passes axe-core's WCAG 2.1 A/AA rules.
 * axe is evaluated through the debugging protocol, which the page's CSP does not govern.
 */
let app: LaunchedApp;

beforeAll(async () => {
  app = await launchApp();
});
afterAll(async () => {
  await app?.dispose();
});

const violations = axeViolations;

describe('accessibility of each screen', () => {
  it('is checked by a live axe (an unlabeled input is reported)', async () => {
    await app.page.getByLabel('Search procedures').waitFor();
    await app.page.evaluate(() => document.body.append(Object.assign(document.createElement('input'), { id: 'probe-unlabeled' })));
    expect((await violations(app.page)).join('\n')).toMatch(/label.*#probe-unlabeled/);
    await app.page.evaluate(() => document.getElementById('probe-unlabeled')?.remove());
  });

  it('the library', async () => {
    await app.page.getByLabel('Search procedures').waitFor();
    expect(await violations(app.page)).toEqual([]);
  });

  it('a question, a step and a form in the runner', async () => {
    const { page } = app;
    await page.getByLabel('Search procedures').fill('HAC parent login');
    await page.keyboard.press('Enter');
    await page.getByLabel('Caller name').waitFor();
    expect(await violations(page)).toEqual([]);
    await page.keyboard.type('Maria');
    await page.keyboard.press('Enter');
    await page.locator('[data-node-id="verify"]').waitFor();
    expect(await violations(page)).toEqual([]);
    await page.keyboard.press('1');
    await page.locator('[data-node-id="has-parent-login"]').waitFor();
    expect(await violations(page)).toEqual([]);
    await page.keyboard.press('1');
    await page.locator('[data-node-id="problem"]').waitFor();
    await page.keyboard.press('1');
    await page.locator('[data-node-id="check-capitals"]').waitFor();
    expect(await violations(page)).toEqual([]);
  });

  it('the escalation form, with its errors shown', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Outbox' }).click();
    await page.getByRole('button', { name: 'New escalation' }).click();
    await page.getByRole('button', { name: 'Queue ticket' }).click();
    await page.locator('.error-summary').waitFor();
    expect(await violations(page)).toEqual([]);
  });

  it('the outbox, history and settings', async () => {
    const { page } = app;
    for (const [nav, heading] of [
      ['Outbox', 'Outbox'],
      ['History', 'History'],
      ['Settings', 'Settings'],
    ] as const) {
      await page.getByRole('button', { name: nav }).click();
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
      expect(await violations(page), nav).toEqual([]);
    }
  });
});
