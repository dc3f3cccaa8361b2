import { describe, expect, it } from 'vitest';
import type { NetStatus } from '../../shared/ipc/contract';
import { createNetMonitor } from './monitor';
import type { ProbeOutcome } from './monitor';

const now = () => new Date('2026-11-23T15:00:00Z');

describe('the reachability monitor', () => {
  it('reports unconfigured when no endpoint is set', async () => {
    const monitor = createNetMonitor({ probe: () => null, now, onChange: () => {} });
    await expect(monitor.check()).resolves.toMatchObject({ state: 'unconfigured', checkedAt: null });
  });

  it('pushes changes, not every probe', async () => {
    const changes: NetStatus[] = [];
    let answer: ProbeOutcome = { reachable: true, detail: 'RT answered' };
    const monitor = createNetMonitor({ probe: () => async () => answer, now, onChange: (s) => changes.push(s) });
    await monitor.check();
    await monitor.check();
    answer = { reachable: false, detail: 'connection refused' };
    await monitor.check();
    expect(changes.map((c) => c.state)).toEqual(['online', 'offline']);
    expect(changes[1]).toEqual({ state: 'offline', detail: 'connection refused', checkedAt: '2026-11-23T15:00:00.000Z' });
  });

  it('reports a connector that cannot be built from the settings as offline with its reason, instead of rejecting', async () => {
    // Found by the IPC fuzz: a Zendesk e-mail Settings let through made the connector throw while
    // the probe was built, outside the probe's own try, and the rejection took Node down.
    const monitor = createNetMonitor({
      probe: () => {
        throw new Error("Agent email: 'a:b@c.d' is not an e-mail address");
      },
      now,
      onChange: () => {},
    });
    await expect(monitor.check()).resolves.toMatchObject({ state: 'offline', detail: expect.stringContaining('Agent email') });
  });

  it('treats a throwing probe as offline and coalesces concurrent checks', async () => {
    let calls = 0;
    const monitor = createNetMonitor({
      probe: () => async () => {
        calls += 1;
        throw new Error('ECONNRESET');
      },
      now,
      onChange: () => {},
    });
    const [a, b] = await Promise.all([monitor.check(), monitor.check()]);
    expect(calls).toBe(1);
    expect(a).toBe(b);
    expect(a.state).toBe('offline');
  });

  it('probes on its timer, sooner while offline, and stops', async () => {
    const timers: { fn: () => void; ms: number }[] = [];
    const monitor = createNetMonitor({
      probe: () => async () => ({ reachable: false, detail: 'down' }),
      now,
      onChange: () => {},
      setTimer: (fn, ms) => timers.push({ fn, ms }),
      clearTimer: () => {},
      intervalOfflineMs: 5_000,
      intervalOnlineMs: 60_000,
    });
    monitor.start();
    await new Promise((r) => setTimeout(r, 0));
    expect(timers.at(-1)?.ms).toBe(5_000);
    monitor.stop();
  });
});
