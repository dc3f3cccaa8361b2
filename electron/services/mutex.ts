/** Runs one task at a time, in the order they were asked for. */
export type Mutex = <T>(task: () => Promise<T>) => Promise<T>;

/**
 * A small async mutex: each task starts once the one before it has settled, whether it resolved
 * or rejected, so one failure never blocks the tasks queued behind it.
 */
export function createMutex(): Mutex {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task);
    tail = run.catch(() => undefined);
    return run;
  };
}
