import type { Page } from 'playwright-core';
import { bundleBenchPage } from './page-bundle';

/**
 * Turns `page` into a blank page on the app's origin carrying the bench bundle. Same origin, so
 * main's router accepts its `window.deskbook` calls; no app running in it, so nothing else
 * touches IndexedDB or the network. The route that serves the blank document is removed again
 * before anything is measured (request interception would slow every later request).
 */
export async function openBenchPage(page: Page, origin: string): Promise<void> {
  const bundle = await bundleBenchPage();
  const url = `${origin}/__deskbook-bench__`;
  await page.route(url, (route) =>
    route.fulfill({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      // Cross-origin isolation gives performance.now() 5 µs resolution instead of 100 µs.
      headers: { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' },
      body: '<!doctype html><title>Deskbook bench</title>',
    }),
  );
  // A document served by interception has no loopback address, so Chromium's Local Network
  // Access would refuse its fetches to the loopback receiver (bench 5) unless allowed.
  await page.context().grantPermissions(['local-network-access'], { origin });
  await page.goto(url);
  await page.unroute(url);
  await page.addScriptTag({ content: bundle });
}
