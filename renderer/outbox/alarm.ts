/** Timers as the pump takes them: injected, so tests and benchmarks run on their own clock. */
export type SetTimer = (fn: () => void, ms: number) => unknown;
export type ClearTimer = (handle: unknown) => void;

/** At most one pending wake-up: setting another replaces it. */
export interface Alarm {
  /** Calls `fn` in `ms` (at least 50 ms, at most what a timer can hold). */
  set(ms: number, fn: () => void): void;
  clear(): void;
}

export function createAlarm(
  setTimer: SetTimer = (fn, ms) => setTimeout(fn, ms),
  clearTimer: ClearTimer = (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
): Alarm {
  let handle: unknown = null;
  const clear = () => {
    if (handle !== null) clearTimer(handle);
    handle = null;
  };
  return {
    set(ms, fn) {
      clear();
      handle = setTimer(
        () => {
          handle = null;
          fn();
        },
        Math.min(Math.max(50, ms), 2 ** 31 - 1),
      );
    },
    clear,
  };
}
