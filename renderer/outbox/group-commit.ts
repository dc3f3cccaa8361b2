/**
 * Group commit: one write at a time; whatever arrives while a write is on disk goes in the next
 * one, so disk flushes do not serialise the work that produces the items.
 */
export interface GroupCommit<T> {
  /** Queues an item; resolves once the write that holds it is done, rejects if that write failed. */
  add(item: T): Promise<void>;
  /** Writes what is waiting, after the write in progress if there is one, without the linger. */
  flush(): Promise<void>;
  /** Resolves once the writes queued so far are done, whether they worked or not; never rejects. */
  settled(): Promise<void>;
  /** Items waiting to be written, including those of a failed write. */
  readonly size: number;
  /**
   * The last write failed; its items wait for the next one. Stays set until a write succeeds, so
   * whoever produces the items can stop (the pump claims nothing new: a broken local database
   * must not send the whole queue with no way to record it).
   */
  readonly failed: boolean;
}

/**
 * Spacing between writes. Every write to the outbox makes the screens' live queries (the queue's
 * rows and counts) start again, and a reader that waits behind a write is thrown away and re-run
 * (Dexie's liveQuery discards a result the write may have changed). Writes spaced by `ms` leave
 * the readers room, and carry more results each.
 */
export interface Linger {
  /** A write starts no sooner than this long after the previous one started. */
  ms: number;
  /** The clock (ms) and a wait; injected so tests run on their own clock. */
  now: () => number;
  wait: (ms: number) => Promise<void>;
}

/**
 * A group commit over `write`, which gets each batch in arrival order and writes it whole or
 * throws. With `linger`, an item arriving soon after a write waits for the spacing to pass; one
 * arriving after a quiet spell is written at once.
 */
export function createGroupCommit<T>(write: (batch: T[]) => Promise<void>, linger?: Linger): GroupCommit<T> {
  let pending: T[] = [];
  let queued = false;
  let chain: Promise<void> = Promise.resolve();
  let failed = false;
  let lastStart = Number.NEGATIVE_INFINITY;
  // flush() asked for the next write now: no linger, and a linger under way is cut short.
  let urgent = false;
  let hurry: (() => void) | null = null;

  const writePending = async () => {
    const batch = pending;
    pending = [];
    if (batch.length === 0) return;
    try {
      await write(batch);
      failed = false;
    } catch (error) {
      // Kept for the next write, ahead of what arrived meanwhile.
      pending = [...batch, ...pending];
      failed = true;
      throw error;
    }
  };

  const schedule = (): Promise<void> => {
    if (!queued) {
      queued = true;
      // A failed write must not jam the chain: the next flush starts after it either way.
      chain = chain
        .catch(() => undefined)
        .then(async () => {
          if (linger) {
            const gap = lastStart + linger.ms - linger.now();
            // What arrives during the spacing joins this write (`queued` is still set).
            if (gap > 0 && !urgent) {
              await new Promise<void>((done) => {
                hurry = done;
                void linger.wait(gap).then(done);
              });
            }
            hurry = null;
            lastStart = linger.now();
          }
          urgent = false;
          queued = false;
          return writePending();
        });
    }
    return chain;
  };

  const flush = (): Promise<void> => {
    urgent = true;
    const written = schedule();
    hurry?.();
    return written;
  };

  return {
    add(item) {
      pending.push(item);
      return schedule();
    },
    flush,
    settled: () => chain.catch(() => undefined),
    get size() {
      return pending.length;
    },
    get failed() {
      return failed;
    },
  };
}
