import { fork } from 'node:child_process';
import path from 'node:path';
import { startReceiver } from './drain';
import type { BenchResult, Budget } from './report';
import { fixed } from './stats';

/**
 * Main's resident memory after draining 10,000 escalations through the router (a week's backlog
 * of a busy school), in Node under tsx. First measured here: 150-165 MB after 100 deliveries,
 * 270-280 MB after 10,000 and 291 MB after 30,000, while the JS heap went 22 → 28 → 38 MB (the
 * test logger keeps its entries in memory; the app's writes them to a file). The rest is native:
 * Node's fetch (undici) buffers that the allocator keeps, which levels off. Budget 320 MB, over
 * that plateau: a real leak (a response or an escalation kept per delivery, ≥ 5 kB each) grows
 * without levelling and fails it at 10,000. Electron's own main adds its Chromium share on top.
 */
export const MAIN_RSS: Budget = { name: "Main's resident memory after draining 10,000", unit: 'MB', comparison: '<=', budget: 320 };

const COUNT = 10_000;

interface Figures {
  before: number;
  after: number;
  heapBefore: number;
  heapAfter: number;
  sent: number;
  logLines: number;
}

export async function measureMainMemory(): Promise<BenchResult> {
  const receiver = await startReceiver();
  try {
    const child = fork(path.join(import.meta.dirname, 'main-memory-process.ts'), [`${receiver.url}/hooks`, String(COUNT)], {
      execArgv: ['--expose-gc', '--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const figures = await new Promise<Figures>((resolve, reject) => {
      child.once('message', (m) => resolve(m as Figures));
      child.once('exit', (code) => reject(new Error(`the main-memory process exited (code ${String(code)}) before reporting`)));
    });
    await new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve(undefined)));
    if (figures.sent !== COUNT) throw new Error(`only ${figures.sent} of ${COUNT} deliveries answered "sent"`);
    return {
      ...MAIN_RSS,
      value: figures.after,
      notes: [
        `RSS after a GC: ${fixed(figures.before, 1)} MB after 100 warm-up deliveries, ${fixed(figures.after, 1)} MB after ${COUNT} more (+${fixed(((figures.after - figures.before) * 1e6) / COUNT / 1e3, 2)} kB per delivery)`,
        `JS heap ${fixed(figures.heapBefore, 1)} MB → ${fixed(figures.heapAfter, 1)} MB`,
        `main's services in a process of their own (router, delivery, vault, webhook connector); the test logger kept ${figures.logLines} entries in memory`,
      ],
    };
  } finally {
    await receiver.close();
  }
}
