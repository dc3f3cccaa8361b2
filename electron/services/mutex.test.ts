import { describe, expect, it } from 'vitest';
import { createMutex } from './mutex';

const tick = () => new Promise((r) => setTimeout(r, 1));

describe('the async mutex', () => {
  it('runs tasks one at a time, in the order they asked', async () => {
    const serial = createMutex();
    const log: string[] = [];
    const task = (name: string) => async () => {
      log.push(`start ${name}`);
      await tick();
      log.push(`end ${name}`);
      return name;
    };
    await expect(Promise.all([serial(task('a')), serial(task('b')), serial(task('c'))])).resolves.toEqual(['a', 'b', 'c']);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });

  it('a task that fails does not block the ones behind it', async () => {
    const serial = createMutex();
    const failing = serial(async () => {
      await tick();
      throw new Error('boom');
    });
    const next = serial(async () => 'ran');
    await expect(failing).rejects.toThrow('boom');
    await expect(next).resolves.toBe('ran');
  });
});
