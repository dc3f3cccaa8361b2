/**
 * `npm run fuzz`: 100,000 IPC calls (DESKBOOK_FUZZ_CALLS to change) through the router into the
 * real main-process services, in rounds of 5,000, against a loopback ticketing server that
 * answers at random. Prints the figures and exits non-zero when a property broke: a throw, an
 * answer that is not a typed Result, a leak, a polluted prototype, main no longer answering
 * `app:info`, or fewer than half of the calls reaching a handler.
 */
import { collectGarbage, emptyStats, runCalls, sampleCalls, startFuzzRig } from './ipc-fuzz';

const TOTAL = Number(process.env.DESKBOOK_FUZZ_CALLS ?? 100_000);
const ROUND = 5_000;
const SEED = Number(process.env.DESKBOOK_FUZZ_SEED ?? Date.now() % 1_000_000);

const gc = collectGarbage();
const rig = await startFuzzRig(SEED);
const stats = emptyStats();
const heaps: number[] = [];
const started = performance.now();
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
console.log(`fuzz: ${TOTAL} calls, seed ${SEED} (DESKBOOK_FUZZ_SEED=${SEED} repeats this run)`);
for (let round = 0; round * ROUND < TOTAL; round += 1) {
  const size = Math.min(ROUND, TOTAL - round * ROUND);
  // Sampled 500 at a time: a round's worth of 600 kB strings and 200,000-deep nestings held at
  // once would make the harness, not main, the biggest thing in memory.
  for (let done = 0; done < size; done += 500) await runCalls(rig, sampleCalls(rig, Math.min(500, size - done), SEED * 1000 + round * 20 + done / 500), stats);
  gc();
  heaps.push(process.memoryUsage().heapUsed);
  console.log(`  ${stats.calls} calls · heap ${mb(heaps.at(-1)!)} MB · rss ${mb(process.memoryUsage().rss)} MB`);
}
const seconds = (performance.now() - started) / 1000;
const alive = await rig.mains.supervisor.call('app:info');
await rig.dispose();

const share = stats.reached / stats.calls;
const growth = heaps.length > 2 ? heaps.at(-1)! - heaps[1]! : 0;
console.log(`calls: ${stats.calls} in ${seconds.toFixed(1)} s (${Math.round(stats.calls / seconds)}/s)`);
console.log(`throws: ${stats.throws}`);
console.log(`reached a handler: ${stats.reached} (${(share * 100).toFixed(1)} %; at least 50 %)`);
console.log(`answers: ${Object.entries(stats.byCode).sort((a, b) => b[1] - a[1]).map(([code, n]) => `${code} ${n}`).join(', ')}`);
console.log(`server answered: ${Object.entries(rig.chaos.answered).map(([answer, n]) => `${answer} ${n}`).join(', ')}`);
console.log(`heap after the second round ${mb(heaps[1] ?? 0)} MB, after the last ${mb(heaps.at(-1) ?? 0)} MB (growth ${mb(growth)} MB)`);
console.log(`app:info afterwards: ${(alive as { ok?: boolean }).ok ? 'answered' : JSON.stringify(alive)}`);
console.log(`violations: ${stats.violationCount}`);
for (const line of stats.violations) console.log(`  - ${line}`);

const failed = stats.throws > 0 || stats.violationCount > 0 || share < 0.5 || !(alive as { ok?: boolean }).ok;
process.exitCode = failed ? 1 : 0;
