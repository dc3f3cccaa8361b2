import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../shared/ipc/contract';
import type { ChannelName } from '../../shared/ipc/channels';
import { collectGarbage, emptyStats, runCalls, sampleCalls, startFuzzRig } from './ipc-fuzz';
import type { FuzzCall, FuzzRig } from './ipc-fuzz';

/**
 * The IPC contract fuzzed with valid shapes, at npm-test size (1,200 calls, a few seconds);
 * `npm run fuzz` sends 100,000. Fixed seeds keep CI steady; a failure names its seed, and
 * DESKBOOK_FUZZ_SEED=<seed> npm run fuzz replays it at full size.
 */
const SEED = 20261203;
let rig: FuzzRig | null = null;
afterEach(async () => {
  await rig?.dispose();
  rig = null;
});

describe('the IPC contract under fuzzed calls', () => {
  it('generates, for every channel, inputs its schema accepts, so every handler is reached', async () => {
    rig = await startFuzzRig(SEED);
    const valid = fc.sample(rig.arbitrary, { numRuns: 1200, seed: SEED }).filter((call: FuzzCall) => !call.mutation && Object.hasOwn(CHANNELS, call.channel));
    const reached = new Set(valid.filter((call) => CHANNELS[call.channel as ChannelName].input.safeParse(call.payload).success).map((call) => call.channel));
    expect([...Object.keys(CHANNELS)].filter((channel) => !reached.has(channel)), `seed ${SEED}`).toEqual([]);
  });

  it('never throws, answers every call with a typed Result that leaks nothing, keeps the prototype clean and its memory flat, and still answers app:info', async () => {
    const gc = collectGarbage();
    rig = await startFuzzRig(SEED);
    const stats = emptyStats();
    const heaps: number[] = [];
    for (let round = 0; round < 3; round += 1) {
      await runCalls(rig, sampleCalls(rig, 400, SEED + round), stats);
      gc();
      heaps.push(process.memoryUsage().heapUsed);
    }
    const context = `seed ${SEED}; DESKBOOK_FUZZ_SEED=${SEED} npm run fuzz replays it`;
    expect(stats.violations, context).toEqual([]);
    expect(stats.throws, context).toBe(0);
    expect(stats.reached / stats.calls, `${context}; answers ${JSON.stringify(stats.byCode)}`).toBeGreaterThanOrEqual(0.5);
    expect(await rig.mains.supervisor.call('app:info')).toMatchObject({ ok: true });
    expect(await rig.mains.analyst.call('app:info')).toMatchObject({ ok: true });
    // Live heap after a full collection: the third round must not hold what the second did not.
    expect(heaps[2]! - heaps[1]!, `heap after each round (bytes): ${heaps.join(', ')}`).toBeLessThan(16 * 1024 * 1024);
  });
});
