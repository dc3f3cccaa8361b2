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
});
