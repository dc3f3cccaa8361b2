import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp } from './harness';
import type { LaunchedApp } from './harness';

let app: LaunchedApp;
beforeAll(async () => {
  // The district names its own HAC tier 2; the example district's name is never shown for it.
  app = await launchApp({
    settings: { library: { builtInPacks: 'show', enabledPacks: [], districtNotes: { 'hac-support': { parentLoginTier2: 'Jennifer Miller (HAC tier 2)' } } } },
  });
});
afterAll(async () => {
  await app?.dispose();
});

const nodeId = () => app.page.locator('[data-node-id]').getAttribute('data-node-id');

describe('the HAC parent-login call, by keyboard only', () => {
  it('goes from the library to the escalation outcome and survives a reload mid-call', async () => {
    const { page } = app;
    const search = page.getByLabel('Search procedures');
    await search.waitFor();
    await expect(search.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await page.keyboard.type('hac parnet login');
    await expect(page.locator('.sop-open').first().locator('.sop-title').textContent()).resolves.toBe('HAC parent login');
    await page.keyboard.press('Enter');

    await page.getByLabel('Caller name').waitFor();
    expect(await nodeId()).toBe('caller');
    await page.keyboard.type('Maria Lopez');
    await page.keyboard.press('Enter');

    await page.locator('[data-node-id="verify"]').waitFor();
    await page.keyboard.press('1');
    await page.locator('[data-node-id="has-parent-login"]').waitFor();
    await page.keyboard.press('1');
    await page.locator('[data-node-id="problem"]').waitFor();
    await page.keyboard.press('1');
    await page.locator('[data-node-id="check-capitals"]').waitFor();
    await page.keyboard.press('Enter');
    await page.locator('[data-node-id="capitals-worked"]').waitFor();
    await page.keyboard.press('2');
    await page.locator('[data-node-id="login-id-correct"]').waitFor();

    // Reload mid-call: the run is in IndexedDB, so the app resumes at the same node.
    await page.reload();
    await page.getByRole('button', { name: /Resume: HAC parent login/ }).waitFor();
    await page.getByRole('button', { name: /Resume: HAC parent login/ }).focus();
    await page.keyboard.press('Enter');
    await page.locator('[data-node-id="login-id-correct"]').waitFor();
    await expect(page.locator('#node-heading').textContent()).resolves.toMatch(/login ID correct/i);
    // The answers before the reload are still there: Alt+Left goes back to the last one.
    await page.keyboard.press('Alt+ArrowLeft');
    await page.locator('[data-node-id="capitals-worked"]').waitFor();
    await page.keyboard.press('2');
    await page.locator('[data-node-id="login-id-correct"]').waitFor();

    await page.keyboard.press('1');
    await page.locator('[data-node-id="no-password-over-phone"]').waitFor();
    await expect(page.getByLabel('Say to the caller').textContent()).resolves.toMatch(/never ask for your password/);
    await page.keyboard.press('Enter');

    await page.getByLabel('Student name').waitFor();
    await page.keyboard.type('Ana Lopez');
    await page.keyboard.press('Tab');
    await page.keyboard.type('12345');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Cypress Creek HS');
    await page.keyboard.press('Tab');
    await page.keyboard.type('555-23'); // incomplete: refused with a named error, nothing lost
    await page.keyboard.press('Enter');
    await expect(page.getByText('Parent callback phone: must be a 10-digit US number').isVisible()).resolves.toBe(true);
    await page.keyboard.type('4-5678');
    await page.keyboard.press('Enter');

    await page.locator('[data-node-id="escalate-tier2"]').waitFor();
    const outcome = await page.locator('.outcome').textContent();
    expect(outcome).toContain('Jennifer Miller');
    expect(outcome).toContain('Ana Lopez (12345, Cypress Creek HS)');
    expect(outcome).toContain('(555) 234-5678');
  });

  it('lists the finished call in history with its outcome', async () => {
    const { page } = app;
    await page.keyboard.press('Control+3');
    await page.getByRole('heading', { name: 'History' }).waitFor();
    const row = page.getByRole('row', { name: /HAC parent login/ });
    await expect(row.textContent()).resolves.toMatch(/Escalated to Jennifer Miller/);
  });
});
