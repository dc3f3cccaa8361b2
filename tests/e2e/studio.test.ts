import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicKeyBase64, signPack } from '../../electron/packs/signed-pack';
import { lintFiles } from '../../scripts/sop-lint';
import { enforcedPolicy, rolePolicy } from '../support/main-services';
import { axeViolations } from './axe';
import { typeInto } from './hac-call';
import { launchApp } from './harness';
import type { LaunchedApp } from './harness';

/**
 * The SOP Studio end to end. A supervisor builds a procedure from scratch by keyboard; lint
 * catches the dead end the new step leaves, the supervisor fixes it, previews the procedure in
 * the real runner and publishes it, then rolls an edit back. The district pack they export is
 * signed with the district's key (as district IT does with scripts/sign-pack.ts) and served by
 * a loopback server; an analyst's Deskbook (a second browser profile) receives it, verifies it
 * and runs the procedure. A copy changed after signing is refused and the good one stays.
 */
const keys = generateKeyPairSync('ed25519');
let served = '';
let server: Server;
let packUrl = '';
let supervisor: LaunchedApp;
let analyst: LaunchedApp | undefined;
let districtYaml = '';

beforeAll(async () => {
  server = createServer((_req, res) => {
    res.writeHead(served === '' ? 404 : 200, { 'Content-Type': 'application/json' });
    res.end(served);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  packUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/deskbook/district.signed.json`;
  supervisor = await launchApp({ adminPolicy: rolePolicy('supervisor') });
});
afterAll(async () => {
  await supervisor?.dispose();
  await analyst?.dispose();
  await new Promise((resolve) => server?.close(resolve));
});

const summary = (page: Page) => page.getByTestId('studio-check-summary').textContent();

/** Focuses a control and presses Enter, as a keyboard user does after tabbing to it. */
async function press(page: Page, name: string | RegExp, role: 'button' = 'button') {
  await page.getByRole(role, { name, exact: typeof name === 'string' }).focus();
  await page.keyboard.press('Enter');
}

describe('SOP Studio', () => {
  it('builds a procedure by keyboard, catches the dead end, previews and publishes it', async () => {
    const { page } = supervisor;
    await page.getByLabel('Search procedures').waitFor();
    // Ctrl+8 exists once the role is read from main: a key pressed before that does nothing.
    await page.getByRole('button', { name: 'Studio', exact: true }).waitFor();
    await page.keyboard.press('Control+8');
    await page.getByRole('heading', { name: 'SOP Studio' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // A bad id is refused with the reason, and nothing is created.
    await typeInto(page, 'Title', 'Chromebook will not join the Wi-Fi');
    await typeInto(page, 'Id', 'Chromebook WiFi');
    await page.keyboard.press('Enter');
    await expect(page.locator('#studio-new-id-hint').textContent()).resolves.toContain('must be kebab-case');
    await typeInto(page, 'Id', 'chromebook-wifi');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /Chromebook will not join the Wi-Fi/ }).waitFor();

    // The new procedure's one step leads nowhere yet: lint says so on the node, and publishing is blocked.
    await expect.poll(() => summary(page)).toContain('2 errors');
    const findings = page.locator('.studio-checks');
    await expect(findings.textContent()).resolves.toMatch(/step-1.*unconnected/s);
    await expect(page.getByRole('button', { name: /Publish as 1\.0\.0/ }).isDisabled()).resolves.toBe(true);
    await expect(page.locator('.react-flow__node[data-id="step-1"] .studio-card').getAttribute('class')).resolves.toContain('has-error');

    await typeInto(page, 'What the analyst does', 'Ask the student to restart the Chromebook and pick the district network.');
    await typeInto(page, 'Script to read to the caller (optional)', 'Please restart the Chromebook, then choose the district network.');
    // An outcome added after the step (Alt+N) is connected to the step's open end: the dead end is fixed.
    await page.getByLabel('New node').focus();
    await page.getByLabel('New node').selectOption('outcome');
    await page.keyboard.press('Alt+N');
    await page.getByRole('heading', { name: 'Outcome outcome-1' }).waitFor();
    await expect.poll(() => summary(page)).toContain('No problems found');
    await typeInto(page, 'Summary', 'The Chromebook joined the district network after a restart.');

    // Undo and redo by keyboard: the summary goes back to the default and returns.
    await page.getByRole('heading', { name: 'Outcome outcome-1' }).focus();
    await page.keyboard.press('Control+Z');
    await expect.poll(() => page.getByLabel('Summary', { exact: true }).inputValue()).toBe('Resolved');
    await page.keyboard.press('Control+Shift+Z');
    await expect.poll(() => page.getByLabel('Summary', { exact: true }).inputValue()).toContain('joined the district network');

    // Preview in the real runner: the step, then the outcome, with nothing saved as a run.
    await press(page, 'Preview');
    await press(page, 'Start preview');
    const preview = page.getByTestId('studio-preview-run');
    await preview.locator('[data-node-id="step-1"]').waitFor();
    await expect(preview.textContent()).resolves.toContain('pick the district network');
    await page.keyboard.press('Enter');
    await preview.locator('[data-node-id="outcome-1"]').waitFor();
    await expect(preview.textContent()).resolves.toContain('Preview ends here');
    expect(await axeViolations(page)).toEqual([]);

    await press(page, /Publish as 1\.0\.0/);
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Published version 1.0.0' }).count()).toBe(1);
    await expect.poll(() => page.getByRole('button', { name: /Publish as 1\.1\.0/ }).isDisabled()).toBe(true);
  });

  it('records what each version changed and rolls a version back as a new one', async () => {
    const { page } = supervisor;
    await press(page, 'Node');
    await page.getByRole('button', { name: /Step · step-1/ }).focus();
    await page.keyboard.press('Enter');
    await typeInto(page, 'Title (optional)', 'Restart and reconnect');
    await press(page, /Publish as 1\.1\.0/);
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Published version 1.1.0' }).count()).toBe(1);

    await press(page, 'Versions');
    const versions = page.locator('.studio-versions');
    await expect.poll(() => versions.textContent()).toMatch(/1\.1\.0.*\(current\).*Edited: Restart and reconnect \(step-1\): title.*1\.0\.0.*First version: 2 nodes/s);
    await press(page, 'Roll back to 1.0.0');
    await press(page, 'Roll back to 1.0.0 now');
    await expect.poll(() => versions.textContent()).toMatch(/1\.2\.0.*\(current\).*Restores the steps of 1\.0\.0/s);
    expect(await axeViolations(page)).toEqual([]);

    // The library on this computer lists the newest published version; runs keep theirs.
    await page.keyboard.press('Control+1');
    await page.getByLabel('Search procedures').fill('Chromebook will not join');
    await expect.poll(() => page.getByRole('button', { name: /Chromebook will not join the Wi-Fi/ }).textContent()).toContain('v1.2.0');
  });

  it('exports a district pack that lints clean and is a round trip of what was published', async () => {
    const { page } = supervisor;
    await page.keyboard.press('Control+8');
    await page.getByRole('heading', { name: 'SOP Studio' }).waitFor();
    const download = page.waitForEvent('download');
    await press(page, /Export the district pack 1\.3\.0/);
    districtYaml = readFileSync(await (await download).path(), 'utf8');
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'deskbook-studio-')), 'district.sop.yaml');
    writeFileSync(file, districtYaml);
    const report = lintFiles([file]);
    expect(report.lines).toEqual(['0 errors, 0 warnings in 1 file']);
    expect(report.exitCode).toBe(0);
    expect(districtYaml).toContain('id: chromebook-wifi');
    expect(districtYaml).toContain('version: 1.2.0');
  });

  it('reaches an analyst signed, runs there, and a copy changed after signing is refused', async () => {
    served = signPack(districtYaml, keys.privateKey);
    analyst = await launchApp({ adminPolicy: enforcedPolicy({ SopPackUrl: packUrl, SopPackPublicKey: publicKeyBase64(keys.publicKey) }) });
    const { page } = analyst;
    const status = page.getByTestId('district-pack');
    await expect.poll(() => status.getAttribute('data-state'), { timeout: 30_000 }).toBe('ok');
    await expect(status.textContent()).resolves.toContain('Version 1.3.0 in use');

    await page.getByLabel('Search procedures').fill('Chromebook will not join');
    await page.keyboard.press('Enter');
    await page.locator('[data-node-id="step-1"]').waitFor();
    await expect(page.locator('.run').textContent()).resolves.toContain('pick the district network');
    await page.keyboard.press('Enter');
    await page.locator('[data-node-id="outcome-1"]').waitFor();
    await page.getByRole('button', { name: 'Procedures' }).click();

    const good = JSON.parse(signPack(districtYaml.replace('version: 1.3.0', 'version: 1.4.0'), keys.privateKey)) as { payload: string };
    served = JSON.stringify({ ...good, payload: good.payload.replace('pick the district network', 'type the student’s password for them') });
    await page.getByRole('button', { name: 'Check now' }).click();
    await expect.poll(() => status.getAttribute('data-state'), { timeout: 30_000 }).toBe('refused');
    await expect(status.textContent()).resolves.toMatch(/bad signature.*Still using version 1\.3\.0/s);
  });
});
