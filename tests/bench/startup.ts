import type { BrowserContext } from 'playwright-core';
import type { BenchResult, Budget } from './report';
import { fixed, median, p95 } from './stats';

export const STARTUP: Budget = { name: 'Start to interactive SOP library ÷ bare React', unit: '×', comparison: '<=', budget: 1.3 };

const LABEL = 'Search procedures';
const RUNS = 20;
const WARMUP = 2;

/**
 * ms from navigation start (the document's `performance.timeOrigin`) until the input labelled
 * `label` exists and has focus, read in the page by a requestAnimationFrame poll. The poll starts
 * at commit, before any of the page's scripts have run. A fresh page each time.
 */
async function timeToInteractive(context: BrowserContext, url: string): Promise<number> {
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'commit' });
    const handle = await page.waitForFunction(
      (label) => {
        const input = [...document.querySelectorAll('input')].find((el) => [...(el.labels ?? [])].some((l) => l.textContent?.trim() === label));
        return input !== undefined && document.activeElement === input ? performance.now() : false;
      },
      LABEL,
      { polling: 'raf', timeout: 30_000 },
    );
    const ms = await handle.jsonValue();
    if (typeof ms !== 'number') throw new Error(`${url} never became interactive`);
    return ms;
  } finally {
    await page.close();
  }
}

/**
 * Budget: the production renderer, from navigation start to the SOP library's search field being
 * focused, within 1.3× of a bare React page (heading + focused input) built by the same toolchain
 * and served the same way. Both load in one warm browser, alternating ABBA so drift cancels;
 * the figure is the ratio of medians. Deskbook's time includes its bundle, CSS, IndexedDB open and
 * the start-up IPC calls it makes before the library renders, which is the point of the budget.
 */
export async function measureStartup(context: BrowserContext, deskbookUrl: string, bareUrl: string): Promise<BenchResult> {
  const deskbook: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const order = i % 2 === 0 ? (['deskbook', 'bare'] as const) : (['bare', 'deskbook'] as const);
    for (const side of order) {
      const ms = await timeToInteractive(context, side === 'deskbook' ? deskbookUrl : bareUrl);
      if (i >= WARMUP) (side === 'deskbook' ? deskbook : bare).push(ms);
    }
  }
  const describe = (xs: number[]) => `median ${fixed(median(xs), 1)} ms, p95 ${fixed(p95(xs), 1)} ms, min ${fixed(Math.min(...xs), 1)} ms`;
  return {
    ...STARTUP,
    value: median(deskbook) / median(bare),
    notes: [
      `Deskbook: ${describe(deskbook)} (${RUNS} loads after ${WARMUP} warm-up)`,
      `bare:     ${describe(bare)} (${RUNS} loads after ${WARMUP} warm-up)`,
      `difference of medians: ${fixed(median(deskbook) - median(bare), 1)} ms`,
    ],
  };
}
