/**
 * Group commit: one write at a time; whatever arrives while a write is on disk goes in the next
 * one, so disk flushes do not serialise the work that produces the items.
 */
export interface GroupCommit<T> {
  /** Queues an item; resolves once the write that holds it is done, rejects if that write failed. */
  add(item: T): Promise<void>;
  /** Writes what is waiting, after the write in progress if there is one. */
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

/** A group commit over `write`, which gets each batch in arrival order and writes it whole or throws. */
export function createGroupCommit<T>(write: (batch: T[]) => Promise<void>): GroupCommit<T> {
  let pending: T[] = [];
  let queued = false;
  let chain: Promise<void> = Promise.resolve();
  let failed = false;

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

  const flush = (): Promise<void> => {
    if (!queued) {
      queued = true;
      // A failed write must not jam the chain: the next flush starts after it either way.
      chain = chain
        .catch(() => undefined)
        .then(() => {
          queued = false;
          return writePending();
        });
    }
    return chain;
  };

  return {
    add(item) {
      pending.push(item);
      return flush();
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
