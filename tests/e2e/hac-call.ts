import type { LaunchedApp } from './harness';

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
  const steps: [string, string][] = [
    ['verify', '1'],
    ['has-parent-login', '1'],
    ['problem', '1'],
    ['check-capitals', 'Enter'],
    ['capitals-worked', '2'],
    ['login-id-correct', '1'],
    ['no-password-over-phone', 'Enter'],
  ];
  for (const [node, key] of steps) {
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
