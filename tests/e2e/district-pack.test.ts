import { generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicKeyBase64, signPack } from '../../electron/packs/signed-pack';
import { enforcedPolicy } from '../support/main-services';
import { axeViolations } from './axe';
import { launchApp } from './harness';
import type { LaunchedApp } from './harness';

/**
 * A district publishes its own procedure as a signed pack on its web server (here a loopback
 * one); an analyst's Deskbook, given the address and public key by policy, fetches it, verifies
 * it in main and lists the procedure, which runs like any other. A file changed after signing,
 * or an older version replayed, is refused with the reason on screen, and the good one stays.
 */
const keys = generateKeyPairSync('ed25519');

function districtPack(version: string, stepText = 'Ask which laptop cart the teacher uses and read its asset tag.'): string {
  return `id: lincoln-desk
title: Lincoln desk procedures
version: ${version}
publisher: Lincoln USD help desk
languages: [en, es]
sops:
  - id: cart-laptop-wont-charge
    title: Laptop cart will not charge
    version: ${version}
    audience: [analyst]
    symptoms: [the laptop cart is not charging]
    start: ask-cart
    nodes:
      ask-cart:
        kind: step
        title: Which cart
        text: ${stepText}
        say:
          en: Which cart are the laptops in? There is a tag on its door.
          es: ¿En qué carrito están las computadoras? Tiene una etiqueta en la puerta.
        next: done
      done:
        kind: outcome
        say:
          en: Thank you, we will send a technician.
          es: Gracias, vamos a enviar a un técnico.
        outcome:
          type: resolved
          summary: Cart identified; technician sent.
`;
}

let served = signPack(districtPack('1.0.0'), keys.privateKey);
let server: Server;
let url = '';
let app: LaunchedApp;

beforeAll(async () => {
  server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(served);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/deskbook/district.signed.json`;
  app = await launchApp({ adminPolicy: enforcedPolicy({ SopPackUrl: url, SopPackPublicKey: publicKeyBase64(keys.publicKey) }) });
});
afterAll(async () => {
  await app?.dispose();
  await new Promise((resolve) => server?.close(resolve));
});

describe('a district pack published signed', () => {
  it('is fetched, verified and listed, and its procedure runs', async () => {
    const { page } = app;
    const status = page.getByTestId('district-pack');
    await expect.poll(() => status.getAttribute('data-state'), { timeout: 30_000 }).toBe('ok');
    await expect(status.textContent()).resolves.toContain('Version 1.0.0 in use');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel('Search procedures').fill('laptop cart not charging');
    await page.keyboard.press('Enter');
    await page.locator('[data-node-id="ask-cart"]').waitFor();
    await expect(page.getByRole('complementary', { name: 'Say to the caller' }).textContent()).resolves.toContain('There is a tag on its door');
    await page.keyboard.press('Enter');
    await page.locator('[data-node-id="done"]').waitFor();
    await page.getByRole('button', { name: 'Procedures' }).click();
  });

  it('refuses a file changed after signing, keeping the good version', async () => {
    const { page } = app;
    const good = JSON.parse(signPack(districtPack('1.1.0'), keys.privateKey)) as { payload: string };
    served = JSON.stringify({ ...good, payload: good.payload.replace('read its asset tag', 'ask for the teacher’s password') });
    await page.getByRole('button', { name: 'Check now' }).click();
    const status = page.getByTestId('district-pack');
    await expect.poll(() => status.getAttribute('data-state'), { timeout: 30_000 }).toBe('refused');
    await expect(status.textContent()).resolves.toMatch(/bad signature.*Still using version 1\.0\.0/s);
    await expect(page.getByRole('button', { name: /Laptop cart will not charge/ }).count()).resolves.toBe(1);
  });

  it('refuses an older version replayed, and takes a newer one', async () => {
    const { page } = app;
    const status = page.getByTestId('district-pack');
    served = signPack(districtPack('0.9.0'), keys.privateKey);
    await page.getByRole('button', { name: 'Check now' }).click();
    await expect.poll(() => status.textContent(), { timeout: 30_000 }).toMatch(/refused.*0\.9\.0.*Still using version 1\.0\.0/s);

    served = signPack(districtPack('1.2.0', 'Ask which cart, and read its asset tag aloud.'), keys.privateKey);
    await page.getByRole('button', { name: 'Check now' }).click();
    await expect.poll(() => status.textContent(), { timeout: 30_000 }).toContain('Version 1.2.0 in use');
    await expect(page.getByRole('button', { name: /Laptop cart will not charge/ }).textContent()).resolves.toContain('v1.2.0');
  });
});
