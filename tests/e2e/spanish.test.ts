import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Escalation } from '../../shared/escalation/schema';
import { requestTrackerTarget } from '../connectors/targets/request-tracker';
import type { RunningTarget } from '../connectors/target';
import { enforcedPolicy } from '../support/main-services';
import { axeViolations } from './axe';
import { HAC_ESCALATION_PATH, typeInto } from './hac-call';
import { launchApp } from './harness';
import type { LaunchedApp } from './harness';
import { readStore } from './idb';

/**
 * Deskbook in Spanish: a Spanish-speaking supervisor (the district sets UiLanguage = es) sets up
 * Request Tracker and takes a HAC call end to end by keyboard, every word on screen in Spanish,
 * the caller's script in Spanish, the ticket recording the call's language; axe passes on each
 * screen in Spanish. Then an English-speaking analyst reads the Spanish script of the same call
 * with one key. Request Tracker is the real server, from Debian's packages.
 */

/** Message keys as they would leak if a message were missing: `sop.library.heading`. */
const RAW_KEY = /\b(?:app|sop|escalation|outbox|review|settings)\.[a-z][A-Za-z]*\.[A-Za-z.]+\b/;

const type = typeInto;

/** No raw message key anywhere in the page's text or accessible names, and axe finds nothing. */
async function checkScreen(page: Page, name: string): Promise<void> {
  const text = await page.evaluate(() =>
    [document.body.innerText, ...[...document.querySelectorAll('[aria-label],[placeholder],[title]')].flatMap((el) => ['aria-label', 'placeholder', 'title'].map((a) => el.getAttribute(a) ?? ''))].join('\n'),
  );
  expect(text.match(RAW_KEY)?.[0], `${name}: a raw message key on screen`).toBeUndefined();
  expect(await axeViolations(page), `${name}: axe`).toEqual([]);
}

describe('a HAC call taken entirely in Spanish', () => {
  let rt: RunningTarget;
  let app: LaunchedApp;
  const warnings: string[] = [];

  beforeAll(async () => {
    [rt, app] = await Promise.all([
      requestTrackerTarget.start(),
      launchApp({ adminPolicy: enforcedPolicy({ UserRole: 'supervisor', UiLanguage: 'es' }) }),
    ]);
    app.page.on('console', (message) => {
      if (message.text().includes('[i18n]')) warnings.push(message.text());
    });
  }, 240_000);
  afterAll(async () => {
    await app?.dispose();
    await rt?.stop();
  });

  it('shows the library in Spanish, with lang set on the document', async () => {
    const { page } = app;
    await page.getByLabel('Buscar procedimientos').waitFor();
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('es-US');
    await page.getByRole('heading', { name: 'Procedimientos', level: 1 }).waitFor();
    await checkScreen(page, 'library');
  });

  it('sets up Request Tracker from Settings by keyboard, in Spanish', async () => {
    const { page } = app;
    await page.keyboard.press('Control+4');
    await page.getByRole('heading', { name: 'Configuración', level: 1 }).waitFor();
    await checkScreen(page, 'settings');
    const settings = rt.settings(rt.url);
    if (settings.kind !== 'request-tracker') throw new Error('expected Request Tracker settings');
    await page.getByLabel('Enviar los tickets a').selectOption('request-tracker');
    await type(page, 'Dirección de Request Tracker', settings.url);
    await type(page, 'Cola', settings.queue);
    await type(page, 'Token de autenticación', rt.token);
    const form = page.getByRole('form', { name: 'Sistema de tickets' });
    await form.getByRole('button', { name: 'Guardar', exact: true }).focus();
    await page.keyboard.press('Enter');
    await form.getByRole('status').filter({ hasText: 'Guardado.' }).waitFor();
    await page.getByRole('button', { name: 'Probar la conexión' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('connection-report').textContent()).resolves.toMatch(/^✓ /);
  });

  it('finds the HAC procedure from a Spanish description and runs it by keyboard, the script in Spanish', async () => {
    const { page } = app;
    await page.keyboard.press('Control+1');
    await type(page, 'Buscar procedimientos', 'no puedo entrar a Home Access Center');
    await page.keyboard.press('Enter');
    await page.getByText('Acceso de padres a HAC', { exact: false }).first().waitFor();
    await page.getByLabel('Nombre de quien llama').waitFor();
    await checkScreen(page, 'runner: input');
    await page.keyboard.type('María López');
    await page.keyboard.press('Enter');

    const verify = page.locator('[data-node-id="verify"]');
    await verify.waitFor();
    const script = page.getByRole('complementary', { name: 'Diga a quien llama' });
    await expect(script.locator('[lang="es"]').first().textContent()).resolves.toMatch(/confirmar con quién/);
    await checkScreen(page, 'runner: verify');
    for (const [node, key] of HAC_ESCALATION_PATH) {
      await page.locator(`[data-node-id="${node}"]`).waitFor();
      if (node === 'problem') await checkScreen(page, 'runner: question');
      await page.keyboard.press(key);
    }
    await type(page, 'Nombre del estudiante', 'Ana López');
    await type(page, 'Número del estudiante', '12345');
    await type(page, 'Escuela', 'Cypress Creek HS');
    await type(page, 'Teléfono del padre o de la madre para devolver la llamada', '5552345678');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Crear el ticket de escalamiento' }).waitFor();
    await checkScreen(page, 'runner: outcome');
    await page.getByRole('button', { name: 'Crear el ticket de escalamiento' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Ticket de escalamiento' }).waitFor();
  });

  it('opens the draft in Spanish, prefilled, naming the call’s language, and refuses a bad field in Spanish', async () => {
    const { page } = app;
    await expect(page.getByTestId('draft-call-language').textContent()).resolves.toBe('Llamada atendida en español');
    await expect(page.getByLabel('Asunto').inputValue()).resolves.toBe('HAC parent login · Cypress Creek HS · account check');
    await checkScreen(page, 'draft');
    await type(page, 'Asunto', 'HAC');
    await page.getByRole('button', { name: 'Poner el ticket en cola' }).focus();
    await page.keyboard.press('Enter');
    await page.locator('.error-summary').filter({ hasText: 'Asunto: al menos 5 caracteres' }).waitFor();
    await checkScreen(page, 'draft with errors');
    await type(page, 'Asunto', 'HAC parent login · Cypress Creek HS · account check');
  });

  it('queues the ticket and Request Tracker receives it once, with the call’s language', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Poner el ticket en cola' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Bandeja de salida', level: 1 }).waitFor();
    await expect.poll(() => page.getByTestId('count-sent').textContent(), { timeout: 60_000 }).toBe('1');
    await checkScreen(page, 'outbox');

    const [row] = await readStore<{ requestId: string; status: string; escalation: Escalation }>(page, 'escalations');
    expect(row?.status).toBe('sent');
    expect(row?.escalation.draft.callerLanguage).toBe('es');
    const tickets = (await rt.tickets()).filter((t) => t.requestId === row?.requestId);
    expect(tickets).toHaveLength(1);
    expect(tickets[0]?.publicText).toContain('Call language: Spanish (es)');
    expect((tickets[0]?.escalation as Escalation | undefined)?.draft.callerLanguage).toBe('es');
  });

  it('shows history and the supervisor screens in Spanish', async () => {
    const { page } = app;
    for (const [key, heading] of [
      ['3', 'Historial'],
      ['5', 'Revisión'],
      ['6', 'Panel'],
      ['7', 'Auditoría'],
    ] as const) {
      await page.keyboard.press(`Control+${key}`);
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
      await checkScreen(page, heading);
    }
    expect(warnings).toEqual([]);
  });
});

