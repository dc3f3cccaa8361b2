// `npm run bench`: every performance budget in docs/architecture.md, measured side by side in one run and
// printed as a table. Exits 1 when any budget is missed (or could not be measured). Assumes the
// production build exists (the npm script builds first). See ./README.md.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { rolePolicy } from '../support/main-services';
import { launchApp, ROOT } from '../e2e/harness';
import type { LaunchedApp } from '../e2e/harness';
import { buildBarePage } from './bare-page';
import { openBenchPage } from './bench-page-host';
import { measureBigQueue, OUTBOX_DRAINING, OUTBOX_SCREEN, RENDERER_HEAP } from './big-queue';
import { DRAIN, DRAIN_PUMP, measureDrain } from './drain';
import { DRAIN_MAIN, DRAIN_RT, measureDrainRt, measureMainHop } from './drain-layers';
import { GUARD, measureGuard } from './guard';
import { INITIAL_JS, measureInitialJs } from './initial-js';
import { measureQueueing, QUEUEING } from './queueing';
import { measureReviewCache, REVIEW_CACHE } from './review-cache';
import { brokenResult, formatReport, withinBudget } from './report';
import type { BenchResult, Budget } from './report';
import { serveBuild } from '../support/serve-build';
import { measureSopStep, SOP_STEP } from './sop-step';
import { MAIN_RSS, measureMainMemory } from './main-memory';
import { measureStartup, STARTUP } from './startup';
import { measureStorm, STORM_DRAIN, STORM_ONCE, STORM_PEAK } from './storm';
import { measureStudioEdit, measureStudioLayout, STUDIO_EDIT, STUDIO_LAYOUT } from './studio-lint';

const results: BenchResult[] = [];

/** Runs one measurement, which may report several budgets (`budgets` says which, for a failure). */
async function bench(
  budget: Budget | Budget[],
  measure: () => Promise<BenchResult | BenchResult[]> | BenchResult | BenchResult[],
): Promise<void> {
  const budgets = Array.isArray(budget) ? budget : [budget];
  const name = budgets.map((b) => b.name).join(' / ');
  const started = Date.now();
  process.stderr.write(`bench: ${name}…\n`);
  try {
    const measured = await measure();
    results.push(...(Array.isArray(measured) ? measured : [measured]));
  } catch (error) {
    for (const b of budgets) results.push(brokenResult(b, error));
  }
  process.stderr.write(`bench: ${name} took ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

const started = Date.now();
await bench(INITIAL_JS, () => measureInitialJs(path.join(ROOT, 'dist', 'renderer')));
// In Node, before the browser starts, so Chromium takes no CPU from it.
await bench(SOP_STEP, () => measureSopStep());
await bench(GUARD, () => measureGuard());
await bench(STUDIO_EDIT, () => measureStudioEdit());
await bench(STUDIO_LAYOUT, () => measureStudioLayout());
await bench([STORM_PEAK, STORM_DRAIN, STORM_ONCE], () => measureStorm());
await bench(DRAIN_MAIN, () => measureMainHop());
await bench(MAIN_RSS, () => measureMainMemory());

const bareDir = await mkdtemp(path.join(os.tmpdir(), 'deskbook-bench-bare-'));
let app: LaunchedApp | null = null;
try {
  await buildBarePage(ROOT, bareDir);
  const bare = await serveBuild(bareDir);
  try {
    // The drain bench points the app at its receiver: a supervisor's change.
    app = await launchApp({ adminPolicy: rolePolicy('supervisor') });
    const { page, context, url, origin } = app;
    // The app's first page would hold the outbox pump's Web Lock for the whole run: park it.
    await page.goto('about:blank');
    await bench(STARTUP, () => measureStartup(context, url, `${bare.origin}/`));
    await openBenchPage(page, origin);
    await bench(QUEUEING, () => measureQueueing(page));
    await bench(REVIEW_CACHE, () => measureReviewCache(page));
    // After the IndexedDB benches (its 110,000 seeded rows leave the database compacting for a
    // while) and before any connector is configured, so nothing drains the seeded queue.
    await bench([OUTBOX_DRAINING, OUTBOX_SCREEN, RENDERER_HEAP], () => measureBigQueue(context, url, origin));
    await bench([DRAIN, DRAIN_PUMP], () => measureDrain(page));
    // Last of the in-page benches: it points the app at a real Request Tracker.
    await bench(DRAIN_RT, () => measureDrainRt(page));
  } finally {
    await bare.close();
  }
} catch (error) {
  for (const budget of [STARTUP, OUTBOX_DRAINING, OUTBOX_SCREEN, RENDERER_HEAP, QUEUEING, DRAIN, DRAIN_PUMP, DRAIN_RT, REVIEW_CACHE]) {
    if (!results.some((r) => r.name === budget.name)) results.push(brokenResult(budget, error));
  }
} finally {
  await app?.dispose();
  await rm(bareDir, { recursive: true, force: true });
}

console.log(formatReport(results));
console.log(`\n${results.filter(withinBudget).length}/${results.length} budgets met in ${((Date.now() - started) / 1000).toFixed(0)} s`);
process.exitCode = results.every(withinBudget) ? 0 : 1;
