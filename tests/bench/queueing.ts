import type { Page } from 'playwright-core';
import { makeEscalation } from '../support/escalation-fixture';
import type { BenchResult, Budget } from './report';
import { fixed, median, p95 } from './stats';

export const QUEUEING: Budget = { name: 'Queueing ÷ raw IndexedDB transaction', unit: '×', comparison: '<=', budget: 1.6 };

const RUNS = 300;
const WARMUP = 20;

/**
 * Budget: queueing an escalation (`enqueueEscalation`: escalation row + outbox entry in one
 * strict-durability Dexie transaction that also scopes `drafts`) within 1.6× of one raw
 * IndexedDB transaction, `{ durability: 'strict' }`, putting the same two records into the same
 * two stores (same keys and indexes) of a separate database. In Chromium, one page, alternating
 * per escalation; the figure is the ratio of medians. Both sides wait for a disk flush, so on a
 * fast disk the ratio shows Dexie's overhead, and on a slow one it tends towards 1.
 */
export async function measureQueueing(page: Page): Promise<BenchResult> {
  const escalations = Array.from({ length: WARMUP + RUNS }, () => makeEscalation());
  const times = await page.evaluate(
    ({ escalations, warmup }) => {
      const api = window.deskbookBench;
      if (!api) throw new Error('the bench bundle is not loaded in this page');
      return api.queueing(escalations, warmup);
    },
    { escalations, warmup: WARMUP },
  );
  const describe = (xs: number[]) => `median ${fixed(median(xs), 3)} ms, p95 ${fixed(p95(xs), 3)} ms`;
  return {
    ...QUEUEING,
    value: median(times.dexie) / median(times.raw),
    notes: [
      `enqueueEscalation (Dexie): ${describe(times.dexie)}`,
      `raw IndexedDB:             ${describe(times.raw)}`,
      `${times.dexie.length} escalations each way after ${WARMUP} warm-up; timed in the page, performance.now() resolution ${times.isolated ? '5 µs (cross-origin isolated)' : '100 µs (not isolated)'}`,
    ],
  };
}