describe('the interface language follows the computer’s', () => {
  it('opens in Spanish on a Mexican-Spanish computer (lang es-MX), until Settings says otherwise', async () => {
    const app = await launchApp({ locale: 'es-MX' });
    try {
      const { page } = app;
      await page.getByLabel('Buscar procedimientos').waitFor();
      await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('es-MX');
      await page.keyboard.press('Control+4');
      await page.getByLabel('Idioma de la interfaz').selectOption('en');
      await page.getByRole('form', { name: 'Idioma' }).getByRole('button', { name: 'Guardar' }).click();
      await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
      await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('en-US');
    } finally {
      await app.dispose();
    }
  });
});

describe('an English-speaking analyst and a Spanish-speaking caller', () => {
  let app: LaunchedApp;

  beforeAll(async () => {
    app = await launchApp();
  });
  afterAll(async () => {
    await app?.dispose();
  });

  it('reads the Spanish script of the same call with one key, the interface staying English', async () => {
    const { page } = app;
    await page.getByLabel('Search procedures').fill('HAC parent login');
    await page.keyboard.press('Enter');
    await page.getByLabel('Caller name').fill('María López');
    await page.keyboard.press('Enter');
    await page.locator('[data-node-id="verify"]').waitFor();
    const script = page.getByRole('complementary', { name: 'Say to the caller' });
    await expect(script.textContent()).resolves.toMatch(/I need to confirm who I’m speaking with|I need to confirm who I'm speaking with/);

    await page.keyboard.press('l');
    await expect.poll(() => script.locator('[lang="es"]').count()).toBeGreaterThan(0);
    await expect(script.textContent()).resolves.toMatch(/confirmar con quién/);
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('en-US');
    await expect(page.getByRole('heading', { name: 'Verify the caller' }).count()).resolves.toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    // The caller's language stays with the call: the next step's script is Spanish too.
    await page.keyboard.press('1');
    await page.locator('[data-node-id="has-parent-login"]').waitFor();
    await expect(script.textContent()).resolves.toMatch(/Home Access Center/);
    await expect(script.locator('[lang="es"]').count()).resolves.toBeGreaterThan(0);
    const [run] = await readStore<{ callerLanguage?: string }>(page, 'runs');
    expect(run?.callerLanguage).toBe('es');
  });
});
