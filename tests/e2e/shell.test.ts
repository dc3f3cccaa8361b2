import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp } from './harness';
import type { LaunchedApp } from './harness';

let app: LaunchedApp;

beforeAll(async () => {
  app = await launchApp();
});
afterAll(async () => {
  await app?.dispose();
});

describe('the app shell in Chromium', () => {
  it('renders the navigation and the status bar', async () => {
    await expect(app.page.getByRole('navigation', { name: 'Main' }).isVisible()).resolves.toBe(true);
    await app.page.getByTestId('app-version').waitFor();
    expect(await app.page.getByTestId('app-version').textContent()).toContain('0.1.0-test');
  });

  it('round-trips app:info through the real router', async () => {
    const result = await app.page.evaluate(() => window.deskbook!.app.info());
    expect(result).toEqual({ ok: true, value: { name: 'Deskbook', version: '0.1.0-test', platform: 'linux', shell: 'web' } });
  });

  it('refuses a malformed call with a typed error and keeps serving', async () => {
    const bad = await app.page.evaluate(() =>
      (window.deskbook!.app.info as (input: unknown) => Promise<unknown>)({ surprise: true }),
    );
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    const unknown = await app.page.evaluate(() =>
      (window as unknown as { __deskbookInvoke: (c: string, i: unknown) => Promise<unknown> }).__deskbookInvoke('app:quit', null),
    );
    expect(unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    const huge = await app.page.evaluate(() =>
      (window as unknown as { __deskbookInvoke: (c: string, i: unknown) => Promise<unknown> }).__deskbookInvoke('app:info', 'x'.repeat(600_000)),
    );
    expect(huge).toMatchObject({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE' } });
    const after = await app.page.evaluate(() => window.deskbook!.app.info());
    expect(after.ok).toBe(true);
  });

  it('refuses a call made from a sub-frame', async () => {
    const result = await app.page.evaluate(async () => {
      const frame = document.createElement('iframe');
      frame.srcdoc = '<p>child</p>';
      document.body.append(frame);
      await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
      const child = frame.contentWindow as unknown as { __deskbookInvoke: (c: string, i: unknown) => Promise<unknown> };
      const answer = await child.__deskbookInvoke('app:info', undefined);
      frame.remove();
      return answer;
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it("blocks an injected inline script with the page's CSP", async () => {
    const outcome = await app.page.evaluate(async () => {
      const violation = new Promise<string>((resolve) =>
        document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective), { once: true }),
      );
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true;';
      document.body.append(script);
      const directive = await violation;
      return { directive, ran: (window as unknown as { __injected?: boolean }).__injected === true };
    });
    expect(outcome.ran).toBe(false);
    expect(outcome.directive).toMatch(/script-src/);
  });

  it('answers 404 for paths outside the bundle, encoded forms included', async () => {
    for (const probe of ['/../package.json', '/%2e%2e/package.json', '/%252e%252e/package.json', '/..%2fpackage.json', '/assets/..%5c..%5cpackage.json']) {
      const response = await fetch(`${app.origin}${probe}`);
      expect(response.status, probe).toBe(404);
    }
    const index = await fetch(`${app.origin}/index.html`);
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
  });
});
