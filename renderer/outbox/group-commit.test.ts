import { describe, expect, it } from 'vitest';
import { createGroupCommit } from './group-commit';

/** A write that waits until the test lets it finish (or fail). */
function gatedWrites() {
  const batches: number[][] = [];
  const gates: { resolve: () => void; reject: (e: Error) => void }[] = [];
  const write = (batch: number[]) =>
    new Promise<void>((resolve, reject) => {
      batches.push(batch);
      gates.push({ resolve, reject });
    });
  const tick = () => new Promise((r) => setTimeout(r, 0));
  return { batches, gates, write, tick };
}

describe('group commit', () => {
  it('writes one batch at a time; what arrives during a write goes in the next one', async () => {
    const { batches, gates, write, tick } = gatedWrites();
    const commit = createGroupCommit(write);
    const first = commit.add(1);
    await tick();
    const rest = [commit.add(2), commit.add(3)];
    await tick();
    expect(batches).toEqual([[1]]);
    expect(commit.size).toBe(2);
    gates[0]!.resolve();
    await first;
    await tick();
    expect(batches).toEqual([[1], [2, 3]]);
    gates[1]!.resolve();
    await Promise.all(rest);
    expect(commit.size).toBe(0);
    expect(commit.failed).toBe(false);
  });

  it('keeps a failed batch, ahead of newer items, and says so until a write succeeds', async () => {
    const { batches, gates, write, tick } = gatedWrites();
    const commit = createGroupCommit(write);
    const first = commit.add(1);
    await tick();
    gates[0]!.reject(new Error('QuotaExceededError'));
    await expect(first).rejects.toThrow('QuotaExceededError');
    expect(commit.failed).toBe(true);
    expect(commit.size).toBe(1);

    // The chain is not jammed: the next write carries the kept item first.
    const second = commit.add(2);
    await tick();
    expect(batches).toEqual([[1], [1, 2]]);
    expect(commit.failed).toBe(true);
    gates[1]!.resolve();
    await second;
    expect(commit.failed).toBe(false);
    expect(commit.size).toBe(0);
  });

  it('does nothing for an empty flush, and settles without throwing after a failure', async () => {
    const { batches, gates, write, tick } = gatedWrites();
    const commit = createGroupCommit(write);
    await commit.flush();
    expect(batches).toEqual([]);
    const failing = commit.add(1).catch(() => 'failed');
    await tick();
    gates[0]!.reject(new Error('broken'));
    await expect(commit.settled()).resolves.toBeUndefined();
    expect(await failing).toBe('failed');
  });

  describe('with a linger', () => {
    /** A clock the test moves, and waits that end when it passes them. */
    function manualClock() {
      let now = 0;
      const waits: { until: number; done: () => void }[] = [];
      const linger = {
        ms: 100,
        now: () => now,
        wait: (ms: number) => new Promise<void>((done) => waits.push({ until: now + ms, done })),
      };
      const advance = (ms: number) => {
        now += ms;
        for (const w of waits.filter((w) => w.until <= now)) {
          waits.splice(waits.indexOf(w), 1);
          w.done();
        }
      };
      return { linger, advance, waits };
    }

    it('writes an item after a quiet spell at once', async () => {
      const { batches, gates, write, tick } = gatedWrites();
      const { linger, waits } = manualClock();
      const commit = createGroupCommit(write, linger);
      const done = commit.add(1);
      await tick();
      expect(batches).toEqual([[1]]);
      expect(waits).toEqual([]);
      gates[0]!.resolve();
      await done;
    });

    it('holds the next write until the spacing has passed, and what arrives meanwhile joins it', async () => {
      const { batches, gates, write, tick } = gatedWrites();
      const { linger, advance } = manualClock();
      const commit = createGroupCommit(write, linger);
      const first = commit.add(1);
      await tick();
      advance(10);
      gates[0]!.resolve();
      await first;
      const second = commit.add(2);
      await tick();
      advance(50);
      void commit.add(3);
      await tick();
      // 60 ms after the first write began: not yet.
      expect(batches).toEqual([[1]]);
      advance(39);
      await tick();
      expect(batches).toEqual([[1]]);
      advance(1);
      await tick();
      expect(batches).toEqual([[1], [2, 3]]);
      gates[1]!.resolve();
      await second;
    });

    it('spaces the writes from when each began, not from when it ended', async () => {
      const { batches, gates, write, tick } = gatedWrites();
      const { linger, advance } = manualClock();
      const commit = createGroupCommit(write, linger);
      const first = commit.add(1);
      await tick();
      // A write slower than the spacing: the next one starts as soon as it is done.
      advance(150);
      const second = commit.add(2);
      gates[0]!.resolve();
      await first;
      await tick();
      expect(batches).toEqual([[1], [2]]);
      gates[1]!.resolve();
      await second;
    });

    it('writes at once when flushed, cutting a linger under way short', async () => {
      const { batches, gates, write, tick } = gatedWrites();
      const { linger, advance } = manualClock();
      const commit = createGroupCommit(write, linger);
      const first = commit.add(1);
      await tick();
      gates[0]!.resolve();
      await first;
      void commit.add(2);
      await tick();
      advance(10);
      expect(batches).toEqual([[1]]);
      const flushed = commit.flush();
      await tick();
      expect(batches).toEqual([[1], [2]]);
      gates[1]!.resolve();
      await flushed;
      // And the next item lingers again, from that write's start.
      void commit.add(3);
      await tick();
      expect(batches).toEqual([[1], [2]]);
      advance(100);
      await tick();
      expect(batches).toEqual([[1], [2], [3]]);
      gates[2]!.resolve();
    });
  });
});
