import { useEffect, useState } from 'react';

/**
 * The current time in milliseconds, re-read every `intervalMs`: for clocks on screen (a call's
 * duration, a due time). The interval is the refresh, not a measurement; nothing waits on it.
 */
export function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
