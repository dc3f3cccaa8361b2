import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filesContaining } from './disk';
import { launchApp } from './harness';
import type { LaunchedApp } from './harness';
import { runHacToEscalation } from './hac-call';

const CANARY = 'Canary-7Qx!pw-30517';
const TYPED_PASSWORD = 'Tr0ub4dor&3';
let app: LaunchedApp;

beforeAll(async () => {
  app = await launchApp();
});
afterAll(async () => {
  await app?.dispose();
});

describe('an escalation from the HAC run', () => {
  it('opens prefilled from the run and restores typed text after a reload', async () => {
    const { page } = app;
    await runHacToEscalation(app);
    await expect(page.getByLabel('Subject').inputValue()).resolves.toBe('HAC parent login · Cypress Creek HS · account check');
    await expect(page.getByTestId('draft-identity').textContent()).resolves.toBe('Identity verified: called back the phone number on file');
    await expect(page.getByLabel('Description', { exact: true }).inputValue()).resolves.toContain('Maria Lopez');
    await expect(page.getByLabel('Student number (optional)').inputValue()).resolves.toBe('12345');
    await expect(page.getByLabel('Callback phone').inputValue()).resolves.toBe('(555) 234-5678');
    await expect(page.getByLabel('Steps already tried (one per line)').inputValue()).resolves.toMatch(/Capitals and look-alike characters/);
    await page.getByLabel('Description', { exact: true }).fill(`Parent says the password is ${TYPED_PASSWORD} and it fails. Account locked?`);
    await page.waitForTimeout(600); // the autosave debounce
    await page.reload();
    await page.getByRole('button', { name: 'Outbox' }).click();
    await page.getByRole('button', { name: /HAC parent login · Cypress Creek HS/ }).click();
    // The text came back; the password did not: autosave never writes a suspected secret.
    const restored = await page.getByLabel('Description', { exact: true }).inputValue();
    expect(restored).toContain('and it fails. Account locked?');
    expect(restored).not.toContain(TYPED_PASSWORD);
    await page.getByLabel('Description', { exact: true }).fill(`Parent says the password is ${TYPED_PASSWORD} and it fails. Account locked?`);
  });

  it('refuses a ticket carrying a password and moves it into a sealed note', async () => {
    const { page } = app;
    await page.getByLabel('Secret to seal').fill(CANARY);
    await page.getByRole('button', { name: 'Seal', exact: true }).click();
    await page.getByRole('list', { name: 'Sealed notes on this ticket' }).waitFor();
    await expect(page.getByLabel('Secret to seal').inputValue()).resolves.toBe('');

    await page.getByRole('button', { name: 'Queue ticket' }).click();
    const panel = page.getByRole('alert').filter({ hasText: 'this looks like a password' });
    await panel.waitFor();
    await expect(panel.locator('mark').first().textContent()).resolves.toBe(TYPED_PASSWORD);
    await panel.getByRole('button', { name: 'Move into a sealed note' }).click();
    await expect.poll(() => page.getByLabel('Description', { exact: true }).inputValue()).toMatch(/\[sealed note: From description\]/);

    // A sealed note's text pasted back into a field, though it looks like nothing: main says so.
    await page.getByLabel('Secret to seal').fill('sunflower meadow');
    await page.getByRole('button', { name: 'Seal', exact: true }).click();
    // Sealing is a round trip to main: the field clears once the note is sealed.
    await expect.poll(() => page.getByLabel('Secret to seal').inputValue(), { timeout: 15_000 }).toBe('');
    await page.getByLabel('School (optional)').fill('Lincoln sunflower meadow');
    await page.getByRole('button', { name: 'Queue ticket' }).click();
    await page.getByRole('alert').filter({ hasText: "contains the text of one of this ticket's sealed notes" }).waitFor();
    await page.getByLabel('School (optional)').fill('Lincoln Elementary');

    await page.getByRole('button', { name: 'Queue ticket' }).click();
    await page.getByRole('heading', { name: 'Outbox' }).waitFor();
    await page.getByTestId('outbox-item').first().waitFor();
    await expect(page.getByTestId('outbox-item').first().getAttribute('data-state')).resolves.toBe('pending');
  });

  it('refuses an invalid draft naming each field, and keeps it', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'New escalation' }).click();
    await page.getByRole('button', { name: 'Queue ticket' }).click();
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    const text = await summary.textContent();
    expect(text).toMatch(/Subject: at least 5 characters/);
    expect(text).toMatch(/Callback phone/);
    expect(text).toMatch(/Caller role: choose who called/);
    await page.getByLabel('Subject').fill('Cannot reach HAC');
    await page.getByRole('button', { name: 'Outbox' }).click();
    await page.getByRole('button', { name: 'Cannot reach HAC' }).waitFor();
  });

  it('leaves no plaintext canary anywhere the app wrote', async () => {
    const { page } = app;
    const inDb = await page.evaluate(async () => {
      const names = (await indexedDB.databases()).map((d) => d.name!);
      const dump: unknown[] = [];
      for (const name of names) {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const req = indexedDB.open(name);
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
        for (const store of Array.from(db.objectStoreNames)) {
          dump.push(
            await new Promise((resolve) => {
              const req = db.transaction(store).objectStore(store).getAll();
              req.onsuccess = () => resolve(req.result);
            }),
          );
        }
        db.close();
      }
      return JSON.stringify(dump);
    });
    expect(inDb.length).toBeGreaterThan(100);
    expect(inDb).not.toContain(CANARY);
    expect(inDb).not.toContain(TYPED_PASSWORD);
    await app.close();
    expect(filesContaining([app.profileDir, app.dataDir], CANARY)).toEqual([]);
    expect(filesContaining([app.profileDir, app.dataDir], TYPED_PASSWORD)).toEqual([]);
    expect(JSON.stringify(app.logs)).not.toContain(CANARY);
    // The draft form opts out of the browser's saved form state, so even ordinary text typed
    // into it is not in the session files (where a mistyped password would otherwise sit).
    expect(filesContaining([app.profileDir], 'and it fails. Account locked?').filter((f) => f.includes('Sessions'))).toEqual([]);
  });
});
