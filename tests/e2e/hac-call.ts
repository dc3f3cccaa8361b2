import type { Page } from 'playwright-core';
import type { LaunchedApp } from './harness';

/**
 * The HAC parent-login path to its escalation, each node with the key that answers it: verified by
 * call back, own login, password rejected, capitals tried, login id right, no password by phone.
 */
export const HAC_ESCALATION_PATH: readonly (readonly [node: string, key: string])[] = [
  ['verify', '1'],
  ['has-parent-login', '1'],
  ['problem', '1'],
  ['check-capitals', 'Enter'],
  ['capitals-worked', '2'],
  ['login-id-correct', '1'],
  ['no-password-over-phone', 'Enter'],
];

/** Types into a field by keyboard, replacing what it held. */
export async function typeInto(page: Page, label: string, text: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type(text);
}

/**
 * A HAC parent-login call taken by keyboard up to its escalation: the caller verified by call
 * back, the login id right, the password the problem; the draft opens prefilled from the run.
 */
export async function runHacToEscalation(app: LaunchedApp) {
  const { page } = app;
  await page.getByLabel('Search procedures').fill('HAC parent login');
  await page.keyboard.press('Enter');
  await page.getByLabel('Caller name').fill('Maria Lopez');
  await page.keyboard.press('Enter');
  for (const [node, key] of HAC_ESCALATION_PATH) {
    await page.locator(`[data-node-id="${node}"]`).waitFor();
    await page.keyboard.press(key);
  }
  await page.getByLabel('Student name').fill('Ana Lopez');
  await page.getByLabel('Student number').fill('12345');
  await page.getByLabel('School').fill('Cypress Creek HS');
  await page.getByLabel('Parent callback phone').fill('5552345678');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Create the escalation ticket' }).click();
  await page.getByRole('heading', { name: 'Escalation ticket' }).waitFor();
}
